package org.premiumflow.rating;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything a coverage year's premiums are rated from, as loaded from the rating tables. */
record RatingYear(int coverageYear, PovertyGuideline povertyGuideline, List<ApplicablePercentageBand> applicablePercentages,
                  AgeFactors ageFactors, BigDecimal benchmarkBasePremium, Map<String, PlanRate> plans) {

    RatingYear {
        applicablePercentages = List.copyOf(applicablePercentages);
        plans = Map.copyOf(plans);
    }

    /**
     * The applicable percentage for an income, or empty above the table (no tax credit there). The
     * top band includes its upper edge: the law's last row reads "at least 300% but not more than 400%".
     */
    Optional<BigDecimal> applicablePercentage(BigDecimal incomePercentOfFpl) {
        for (int i = 0; i < applicablePercentages.size(); i++) {
            ApplicablePercentageBand band = applicablePercentages.get(i);
            if (band.covers(incomePercentOfFpl, i == applicablePercentages.size() - 1)) {
                return Optional.of(band.percentageAt(incomePercentOfFpl));
            }
        }
        return Optional.empty();
    }

    PlanRate plan(String planId) {
        PlanRate plan = plans.get(planId);
        if (plan == null) {
            throw new IllegalArgumentException("planId: no rate for plan '" + planId + "' in coverage year " + coverageYear);
        }
        return plan;
    }
}
