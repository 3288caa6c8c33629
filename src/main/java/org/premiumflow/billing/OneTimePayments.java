package org.premiumflow.billing;

import java.math.BigDecimal;
import org.premiumflow.payment.gateway.IdempotencyKey;
import org.premiumflow.paymentmethod.InvalidFieldException;
import org.premiumflow.paymentmethod.MethodCharge;
import org.premiumflow.paymentmethod.MethodCharges;
import org.premiumflow.paymentmethod.PaymentMethod;
import org.premiumflow.paymentmethod.PaymentMethodRegistration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member pays an amount now from a verified method, with or without AutoPay. The member's own
 * request key makes a repeated request (a double click, a retry after a timeout) pay once.
 */
@Service
public class OneTimePayments {

    private final Ledger ledger;
    private final PaymentMethodRegistration methods;
    private final MethodCharges charges;
    private final PaymentPosting posting;

    OneTimePayments(Ledger ledger, PaymentMethodRegistration methods, MethodCharges charges, PaymentPosting posting) {
        this.ledger = ledger;
        this.methods = methods;
        this.charges = charges;
        this.posting = posting;
    }

    @Transactional
    public Payment pay(String memberId, long paymentMethodId, BigDecimal amount, String requestKey) {
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw new InvalidFieldException("amount", "must be more than zero, in dollars and cents");
        }
        if (requestKey == null || requestKey.isBlank() || requestKey.length() > 100) {
            throw new InvalidFieldException("Idempotency-Key", "header of 1 to 100 characters is required, so a repeated request never pays twice");
        }
        // The member's ledger first, then the method, in the order an AutoPay draft takes them: a
        // payment by hand on the card AutoPay is drafting waits for the draft instead of deadlocking
        // with it, which could roll back a payment the processor had already taken.
        ledger.lock(memberId);
        PaymentMethod method = methods.lock(memberId, paymentMethodId);
        IdempotencyKey key = IdempotencyKey.of("one-time", memberId, requestKey);
        MethodCharge charge = charges.charge(method, amount, key);
        if (charge.outcome() == MethodCharge.Outcome.DECLINED) {
            throw new PaymentDeclinedException(charge.declineReason() + " (" + charge.declineCode() + ")");
        }
        Payment.Status status = charge.outcome() == MethodCharge.Outcome.APPROVED ? Payment.Status.SETTLED : Payment.Status.PENDING;
        return posting.post(memberId, amount, Payment.Channel.ONE_TIME, paymentMethodId, key.value(), status, charge.reference());
    }
}
