package org.premiumflow.engine.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.premiumflow.engine.model.SequenceFlow;

/**
 * Takes every outgoing flow whose condition is true, else the default flow. As a join it waits
 * until no other token of its scope can still reach it (see {@link Execution#tryInclusiveJoin}).
 */
final class InclusiveGatewayBehavior implements ElementBehavior {

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
        List<SequenceFlow> taken = new ArrayList<>();
        for (SequenceFlow flow : outgoing) {
            if (instance.element().defaultFlow().filter(flow::equals).isPresent()) {
                continue;
            }
            if (flow.condition() == null) {
                taken.add(flow);
                continue;
            }
            if (Conditions.holds(flow.condition(), scope)) {
                taken.add(flow);
            }
        }
        if (!taken.isEmpty()) {
            return taken;
        }
        return instance.element().defaultFlow().map(List::of).orElseThrow(() -> new IncidentRaised(IncidentType.CONDITION_ERROR,
                "Expected at least one condition to evaluate to true, or to have a default flow"));
    }
}
