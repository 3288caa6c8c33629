package org.premiumflow.workflow;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes stored workflow messages: right after the transaction that wrote them, and every few
 * seconds for any that could not be published then. A message is marked published only once the
 * cluster took it; publishing one twice is harmless, because its id is unique while it is
 * buffered and the workers it leads to are idempotent.
 */
@Component
class WorkflowMessageRelay {

    private static final Logger log = LoggerFactory.getLogger(WorkflowMessageRelay.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CamundaClient client;
    private final Clock clock;

    WorkflowMessageRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager, CamundaClient client, Clock clock) {
        this.jdbc = jdbc;
        // Its own transaction always: it also runs right after another one committed, when that one's resources are still bound.
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.client = client;
        this.clock = clock;
    }

    private record Pending(long id, String name, String correlationKey, String messageId, String variables, long timeToLiveMs) {
    }

    @Scheduled(fixedDelayString = "${premiumflow.workflow.message-relay-interval:PT5S}")
    void publishPending() {
        try {
            transactions.executeWithoutResult(status -> publishBatch());
        } catch (RuntimeException clusterAway) {
            log.warn("Could not publish workflow messages now, will retry: {}", clusterAway.getMessage());
        }
    }

    private void publishBatch() {
        // Skip locked: the after-commit call, the schedule and other instances never publish the same row at once.
        List<Pending> pending = jdbc.sql("""
                        select id, name, correlation_key, message_id, variables, time_to_live_ms from premiumflow.workflow_message
                        where published_at is null order by id limit ? for update skip locked""")
                .param(BATCH).query(Pending.class).list();
        for (Pending message : pending) {
            try {
                publish(message);
            } catch (ProblemException refused) {
                if (refused.code() != 409) {
                    // A message the cluster refuses outright would block nothing else; an operator must look at it.
                    log.error("The cluster refused message {} ({}): {}", message.name(), message.messageId(), refused.getMessage());
                    continue;
                }
                log.debug("Message {} was published before", message.messageId());
            }
            jdbc.sql("update premiumflow.workflow_message set published_at = ? where id = ?")
                    .params(Timestamp.from(clock.instant()), message.id()).update();
        }
    }

    private void publish(Pending message) {
        client.newPublishMessageCommand()
                .messageName(message.name())
                .correlationKey(message.correlationKey())
                .messageId(message.messageId())
                .timeToLive(Duration.ofMillis(message.timeToLiveMs()))
                .variables(message.variables())
                .send().join(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Published message {} ({})", message.name(), message.messageId());
    }
}
