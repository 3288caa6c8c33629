package org.premiumflow.paymentmethod;

/** A request that the member's payment set-up, as it stands, does not allow (answered with 409). */
public class PaymentSetUpConflictException extends RuntimeException {

    public PaymentSetUpConflictException(String message) {
        super(message);
    }
}
