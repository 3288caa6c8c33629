package org.premiumflow.paymentmethod;

/** Where a payment method stands: only a verified method may be drafted. */
public enum PaymentMethodStatus {
    PENDING_VERIFICATION,
    VERIFIED,
    FAILED,
    REMOVED
}
