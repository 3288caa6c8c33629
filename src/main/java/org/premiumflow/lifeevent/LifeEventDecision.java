package org.premiumflow.lifeevent;

/** How a life event was decided: the status it leaves and whether a caseworker looked at proof. */
public enum LifeEventDecision {
    APPROVED_WITHOUT_PROOF(LifeEventStatus.APPROVED),
    APPROVED_ON_PROOF(LifeEventStatus.APPROVED),
    REJECTED_ON_PROOF(LifeEventStatus.REJECTED),
    PROOF_NOT_PROVIDED(LifeEventStatus.REJECTED);

    private final LifeEventStatus status;

    LifeEventDecision(LifeEventStatus status) {
        this.status = status;
    }

    public LifeEventStatus status() {
        return status;
    }
}
