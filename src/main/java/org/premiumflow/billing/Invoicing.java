package org.premiumflow.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import org.premiumflow.calendar.BillingCalendar;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Premium;
import org.premiumflow.workflow.WorkflowMessage;
import org.premiumflow.workflow.WorkflowMessages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the invoice for an enrollment's coverage month: the member's share of that month's
 * premium, due on the billing calendar's due date, paid at once from any credit the member has,
 * and collected by its own premium collection process, which starts with the collection's plan.
 * Issuing the same month again answers the invoice issued before and starts nothing new.
 */
@Service
public class Invoicing {

    static final String INVOICE_ISSUED = "invoice-issued";

    private final Ledger ledger;
    private final WorkflowMessages messages;
    private final PaymentPosting posting;
    private final InvoiceCollection collection;
    private final BillingCalendar calendar;
    private final Clock clock;

    Invoicing(Ledger ledger, WorkflowMessages messages, PaymentPosting posting, InvoiceCollection collection,
              BillingCalendar calendar, Clock clock) {
        this.ledger = ledger;
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
        Invoice invoice = ledger.issue(memberId, enrollment.enrollmentId(), coverageMonth, enrollment.memberResponsibility(),
                calendar.dueDate(coverageMonth), clock.instant());
        posting.applyCredit(memberId);
        // One collection per invoice: a repeated issue writes the same message id, which is stored once.
        // The message carries the collection's plan, so the process starts knowing it.
        messages.send(new WorkflowMessage(INVOICE_ISSUED, "invoice-" + invoice.id(), INVOICE_ISSUED + ":" + invoice.id(),
                Duration.ofDays(1), collection.plan(invoice.id()).variables()));
        return invoice;
    }
}
