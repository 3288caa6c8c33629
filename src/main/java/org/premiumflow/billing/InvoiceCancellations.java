package org.premiumflow.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.premiumflow.workflow.WorkflowMessage;
import org.premiumflow.workflow.WorkflowMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Months owed no more are cancelled by a fact on the ledger (never by rewriting the invoice), what
 * was paid on them becomes credit that pays any month still owed, oldest first, and their
 * collections hear that the invoices need nothing more. Two reasons: coverage ended retroactively
 * before the month, which reinstatement undoes (the months are owed again and the credit pays
 * them); or a hardship waiver waived the months past due when the grace ended, which nothing undoes:
 * a member reinstated after a later termination does not owe a forgiven premium again. A waived
 * month is neither owed nor paid, like any cancelled month, so it never counts as a month paid in
 * full for the grace period rules.
 */
@Service
public class InvoiceCancellations {

    private static final Logger log = LoggerFactory.getLogger(InvoiceCancellations.class);

    /** A collection waiting for a payment hears that none is needed; one not waiting checks the invoice itself. */
    static final String INVOICE_CANCELLED = "invoice-cancelled";

    private final Ledger ledger;
    private final PaymentPosting posting;
    private final WorkflowMessages messages;
    private final Clock clock;

    InvoiceCancellations(Ledger ledger, PaymentPosting posting, WorkflowMessages messages, Clock clock) {
        this.ledger = ledger;
        this.posting = posting;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Cancels every invoice of the enrollment for a month with no day covered on or before the last
     * day covered; the months up to it stay owed. Run again, it cancels nothing more.
     *
     * @return the invoices cancelled now
     */
    @Transactional
    public List<Invoice> cancelUncovered(String memberId, long enrollmentId, LocalDate coverageStart, LocalDate lastDayCovered,
                                         String reason) {
        ledger.lock(memberId);
        List<Invoice> uncovered = ledger.invoices(memberId).stream()
                .filter(invoice -> invoice.invoice().enrollmentId() == enrollmentId && !invoice.cancelled())
                .map(InvoiceStatus::invoice)
                .filter(invoice -> firstDayBilled(invoice, coverageStart).isAfter(lastDayCovered))
                .toList();
        return cancel(memberId, uncovered, InvoiceCancellation.Kind.COVERAGE_ENDED, reason);
    }

    /**
     * Waives every month of the enrollment past due on the day (due then or before and still owed,
     * in part or in full): a hardship waiver kept the coverage, so these premiums are forgiven.
     * Months due later stay owed. Run again the same day, it waives nothing more.
     *
     * @return the invoices waived now
     */
    @Transactional
    public List<Invoice> waivePastDue(String memberId, long enrollmentId, LocalDate today, String reason) {
        ledger.lock(memberId);
        List<Invoice> pastDue = ledger.invoices(memberId).stream()
                .filter(invoice -> invoice.invoice().enrollmentId() == enrollmentId && invoice.owed())
                .map(InvoiceStatus::invoice)
                .filter(invoice -> !invoice.dueDate().isAfter(today))
                .toList();
        return cancel(memberId, pastDue, InvoiceCancellation.Kind.HARDSHIP_WAIVER, reason);
    }

    private List<Invoice> cancel(String memberId, List<Invoice> invoices, InvoiceCancellation.Kind kind, String reason) {
        Instant now = clock.instant();
        List<Invoice> cancelled = invoices.stream().filter(invoice -> ledger.cancel(invoice.id(), kind, reason, now)).toList();
        for (Invoice invoice : cancelled) {
            messages.send(new WorkflowMessage(INVOICE_CANCELLED, "invoice-" + invoice.id(), INVOICE_CANCELLED + ":" + invoice.id(),
                    Duration.ZERO, Map.of("invoiceId", invoice.id())));
            log.info("Invoice {} of member {} for {} cancelled ({}) on enrollment {}", invoice.id(), memberId,
                    invoice.coverageMonth(), kind, invoice.enrollmentId());
        }
        // What was paid on the cancelled months pays any month still owed, oldest first; the rest is credit.
        posting.applyCredit(memberId);
        return cancelled;
    }

    /**
     * Undoes the enrollment's cancellations for a coverage end (never a waiver) and applies the member's credit, oldest month first,
     * but only if the credit pays at least {@code required}: read under the ledger lock, so a
     * payment that came back meanwhile counts no more.
     *
     * @return false, with nothing changed, when the credit falls short
     */
    @Transactional
    public boolean restore(String memberId, long enrollmentId, BigDecimal required, String reason) {
        ledger.lock(memberId);
        if (credit(memberId).compareTo(required) < 0) {
            return false;
        }
        int undone = ledger.undoCancellations(enrollmentId, reason, clock.instant());
        posting.applyCredit(memberId);
        log.info("Enrollment {} of member {}: {} invoice cancellations undone ({})", enrollmentId, memberId, undone, reason);
        return true;
    }

    /** The member's credit: what payments that still count leave unapplied. */
    @Transactional(readOnly = true)
    public BigDecimal credit(String memberId) {
        return ledger.unapplied(memberId).stream().map(Ledger.Unapplied::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static LocalDate firstDayBilled(Invoice invoice, LocalDate coverageStart) {
        LocalDate first = invoice.coverageMonth().atDay(1);
        return first.isBefore(coverageStart) ? coverageStart : first;
    }
}
