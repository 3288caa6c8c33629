package org.premiumflow.engine.runtime;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.premiumflow.engine.EngineJson;
import org.premiumflow.engine.store.EngineDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the runtime tables. Every write happens inside the command's transaction,
 * while the command holds the lock of the instance tree it changes.
 */
public final class RuntimeStore {

    private static final JsonMapper JSON = EngineJson.mapper();

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final TimerStore timers;
    private final MessageStore messages;
    private final UserTaskStore userTasks;
    private final SignalStore signals;

    public RuntimeStore(EngineDatabase database, Clock clock) {
        this.jdbc = database.jdbc();
        this.timers = new TimerStore(jdbc);
        this.messages = new MessageStore(jdbc);
        this.userTasks = new UserTaskStore(jdbc);
        this.signals = new SignalStore(jdbc);
        this.batch = database.batch();
        this.clock = clock;
    }

    public TimerStore timers() {
        return timers;
    }

    public MessageStore messages() {
        return messages;
    }

    public UserTaskStore userTasks() {
        return userTasks;
    }

    public SignalStore signals() {
        return signals;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    // --- process instances -------------------------------------------------------------------

    /** Locks the instance tree a job belongs to; empty when there is no such job. */
    public Optional<Long> lockRootOfJob(long jobKey) {
        return jdbc.sql("""
                        select root.process_instance_key from engine.process_instance root
                        where root.process_instance_key = (
                            select p.root_process_instance_key from engine.process_instance p
                            join engine.job j on j.process_instance_key = p.process_instance_key where j.job_key = ?)
                        for update""")
                .param(jobKey).query(Long.class).optional();
    }

    /** Locks the root instance of a tree; every command on any instance of the tree takes this lock first. */
    public Optional<Long> lockRoot(long processInstanceKey) {
        return jdbc.sql("""
                        select root.process_instance_key from engine.process_instance root
                        where root.process_instance_key = (
                            select root_process_instance_key from engine.process_instance where process_instance_key = ?)
                        for update""")
                .param(processInstanceKey).query(Long.class).optional();
    }

    public void insertProcessInstance(ProcessInstanceRow row) {
        jdbc.sql("""
                        insert into engine.process_instance (process_instance_key, process_definition_key, bpmn_process_id,
                            version, tenant_id, state, parent_process_instance_key, parent_element_instance_key,
                            root_process_instance_key, start_date)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.key(), row.processDefinitionKey(), row.bpmnProcessId(), row.version(), row.tenantId(), row.state(),
                        row.parentProcessInstanceKey(), row.parentElementInstanceKey(), row.rootProcessInstanceKey(), row.startDate())
                .update();
    }

    public Optional<ProcessInstanceRow> processInstance(long key) {
        return jdbc.sql("select * from engine.process_instance where process_instance_key = ?")
                .param(key)
                .query((row, n) -> new ProcessInstanceRow(row.getLong("process_instance_key"), row.getLong("process_definition_key"),
                        row.getString("bpmn_process_id"), row.getInt("version"), row.getString("tenant_id"), row.getString("state"),
                        row.getBoolean("has_incident"), row.getObject("parent_process_instance_key", Long.class),
                        row.getObject("parent_element_instance_key", Long.class), row.getLong("root_process_instance_key"),
                        row.getObject("start_date", OffsetDateTime.class), row.getObject("end_date", OffsetDateTime.class)))
                .optional();
    }

    public void endProcessInstance(long key, String state) {
        jdbc.sql("update engine.process_instance set state = ?, end_date = ? where process_instance_key = ?")
                .params(state, now(), key).update();
    }

    /** The active process instance a call activity instance started, if any. */
    public Optional<Long> activeChildProcess(long callActivityInstanceKey) {
        return jdbc.sql("select process_instance_key from engine.process_instance where parent_element_instance_key = ? and state = 'ACTIVE'")
                .param(callActivityInstanceKey).query(Long.class).optional();
    }

    public void refreshIncidentFlag(long processInstanceKey) {
        jdbc.sql("""
                        update engine.process_instance set has_incident = exists (
                            select 1 from engine.incident where process_instance_key = ? and state = 'ACTIVE')
                        where process_instance_key = ?""")
                .params(processInstanceKey, processInstanceKey).update();
    }

    // --- element instances -------------------------------------------------------------------

    public record ElementRow(long key, long processInstanceKey, Long flowScopeKey, String elementId, String state) {
    }

    /** An element instance with the definition of its process instance, read in one query. */
    public record LoadedElement(ElementRow element, long processDefinitionKey, String elementType) {
    }

    public Optional<LoadedElement> loadElement(long key) {
        return jdbc.sql("""
                        select e.element_instance_key, e.process_instance_key, e.flow_scope_key, e.element_id, e.state,
                               p.process_definition_key, e.element_type
                        from engine.element_instance e join engine.process_instance p using (process_instance_key)
                        where e.element_instance_key = ?""")
                .param(key)
                .query((row, n) -> new LoadedElement(new ElementRow(row.getLong(1), row.getLong(2), row.getObject(3, Long.class),
                        row.getString(4), row.getString(5)), row.getLong(6), row.getString(7)))
                .optional();
    }

    /** Writes element instances created and changed by a command, in two batches. */
    public void saveElements(java.util.Collection<ElementInstance> created, java.util.Collection<ElementInstance> changed) {
        OffsetDateTime now = now();
        if (!created.isEmpty()) {
            batch.batchUpdate("""
                            insert into engine.element_instance (element_instance_key, process_instance_key, flow_scope_key,
                                element_id, element_type, state, start_date, end_date)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    created.stream().map(instance -> new Object[] {instance.key(), instance.processInstanceKey(),
                            instance.flowScopeKey().orElse(null), instance.element().id(), instance.typeName(),
                            instance.state().name(), now, instance.state().isFinal() ? now : null}).toList());
        }
        if (!changed.isEmpty()) {
            batch.batchUpdate("update engine.element_instance set state = ?, end_date = ? where element_instance_key = ?",
                    changed.stream().map(instance -> new Object[] {instance.state().name(),
                            instance.state().isFinal() ? now : null, instance.key()}).toList());
        }
    }

