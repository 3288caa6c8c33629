package org.premiumflow.recovery;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.premiumflow.autopay.AutoPayEnrollment;
import org.premiumflow.autopay.AutoPayMandate;
import org.premiumflow.billing.Ledger;
import org.premiumflow.billing.Payment;
import org.premiumflow.billing.PaymentPosting;
import org.premiumflow.payment.gateway.IdempotencyKey;
import org.premiumflow.paymentmethod.MethodCharge;
import org.premiumflow.paymentmethod.MethodCharges;
import org.premiumflow.paymentmethod.PaymentMethod;
import org.premiumflow.paymentmethod.PaymentMethodRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charges what an enrollment has past due, at once, from the method a member in grace just set
 * AutoPay up on (issue 7): waiting for the next draft would let the grace run out. Once per grace
 * and mandate: the idempotency key carries both, so a repeated job finds the payment of the first
 * and the processor answers a repeated call with the first one's outcome. The payment is posted
 * like any other, oldest month first; one that leaves nothing past due cures the grace.
 */
@Service
public class NewMethodCharge {

    private static final Logger log = LoggerFactory.getLogger(NewMethodCharge.class);

    private final Ledger ledger;
    private final Delinquencies delinquencies;
    private final AutoPayEnrollment autopay;
    private final PaymentMethodRegistration methods;
    private final MethodCharges charges;
    private final PaymentPosting posting;
    private final Clock clock;

    NewMethodCharge(Ledger ledger, Delinquencies delinquencies, AutoPayEnrollment autopay, PaymentMethodRegistration methods,
                    MethodCharges charges, PaymentPosting posting, Clock clock) {
        this.ledger = ledger;
        this.delinquencies = delinquencies;
        this.autopay = autopay;
        this.methods = methods;
        this.charges = charges;
        this.posting = posting;
        this.clock = clock;
    }

    public enum Outcome {
        /** Charged and posted: a card at once, a bank debit pending until the settlement check. */
        APPROVED, PENDING, DECLINED,
        /** Paid meanwhile, by hand or by a draft: nothing to charge. */
        NOTHING_DUE,
        /** AutoPay was stopped again before the job ran: there is no method the member wants charged. */
        NO_AUTOPAY
    }

    /**
     * What the charge did.
     *
     * @param amount        what was charged, or tried; zero when nothing was
     * @param method        the method's description for the member (brand and last digits), null without a charge
     * @param failureCode   the decline code, null unless declined
     * @param firstUnpaidMonth the oldest month the charge was for, null when nothing was due
     */
    public record Result(Outcome outcome, String paymentKey, BigDecimal amount, String method, String failureCode,
                         String firstUnpaidMonth) {
    }

    /** Charges the enrollment's past-due total from the active mandate's method, for the grace of the invoice. */
    @Transactional
    public Result charge(String memberId, long enrollmentId, long invoiceId) {
        // Ledger before method, as the AutoPay draft locks: a payment by hand that is in counts, one coming waits.
        ledger.lock(memberId);
        Optional<AutoPayMandate> mandate = autopay.active(memberId);
        if (mandate.isEmpty()) {
            return new Result(Outcome.NO_AUTOPAY, null, BigDecimal.ZERO, null, null, null);
        }
        IdempotencyKey key = IdempotencyKey.of("grace", "invoice-" + invoiceId, "mandate-" + mandate.get().id());
        Optional<Payment> earlier = ledger.payment(key.value());
        if (earlier.isPresent()) {
            Payment payment = earlier.get();
            return new Result(payment.status() == Payment.Status.PENDING ? Outcome.PENDING : Outcome.APPROVED, key.value(),
                    payment.amount(), methods.find(memberId, payment.paymentMethodId()).description(), null, null);
        }
        Delinquency delinquency = delinquencies.on(enrollmentId, LocalDate.now(clock));
        BigDecimal due = delinquency.totalDue();
        if (due.signum() <= 0) {
            return new Result(Outcome.NOTHING_DUE, key.value(), BigDecimal.ZERO, null, null, null);
        }
        String firstUnpaidMonth = delinquency.firstUnpaidMonth().orElseThrow().toString();
        PaymentMethod method = methods.lock(memberId, mandate.get().paymentMethodId());
        MethodCharge charge = charges.charge(method, due, key);
        if (charge.outcome() == MethodCharge.Outcome.DECLINED) {
            log.info("Past-due charge {} of member {} from payment method {} declined ({})", key.value(), memberId, method.id(),
                    charge.declineCode());
            return new Result(Outcome.DECLINED, key.value(), due, method.description(), charge.declineCode(), firstUnpaidMonth);
        }
        Payment.Status status = charge.outcome() == MethodCharge.Outcome.APPROVED ? Payment.Status.SETTLED : Payment.Status.PENDING;
        posting.post(memberId, due, Payment.Channel.AUTOPAY, method.id(), key.value(), status, charge.reference());
        return new Result(status == Payment.Status.SETTLED ? Outcome.APPROVED : Outcome.PENDING, key.value(), due,
                method.description(), null, firstUnpaidMonth);
    }
}
