package org.premiumflow.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.workflow.WorkflowMessage;
import org.premiumflow.workflow.WorkflowMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts payments on the member's ledger and applies them: a payment pays the oldest unpaid
 * coverage month first (DOMAIN.md section 4), a part payment leaves the rest due, and what is
 * left over is a credit that pays the next invoice when it is issued. A payment that comes back
 * pays nothing, and the months it paid are due again.
 */
@Service
public class PaymentPosting {

    private static final Logger log = LoggerFactory.getLogger(PaymentPosting.class);

    static final String INVOICE_PAID = "invoice-paid";
    /** A grace period that is waiting hears of the payment that ends it; without one the message has no one to tell. */
    static final String PREMIUM_CURED = "premium-cured";
    /** Long enough for a collection that has not reached its wait yet: it reaches it by the due date. */
    private static final Duration PAID_MESSAGE_KEPT = Duration.ofDays(45);

    private final Ledger ledger;
    private final WorkflowMessages messages;
    private final Clock clock;

    PaymentPosting(Ledger ledger, WorkflowMessages messages, Clock clock) {
        this.ledger = ledger;
        this.messages = messages;
        this.clock = clock;
    }

    /** Posts a payment once per idempotency key and applies what the member has paid. */
    @Transactional
    public Payment post(String memberId, BigDecimal amount, Payment.Channel channel, Long paymentMethodId, String idempotencyKey,
                        Payment.Status status, String processorReference) {
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw new IllegalArgumentException("amount: must be more than zero, in dollars and cents");
        }
        ledger.lock(memberId);
        boolean delinquent = anyPastDue(memberId);
        Payment payment = ledger.record(memberId, amount, channel, paymentMethodId, idempotencyKey, status, processorReference,
                clock.instant());
        applyCredit(memberId);
        if (delinquent && !anyPastDue(memberId)) {
            cured(payment);
        }
        log.info("Payment {} of member {} posted ({}, {})", payment.id(), memberId, channel, payment.status());
        return payment;
    }

    @Transactional
    public void settled(String memberId, long paymentId) {
        ledger.lock(memberId);
        ledger.settle(paymentId, clock.instant());
    }

    /** The payment came back with a return code: the months it paid are due again, unless other credit pays them. */
    @Transactional
    public void returned(String memberId, long paymentId, String returnCode) {
        ledger.lock(memberId);
        if (ledger.returned(paymentId, returnCode, clock.instant())) {
            log.info("Payment {} of member {} came back with {}", paymentId, memberId, returnCode);
            applyCredit(memberId);
        }
    }

    /** Tells the invoice's collection that it is paid, by whichever payment completed it. */
    private void paidInFull(Invoice invoice, long paymentId) {
        messages.send(new WorkflowMessage(INVOICE_PAID, "invoice-" + invoice.id(), INVOICE_PAID + ":" + invoice.id() + ":" + paymentId,
                PAID_MESSAGE_KEPT, Map.of("invoiceId", invoice.id())));
    }

    /** A premium not paid in full once its due date has come is delinquent (956 CMR 12.12). */
    private boolean anyPastDue(String memberId) {
        LocalDate today = LocalDate.now(clock);
        return ledger.invoices(memberId).stream()
                .anyMatch(invoice -> invoice.owed() && !invoice.invoice().dueDate().isAfter(today));
    }

    /** Tells the member's grace period, if one runs, that nothing past due is left: it ends at once. */
    private void cured(Payment payment) {
        LocalDate paidDate = LocalDate.ofInstant(payment.receivedAt(), ExchangeClock.EXCHANGE_ZONE);
        messages.send(new WorkflowMessage(PREMIUM_CURED, "member-" + payment.memberId(), PREMIUM_CURED + ":" + payment.id(),
                Duration.ZERO, Map.of("paidAmount", payment.amount().toPlainString(), "paidDate", paidDate.toString())));
    }

    /**
     * Applies every unapplied amount, oldest payment first, to the open invoices, oldest coverage
     * month first. Callers hold the member's ledger lock.
     */
    void applyCredit(String memberId) {
        Deque<Ledger.Unapplied> credit = new ArrayDeque<>(ledger.unapplied(memberId));
        if (credit.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<InvoiceStatus> open = ledger.invoices(memberId).stream().filter(InvoiceStatus::owed).toList();
        for (InvoiceStatus invoice : open) {
            BigDecimal due = invoice.open();
            while (due.signum() > 0 && !credit.isEmpty()) {
                Ledger.Unapplied from = credit.pop();
                BigDecimal applied = from.amount().min(due);
                ledger.allocate(from.paymentId(), invoice.invoice().id(), applied, now);
                due = due.subtract(applied);
                if (from.amount().compareTo(applied) > 0) {
                    credit.push(new Ledger.Unapplied(from.paymentId(), from.amount().subtract(applied)));
                }
                if (due.signum() == 0) {
                    paidInFull(invoice.invoice(), from.paymentId());
                }
            }
        }
    }
}
