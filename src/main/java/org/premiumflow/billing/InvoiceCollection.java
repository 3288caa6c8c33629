package org.premiumflow.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.premiumflow.autopay.AutoPayEnrollment;
import org.premiumflow.autopay.AutoPayMandate;
import org.premiumflow.calendar.BillingCalendar;
import org.premiumflow.calendar.ExchangeClock;
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
 * Collecting one invoice: when to remind, whether and when AutoPay drafts it, the draft itself
 * (once per invoice and attempt, never for an invoice already paid in full), and what it took.
 */
@Service
public class InvoiceCollection {

    private static final Logger log = LoggerFactory.getLogger(InvoiceCollection.class);

    /** Return codes after which Nacha lets a debit be re-presented: insufficient or uncollected funds. */
    private static final Set<String> REPRESENTABLE_RETURNS = Set.of("R01", "R09");

    private final Ledger ledger;
    private final BillingAdjustments adjustments;
    private final PaymentPosting posting;
    private final AutoPayEnrollment autopay;
    private final PaymentMethodRegistration methods;
    private final MethodCharges charges;
    private final BillingCalendar calendar;
    private final CollectionProperties properties;
    private final Clock clock;

    InvoiceCollection(Ledger ledger, BillingAdjustments adjustments, PaymentPosting posting, AutoPayEnrollment autopay,
                      PaymentMethodRegistration methods, MethodCharges charges, BillingCalendar calendar, CollectionProperties properties,
                      Clock clock) {
        this.ledger = ledger;
        this.adjustments = adjustments;
        this.posting = posting;
        this.autopay = autopay;
        this.methods = methods;
        this.charges = charges;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The collection's calendar for an invoice; the AutoPay draft only if a mandate drafts on its
     * draft date; the credits and extra charges the invoice carries, worded for the bill.
     */
    public record Plan(InvoiceStatus invoice, Instant reminderAt, Instant dueAt, Optional<Draft> draft, List<String> adjustmentLines) {

        public Plan {
            adjustmentLines = List.copyOf(adjustmentLines);
        }

        /** The plan as the collection process's variables, which start it. */
        public Map<String, Object> variables() {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("invoiceId", invoice.invoice().id());
            variables.put("memberId", invoice.invoice().memberId());
            variables.put("coverageMonth", invoice.invoice().coverageMonth().toString());
            variables.put("dueAmount", invoice.open().max(BigDecimal.ZERO).toPlainString());
            variables.put("dueDate", invoice.invoice().dueDate().toString());
            variables.put("paidInFull", invoice.paidInFull());
            variables.put("cancelled", invoice.cancelled());
            variables.put("reminderAt", reminderAt.toString());
            variables.put("dueAt", dueAt.toString());
            draft.ifPresent(draft -> {
                variables.put("autopayDraftDate", draft.date().toString());
                variables.put("autopayMethod", draft.method());
                variables.put("draftAt", draft.at().toString());
            });
            if (!adjustmentLines.isEmpty()) {
                variables.put("adjustmentLines", adjustmentLines);
            }
            return variables;
        }
    }

    public record Draft(LocalDate date, Instant at, String method) {
    }

    @Transactional(readOnly = true)
    public Plan plan(long invoiceId) {
        InvoiceStatus invoice = status(invoiceId);
        LocalDate dueDate = invoice.invoice().dueDate();
        LocalDate draftDate = calendar.draftDate(invoice.invoice().coverageMonth());
        Optional<Draft> draft = autopay.draftingOn(invoice.invoice().memberId(), draftDate).map(mandate -> new Draft(draftDate,
                draftDate.atTime(properties.draftTime()).atZone(ExchangeClock.EXCHANGE_ZONE).toInstant(),
                methods.find(mandate.memberId(), mandate.paymentMethodId()).description()));
        return new Plan(invoice,
                dueDate.minusDays(properties.reminderDaysBeforeDue()).atTime(properties.reminderTime())
                        .atZone(ExchangeClock.EXCHANGE_ZONE).toInstant(),
                dueDate.plusDays(1).atStartOfDay(ExchangeClock.EXCHANGE_ZONE).toInstant(),
                draft,
                adjustments.ofInvoice(invoiceId).stream().map(BillingAdjustment::inWords).toList());
    }

    @Transactional(readOnly = true)
    public InvoiceStatus status(long invoiceId) {
        return ledger.invoiceStatus(invoiceId).orElseThrow(() -> new IllegalStateException("No invoice " + invoiceId));
    }

    /**
     * What an AutoPay draft did: nothing (paid already, cancelled, or AutoPay ended), approved, pending
     * settlement, or declined. A decline gives its code apart from the words, because the retry
     * policy decides on the code and the member reads the words.
     *
     * @param paymentMethodId the method drafted, null when nothing was drafted
     * @param failureCode     the card decline code or bank rejection code, null unless declined
     */
    public record DraftResult(String outcome, String paymentKey, BigDecimal amount, String reason, Long paymentMethodId,
                              String failureCode) {
    }

    /**
     * Drafts what is still open on the invoice from the mandate's method, once per invoice and
     * attempt: a repeated job finds the payment of the first. The first attempt drafts from the
     * mandate for the invoice's draft date, a retry from the active one.
     */
    @Transactional
    public DraftResult draft(long invoiceId, int attempt) {
        return draft(invoiceId, attempt, null);
    }

    /**
     * Drafts the invoice again as the given attempt after the payment under {@code failedPaymentKey}
     * failed. A bank debit returned R01 or R09 and drafted again from the same account is a
     * re-presentment, which Nacha allows only for the amount of the returned entry: that amount is
     * debited, whatever else is open; if the member paid part of it by hand meanwhile, less is open
     * and nothing is drafted ({@code PART_PAID}), the rest being left to the grace period. Any
     * other retry (a card, a new method, the corrected entry after an R11 return, whose amount may
     * be corrected) drafts what is open.
     */
    @Transactional
    public DraftResult retry(long invoiceId, int attempt, String failedPaymentKey) {
        return draft(invoiceId, attempt, failedPaymentKey);
    }

    private DraftResult draft(long invoiceId, int attempt, String failedPaymentKey) {
        String memberId = ledger.invoice(invoiceId).orElseThrow(() -> new IllegalStateException("No invoice " + invoiceId)).memberId();
        // Locked like a payment being posted: a payment by hand that is already in counts, and one coming waits.
        ledger.lock(memberId);
        InvoiceStatus invoice = status(invoiceId);
        IdempotencyKey key = IdempotencyKey.of("autopay", "invoice-" + invoiceId, "attempt-" + attempt);
        Optional<Payment> earlier = ledger.payment(key.value());
        if (earlier.isPresent()) {
            return new DraftResult(earlier.get().status() == Payment.Status.PENDING ? "PENDING" : "APPROVED", key.value(),
                    earlier.get().amount(), "", earlier.get().paymentMethodId(), null);
        }
        if (invoice.cancelled()) {
            // Coverage ended before the month: nothing is owed, and nothing is drafted.
            return new DraftResult("CANCELLED", key.value(), BigDecimal.ZERO, invoice.cancellation().reason(), null, null);
        }
        if (invoice.paidInFull()) {
            return new DraftResult("PAID_ALREADY", key.value(), BigDecimal.ZERO, "", null, null);
        }
        // A retry goes from the method AutoPay drafts from now: one the member set up after the failure, never
        // the one it replaced; AutoPay suspended, revoked or cancelled meanwhile drafts nothing.
        Optional<AutoPayMandate> mandate = attempt == 1
                ? autopay.draftingOn(memberId, calendar.draftDate(invoice.invoice().coverageMonth()))
                : autopay.active(memberId);
        if (mandate.isEmpty()) {
            return new DraftResult("NO_AUTOPAY", key.value(), BigDecimal.ZERO, "AutoPay is no longer active", null, null);
        }
        PaymentMethod method = methods.lock(memberId, mandate.get().paymentMethodId());
        BigDecimal amount = invoice.open();
        Optional<Payment> represented = represented(failedPaymentKey, method);
        if (represented.isPresent()) {
            if (amount.compareTo(represented.get().amount()) < 0) {
                log.info("Invoice {} attempt {} not drafted: the debit {} returned {} may be re-presented only for its own "
                                + "amount, and a payment by hand meanwhile left less open; the rest goes to the grace period",
                        invoiceId, attempt, failedPaymentKey, represented.get().returnCode());
                return new DraftResult("PART_PAID", key.value(), BigDecimal.ZERO,
                        "part of the returned debit was paid meanwhile, and it may be drafted again only in full", null, null);
            }
            amount = represented.get().amount();
        }
        MethodCharge charge = charges.charge(method, amount, key);
        if (charge.outcome() == MethodCharge.Outcome.DECLINED) {
            return new DraftResult("DECLINED", key.value(), amount, charge.declineReason() + " (" + charge.declineCode() + ")",
                    method.id(), charge.declineCode());
        }
        Payment.Status status = charge.outcome() == MethodCharge.Outcome.APPROVED ? Payment.Status.SETTLED : Payment.Status.PENDING;
        posting.post(memberId, amount, Payment.Channel.AUTOPAY, method.id(), key.value(), status, charge.reference());
        return new DraftResult(status == Payment.Status.SETTLED ? "APPROVED" : "PENDING", key.value(), amount, "", method.id(), null);
    }

    /** The returned debit a retry from this method re-presents: one that came back R01 or R09 from the same account. */
    private Optional<Payment> represented(String failedPaymentKey, PaymentMethod method) {
        if (failedPaymentKey == null) {
            return Optional.empty();
        }
        return ledger.payment(failedPaymentKey).filter(payment -> payment.status() == Payment.Status.RETURNED
                && REPRESENTABLE_RETURNS.contains(payment.returnCode()) && Objects.equals(payment.paymentMethodId(), method.id()));
    }

    /** What the member paid and when, and until when a bank debit may still come back (Nacha: 60 days). */
    public record Receipt(BigDecimal paidAmount, LocalDate paidDate, String method, Instant returnWindowEndsAt) {
    }

    @Transactional(readOnly = true)
    public Receipt receipt(long invoiceId) {
        InvoiceStatus invoice = status(invoiceId);
        String method = ledger.paymentsFor(invoiceId).stream().findFirst()
                .filter(payment -> payment.paymentMethodId() != null)
                .map(payment -> methods.find(payment.memberId(), payment.paymentMethodId()).description())
                .orElse("your payment");
        return new Receipt(invoice.paid(), LocalDate.now(clock), method, clock.instant().plus(SettlementCheck.RETURN_WINDOW));
    }
}
