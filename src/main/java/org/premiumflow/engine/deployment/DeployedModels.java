package org.premiumflow.engine.deployment;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.premiumflow.engine.decision.DecisionModels;
import org.premiumflow.engine.decision.DecisionRequirements;
import org.premiumflow.engine.model.BpmnTransformer;
import org.premiumflow.engine.model.ExecutableProcess;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deployed processes and decisions, parsed once per definition key and kept in memory; after
 * a restart a definition is parsed again from its stored resource on first use.
 */
public final class DeployedModels {

    private final JdbcClient jdbc;
    private final BpmnTransformer bpmn;
    private final DecisionModels dmn;
    private final Map<Long, ProcessVersion> processes = new ConcurrentHashMap<>();
    private final Map<Long, DecisionRequirements> decisionRequirements = new ConcurrentHashMap<>();

    public DeployedModels(JdbcClient jdbc, BpmnTransformer bpmn, DecisionModels dmn) {
        this.jdbc = jdbc;
        this.bpmn = bpmn;
        this.dmn = dmn;
    }

    /** A process definition at one version, ready to run. */
    public record ProcessVersion(long key, String bpmnProcessId, int version, String tenantId, ExecutableProcess process) {
    }

    /** A decision at one version and the parsed DMN file it belongs to. */
    public record DecisionVersion(long key, String decisionId, String name, int version, long decisionRequirementsKey,
                                  String decisionRequirementsId, String tenantId, DecisionRequirements requirements) {
    }

    public Optional<ProcessVersion> process(long processDefinitionKey) {
        ProcessVersion cached = processes.get(processDefinitionKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        return jdbc.sql("""
                        select d.process_definition_key, d.bpmn_process_id, d.version, d.tenant_id, r.resource_name, r.content
                        from engine.process_definition d join engine.resource r using (resource_key)
                        where d.process_definition_key = ?""")
                .param(processDefinitionKey)
                .query((row, n) -> {
                    String id = row.getString("bpmn_process_id");
                    ExecutableProcess process = bpmn.transform(row.getString("resource_name"), row.getBytes("content")).stream()
                            .filter(candidate -> candidate.bpmnProcessId().equals(id))
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("Stored resource lost process " + id));
                    return new ProcessVersion(row.getLong("process_definition_key"), id, row.getInt("version"),
                            row.getString("tenant_id"), process);
                })
                .optional()
                .map(found -> {
                    processes.put(found.key(), found);
                    return found;
                });
    }

    public Optional<ProcessVersion> latestProcess(String bpmnProcessId, String tenantId) {
        return jdbc.sql("""
                        select process_definition_key from engine.process_definition
                        where bpmn_process_id = ? and tenant_id = ? order by version desc limit 1""")
                .params(bpmnProcessId, tenantId)
                .query(Long.class)
                .optional()
                .flatMap(this::process);
    }

    public Optional<ProcessVersion> processVersion(String bpmnProcessId, int version, String tenantId) {
        return jdbc.sql("""
                        select process_definition_key from engine.process_definition
                        where bpmn_process_id = ? and version = ? and tenant_id = ?""")
                .params(bpmnProcessId, version, tenantId)
                .query(Long.class)
                .optional()
                .flatMap(this::process);
    }

    public Optional<DecisionVersion> latestDecision(String decisionId, String tenantId) {
        return findDecision("d.decision_id = ? and d.tenant_id = ? order by d.version desc limit 1", decisionId, tenantId);
    }

    public Optional<DecisionVersion> decision(long decisionKey) {
        return findDecision("d.decision_key = ?", decisionKey);
    }

    private Optional<DecisionVersion> findDecision(String condition, Object... params) {
        return jdbc.sql("""
                        select d.decision_key, d.decision_id, d.name, d.version, d.tenant_id,
                               q.decision_requirements_key, q.decision_requirements_id, r.resource_name, r.content
                        from engine.decision_definition d
                        join engine.decision_requirements q using (decision_requirements_key)
                        join engine.resource r on r.resource_key = q.resource_key
                        """ + " where " + condition)
                .params(params)
                .query((row, n) -> {
                    long requirementsKey = row.getLong("decision_requirements_key");
                    String resourceName = row.getString("resource_name");
                    byte[] content = row.getBytes("content");
                    DecisionRequirements requirements = decisionRequirements.computeIfAbsent(requirementsKey,
                            key -> dmn.read(resourceName, content));
                    return new DecisionVersion(row.getLong("decision_key"), row.getString("decision_id"), row.getString("name"),
                            row.getInt("version"), requirementsKey, row.getString("decision_requirements_id"),
                            row.getString("tenant_id"), requirements);
                })
                .optional();
    }

    void remember(long processDefinitionKey, ProcessVersion version) {
        processes.put(processDefinitionKey, version);
    }
}
