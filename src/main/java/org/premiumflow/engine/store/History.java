package org.premiumflow.engine.store;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The append-only record of what the engine did, written in the same transaction as the change
 * it describes. Operators, tests and exporters read it; the engine never does.
 */
public final class History {

    private final JdbcClient jdbc;
    private final Clock clock;

    public History(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param valueType what changed (PROCESS_INSTANCE, JOB, INCIDENT, VARIABLE, ...)
     * @param intent what happened to it (ELEMENT_ACTIVATED, COMPLETED, CREATED, ...)
     * @param detailJson optional JSON with more detail, or null
     */
    public void record(String valueType, String intent, long key, Long processInstanceKey, String elementId, String detailJson) {
        jdbc.sql("""
                        insert into engine.history (recorded_at, value_type, intent, record_key, process_instance_key, element_id, detail)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), valueType, intent, key,
                        processInstanceKey, elementId, detailJson)
                .update();
    }
}
