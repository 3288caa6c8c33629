package org.premiumflow.payment.gateway;

/** Micro-deposits sent (with the reference their amounts are checked by), or refused by the member's bank. */
public record MicroDeposits(String reference, ReturnCode rejection) {

    public static MicroDeposits sent(String reference) {
        return new MicroDeposits(reference, null);
    }

    public static MicroDeposits rejected(String reference, ReturnCode code) {
        return new MicroDeposits(reference, code);
    }

    public boolean wasSent() {
        return rejection == null;
    }
}
