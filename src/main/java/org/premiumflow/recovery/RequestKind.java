package org.premiumflow.recovery;

/**
 * What a delinquent member may ask for: a hardship waiver, which a caseworker approves or denies,
 * or an appeal, which a caseworker upholds or denies. Each starts its caseworker task in the
 * member's grace period by its own message.
 */
public enum RequestKind {

    HARDSHIP_WAIVER("hardship-waiver-requested", "APPROVED"),
    APPEAL("appeal-filed", "UPHELD");

    private final String message;
    private final String grantedStatus;

    RequestKind(String message, String grantedStatus) {
        this.message = message;
        this.grantedStatus = grantedStatus;
    }

    /** The message that opens the caseworker's task in the grace period's process instance. */
    public String message() {
        return message;
    }

    /** The status a request of this kind gets when the caseworker grants it: APPROVED or UPHELD. */
    public String grantedStatus() {
        return grantedStatus;
    }

    /** As a member reads it: "hardship waiver", "appeal". */
    public String plainName() {
        return this == HARDSHIP_WAIVER ? "hardship waiver" : "appeal";
    }
}
