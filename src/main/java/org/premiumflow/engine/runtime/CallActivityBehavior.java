package org.premiumflow.engine.runtime;

import java.util.Map;
import org.premiumflow.engine.deployment.DeployedModels.ProcessVersion;
import org.premiumflow.engine.model.ProcessCall;

/**
 * Starts the latest version of the called process as a child instance and waits for it; the
 * child's variables come back when it completes (see {@link Execution}).
 */
final class CallActivityBehavior implements ElementBehavior {

    @Override
    public void activate(Execution execution, ElementInstance instance) {
        ProcessCall call = instance.element().call().orElseThrow();
        String processId = String.valueOf(call.processId().evaluate(execution.variables().visible(instance.key())));
        ProcessVersion called = execution.models().latestProcess(processId, instance.process().tenantId())
                .orElseThrow(() -> new IncidentRaised(IncidentType.CALLED_ELEMENT_ERROR,
                        "Expected process with BPMN process id '" + processId + "' to be deployed, but not found."));
        Map<String, Object> variables = call.propagateAllParentVariables()
                ? execution.variables().visible(instance.key())
                : execution.variables().local(instance.key());
        execution.activated(instance);
        execution.startProcessInstance(called, variables, instance);
    }

    @Override
    public void terminate(Execution execution, ElementInstance instance) {
        execution.store().activeChildProcess(instance.key())
                .ifPresent(child -> execution.terminate(execution.instance(child)));
    }
}
