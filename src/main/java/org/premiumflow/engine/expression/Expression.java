package org.premiumflow.engine.expression;

import java.util.Map;

/**
 * A property of a model that is either a fixed value or, when it starts with {@code =}, a FEEL
 * expression parsed when the model was deployed.
 */
public sealed interface Expression permits Expression.Static, FeelExpression {

    /** The text as written in the model. */
    String source();

    /**
     * @param variables every variable visible where the expression is evaluated
     * @throws ExpressionFailure when a FEEL expression cannot be evaluated
     */
    Object evaluate(Map<String, Object> variables);

    record Static(String value) implements Expression {

        @Override
        public String source() {
            return value;
        }

        @Override
        public Object evaluate(Map<String, Object> variables) {
            return value;
        }
    }
}
