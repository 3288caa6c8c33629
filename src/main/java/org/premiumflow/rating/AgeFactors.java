package org.premiumflow.rating;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * A coverage year's age rating factors. Refuses factors that break the Massachusetts cap (211 CMR
 * 66.07(1)(b)1: the highest factor for adults older than 20 at most twice the lowest; children's
 * factors are outside the cap) and bands that leave an age uncovered or cover one twice.
 */
record AgeFactors(int coverageYear, List<AgeBand> bands) {

    static final int FIRST_ADULT_AGE = 21;
    static final BigDecimal MAXIMUM_ADULT_RATIO = BigDecimal.valueOf(2);

    AgeFactors {
        bands = bands.stream().sorted(Comparator.comparingInt(AgeBand::from)).toList();
        int next = 0;
        for (AgeBand band : bands) {
            if (band.from() != next) {
                throw new IllegalStateException("Age rating factors for " + coverageYear + ": the bands must cover every age from 0 to "
                        + Household.OLDEST_AGE + " once, but " + (band.from() > next ? "ages " + next + " to " + (band.from() - 1) + " have none"
                        : "age " + band.from() + " has two"));
            }
            next = band.to() + 1;
        }
        if (next <= Household.OLDEST_AGE) {
            throw new IllegalStateException("Age rating factors for " + coverageYear + ": the bands must cover every age from 0 to "
                    + Household.OLDEST_AGE + " once, but ages from " + next + " have none");
        }
        List<AgeBand> adults = bands.stream().filter(band -> band.to() >= FIRST_ADULT_AGE).toList();
        AgeBand lowest = adults.stream().min(Comparator.comparing(AgeBand::factor)).orElseThrow();
        AgeBand highest = adults.stream().max(Comparator.comparing(AgeBand::factor)).orElseThrow();
        if (highest.factor().compareTo(lowest.factor().multiply(MAXIMUM_ADULT_RATIO)) > 0) {
            throw new IllegalStateException("Age rating factors for " + coverageYear + " break the 2:1 cap of 211 CMR 66.07: "
                    + highest.factor() + " (ages " + highest.from() + "-" + highest.to() + ") is more than twice "
                    + lowest.factor() + " (ages " + lowest.from() + "-" + lowest.to() + ")");
        }
    }

    BigDecimal factorFor(int age) {
        return bands.stream().filter(band -> band.covers(age)).findFirst().orElseThrow().factor();
    }
}
