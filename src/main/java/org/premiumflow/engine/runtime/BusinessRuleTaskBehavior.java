package org.premiumflow.engine.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import org.premiumflow.engine.decision.DecisionEvaluator;
import org.premiumflow.engine.deployment.DeployedModels.DecisionVersion;
import org.premiumflow.engine.model.DecisionCall;

/**
 * A business rule task with a called decision evaluates the latest version of that decision and
 * stores its output in the result variable; one with a task definition is a job.
 */
final class BusinessRuleTaskBehavior implements ElementBehavior {

    private final JobTaskBehavior jobs;
    private final DecisionEvaluator decisions;

    BusinessRuleTaskBehavior(JobTaskBehavior jobs, DecisionEvaluator decisions) {
        this.jobs = jobs;
        this.decisions = decisions;
    }

    @Override
    public void activate(Execution execution, ElementInstance instance) {
        if (instance.element().decision().isEmpty()) {
            jobs.activate(execution, instance);
            return;
        }
        DecisionCall call = instance.element().decision().get();
        Map<String, Object> scope = execution.variables().visible(instance.key());
        String decisionId = String.valueOf(call.decisionId().evaluate(scope));
        DecisionVersion decision = execution.models().latestDecision(decisionId, instance.process().tenantId())
                .orElseThrow(() -> new IncidentRaised(IncidentType.CALLED_DECISION_ERROR,
                        "Expected to evaluate decision '" + decisionId + "', but no decision found for id '" + decisionId + "'"));
        Object output = decisions.evaluate(decision.requirements(), decisionId, scope);
        execution.activated(instance);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(call.resultVariable(), output);
        execution.complete(instance, result, true);
    }

    @Override
    public void terminate(Execution execution, ElementInstance instance) {
        jobs.terminate(execution, instance);
    }
}
