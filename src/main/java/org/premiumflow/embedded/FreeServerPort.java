package org.premiumflow.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code server.port=0} ("any free port") into a free port chosen before the application
 * starts. The application's own Camunda client is built before the web server listens and finds
 * the embedded engine at {@code server.port}; left at 0, its job workers would poll port 0 for as
 * long as the application runs.
 */
class FreeServerPort implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE = "premiumflowFreeServerPort";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Integer port = environment.getProperty("server.port", Integer.class);
        if (port != null && port == 0) {
            environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of("server.port", find())));
        }
    }

    private static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for server.port=0", e);
        }
    }
}
