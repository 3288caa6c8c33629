package org.premiumflow.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.premiumflow.PremiumflowApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole application the way {@code ./mvnw spring-boot:run} does, with test overrides,
 * for tests that need to start it more than once or watch it fail to start.
 */
public final class Premiumflow {

    private Premiumflow() {
    }

    public static ConfigurableApplicationContext start(String... properties) {
        // Passed as command-line arguments: they must win over application.yaml, as an operator's would.
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("server.port", "0");
        arguments.put("spring.main.banner-mode", "off");
        for (String property : properties) {
            int equals = property.indexOf('=');
            arguments.put(property.substring(0, equals), property.substring(equals + 1));
        }
        return new SpringApplicationBuilder(PremiumflowApplication.class).run(arguments.entrySet().stream()
                .map(argument -> "--" + argument.getKey() + "=" + argument.getValue())
                .toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
