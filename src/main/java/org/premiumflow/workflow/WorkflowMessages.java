package org.premiumflow.workflow;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends messages to the processes as part of a business transaction: the message is stored with
 * the change that causes it, and the {@link WorkflowMessageRelay} publishes it once that change is
 * committed, or later if the cluster is away: a committed change never misses its process and a
 * rolled-back one never reaches it.
 */
@Component
public class WorkflowMessages {

    private final JdbcClient jdbc;
    private final CamundaClient client;
    private final Clock clock;
    private final WorkflowMessageRelay relay;

    WorkflowMessages(JdbcClient jdbc, CamundaClient client, Clock clock, WorkflowMessageRelay relay) {
        this.jdbc = jdbc;
        this.client = client;
        this.clock = clock;
        this.relay = relay;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void send(WorkflowMessage message) {
        jdbc.sql("""
                        insert into premiumflow.workflow_message
                            (name, correlation_key, message_id, variables, time_to_live_ms, created_at, next_attempt_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (message_id) do nothing""")
                .params(message.name(), message.correlationKey(), message.messageId(),
                        client.getConfiguration().getJsonMapper().toJson(message.variables()),
                        message.timeToLive().toMillis(), Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wake();
            }
        });
    }

}
