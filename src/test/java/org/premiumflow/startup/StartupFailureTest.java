package org.premiumflow.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.premiumflow.support.FreePort;
import org.premiumflow.support.Premiumflow;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Bad configuration stops start-up with one line saying what is wrong and what to do, never a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

    @Test
    void aDatabaseThatDoesNotAnswerIsNamed(CapturedOutput output) throws IOException {
        int closedPort = FreePort.find();

        assertThatThrownBy(() -> Premiumflow.start(
                "spring.datasource.url=jdbc:postgresql://localhost:" + closedPort + "/premiumflow",
                "spring.datasource.username=premiumflow",
                "spring.datasource.password=not-a-real-secret"))
                .hasStackTraceContaining("Cannot connect to the database");

        assertThat(output.getOut())
                .contains("premiumflow did not start: Cannot connect to the database at jdbc:postgresql://localhost:"
                        + closedPort + "/premiumflow as user 'premiumflow'")
                .contains("Fix: check spring.datasource.url")
                .doesNotContain("not-a-real-secret")
                .as("with a database URL configured, no embedded PostgreSQL starts")
                .doesNotContain("Embedded PostgreSQL listening");
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    @Test
    void aServerPortInUseIsNamed(CapturedOutput output) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> Premiumflow.start(
                    "server.port=" + port, "premiumflow.embedded.postgres.ephemeral=true"));

            assertThat(output.getOut())
                    .contains("premiumflow did not start: Web server failed to start. Port " + port + " was already in use.")
                    .contains("Fix: ");
            assertThat(output.getAll()).doesNotContain("\tat ");
        }
    }

    @Test
    void anEmbeddedPostgresPortInUseIsNamed(CapturedOutput output) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> Premiumflow.start(
                    "premiumflow.embedded.postgres.port=" + port, "premiumflow.embedded.postgres.ephemeral=true"));

            assertThat(output.getOut()).contains(
                    "premiumflow did not start: Port " + port + " for the embedded PostgreSQL is already in use.");
            assertThat(output.getAll()).doesNotContain("\tat ");
        }
    }
}
