package org.premiumflow.engine.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.premiumflow.engine.NotFoundException;
import org.premiumflow.engine.store.EngineDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Finding incidents and resolving them: resolution retries exactly the step that failed. */
public final class Incidents {

    private final JdbcClient jdbc;
    private final RuntimeStore store;
    private final Commands commands;

    public Incidents(EngineDatabase database, RuntimeStore store, Commands commands) {
        this.jdbc = database.jdbc();
        this.store = store;
        this.commands = commands;
    }

    /** Filter values by column; null values are ignored. */
    public record Filter(Long processInstanceKey, String state, String errorType, Long incidentKey, String elementId) {
    }

    public record Page(List<IncidentView> items, long total) {
    }

    public Page search(Filter filter, int from, int limit) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        condition(where, params, "i.process_instance_key", filter.processInstanceKey());
        condition(where, params, "i.state", filter.state());
        condition(where, params, "i.error_type", filter.errorType());
        condition(where, params, "i.incident_key", filter.incidentKey());
        condition(where, params, "i.element_id", filter.elementId());
        long total = jdbc.sql("select count(*) from engine.incident i" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit);
        pageParams.add(from);
        List<IncidentView> items = jdbc.sql("""
                        select i.*, p.root_process_instance_key from engine.incident i
                        join engine.process_instance p using (process_instance_key)""" + where + " order by i.incident_key limit ? offset ?")
                .params(pageParams)
                .query((row, n) -> new IncidentView(row.getLong("incident_key"), row.getString("error_type"),
                        row.getString("error_message"), row.getString("state"), row.getLong("process_instance_key"),
                        row.getLong("root_process_instance_key"), row.getLong("process_definition_key"),
                        row.getString("bpmn_process_id"), row.getLong("element_instance_key"), row.getString("element_id"),
                        row.getObject("job_key", Long.class), row.getString("tenant_id"),
                        row.getObject("creation_time", java.time.OffsetDateTime.class)))
                .list();
        return new Page(items, total);
    }

    private static void condition(StringBuilder where, List<Object> params, String column, Object value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }

    public void resolve(long incidentKey) {
        String notFound = "Command 'RESOLVE' rejected with code 'NOT_FOUND': Expected to resolve incident with key '" + incidentKey
                + "', but no such incident was found";
        RuntimeStore.IncidentRow found = store.incident(incidentKey).orElseThrow(() -> new NotFoundException(notFound));
        commands.onInstance(found.processInstanceKey(), notFound, execution -> {
            RuntimeStore.IncidentRow incident = store.incident(incidentKey)
                    .filter(row -> row.state().equals("ACTIVE"))
                    .orElseThrow(() -> new NotFoundException(notFound));
            store.resolveIncident(incident);
            execution.history().record("INCIDENT", "RESOLVED", incidentKey, incident.processInstanceKey(), null, null);
            ElementInstance instance = execution.instance(incident.elementInstanceKey());
            if (incident.jobKey() != null) {
                retryJob(execution, instance, incident.jobKey());
            } else {
                retryStep(execution, instance);
            }
            return null;
        });
    }

    private void retryJob(Execution execution, ElementInstance instance, long jobKey) {
        JobRow job = store.job(jobKey, true).orElseThrow();
        if (job.retries() > 0) {
            store.updateJob(job, JobRow.ACTIVATABLE, job.retries(), job.errorMessage(), null);
            execution.jobCreated(job.type());
        } else {
            execution.raiseIncident(instance, IncidentType.JOB_NO_RETRIES,
                    job.errorMessage() == null ? "No more retries left." : job.errorMessage(), jobKey);
        }
    }

    private static void retryStep(Execution execution, ElementInstance instance) {
        switch (instance.state()) {
            case ACTIVATING -> execution.retryActivation(instance);
            case COMPLETING -> execution.completeStep(instance, Map.of(), true);
            case ACTIVATED -> execution.guarded(instance, () -> execution.retryActivated(instance));
            default -> {
            }
        }
    }
}
