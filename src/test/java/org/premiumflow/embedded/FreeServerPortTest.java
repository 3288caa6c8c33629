package org.premiumflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** "Any free port" is settled before the application starts, so its own Camunda client knows the port too. */
class FreeServerPortTest {

    @Test
    void portZeroBecomesAFreePortThatTheClientAddressFollows() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("server.port", "0")
                .withProperty("camunda.client.rest-address", "http://localhost:${server.port}");

        new FreeServerPort().postProcessEnvironment(environment, new SpringApplication());

        int port = environment.getRequiredProperty("server.port", Integer.class);
        assertThat(port).isPositive();
        assertThat(environment.getProperty("camunda.client.rest-address")).isEqualTo("http://localhost:" + port);
    }

    @Test
    void aChosenPortIsLeftAlone() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "8080");

        new FreeServerPort().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains(FreeServerPort.PROPERTY_SOURCE)).isFalse();
        assertThat(environment.getProperty("server.port")).isEqualTo("8080");
    }
}
