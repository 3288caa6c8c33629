package org.premiumflow.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.premiumflow.calendar.BillingCalendar;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Premium;
import org.premiumflow.workflow.WorkflowMessage;
import org.premiumflow.workflow.WorkflowMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the invoice for an enrollment's coverage month: the member's share of that month's
 * premium and the enrollment's pending adjustment lines (credits or extra charges for months billed
 * before a premium change, which the invoice then carries), due on the billing calendar's due
 * date, paid at once from any credit the member has, and collected by its own premium collection
 * process, which starts with the collection's plan.
 * Issuing the same month again answers the invoice issued before and starts nothing new.
 */
@Service
public class Invoicing {

    private static final Logger log = LoggerFactory.getLogger(Invoicing.class);

    static final String INVOICE_ISSUED = "invoice-issued";

    private final Ledger ledger;
    private final BillingAdjustments adjustments;
    private final WorkflowMessages messages;
    private final PaymentPosting posting;
    private final InvoiceCollection collection;
    private final BillingCalendar calendar;
    private final Clock clock;

    Invoicing(Ledger ledger, BillingAdjustments adjustments, WorkflowMessages messages, PaymentPosting posting,
              InvoiceCollection collection, BillingCalendar calendar, Clock clock) {
        this.ledger = ledger;
        this.adjustments = adjustments;
        this.messages = messages;
        this.posting = posting;
        this.collection = collection;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional
    public Invoice issue(Enrollment enrollment, YearMonth coverageMonth) {
        BigDecimal amount = enrollment.premiumFor(coverageMonth).map(Premium::memberResponsibility)
                .orElseThrow(() -> new IllegalStateException("Enrollment " + enrollment.id() + " has no premium for " + coverageMonth));
        return issue(new BillableEnrollment(enrollment.id(), enrollment.member().memberId(), amount), coverageMonth);
    }

    @Transactional
    Invoice issue(BillableEnrollment enrollment, YearMonth coverageMonth) {
        String memberId = enrollment.memberId();
        ledger.lock(memberId);
        Invoice invoice = ledger.invoice(enrollment.enrollmentId(), coverageMonth)
                .orElseGet(() -> issueWithAdjustments(enrollment, coverageMonth));
        posting.applyCredit(memberId);
        // One collection per invoice: a repeated issue writes the same message id, which is stored once.
        // The message carries the collection's plan, so the process starts knowing it.
        messages.send(new WorkflowMessage(INVOICE_ISSUED, "invoice-" + invoice.id(), INVOICE_ISSUED + ":" + invoice.id(),
                Duration.ofDays(1), collection.plan(invoice.id()).variables()));
        return invoice;
    }

    /**
     * A credit larger than the month's premium leaves the invoice at zero and carries the rest to the
     * next invoice: an invoice below zero would be money owed to the member, which paying out is not
     * this invoice's business, and the next month's premium takes it up.
     */
    private Invoice issueWithAdjustments(BillableEnrollment enrollment, YearMonth coverageMonth) {
        List<BillingAdjustment> pending = adjustments.pending(enrollment.enrollmentId());
        BigDecimal total = enrollment.memberResponsibility().add(BillingAdjustments.total(pending));
        Invoice invoice = ledger.issue(enrollment.memberId(), enrollment.enrollmentId(), coverageMonth, total.max(BigDecimal.ZERO),
                calendar.dueDate(coverageMonth), clock.instant());
        adjustments.attach(pending, invoice.id());
        if (total.signum() < 0) {
            adjustments.carryForward(invoice, total.negate(), clock.instant());
        }
        if (!pending.isEmpty()) {
            log.info("Invoice {} of enrollment {} for {} carries {} adjustment lines", invoice.id(), enrollment.enrollmentId(),
                    coverageMonth, pending.size());
        }
        return invoice;
    }
}
