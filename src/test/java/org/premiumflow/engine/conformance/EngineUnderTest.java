package org.premiumflow.engine.conformance;

import io.camunda.client.CamundaClient;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.premiumflow.PremiumflowApplication;
import org.premiumflow.support.FreePort;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The engine the conformance suite runs against, reached only through the official Camunda Java
 * client over HTTP. By default the embedded engine (the application started on a free port);
 * with {@code -Dengine.under.test=camunda} a real Camunda 8.9 container, skipped where Docker is
 * not available. One engine serves the whole test run.
 */
public final class EngineUnderTest implements ParameterResolver, ExecutionCondition {

    static final String SWITCH = "engine.under.test";
    static final String CAMUNDA_IMAGE = "camunda/camunda:8.9.13";
    private static final String NO_DOCKER =
            "Docker is not available here: the conformance run against a real Camunda 8.9 container is skipped";
    private static final AtomicBoolean NO_DOCKER_REPORTED = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (isCamunda() && !DockerClientFactory.instance().isDockerAvailable()) {
            if (NO_DOCKER_REPORTED.compareAndSet(false, true)) {
                System.out.println(NO_DOCKER);
            }
            return ConditionEvaluationResult.disabled(NO_DOCKER);
        }
        return ConditionEvaluationResult.enabled(isCamunda() ? "against " + CAMUNDA_IMAGE : "against the embedded engine");
    }

    private static boolean isCamunda() {
        return "camunda".equals(System.getProperty(SWITCH));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CamundaClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Engine.class, key -> start(), Engine.class)
                .client();
    }

    private static Engine start() {
        return isCamunda() ? camundaContainer() : embedded();
    }

    private static Engine embedded() {
        int port = FreePort.find();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(PremiumflowApplication.class).run(
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                "--premiumflow.embedded.postgres.ephemeral=true");
        return new Engine(client(URI.create("http://localhost:" + port)), app::close);
    }

    private static Engine camundaContainer() {
        GenericContainer<?> camunda = new GenericContainer<>(CAMUNDA_IMAGE)
                .withExposedPorts(8080, 9600)
                .withEnv("CAMUNDA_SECURITY_AUTHENTICATION_UNPROTECTEDAPI", "true")
                .withEnv("CAMUNDA_SECURITY_AUTHORIZATIONS_ENABLED", "false")
                // lets the tests pin and move the clock, as they do on the embedded engine
                .withEnv("ZEEBE_CLOCK_CONTROLLED", "true")
                .waitingFor(Wait.forHttp("/actuator/health/status").forPort(9600).withStartupTimeout(Duration.ofMinutes(3)));
        camunda.start();
        URI rest = URI.create("http://" + camunda.getHost() + ":" + camunda.getMappedPort(8080));
        return new Engine(client(rest), camunda::stop);
    }

    private static CamundaClient client(URI rest) {
        return CamundaClient.newClientBuilder()
                .restAddress(rest)
                .preferRestOverGrpc(true)
                .defaultRequestTimeout(Duration.ofSeconds(20))
                .build();
    }

    record Engine(CamundaClient client, Runnable stop) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            stop.run();
        }
    }
}
