package org.premiumflow.engine.runtime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.premiumflow.engine.model.TimerSchedule;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The timer table: what is due, and each timer's creation, firing and withdrawal. */
public final class TimerStore {

    private final JdbcClient jdbc;

    TimerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a timer belongs: the element instance waiting (none for a start event) and its process. */
    public record Owner(String elementId, Long elementInstanceKey, Long processInstanceKey, long processDefinitionKey,
                        String bpmnProcessId, String tenantId) {
    }

    public void insert(long key, TimerSchedule schedule, Owner owner, OffsetDateTime now) {
        jdbc.sql("""
                        insert into engine.timer (timer_key, state, due_date, repetitions, cycle_interval, element_id,
                            element_instance_key, process_instance_key, process_definition_key, bpmn_process_id, tenant_id, created_at)
                        values (?, 'CREATED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(key, schedule.due(), schedule.repetitions(), schedule.interval(), owner.elementId(),
                        owner.elementInstanceKey(), owner.processInstanceKey(), owner.processDefinitionKey(), owner.bpmnProcessId(),
                        owner.tenantId(), now)
                .update();
    }

    /** Timers due at {@code now}, earliest first. */
    List<TimerRow> due(OffsetDateTime now, int limit) {
        return jdbc.sql("select * from engine.timer where state = 'CREATED' and due_date <= ? order by due_date limit ?")
                .params(now, limit).query(TimerStore::row).list();
    }

    /** The timer, locked, if it is still waiting to fire and no other node is firing it. */
    Optional<TimerRow> lockWaiting(long key) {
        return jdbc.sql("select * from engine.timer where timer_key = ? and state = 'CREATED' for update skip locked")
                .param(key).query(TimerStore::row).optional();
    }

    void fired(long key) {
        jdbc.sql("update engine.timer set state = 'TRIGGERED' where timer_key = ?").param(key).update();
    }

    void reschedule(long key, TimerSchedule next) {
        jdbc.sql("update engine.timer set due_date = ?, repetitions = ? where timer_key = ?")
                .params(next.due(), next.repetitions(), key).update();
    }

    /** Withdraws the timers an element instance waits on; answers their keys. */
    List<Long> cancelOf(long elementInstanceKey) {
        return jdbc.sql("""
                        update engine.timer set state = 'CANCELED'
                        where element_instance_key = ? and state = 'CREATED' returning timer_key""")
                .param(elementInstanceKey).query(Long.class).list();
    }

    /** Withdraws the start event timers of every version of a process; answers their keys. */
    public List<Long> cancelStartTimers(String bpmnProcessId, String tenantId) {
        return jdbc.sql("""
                        update engine.timer set state = 'CANCELED'
                        where bpmn_process_id = ? and tenant_id = ? and state = 'CREATED' and element_instance_key is null
                        returning timer_key""")
                .params(bpmnProcessId, tenantId).query(Long.class).list();
    }

    private static TimerRow row(ResultSet row, int n) throws SQLException {
        return new TimerRow(row.getLong("timer_key"), row.getString("state"), row.getObject("due_date", OffsetDateTime.class),
                row.getInt("repetitions"), row.getString("cycle_interval"), row.getString("element_id"),
                row.getObject("element_instance_key", Long.class), row.getObject("process_instance_key", Long.class),
                row.getLong("process_definition_key"), row.getString("bpmn_process_id"), row.getString("tenant_id"));
    }
}
