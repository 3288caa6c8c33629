package org.premiumflow.rating;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a premium is rated from: the household's size (tax household, for the poverty level), its
 * expected annual income (MAGI, dollars and cents), the ages of the people on the plan, and whether
 * anyone asking is eligible for other coverage (MassHealth, Medicare, an affordable employer plan).
 */
public record Household(int size, BigDecimal annualIncome, List<Integer> enrolleeAges, boolean eligibleForOtherCoverage) {

    /** Beyond any age the rating tables cover; an age above it is a typo, not a person. */
    static final int OLDEST_AGE = 120;

    public Household {
        if (size < 1) {
            throw new IllegalArgumentException("size: must be at least 1, was " + size);
        }
        if (annualIncome == null || annualIncome.signum() < 0) {
            throw new IllegalArgumentException("annualIncome: must be zero or more");
        }
        if (annualIncome.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("annualIncome: must be dollars and cents, was " + annualIncome.toPlainString());
        }
        if (enrolleeAges == null || enrolleeAges.isEmpty()) {
            throw new IllegalArgumentException("enrolleeAges: at least one person must be on the plan");
        }
        if (enrolleeAges.size() > size) {
            throw new IllegalArgumentException("enrolleeAges: " + enrolleeAges.size() + " people on the plan, more than the household of " + size);
        }
        for (Integer age : enrolleeAges) {
            if (age == null || age < 0 || age > OLDEST_AGE) {
                throw new IllegalArgumentException("enrolleeAges: each age must be between 0 and " + OLDEST_AGE + ", was " + age);
            }
        }
        enrolleeAges = List.copyOf(enrolleeAges);
    }
}
