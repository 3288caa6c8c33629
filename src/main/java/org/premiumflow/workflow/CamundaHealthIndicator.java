package org.premiumflow.workflow;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.BrokerInfo;
import io.camunda.client.api.response.Topology;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Reports whether the Camunda cluster the client points at (the embedded engine, or a real
 * cluster in the {@code camunda} profile) answers a topology request with at least one broker.
 * Replaces the client starter's own check, which waits without a time limit and names nothing.
 */
@Component
class CamundaHealthIndicator extends AbstractHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final CamundaClient client;

    CamundaHealthIndicator(CamundaClient client) {
        super("Camunda cluster health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("address", client.getConfiguration().getRestAddress().toString());
        Topology topology;
        try {
            topology = client.newTopologyRequest().send().join(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException unreachable) {
            // Health is polled often; an unreachable cluster is a status, not a stack trace per poll.
            builder.down().withDetail("error", firstLine(unreachable));
            return;
        }
        int partitions = topology.getBrokers().stream().mapToInt(broker -> broker.getPartitions().size()).sum();
        builder.withDetail("gatewayVersion", topology.getGatewayVersion())
                .withDetail("brokers", topology.getBrokers().stream().map(BrokerInfo::getAddress).toList())
                .withDetail("partitions", partitions);
        if (topology.getBrokers().isEmpty()) {
            builder.down();
        } else {
            builder.up();
        }
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
