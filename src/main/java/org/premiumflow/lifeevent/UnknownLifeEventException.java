package org.premiumflow.lifeevent;

/** No life event with that id was reported for the member. */
public class UnknownLifeEventException extends RuntimeException {

    UnknownLifeEventException(String memberId, String eventId) {
        super("Member " + memberId + " reported no life event " + eventId);
    }
}
