package org.premiumflow.recovery;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When coverage ends for a member terminated for non-payment, as decision {@code grace-period}
 * names the rule (DOMAIN.md §4, 956 CMR 12.12, 45 CFR 156.270): the answer is the last day covered,
 * usually in the past, because these terminations are retroactive.
 */
public enum TerminationEffective {

    /** Unsubsidized members: covered through the last month paid in full, the month before the first unpaid one. */
    LAST_DAY_OF_LAST_PAID_MONTH {
        @Override
        LocalDate lastDay(LocalDate coverageStart, YearMonth firstUnpaidMonth) {
            LocalDate endOfLastPaidMonth = firstUnpaidMonth.minusMonths(1).atEndOfMonth();
            return endOfLastPaidMonth.isBefore(coverageStart) ? NEVER_EFFECTUATED.lastDay(coverageStart, firstUnpaidMonth)
                    : endOfLastPaidMonth;
        }
    },

    /** Members with advance premium tax credits after their three-month grace: covered through its first month. */
    LAST_DAY_OF_FIRST_GRACE_MONTH {
        @Override
        LocalDate lastDay(LocalDate coverageStart, YearMonth firstUnpaidMonth) {
            return firstUnpaidMonth.atEndOfMonth();
        }
    },

    /** The first month was never paid: coverage never began, so it ends the day before it would have. */
    NEVER_EFFECTUATED {
        @Override
        LocalDate lastDay(LocalDate coverageStart, YearMonth firstUnpaidMonth) {
            return coverageStart.minusDays(1);
        }
    };

    /**
     * The last day the enrollment covers under this rule.
     *
     * @param firstUnpaidMonth the first month of the grace that ends, the oldest month not paid in full
     *                         but for months of an earlier grace concluded by an appeal upheld: that
     *                         appeal kept their coverage, so a later termination starts after them
     *                         and leaves them owed
     */
    public LocalDate lastDayCovered(LocalDate coverageStart, YearMonth firstUnpaidMonth) {
        if (firstUnpaidMonth.atEndOfMonth().isBefore(coverageStart)) {
            throw new IllegalArgumentException("firstUnpaidMonth: " + firstUnpaidMonth + " is before coverage began on " + coverageStart);
        }
        return lastDay(coverageStart, firstUnpaidMonth);
    }

    abstract LocalDate lastDay(LocalDate coverageStart, YearMonth firstUnpaidMonth);
}
