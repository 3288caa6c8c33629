package org.premiumflow.engine.runtime;

import java.util.Map;
import org.premiumflow.engine.expression.Expression;

/** Conditions in a model (sequence flows, completion conditions) must be true or false; anything else is an incident. */
final class Conditions {

    private Conditions() {
    }

    static boolean holds(Expression condition, Map<String, Object> scope) {
        Object result = condition.evaluate(scope);
        if (!(result instanceof Boolean)) {
            throw new IncidentRaised(IncidentType.CONDITION_ERROR, "Expected result of the expression '" + condition.source()
                    + "' to be 'BOOLEAN', but was '" + FeelTypes.of(result) + "'.");
        }
        return (Boolean) result;
    }
}
