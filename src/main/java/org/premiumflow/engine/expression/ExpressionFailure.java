package org.premiumflow.engine.expression;

/** A FEEL expression that could not be evaluated, or whose result has the wrong type. */
public class ExpressionFailure extends RuntimeException {

    public ExpressionFailure(String message) {
        super(message);
    }
}
