package org.premiumflow.workflow;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes stored workflow messages, one per transaction: woken right after a transaction that
 * wrote some, and every few seconds anyway. Messages go out in lanes that publish side by side;
 * a correlation key always falls in the same lane, so the messages for one process instance go
 * out in the order they were written. A message is marked published only once the cluster took
 * it, so publishing one twice is possible and harmless: its id is unique while it is buffered,
 * and the workers it leads to are idempotent. A message the cluster refuses is tried again later,
 * less and less often, without holding up the others; when the cluster cannot be reached the
 * lane stops until the next round.
 */
@Component
class WorkflowMessageRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WorkflowMessageRelay.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LAST_RETRY = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CamundaClient client;
    private final Clock clock;
    private final List<Lane> lanes;
    private volatile boolean modelsDeployed;

    WorkflowMessageRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager, CamundaClient client, Clock clock,
                         @Value("${premiumflow.workflow.message-relay-lanes:4}") int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("premiumflow.workflow.message-relay-lanes must be at least 1, not " + lanes);
        }
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.client = client;
        this.clock = clock;
        this.lanes = IntStream.range(0, lanes).mapToObj(lane -> new Lane(lane, lanes)).toList();
    }

    /** One lane of messages, published by a thread of its own, off the caller's: a slow cluster must not hold up a member's request. */
    private final class Lane {

        private final int number;
        private final int of;
        private final ExecutorService publisher;
        private final AtomicBoolean woken = new AtomicBoolean();

        Lane(int number, int of) {
            this.number = number;
            this.of = of;
            this.publisher = Executors.newSingleThreadExecutor(task -> new Thread(task, "workflow-message-relay-" + number));
        }

        /** Publishes soon; many wake-ups before the lane gets to it make one round. */
        void wake() {
            if (woken.compareAndSet(false, true)) {
                publisher.execute(() -> {
                    woken.set(false);
                    publishPending(this);
                });
            }
        }
    }

    private record Pending(long id, String name, String correlationKey, String messageId, String variables, long timeToLiveMs,
                           OffsetDateTime createdAt, int attempts) {
    }

    /** From now on messages can reach their processes; those written before go out now. */
    @EventListener(ModelsDeployed.class)
    void modelsDeployed() {
        modelsDeployed = true;
        wake();
    }

    /** Publishes soon in every lane. */
    void wake() {
        lanes.forEach(Lane::wake);
    }

    @Scheduled(fixedDelayString = "${premiumflow.workflow.message-relay-interval:PT5S}")
    void publishPending() {
        wake();
    }

    private void publishPending(Lane lane) {
        if (!modelsDeployed) {
            // A member may act before the start-up deployment is done; the messages wait for it.
            return;
        }
        try {
            while (Boolean.TRUE.equals(transactions.execute(status -> publishNext(lane)))) {
                // one message per transaction, until none is due: a billing run writes thousands at once
            }
        } catch (RuntimeException clusterAway) {
            log.warn("Could not publish workflow messages now, will retry: {}", clusterAway.getMessage());
        }
    }

    private boolean publishNext(Lane lane) {
        Instant now = clock.instant();
        // Skip locked: other instances of the application never publish the same row at once.
        List<Pending> next = jdbc.sql("""
                        select id, name, correlation_key, message_id, variables, time_to_live_ms, created_at, attempts
                        from premiumflow.workflow_message
                        where published_at is null and next_attempt_at <= ? and (hashtext(correlation_key) & 2147483647) % ? = ?
                        order by id limit 1 for update skip locked""")
                .params(Timestamp.from(now), lane.of, lane.number).query(Pending.class).list();
        if (next.isEmpty()) {
            return false;
        }
        Pending message = next.get(0);
        try {
            publish(message, now);
        } catch (ProblemException refused) {
            if (refused.code() != 409) {
                retryLater(message, refused, now);
                return true;
            }
            log.debug("Message {} was published before", message.messageId());
        }
        jdbc.sql("update premiumflow.workflow_message set published_at = ? where id = ?")
                .params(Timestamp.from(now), message.id()).update();
        return true;
    }

    private void publish(Pending message, Instant now) {
        // The time to live counts from when the change was made, not from when the cluster was back.
        Duration left = Duration.between(now, message.createdAt().toInstant().plusMillis(message.timeToLiveMs()));
        client.newPublishMessageCommand()
                .messageName(message.name())
                .correlationKey(message.correlationKey())
                .messageId(message.messageId())
                .timeToLive(left.isNegative() ? Duration.ZERO : left)
                .variables(message.variables())
                .send().join(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Published message {} ({})", message.name(), message.messageId());
    }

    private void retryLater(Pending message, ProblemException refused, Instant now) {
        int attempts = message.attempts() + 1;
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        if (wait.compareTo(LAST_RETRY) > 0) {
            wait = LAST_RETRY;
        }
        jdbc.sql("update premiumflow.workflow_message set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                .params(attempts, Timestamp.from(now.plus(wait)), refused.getMessage(), message.id()).update();
        log.error("The cluster refused message {} ({}) {} time(s), trying again in {}: {}", message.name(), message.messageId(),
                attempts, wait, refused.getMessage());
    }

    @Override
    public void destroy() {
        lanes.forEach(lane -> lane.publisher.shutdownNow());
    }
}
