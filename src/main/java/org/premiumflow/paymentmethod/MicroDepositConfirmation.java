package org.premiumflow.paymentmethod;

/** What became of a member's confirmation of the two micro-deposit amounts. */
public record MicroDepositConfirmation(Result result, int attemptsLeft) {

    public enum Result {
        /** The amounts match: the account is verified. */
        VERIFIED,
        /** Wrong amounts; the member may try again. */
        WRONG_AMOUNTS,
        /** Wrong amounts once too often: a caseworker reviews the account now. */
        LOCKED
    }
}
