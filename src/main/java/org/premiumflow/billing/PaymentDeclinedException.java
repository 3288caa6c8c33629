package org.premiumflow.billing;

/** The member's card issuer declined the payment: nothing was charged (answered with 402). */
public class PaymentDeclinedException extends RuntimeException {

    public PaymentDeclinedException(String reason) {
        super("The payment was declined: " + reason);
    }
}
