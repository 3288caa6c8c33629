package org.premiumflow.engine.runtime;

/** A caller waited for an instance's result longer than it asked to. */
public class AwaitTimeoutException extends RuntimeException {

    public AwaitTimeoutException(String message) {
        super(message);
    }
}
