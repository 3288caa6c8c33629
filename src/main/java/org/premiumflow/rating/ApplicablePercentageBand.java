package org.premiumflow.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One row of the applicable percentage table (26 CFR 1.36B-3(g)): for incomes (as % of the poverty
 * level) from {@code atLeast}, below {@code lessThan}, the share of income a household is expected to
 * pay rises linearly from the initial to the final percentage.
 */
record ApplicablePercentageBand(BigDecimal atLeast, BigDecimal lessThan, BigDecimal initialPercentage, BigDecimal finalPercentage) {

    boolean covers(BigDecimal incomePercentOfFpl, boolean topBand) {
        return incomePercentOfFpl.compareTo(atLeast) >= 0
                && (incomePercentOfFpl.compareTo(lessThan) < 0 || topBand && incomePercentOfFpl.compareTo(lessThan) == 0);
    }

    /** Interpolated in the band and rounded to the nearest hundredth of a percent, as 1.36B-3(g)(1) says. */
    BigDecimal percentageAt(BigDecimal incomePercentOfFpl) {
        BigDecimal rise = finalPercentage.subtract(initialPercentage);
        BigDecimal along = incomePercentOfFpl.subtract(atLeast).divide(lessThan.subtract(atLeast), 10, RoundingMode.HALF_UP);
        return initialPercentage.add(rise.multiply(along)).setScale(2, RoundingMode.HALF_UP);
    }
}
