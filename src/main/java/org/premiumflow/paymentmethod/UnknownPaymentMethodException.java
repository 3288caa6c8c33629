package org.premiumflow.paymentmethod;

/** A request names a payment method the member does not have (answered with 404). */
public class UnknownPaymentMethodException extends RuntimeException {

    public UnknownPaymentMethodException(String memberId, long methodId) {
        super("Member " + memberId + " has no payment method " + methodId);
    }
}