    public Optional<ElementRow> element(long key) {
        return jdbc.sql("""
                        select element_instance_key, process_instance_key, flow_scope_key, element_id, state
                        from engine.element_instance where element_instance_key = ?""")
                .param(key)
                .query((row, n) -> new ElementRow(row.getLong(1), row.getLong(2), row.getObject(3, Long.class), row.getString(4),
                        row.getString(5)))
                .optional();
    }

    /** The element instances directly inside a flow scope that have not ended. */
    public List<ElementRow> activeChildren(long flowScopeKey) {
        return jdbc.sql("""
                        select element_instance_key, process_instance_key, flow_scope_key, element_id, state
                        from engine.element_instance where flow_scope_key = ? and end_date is null order by element_instance_key""")
                .param(flowScopeKey)
                .query((row, n) -> new ElementRow(row.getLong(1), row.getLong(2), row.getObject(3, Long.class), row.getString(4),
                        row.getString(5)))
                .list();
    }

    // --- parallel joins ----------------------------------------------------------------------

    public void arriveAtJoin(long flowScopeKey, String gatewayId, String flowId, long processInstanceKey) {
        jdbc.sql("""
                        insert into engine.gateway_join (flow_scope_key, gateway_id, sequence_flow_id, arrivals, process_instance_key)
                        values (?, ?, ?, 1, ?)
                        on conflict (flow_scope_key, gateway_id, sequence_flow_id) do update set arrivals = gateway_join.arrivals + 1""")
                .params(flowScopeKey, gatewayId, flowId, processInstanceKey).update();
    }

    /** Incoming flows of a joining gateway that have at least one token waiting. */
    public List<String> arrivedFlows(long flowScopeKey, String gatewayId) {
        return jdbc.sql("select sequence_flow_id from engine.gateway_join where flow_scope_key = ? and gateway_id = ? and arrivals > 0")
                .params(flowScopeKey, gatewayId).query(String.class).list();
    }

    public void consumeJoin(long flowScopeKey, String gatewayId) {
        jdbc.sql("update engine.gateway_join set arrivals = arrivals - 1 where flow_scope_key = ? and gateway_id = ? and arrivals > 0")
                .params(flowScopeKey, gatewayId).update();
        jdbc.sql("delete from engine.gateway_join where flow_scope_key = ? and gateway_id = ? and arrivals = 0")
                .params(flowScopeKey, gatewayId).update();
    }

    public boolean hasWaitingJoinTokens(long flowScopeKey) {
        return jdbc.sql("select exists (select 1 from engine.gateway_join where flow_scope_key = ? and arrivals > 0)")
                .param(flowScopeKey).query(Boolean.class).single();
    }

    public void clearJoins(long flowScopeKey) {
        jdbc.sql("delete from engine.gateway_join where flow_scope_key = ?").param(flowScopeKey).update();
    }

    // --- variables ---------------------------------------------------------------------------

    public record VariableRow(long key, long scopeKey, String name, Object value) {
    }

    public Map<String, Object> localVariables(long scopeKey) {
        Map<String, Object> variables = new LinkedHashMap<>();
        jdbc.sql("select name, value::text from engine.variable where scope_key = ? order by name")
                .param(scopeKey)
                .query((row, n) -> {
                    variables.put(row.getString(1), fromJson(row.getString(2)));
                    return null;
                })
                .list();
        return variables;
    }

    public Optional<VariableRow> variable(long scopeKey, String name) {
        return jdbc.sql("select variable_key, value::text from engine.variable where scope_key = ? and name = ?")
                .params(scopeKey, name)
                .query((row, n) -> new VariableRow(row.getLong(1), scopeKey, name, fromJson(row.getString(2))))
                .optional();
    }

