package org.premiumflow.engine.api;

import io.camunda.client.protocol.rest.CreateProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceStateEnum;
import java.util.Map;
import org.premiumflow.engine.ConditionalOnEmbeddedEngine;
import org.premiumflow.engine.deployment.DeployedModels;
import org.premiumflow.engine.runtime.ProcessInstanceRow;
import org.premiumflow.engine.runtime.ProcessInstances;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnEmbeddedEngine
class ProcessInstanceController {

    /** How long a create-and-await request waits when it names no timeout. */
    private static final long DEFAULT_AWAIT_MILLIS = 10_000;

    private final ProcessInstances instances;
    private final DeployedModels models;

    ProcessInstanceController(ProcessInstances instances, DeployedModels models) {
        this.instances = instances;
        this.models = models;
    }

    @PostMapping("/v2/process-instances")
    CreateProcessInstanceResult create(@RequestBody String body) {
        JsonBody request = JsonBody.read(body);
        ProcessInstances.Started started = instances.start(new ProcessInstances.Start(
                request.key("processDefinitionKey"),
                request.text("processDefinitionId"),
                request.integer("processDefinitionVersion"),
                Tenants.orDefault(request.text("tenantId")),
                request.object("variables")));
        CreateProcessInstanceResult result = new CreateProcessInstanceResult()
                .processDefinitionId(started.definition().bpmnProcessId())
                .processDefinitionVersion(started.definition().version())
                .processDefinitionKey(Keys.text(started.definition().key()))
                .tenantId(started.definition().tenantId())
                .processInstanceKey(Keys.text(started.processInstanceKey()));
        if (request.flag("awaitCompletion")) {
            Long timeout = request.number("requestTimeout");
            Map<String, Object> variables = instances.awaitEnd(started.processInstanceKey(),
                    timeout == null || timeout <= 0 ? DEFAULT_AWAIT_MILLIS : timeout, request.strings("fetchVariables"));
            result.variables(variables);
        }
        return result;
    }

    @GetMapping("/v2/process-instances/{key}")
    ProcessInstanceResult get(@PathVariable String key) {
        ProcessInstanceRow row = instances.get(Keys.parse("processInstanceKey", key));
        return new ProcessInstanceResult()
                .processInstanceKey(Keys.text(row.key()))
                .processDefinitionKey(Keys.text(row.processDefinitionKey()))
                .processDefinitionId(row.bpmnProcessId())
                .processDefinitionName(models.process(row.processDefinitionKey())
                        .map(version -> version.process().name()).orElse(null))
                .processDefinitionVersion(row.version())
                .tenantId(row.tenantId())
                .state(ProcessInstanceStateEnum.fromValue(row.state()))
                .hasIncident(row.hasIncident())
                .startDate(row.startDate().toString())
                .endDate(row.endDate() == null ? null : row.endDate().toString())
                .parentProcessInstanceKey(Keys.text(row.parentProcessInstanceKey()))
                .parentElementInstanceKey(Keys.text(row.parentElementInstanceKey()))
                .rootProcessInstanceKey(Keys.text(row.rootProcessInstanceKey()));
    }

    @PostMapping("/v2/process-instances/{key}/cancellation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(@PathVariable String key) {
        instances.cancel(Keys.parse("processInstanceKey", key));
    }
}
