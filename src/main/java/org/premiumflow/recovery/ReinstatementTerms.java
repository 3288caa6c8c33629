package org.premiumflow.recovery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What a member whose coverage ended for non-payment must have paid to be reinstated (DOMAIN.md
 * section 4): the balance, every month from the first unpaid one through the current month as it
 * would be owed had coverage gone on (the cancelled months too), plus the next month.
 *
 * @param reinstateBy the last day the member may ask, as the termination notice gave it
 * @param credit      what the member has paid that pays nothing yet
 */
public record ReinstatementTerms(long enrollmentId, LocalDate reinstateBy, YearMonth firstUnpaidMonth, BigDecimal balance,
                                 YearMonth nextMonth, BigDecimal nextMonthPremium, BigDecimal credit) {

    /** The balance plus the next month: what reinstatement takes. */
    public BigDecimal total() {
        return balance.add(nextMonthPremium);
    }

    /** What the member must still pay before asking: the total less their credit, never below zero. */
    public BigDecimal stillNeeded() {
        return total().subtract(credit).max(BigDecimal.ZERO);
    }
}
