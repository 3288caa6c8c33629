package org.premiumflow.engine;

/** A request the engine cannot take as given: HTTP 400, naming the field and the rule. */
public class InvalidArgumentException extends RuntimeException {

    public InvalidArgumentException(String message) {
        super(message);
    }
}