    public void insertVariable(long key, long scopeKey, long processInstanceKey, String name, Object value) {
        jdbc.sql("insert into engine.variable (variable_key, scope_key, process_instance_key, name, value) values (?, ?, ?, ?, cast(? as jsonb))")
                .params(key, scopeKey, processInstanceKey, name, toJson(value)).update();
    }

    public void updateVariable(long key, Object value) {
        jdbc.sql("update engine.variable set value = cast(? as jsonb) where variable_key = ?").params(toJson(value), key).update();
    }

    public void deleteScopeVariables(long scopeKey) {
        jdbc.sql("delete from engine.variable where scope_key = ?").param(scopeKey).update();
    }

    // --- jobs --------------------------------------------------------------------------------

    public void insertJob(long key, String type, int retries, Map<String, String> headers, ElementInstance instance) {
        jdbc.sql("""
                        insert into engine.job (job_key, type, state, retries, custom_headers, element_instance_key, element_id,
                            process_instance_key, process_definition_key, bpmn_process_id, version, tenant_id, created_at)
                        values (?, ?, 'ACTIVATABLE', ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(key, type, retries, toJson(headers), instance.key(), instance.element().id(), instance.processInstanceKey(),
                        instance.process().key(), instance.process().bpmnProcessId(), instance.process().version(),
                        instance.process().tenantId(), now())
                .update();
        enqueueJob(type, key);
    }

    /** Puts a job that just became activatable where activation looks for work. */
    public void enqueueJob(String type, long key) {
        jdbc.sql("insert into engine.job_queue (type, job_key) values (?, ?)").params(type, key).update();
    }

    public Optional<JobRow> job(long key, boolean forUpdate) {
        return jdbc.sql("select * from engine.job where job_key = ?" + (forUpdate ? " for update" : ""))
                .param(key).query(RuntimeStore::jobRow).optional();
    }

    public Optional<JobRow> openJobOf(long elementInstanceKey) {
        return jdbc.sql("select * from engine.job where element_instance_key = ? and state not in ('COMPLETED', 'CANCELED')")
                .param(elementInstanceKey).query(RuntimeStore::jobRow).optional();
    }

    public void updateJob(JobRow job, String state, int retries, String errorMessage, OffsetDateTime backoffUntil) {
        jdbc.sql("""
                        update engine.job set state = ?, retries = ?, error_message = ?, backoff_until = ?, worker = null, deadline = null
                        where job_key = ?""")
                .params(state, retries, errorMessage, backoffUntil, job.key()).update();
        if (state.equals(JobRow.ACTIVATABLE)) {
            enqueueJob(job.type(), job.key());
        }
    }

    static JobRow jobRow(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new JobRow(row.getLong("job_key"), row.getString("type"), row.getString("state"), row.getInt("retries"),
                row.getString("worker"), row.getObject("deadline", OffsetDateTime.class), row.getString("error_message"),
                row.getString("custom_headers"), row.getLong("element_instance_key"), row.getString("element_id"),
                row.getLong("process_instance_key"), row.getLong("process_definition_key"), row.getString("bpmn_process_id"),
                row.getInt("version"), row.getString("tenant_id"));
    }

    // --- incidents ---------------------------------------------------------------------------

    public void insertIncident(long key, IncidentType type, String message, ElementInstance instance, Long jobKey) {
        jdbc.sql("""
                        insert into engine.incident (incident_key, error_type, error_message, state, process_instance_key,
                            process_definition_key, bpmn_process_id, element_instance_key, element_id, job_key, tenant_id, creation_time)
                        values (?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(key, type.name(), message, instance.processInstanceKey(), instance.process().key(),
                        instance.process().bpmnProcessId(), instance.key(), instance.element().id(), jobKey,
                        instance.process().tenantId(), now())
                .update();
        refreshIncidentFlag(instance.processInstanceKey());
    }

    public record IncidentRow(long key, String type, String state, long processInstanceKey, long elementInstanceKey, Long jobKey) {
    }

    public Optional<IncidentRow> incident(long key) {
        return jdbc.sql("""
                        select incident_key, error_type, state, process_instance_key, element_instance_key, job_key
                        from engine.incident where incident_key = ?""")
                .param(key)
                .query((row, n) -> new IncidentRow(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getLong(5),
                        row.getObject(6, Long.class)))
                .optional();
    }

    public void resolveIncident(IncidentRow incident) {
        jdbc.sql("update engine.incident set state = 'RESOLVED' where incident_key = ?").param(incident.key()).update();
        refreshIncidentFlag(incident.processInstanceKey());
    }

    /** Incidents of an element instance that ended are moot: they resolve with it. */
    public void resolveIncidentsOf(long elementInstanceKey, long processInstanceKey) {
        int resolved = jdbc.sql("update engine.incident set state = 'RESOLVED' where element_instance_key = ? and state = 'ACTIVE'")
                .param(elementInstanceKey).update();
        if (resolved > 0) {
            refreshIncidentFlag(processInstanceKey);
        }
    }

    // --- JSON --------------------------------------------------------------------------------

    public static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static Object fromJson(String json) {
        return JSON.readValue(json, Object.class);
    }
}
