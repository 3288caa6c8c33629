package org.premiumflow.member;

/** Why an enrollment's coverage ended, as the termination notice states it (45 CFR 156.270(b)). */
public enum CoverageEndReason {
    NON_PAYMENT("the premium was not paid");

    private final String inPlainWords;

    CoverageEndReason(String inPlainWords) {
        this.inPlainWords = inPlainWords;
    }

    public String inPlainWords() {
        return inPlainWords;
    }
}
