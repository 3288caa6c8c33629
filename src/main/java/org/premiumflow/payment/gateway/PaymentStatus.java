package org.premiumflow.payment.gateway;

/** What the processor knows of the call made with an idempotency key. */
public record PaymentStatus(State state, String reference, ReturnCode returnCode, CardDecline decline) {

    public enum State {
        /** The processor never received the call: it is safe to make it again with the same key. */
        NOT_FOUND,
        /** An ACH debit accepted and not yet settled. */
        PENDING,
        SETTLED,
        /** An ACH entry came back; {@link #returnCode()} says why. */
        RETURNED,
        APPROVED,
        /** A card declined; {@link #decline()} says why. */
        DECLINED
    }
}
