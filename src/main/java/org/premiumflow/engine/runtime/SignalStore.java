package org.premiumflow.engine.runtime;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signal subscriptions of waiting element instances, and signal start events. */
public final class SignalStore {

    private final JdbcClient jdbc;

    SignalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Subscription(long key, String signalName, String elementId, long elementInstanceKey, long processInstanceKey) {
    }

    public record StartEvent(long processDefinitionKey, String elementId) {
    }

    void subscribe(long key, String signalName, String elementId, long elementInstanceKey, long processInstanceKey, String tenantId,
                   OffsetDateTime now) {
        jdbc.sql("""
                        insert into engine.signal_subscription (subscription_key, signal_name, element_id, element_instance_key,
                            process_instance_key, tenant_id, created_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(key, signalName, elementId, elementInstanceKey, processInstanceKey, tenantId, now).update();
    }

    List<Subscription> waitingFor(String tenantId, String signalName) {
        return jdbc.sql("""
                        select * from engine.signal_subscription where tenant_id = ? and signal_name = ?
                        order by created_at, subscription_key""")
                .params(tenantId, signalName).query(SignalStore::subscription).list();
    }

    Optional<Subscription> lock(long key) {
        return jdbc.sql("select * from engine.signal_subscription where subscription_key = ? for update").param(key)
                .query(SignalStore::subscription).optional();
    }

    void delete(long key) {
        jdbc.sql("delete from engine.signal_subscription where subscription_key = ?").param(key).update();
    }

    /** Removes the subscriptions an element instance holds; answers their keys. */
    List<Long> closeOf(long elementInstanceKey) {
        return jdbc.sql("delete from engine.signal_subscription where element_instance_key = ? returning subscription_key")
                .param(elementInstanceKey).query(Long.class).list();
    }

    /** Makes these the signal start events of a process: the latest version's, replacing the earlier ones. */
    public void replaceStartEvents(String bpmnProcessId, String tenantId, long processDefinitionKey, Map<String, String> nameByElement) {
        jdbc.sql("delete from engine.signal_start_event where bpmn_process_id = ? and tenant_id = ?")
                .params(bpmnProcessId, tenantId).update();
        nameByElement.forEach((elementId, name) -> jdbc.sql("""
                        insert into engine.signal_start_event (process_definition_key, bpmn_process_id, tenant_id, signal_name, element_id)
                        values (?, ?, ?, ?, ?)""")
                .params(processDefinitionKey, bpmnProcessId, tenantId, name, elementId).update());
    }

    List<StartEvent> startEvents(String tenantId, String signalName) {
        return jdbc.sql("select * from engine.signal_start_event where tenant_id = ? and signal_name = ? order by bpmn_process_id")
                .params(tenantId, signalName)
                .query((row, n) -> new StartEvent(row.getLong("process_definition_key"), row.getString("element_id")))
                .list();
    }

    private static Subscription subscription(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new Subscription(row.getLong("subscription_key"), row.getString("signal_name"), row.getString("element_id"),
                row.getLong("element_instance_key"), row.getLong("process_instance_key"));
    }
}
