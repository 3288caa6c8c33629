package org.premiumflow.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The poverty guideline a coverage year is priced with: the first person plus each additional one. */
record PovertyGuideline(BigDecimal firstPerson, BigDecimal eachAdditionalPerson) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    BigDecimal forHouseholdOf(int size) {
        return firstPerson.add(eachAdditionalPerson.multiply(BigDecimal.valueOf(size - 1L)));
    }

    /**
     * Income as a percentage of the guideline, two decimals, rounded half up (UNSOURCED: no rule
     * found; the plan-type bands end on whole percentages, so only an income less than 0.005
     * points above a band's edge is rated as on the edge).
     */
    BigDecimal percentOf(BigDecimal annualIncome, int householdSize) {
        return annualIncome.multiply(HUNDRED).divide(forHouseholdOf(householdSize), 2, RoundingMode.HALF_UP);
    }
}
