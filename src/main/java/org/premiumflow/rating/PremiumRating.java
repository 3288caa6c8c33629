package org.premiumflow.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.rating.ProgramEligibility.Eligibility;
import org.springframework.stereotype.Service;

/**
 * Rates a household's monthly premium for a plan from the data of the coverage month's year
 * (DOMAIN.md section 5): income as % of the poverty level, the program and plan type by decision
 * {@code program-eligibility}, the gross premium from the plan's base premium and each enrollee's
 * age factor, and the advance premium tax credit (26 CFR 1.36B-3): the benchmark premium for the
 * same people less the expected contribution, no less than zero and no more than the gross.
 *
 * <p>Money is rounded half up to the cent at each amount a member could be shown: each enrollee's
 * premium (as carriers quote per person) and the monthly expected contribution.
 */
@Service
public class PremiumRating {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MONTHS = BigDecimal.valueOf(12);

    private final RatingTables tables;
    private final ProgramEligibility eligibility;

    PremiumRating(RatingTables tables, ProgramEligibility eligibility) {
        this.tables = tables;
        this.eligibility = eligibility;
    }

    /**
     * @throws IllegalArgumentException    naming the field, for an unknown plan or a missing plan or month
     * @throws MissingRatingDataException  when the coverage year's rating data is not loaded
     * @throws IllegalStateException       when the year's data is invalid (age factors over the 2:1 cap) or
     *                                     the eligibility decision has no row for the household
     */
    public Rating rate(Household household, String planId, YearMonth coverageMonth) {
        if (household == null) {
            throw new IllegalArgumentException("household: required");
        }
        if (planId == null || planId.isBlank()) {
            throw new IllegalArgumentException("planId: required");
        }
        if (coverageMonth == null) {
            throw new IllegalArgumentException("coverageMonth: required");
        }
        RatingYear year = tables.year(coverageMonth.getYear());
        PlanRate plan = year.plan(planId);
        BigDecimal incomePercentOfFpl = year.povertyGuideline().percentOf(household.annualIncome(), household.size());
        Eligibility decided = eligibility.decide(incomePercentOfFpl, household.eligibleForOtherCoverage(), plan.connectorCare());
        BigDecimal gross = ageRated(plan.basePremium(), household, year.ageFactors());
        BigDecimal benchmark = ageRated(year.benchmarkBasePremium(), household, year.ageFactors());
        if (decided.program() == Program.UNSUBSIDIZED) {
            return new Rating(incomePercentOfFpl, decided.program(), null, null, BigDecimal.ZERO.setScale(2), benchmark,
                    new Premium(gross, BigDecimal.ZERO));
        }
        BigDecimal applicablePercentage = year.applicablePercentage(incomePercentOfFpl)
                .orElseThrow(() -> new MissingRatingDataException(year.coverageYear(),
                        "an applicable percentage for " + incomePercentOfFpl + "% of the poverty level"));
        BigDecimal expectedContribution = household.annualIncome().multiply(applicablePercentage)
                .divide(HUNDRED.multiply(MONTHS), 2, RoundingMode.HALF_UP);
        BigDecimal aptc = benchmark.subtract(expectedContribution).max(BigDecimal.ZERO).min(gross);
        return new Rating(incomePercentOfFpl, decided.program(), decided.planType(), applicablePercentage, expectedContribution,
                benchmark, new Premium(gross, aptc));
    }

    private static BigDecimal ageRated(BigDecimal basePremium, Household household, AgeFactors factors) {
        return household.enrolleeAges().stream()
                .map(age -> basePremium.multiply(factors.factorFor(age)).setScale(2, RoundingMode.HALF_UP))
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
