package org.premiumflow.lifeevent;

/** The changes a member may report (DOMAIN.md section 5, 45 CFR 155.420(d)), and whom each may bring or take away. */
public enum LifeEventType {
    MARRIAGE("marriage", true, false),
    DIVORCE("divorce", false, true),
    BIRTH_OR_ADOPTION("birth or adoption", true, false),
    LOSS_OF_COVERAGE("loss of other health coverage", false, false),
    MOVE("move to a new address", false, false),
    INCOME_CHANGE("change in household income", false, false),
    DEATH_IN_HOUSEHOLD("death in the household", false, true);

    private final String plainWords;
    private final boolean addsPeople;
    private final boolean removesPeople;

    LifeEventType(String plainWords, boolean addsPeople, boolean removesPeople) {
        this.plainWords = plainWords;
        this.addsPeople = addsPeople;
        this.removesPeople = removesPeople;
    }

    /** How a notice names the event: "your report of a ..." */
    public String plainWords() {
        return plainWords;
    }

    /** Whether people may join the member's plan with this event: a spouse, a child. */
    public boolean addsPeople() {
        return addsPeople;
    }

    /** Whether people of the household may leave the member's plan with this event. */
    public boolean removesPeople() {
        return removesPeople;
    }
}
