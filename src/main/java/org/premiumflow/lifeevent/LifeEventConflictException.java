package org.premiumflow.lifeevent;

/** A report or document that does not fit the case as it stands: an event id reused for another event, a decided case. */
public class LifeEventConflictException extends RuntimeException {

    LifeEventConflictException(String message) {
        super(message);
    }
}
