package org.premiumflow.engine.store;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only record of what the engine did, written in the same transaction as the change
 * it describes: entries are collected while a command runs and inserted in one batch just before
 * it commits. Operators, tests and exporters read it; the engine never does.
 */
public final class History {

    private static final String INSERT = """
            insert into engine.history (recorded_at, value_type, intent, record_key, process_instance_key, element_id, detail)
            values (?, ?, ?, ?, ?, ?, cast(? as jsonb))""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    public History(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * @param valueType what changed (PROCESS_INSTANCE, JOB, INCIDENT, VARIABLE, ...)
     * @param intent what happened to it (ELEMENT_ACTIVATED, COMPLETED, CREATED, ...)
     * @param detailJson optional JSON with more detail, or null
     */
    public void record(String valueType, String intent, long key, Long processInstanceKey, String elementId, String detailJson) {
        Object[] entry = {OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), valueType, intent, key,
                processInstanceKey, elementId, detailJson};
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.sql(INSERT).params(entry).update();
            return;
        }
        pending().add(entry);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> pending() {
        List<Object[]> entries = (List<Object[]>) TransactionSynchronizationManager.getResource(this);
        if (entries == null) {
            List<Object[]> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    batch.batchUpdate(INSERT, created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(History.this);
                }
            });
            entries = created;
        }
        return entries;
    }
}
