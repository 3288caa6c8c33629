package org.premiumflow.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;

/**
 * How a monthly amount is shared out over the days of a month covered under new terms. For
 * Massachusetts no method is sourced (DOMAIN.md section 5, UNSOURCED): the exchange configures it,
 * {@code premiumflow.premium-change.proration}.
 */
public enum Proration {

    /**
     * Monthly amount ÷ days in the month × days covered (as Maryland, COMAR 14.35.15.06D), rounded
     * half up to the cent once, at the end, so a whole month is the whole amount.
     */
    DAILY;

    /**
     * @throws IllegalArgumentException if the days covered are not 1 to the days of the month
     */
    public BigDecimal of(BigDecimal monthlyAmount, YearMonth month, int daysCovered) {
        if (daysCovered < 1 || daysCovered > month.lengthOfMonth()) {
            throw new IllegalArgumentException("daysCovered: must be 1 to " + month.lengthOfMonth() + " for " + month + ", was "
                    + daysCovered);
        }
        return monthlyAmount.multiply(BigDecimal.valueOf(daysCovered))
                .divide(BigDecimal.valueOf(month.lengthOfMonth()), 2, RoundingMode.HALF_UP);
    }
}
