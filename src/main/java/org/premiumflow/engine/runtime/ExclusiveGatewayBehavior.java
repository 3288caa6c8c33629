package org.premiumflow.engine.runtime;

import java.util.List;
import java.util.Map;
import org.premiumflow.engine.model.SequenceFlow;

/** Takes the first outgoing flow whose condition is true, else the default flow. */
final class ExclusiveGatewayBehavior implements ElementBehavior {

    @Override
    public void activate(Execution execution, ElementInstance instance) {
        execution.activated(instance);
        execution.complete(instance);
    }

    @Override
    public List<SequenceFlow> outgoing(Execution execution, ElementInstance instance) {
        List<SequenceFlow> outgoing = instance.element().outgoing();
        if (outgoing.size() == 1 && outgoing.get(0).condition() == null) {
            return outgoing;
        }
        Map<String, Object> scope = execution.variables().visible(instance.key());
        for (SequenceFlow flow : outgoing) {
            if (flow.condition() == null || instance.element().defaultFlow().filter(flow::equals).isPresent()) {
                continue;
            }
            if (Conditions.holds(flow.condition(), scope)) {
                return List.of(flow);
            }
        }
        return instance.element().defaultFlow().map(List::of).orElseThrow(() -> new IncidentRaised(IncidentType.CONDITION_ERROR,
                "Expected at least one condition to evaluate to true, or to have a default flow"));
    }
}
