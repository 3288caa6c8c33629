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
 * Months billed before coverage ended retroactively are owed no more: each such invoice is
 * cancelled by a fact on the ledger (never rewritten), what was paid on it becomes credit, and its
 * collection hears that the invoice needs nothing more. Reinstatement undoes the cancellations and
 * lets the credit pay the months again, oldest first.
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
        Instant now = clock.instant();
        List<Invoice> cancelled = ledger.invoices(memberId).stream()
                .filter(invoice -> invoice.invoice().enrollmentId() == enrollmentId && !invoice.cancelled())
                .map(InvoiceStatus::invoice)
                .filter(invoice -> firstDayBilled(invoice, coverageStart).isAfter(lastDayCovered))
                .filter(invoice -> ledger.cancel(invoice.id(), reason, now))
                .toList();
        for (Invoice invoice : cancelled) {
            messages.send(new WorkflowMessage(INVOICE_CANCELLED, "invoice-" + invoice.id(), INVOICE_CANCELLED + ":" + invoice.id(),
                    Duration.ZERO, Map.of("invoiceId", invoice.id())));
            log.info("Invoice {} of member {} for {} cancelled: coverage of enrollment {} ended {}", invoice.id(), memberId,
                    invoice.coverageMonth(), enrollmentId, lastDayCovered);
        }
        // What was paid on the cancelled months pays any month still owed, oldest first; the rest is credit.
        posting.applyCredit(memberId);
        return cancelled;
    }

    /**
     * Undoes the enrollment's cancellations and applies the member's credit, oldest month first,
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
