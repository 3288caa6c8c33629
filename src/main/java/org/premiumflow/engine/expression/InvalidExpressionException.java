package org.premiumflow.engine.expression;

/** A model property that is not valid FEEL: the deployment carrying it is rejected. */
public class InvalidExpressionException extends RuntimeException {

    public InvalidExpressionException(String message) {
        super(message);
    }
}
