package org.premiumflow.engine.runtime;

import java.util.Map;
import org.premiumflow.engine.model.ScriptDefinition;

/** A script task with a FEEL script is evaluated by the engine; one with a task definition is a job. */
final class ScriptTaskBehavior implements ElementBehavior {

    private final JobTaskBehavior jobs;

    ScriptTaskBehavior(JobTaskBehavior jobs) {
        this.jobs = jobs;
    }

    @Override
    public void activate(Execution execution, ElementInstance instance) {
        if (instance.element().script().isEmpty()) {
            jobs.activate(execution, instance);
            return;
        }
        ScriptDefinition script = instance.element().script().get();
        Object result = script.expression().evaluate(execution.variables().visible(instance.key()));
        execution.activated(instance);
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        variables.put(script.resultVariable(), result);
        execution.complete(instance, variables, true);
    }

    @Override
    public void terminate(Execution execution, ElementInstance instance) {
        jobs.terminate(execution, instance);
    }
}
