package org.premiumflow.engine;

/** A command the current state forbids (resolving a resolved incident, ...): HTTP 409. */
public class InvalidStateException extends RuntimeException {

    public InvalidStateException(String message) {
        super(message);
    }
}
