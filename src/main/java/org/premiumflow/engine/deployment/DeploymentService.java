package org.premiumflow.engine.deployment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.premiumflow.engine.decision.DecisionModels;
import org.premiumflow.engine.decision.DecisionRequirements;
import org.premiumflow.engine.model.BpmnTransformer;
import org.premiumflow.engine.model.ExecutableProcess;
import org.premiumflow.engine.model.InvalidModelException;
import org.premiumflow.engine.EngineJson;
import org.premiumflow.engine.store.EngineDatabase;
import org.premiumflow.engine.store.History;
import org.premiumflow.engine.store.Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deploys BPMN, DMN and form files. Every file is read and validated before anything is stored,
 * so a deployment is taken whole or not at all. A definition whose file is unchanged (same name,
 * same content) keeps its version; a changed one becomes the next version.
 */
public final class DeploymentService {

    private static final Logger log = LoggerFactory.getLogger(DeploymentService.class);
    /** Deployments are serialized: version numbers are read and written in one step. */
    private static final long DEPLOYMENT_LOCK = 0x656e67696e65L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Keys keys;
    private final History history;
    private final BpmnTransformer bpmn;
    private final DecisionModels dmn;
    private final FormReader forms;
    private final DeployedModels models;
    private final Clock clock;
    private final NewProcessVersions newProcessVersions;

    public DeploymentService(EngineDatabase database, Keys keys, History history, BpmnTransformer bpmn,
                             DecisionModels dmn, DeployedModels models, Clock clock, NewProcessVersions newProcessVersions) {
        this.jdbc = database.jdbc();
        this.transactions = database.transactions();
        this.keys = keys;
        this.history = history;
        this.bpmn = bpmn;
        this.dmn = dmn;
        this.forms = new FormReader(EngineJson.mapper());
        this.models = models;
        this.clock = clock;
        this.newProcessVersions = newProcessVersions;
    }

    public Deployment deploy(List<ResourceUpload> uploads, String tenantId) {
        if (uploads.isEmpty()) {
            throw new InvalidDeploymentException(List.of("Expected to deploy at least one resource, but none given"));
        }
        List<ReadResource> resources = read(uploads);
        Deployment deployment = transactions.execute(status -> store(resources, tenantId));
        log.info("Deployment {}: processes {}, decisions {}, forms {}", deployment.key(),
                deployment.processes().stream().map(p -> p.bpmnProcessId() + " v" + p.version()).toList(),
                deployment.decisions().stream().map(d -> d.id() + " v" + d.version()).toList(),
                deployment.forms().stream().map(f -> f.formId() + " v" + f.version()).toList());
        return deployment;
    }

    private sealed interface ReadResource permits BpmnFile, DmnFile, FormFile {
        ResourceUpload upload();
    }

    private record BpmnFile(ResourceUpload upload, List<ExecutableProcess> processes) implements ReadResource {
    }

    private record DmnFile(ResourceUpload upload, DecisionRequirements requirements) implements ReadResource {
    }

    private record FormFile(ResourceUpload upload, String formId) implements ReadResource {
    }

