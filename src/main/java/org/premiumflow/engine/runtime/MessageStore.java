package org.premiumflow.engine.runtime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Buffered messages, message subscriptions of waiting element instances, and message start events. */
public final class MessageStore {

    /** Longer than any publication takes to deliver a message to every subscription it found. */
    private static final long PUBLICATION_WINDOW_MINUTES = 10;

    private final JdbcClient jdbc;

    MessageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A message as correlation needs it. */
    public record Message(long key, String name, String correlationKey, Map<String, Object> variables, String tenantId) {
    }

    public record Subscription(long key, String messageName, String correlationKey, String elementId, long elementInstanceKey,
                               long processInstanceKey, String bpmnProcessId, String tenantId) {
    }

    public record StartEvent(long processDefinitionKey, String bpmnProcessId, String elementId) {
    }

    /**
     * Serializes, until the transaction ends, everyone who publishes or waits for messages of
     * one name and correlation key, so a message and a subscription opened at the same moment
     * always meet.
     */
    void lockCorrelation(String tenantId, String name, String correlationKey) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(tenantId + "\u001f" + name + "\u001f" + correlationKey).query().singleRow();
    }

    /** Stores a message until {@code expiresAt}; false when a living message of that name and key has the same id. */
    boolean buffer(Message message, String messageId, OffsetDateTime now, OffsetDateTime expiresAt) {
        if (messageId != null) {
            jdbc.sql("""
                            delete from engine.message
                            where tenant_id = ? and name = ? and correlation_key = ? and message_id = ? and expires_at <= ?""")
                    .params(message.tenantId(), message.name(), message.correlationKey(), messageId, now).update();
        }
        return jdbc.sql("""
                        insert into engine.message (message_key, name, correlation_key, message_id, variables, tenant_id, published_at,
                            expires_at)
                        values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?) on conflict do nothing""")
                .params(message.key(), message.name(), message.correlationKey(), messageId, RuntimeStore.toJson(message.variables()),
                        message.tenantId(), now, expiresAt)
                .update() == 1;
    }

    /** The oldest living message for a subscription that has not been correlated to its process yet. */
    Optional<Message> bufferedFor(Subscription subscription, OffsetDateTime now) {
        return jdbc.sql("""
                        select * from engine.message m
                        where tenant_id = ? and name = ? and correlation_key = ? and expires_at > ?
                        and not exists (select 1 from engine.message_correlation c
                                        where c.message_key = m.message_key and c.bpmn_process_id = ?)
                        order by published_at, message_key limit 1""")
                .params(subscription.tenantId(), subscription.messageName(), subscription.correlationKey(), now,
                        subscription.bpmnProcessId())
                .query(MessageStore::message).optional();
    }

    /** A buffered message that may start an instance of a process, with the start event it would start at. */
    record BufferedStart(Message message, long processDefinitionKey, String elementId) {
    }

    /**
     * The oldest living message for one of a process's message start events with this correlation
     * key that has not started an instance of it yet: it was held back while another instance
     * started with that key was active.
     */
    Optional<BufferedStart> bufferedStart(String bpmnProcessId, String tenantId, String correlationKey, OffsetDateTime now) {
        return jdbc.sql("""
                        select m.*, s.process_definition_key, s.element_id from engine.message m
                        join engine.message_start_event s on s.tenant_id = m.tenant_id and s.message_name = m.name
                        where s.bpmn_process_id = ? and m.tenant_id = ? and m.correlation_key = ? and m.expires_at > ?
                        and not exists (select 1 from engine.message_correlation c
                                        where c.message_key = m.message_key and c.bpmn_process_id = s.bpmn_process_id)
                        order by m.published_at, m.message_key limit 1""")
                .params(bpmnProcessId, tenantId, correlationKey, now)
                .query((row, n) -> new BufferedStart(message(row, n), row.getLong("process_definition_key"),
                        row.getString("element_id")))
                .optional();
    }

    Optional<String> startCorrelationKey(long processInstanceKey) {
        return jdbc.sql("select start_correlation_key from engine.process_instance where process_instance_key = ?")
                .param(processInstanceKey).query(String.class).optional();
    }

    /** Notes that a message reached a process; false when it already had (a message correlates once per process). */
    boolean recordCorrelation(long messageKey, String bpmnProcessId, long processInstanceKey, OffsetDateTime now) {
        return jdbc.sql("""
                        insert into engine.message_correlation (message_key, bpmn_process_id, process_instance_key, correlated_at)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(messageKey, bpmnProcessId, processInstanceKey, now).update() == 1;
    }

    boolean correlatedTo(long messageKey, String bpmnProcessId) {
        return jdbc.sql("select exists (select 1 from engine.message_correlation where message_key = ? and bpmn_process_id = ?)")
                .params(messageKey, bpmnProcessId).query(Boolean.class).single();
    }

    /**
     * Drops messages whose time to live has ended, and the record of where messages went once the
     * message is gone and its publication is long over.
     */
    int deleteExpired(OffsetDateTime now) {
        int expired = jdbc.sql("delete from engine.message where expires_at <= ?").param(now).update();
        jdbc.sql("""
                        delete from engine.message_correlation c
                        where c.correlated_at < ? and not exists (select 1 from engine.message m where m.message_key = c.message_key)""")
                .param(now.minusMinutes(PUBLICATION_WINDOW_MINUTES)).update();
        return expired;
    }


    void openSubscription(long key, Subscription subscription, long processDefinitionKey, OffsetDateTime now) {
        jdbc.sql("""
                        insert into engine.message_subscription (subscription_key, state, message_name, correlation_key, element_id,
                            element_instance_key, process_instance_key, process_definition_key, bpmn_process_id, tenant_id, created_at)
                        values (?, 'CREATED', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(key, subscription.messageName(), subscription.correlationKey(), subscription.elementId(),
                        subscription.elementInstanceKey(), subscription.processInstanceKey(), processDefinitionKey,
                        subscription.bpmnProcessId(), subscription.tenantId(), now)
                .update();
    }

    /** Open subscriptions for a message, oldest first. */
    List<Subscription> openSubscriptions(String tenantId, String name, String correlationKey) {
        return jdbc.sql("""
                        select * from engine.message_subscription
                        where tenant_id = ? and message_name = ? and correlation_key = ? and state = 'CREATED'
                        order by created_at, subscription_key""")
                .params(tenantId, name, correlationKey).query(MessageStore::subscription).list();
    }

    List<Long> openKeysOf(long elementInstanceKey) {
        return jdbc.sql("""
                        select subscription_key from engine.message_subscription
                        where element_instance_key = ? and state = 'CREATED' order by subscription_key""")
                .param(elementInstanceKey).query(Long.class).list();
    }

    Optional<Subscription> lockOpen(long subscriptionKey) {
        return jdbc.sql("select * from engine.message_subscription where subscription_key = ? and state = 'CREATED' for update")
                .param(subscriptionKey).query(MessageStore::subscription).optional();
    }

    void correlated(long subscriptionKey) {
        jdbc.sql("update engine.message_subscription set state = 'CORRELATED' where subscription_key = ?")
                .param(subscriptionKey).update();
    }

    /** Closes the subscriptions an element instance holds; answers their keys. */
    List<Long> closeOf(long elementInstanceKey) {
        return jdbc.sql("""
                        update engine.message_subscription set state = 'DELETED'
                        where element_instance_key = ? and state = 'CREATED' returning subscription_key""")
                .param(elementInstanceKey).query(Long.class).list();
    }

    /** Makes these the message start events of a process: the latest version's, replacing the earlier ones. */
    public void replaceStartEvents(String bpmnProcessId, String tenantId, long processDefinitionKey, Map<String, String> nameByElement) {
        jdbc.sql("delete from engine.message_start_event where bpmn_process_id = ? and tenant_id = ?")
                .params(bpmnProcessId, tenantId).update();
        nameByElement.forEach((elementId, name) -> jdbc.sql("""
                        insert into engine.message_start_event (process_definition_key, bpmn_process_id, tenant_id, message_name, element_id)
                        values (?, ?, ?, ?, ?)""")
                .params(processDefinitionKey, bpmnProcessId, tenantId, name, elementId).update());
    }

    List<StartEvent> startEvents(String tenantId, String name) {
        return jdbc.sql("select * from engine.message_start_event where tenant_id = ? and message_name = ? order by bpmn_process_id")
                .params(tenantId, name)
                .query((row, n) -> new StartEvent(row.getLong("process_definition_key"), row.getString("bpmn_process_id"),
                        row.getString("element_id")))
                .list();
    }

    boolean hasActiveInstanceStartedWith(String bpmnProcessId, String tenantId, String correlationKey) {
        return jdbc.sql("""
                        select exists (select 1 from engine.process_instance
                                       where bpmn_process_id = ? and tenant_id = ? and start_correlation_key = ? and state = 'ACTIVE')""")
                .params(bpmnProcessId, tenantId, correlationKey).query(Boolean.class).single();
    }

    void rememberStartCorrelationKey(long processInstanceKey, String correlationKey) {
        jdbc.sql("update engine.process_instance set start_correlation_key = ? where process_instance_key = ?")
                .params(correlationKey, processInstanceKey).update();
    }

    @SuppressWarnings("unchecked")
    private static Message message(ResultSet row, int n) throws SQLException {
        return new Message(row.getLong("message_key"), row.getString("name"), row.getString("correlation_key"),
                (Map<String, Object>) RuntimeStore.fromJson(row.getString("variables")), row.getString("tenant_id"));
    }

    private static Subscription subscription(ResultSet row, int n) throws SQLException {
        return new Subscription(row.getLong("subscription_key"), row.getString("message_name"), row.getString("correlation_key"),
                row.getString("element_id"), row.getLong("element_instance_key"), row.getLong("process_instance_key"),
                row.getString("bpmn_process_id"), row.getString("tenant_id"));
    }
}
