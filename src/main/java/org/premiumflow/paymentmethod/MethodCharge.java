package org.premiumflow.paymentmethod;

/**
 * What charging a payment method did: a card charge is approved or declined at once; an ACH
 * debit is pending until it settles or comes back.
 */
public record MethodCharge(Outcome outcome, String reference, String declineCode, String declineReason) {

    public enum Outcome { APPROVED, PENDING, DECLINED }

    static MethodCharge approved(String reference) {
        return new MethodCharge(Outcome.APPROVED, reference, null, null);
    }

    static MethodCharge pending(String reference) {
        return new MethodCharge(Outcome.PENDING, reference, null, null);
    }

    static MethodCharge declined(String reference, String code, String reason) {
        return new MethodCharge(Outcome.DECLINED, reference, code, reason);
    }
}
