package org.premiumflow.paymentmethod;

/** Where a payment method stands: only a verified method may be drafted. */
public enum PaymentMethodStatus {
    PENDING_VERIFICATION,
    VERIFIED,
    /** Its verification failed. */
    FAILED,
    REMOVED,
    /** Verified once, then a payment from it came back saying it cannot be used any more (account closed, card lost…). */
    INVALID
}
