package org.premiumflow.engine.runtime;

/** The lifecycle of an element instance, as Zeebe documents it. */
public enum ElementState {
    ACTIVATING,
    ACTIVATED,
    COMPLETING,
    COMPLETED,
    TERMINATING,
    TERMINATED;

    public boolean isFinal() {
        return this == COMPLETED || this == TERMINATED;
    }
}
