package org.premiumflow.lifeevent;

/** Where a reported life event stands: received, waiting for the member's proof, or decided. */
public enum LifeEventStatus {
    RECEIVED,
    AWAITING_PROOF,
    APPROVED,
    REJECTED;

    public boolean decided() {
        return this == APPROVED || this == REJECTED;
    }
}
