package org.premiumflow.engine.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.premiumflow.engine.model.MultiInstanceDefinition;

/**
 * The body of a multi-instance activity: reads the input collection once it is entered and
 * starts one inner instance per item, all at once or the first of a sequence; an empty
 * collection completes it at once. Its counters are local variables of the body.
 */
final class MultiInstanceBodyBehavior implements ElementBehavior {

    @Override
    public void activate(Execution execution, ElementInstance body) {
        MultiInstanceDefinition definition = body.element().multiInstance().orElseThrow();
        Object collection = definition.inputCollection().evaluate(execution.variables().visible(body.key()));
        if (!(collection instanceof List<?> items)) {
            throw new IncidentRaised(IncidentType.EXTRACT_VALUE_ERROR, "Expected result of the expression '"
                    + definition.inputCollection().source() + "' to be 'ARRAY', but was '" + FeelTypes.of(collection) + "'.");
        }
        int started = items.isEmpty() ? 0 : definition.sequential() ? 1 : items.size();
        execution.variables().setLocal(body.key(), body.processInstanceKey(), Map.of(
                "numberOfInstances", items.size(), "numberOfActiveInstances", started, "numberOfCompletedInstances", 0));
        if (definition.outputCollection() != null) {
            execution.variables().setLocal(body.key(), body.processInstanceKey(), definition.outputCollection(),
                    new ArrayList<>(Collections.nCopies(items.size(), null)));
        }
        execution.activated(body);
        if (items.isEmpty()) {
            execution.completeBody(body);
            return;
        }
        for (int index = 0; index < started; index++) {
            execution.activateInner(body, items.get(index), index + 1);
        }
    }
}
