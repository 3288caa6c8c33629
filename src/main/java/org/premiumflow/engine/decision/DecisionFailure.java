package org.premiumflow.engine.decision;

/** A decision that could not be evaluated (missing input, FEEL error in a rule). */
public class DecisionFailure extends RuntimeException {

    public DecisionFailure(String message) {
        super(message);
    }
}