    private List<ReadResource> read(List<ResourceUpload> uploads) {
        List<ReadResource> resources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ResourceUpload upload : uploads) {
            String name = upload.name().toLowerCase(Locale.ROOT);
            try {
                if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                    resources.add(new BpmnFile(upload, bpmn.transform(upload.name(), upload.content())));
                } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                    resources.add(new DmnFile(upload, dmn.read(upload.name(), upload.content())));
                } else if (name.endsWith(".form")) {
                    resources.add(new FormFile(upload, forms.formId(upload.name(), upload.content())));
                } else {
                    problems.add("'" + upload.name() + "': unknown resource type; expected .bpmn, .dmn or .form");
                }
            } catch (InvalidModelException e) {
                problems.add("'" + e.resourceName() + "':\n" + String.join("\n", e.problems()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDeploymentException(problems);
        }
        return resources;
    }

    private Deployment store(List<ReadResource> resources, String tenantId) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(DEPLOYMENT_LOCK).query().singleRow();
        long deploymentKey = keys.next();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("insert into engine.deployment (deployment_key, tenant_id, created_at) values (?, ?, ?)")
                .params(deploymentKey, tenantId, now).update();
        Deployment result = new Deployment(deploymentKey, tenantId, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (ReadResource resource : resources) {
            String checksum = checksum(resource.upload().content());
            if (resource instanceof BpmnFile file) {
                for (ExecutableProcess process : file.processes()) {
                    result.processes().add(storeProcess(file.upload(), checksum, process, deploymentKey, tenantId));
                }
            } else if (resource instanceof DmnFile file) {
                storeDecisions(file, checksum, deploymentKey, tenantId, result);
            } else if (resource instanceof FormFile file) {
                result.forms().add(storeForm(file, checksum, deploymentKey, tenantId));
            }
        }
        history.record("DEPLOYMENT", "CREATED", deploymentKey, null, null, null);
        return result;
    }

    private Deployment.ProcessDefinition storeProcess(ResourceUpload upload, String checksum, ExecutableProcess process,
                                                      long deploymentKey, String tenantId) {
        Optional<Latest> latest = latest("""
                select d.process_definition_key as key, d.version, r.resource_name, r.checksum
                from engine.process_definition d join engine.resource r using (resource_key)
                where d.bpmn_process_id = ? and d.tenant_id = ? order by d.version desc limit 1""",
                process.bpmnProcessId(), tenantId);
        if (latest.isPresent() && latest.get().sameFile(upload.name(), checksum)) {
            return new Deployment.ProcessDefinition(latest.get().key(), process.bpmnProcessId(), latest.get().version(),
                    upload.name(), tenantId);
        }
        int version = latest.map(found -> found.version() + 1).orElse(1);
        long resourceKey = storeResource(upload, checksum, deploymentKey);
        long key = keys.next();
        jdbc.sql("""
                        insert into engine.process_definition
                        (process_definition_key, bpmn_process_id, version, resource_key, deployment_key, name, tenant_id)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(key, process.bpmnProcessId(), version, resourceKey, deploymentKey, process.name(), tenantId)
                .update();
        DeployedModels.ProcessVersion deployed = new DeployedModels.ProcessVersion(key, process.bpmnProcessId(), version, tenantId,
                process);
        models.remember(key, deployed);
        history.record("PROCESS", "CREATED", key, null, process.bpmnProcessId(), null);
        newProcessVersions.deployed(deployed);
        return new Deployment.ProcessDefinition(key, process.bpmnProcessId(), version, upload.name(), tenantId);
    }

    private void storeDecisions(DmnFile file, String checksum, long deploymentKey, String tenantId, Deployment result) {
        DecisionRequirements drg = file.requirements();
        Optional<Latest> latest = latest("""
                select q.decision_requirements_key as key, q.version, r.resource_name, r.checksum
                from engine.decision_requirements q join engine.resource r using (resource_key)
                where q.decision_requirements_id = ? and q.tenant_id = ? order by q.version desc limit 1""",
                drg.id(), tenantId);
        if (latest.isPresent() && latest.get().sameFile(file.upload().name(), checksum)) {
            long drgKey = latest.get().key();
            result.decisionRequirements().add(new Deployment.DecisionRequirementsDefinition(drgKey, drg.id(), drg.name(),
                    latest.get().version(), file.upload().name(), tenantId));
            jdbc.sql("""
                            select decision_key, decision_id, name, version from engine.decision_definition
                            where decision_requirements_key = ? order by decision_key""")
                    .param(drgKey)
                    .query((row, n) -> new Deployment.DecisionDefinition(row.getLong("decision_key"), row.getString("decision_id"),
                            row.getString("name"), row.getInt("version"), drg.id(), drgKey, tenantId))
                    .list()
                    .forEach(result.decisions()::add);
            return;
        }
        int version = latest.map(found -> found.version() + 1).orElse(1);
        long resourceKey = storeResource(file.upload(), checksum, deploymentKey);
        long drgKey = keys.next();
        jdbc.sql("""
                        insert into engine.decision_requirements
                        (decision_requirements_key, decision_requirements_id, name, version, resource_key, deployment_key, tenant_id)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(drgKey, drg.id(), drg.name(), version, resourceKey, deploymentKey, tenantId)
                .update();
        result.decisionRequirements().add(new Deployment.DecisionRequirementsDefinition(drgKey, drg.id(), drg.name(), version,
                file.upload().name(), tenantId));
        for (DecisionRequirements.DecisionInfo decision : drg.decisions()) {
            int decisionVersion = jdbc.sql("""
                            select coalesce(max(version), 0) + 1 from engine.decision_definition
                            where decision_id = ? and tenant_id = ?""")
                    .params(decision.id(), tenantId).query(Integer.class).single();
            long decisionKey = keys.next();
            jdbc.sql("""
                            insert into engine.decision_definition
                            (decision_key, decision_id, name, version, decision_requirements_key, tenant_id)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(decisionKey, decision.id(), decision.name(), decisionVersion, drgKey, tenantId)
                    .update();
            result.decisions().add(new Deployment.DecisionDefinition(decisionKey, decision.id(), decision.name(), decisionVersion,
                    drg.id(), drgKey, tenantId));
        }
    }

    private Deployment.FormDefinition storeForm(FormFile file, String checksum, long deploymentKey, String tenantId) {
        Optional<Latest> latest = latest("""
                select f.form_key as key, f.version, r.resource_name, r.checksum
                from engine.form f join engine.resource r using (resource_key)
                where f.form_id = ? and f.tenant_id = ? order by f.version desc limit 1""",
                file.formId(), tenantId);
        if (latest.isPresent() && latest.get().sameFile(file.upload().name(), checksum)) {
            return new Deployment.FormDefinition(latest.get().key(), file.formId(), latest.get().version(),
                    file.upload().name(), tenantId);
        }
        int version = latest.map(found -> found.version() + 1).orElse(1);
        long resourceKey = storeResource(file.upload(), checksum, deploymentKey);
        long key = keys.next();
        jdbc.sql("""
                        insert into engine.form (form_key, form_id, version, resource_key, deployment_key, tenant_id)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(key, file.formId(), version, resourceKey, deploymentKey, tenantId)
                .update();
        return new Deployment.FormDefinition(key, file.formId(), version, file.upload().name(), tenantId);
    }

    private record Latest(long key, int version, String resourceName, String checksum) {
        boolean sameFile(String name, String otherChecksum) {
            return resourceName.equals(name) && checksum.equals(otherChecksum);
        }
    }

    private Optional<Latest> latest(String sql, Object... params) {
        return jdbc.sql(sql).params(params)
                .query((row, n) -> new Latest(row.getLong("key"), row.getInt("version"), row.getString("resource_name"),
                        row.getString("checksum")))
                .optional();
    }

    private long storeResource(ResourceUpload upload, String checksum, long deploymentKey) {
        long key = keys.next();
        jdbc.sql("""
                        insert into engine.resource (resource_key, deployment_key, resource_name, checksum, content)
                        values (?, ?, ?, ?, ?)""")
                .params(key, deploymentKey, upload.name(), checksum, upload.content())
                .update();
        return key;
    }

    private static String checksum(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

}
