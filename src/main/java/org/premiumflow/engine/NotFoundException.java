package org.premiumflow.engine;

/** A command or query names a key the engine does not know (or no longer acts on): HTTP 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
