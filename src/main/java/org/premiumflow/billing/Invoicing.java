package org.premiumflow.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import org.premiumflow.calendar.BillingCalendar;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Premium;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the invoice for an enrollment's coverage month: the member's share of that month's
 * premium, due on the billing calendar's due date, paid at once from any credit the member has.
 * Issuing the same month again answers the invoice issued before.
 */
@Service
public class Invoicing {

    private final Ledger ledger;
    private final PaymentPosting posting;
    private final BillingCalendar calendar;
    private final Clock clock;

    Invoicing(Ledger ledger, PaymentPosting posting, BillingCalendar calendar, Clock clock) {
        this.ledger = ledger;
        this.posting = posting;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional
    public Invoice issue(Enrollment enrollment, YearMonth coverageMonth) {
        String memberId = enrollment.member().memberId();
        BigDecimal amount = enrollment.premiumFor(coverageMonth).map(Premium::memberResponsibility)
                .orElseThrow(() -> new IllegalStateException("Enrollment " + enrollment.id() + " has no premium for " + coverageMonth));
        ledger.lock(memberId);
        Invoice invoice = ledger.issue(memberId, enrollment.id(), coverageMonth, amount, calendar.dueDate(coverageMonth),
                clock.instant());
        posting.applyCredit(memberId);
        return invoice;
    }
}
