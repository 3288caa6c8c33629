package org.premiumflow.rating;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rating data of each coverage year as stored (migration V16). Read afresh on every rating, so
 * a year's rows take effect when added, and checked on every read as at start-up. A component, not
 * a repository: exception translation would turn the check's failures into data access errors.
 */
@Component
class RatingTables {

    private final JdbcClient jdbc;

    RatingTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every coverage year with rows in any of the tables. */
    List<Integer> years() {
        return jdbc.sql("""
                        select coverage_year from premiumflow.poverty_guideline
                        union select coverage_year from premiumflow.applicable_percentage
                        union select coverage_year from premiumflow.age_rating_factor
                        union select coverage_year from premiumflow.benchmark_premium
                        union select coverage_year from premiumflow.plan_rate
                        order by 1""")
                .query(Integer.class).list();
    }

    /**
     * @throws MissingRatingDataException if any of the year's tables has no rows for it
     * @throws IllegalStateException if the age factors break the 2:1 cap or leave an age out
     */
    @Transactional(readOnly = true)
    RatingYear year(int coverageYear) {
        PovertyGuideline guideline = jdbc.sql("""
                        select first_person, each_additional_person from premiumflow.poverty_guideline where coverage_year = ?""")
                .param(coverageYear)
                .query((row, number) -> new PovertyGuideline(row.getBigDecimal("first_person"), row.getBigDecimal("each_additional_person")))
                .optional().orElseThrow(() -> new MissingRatingDataException(coverageYear, "the poverty guideline"));
        List<ApplicablePercentageBand> bands = jdbc.sql("""
                        select at_least, less_than, initial_percentage, final_percentage from premiumflow.applicable_percentage
                        where coverage_year = ? order by at_least""")
                .param(coverageYear)
                .query((row, number) -> new ApplicablePercentageBand(row.getBigDecimal("at_least"), row.getBigDecimal("less_than"),
                        row.getBigDecimal("initial_percentage"), row.getBigDecimal("final_percentage")))
                .list();
        if (bands.isEmpty()) {
            throw new MissingRatingDataException(coverageYear, "the applicable percentages");
        }
        List<AgeBand> ageBands = jdbc.sql("select age_from, age_to, factor from premiumflow.age_rating_factor where coverage_year = ?")
                .param(coverageYear)
                .query((row, number) -> new AgeBand(row.getInt("age_from"), row.getInt("age_to"), row.getBigDecimal("factor")))
                .list();
        if (ageBands.isEmpty()) {
            throw new MissingRatingDataException(coverageYear, "the age rating factors");
        }
        BigDecimal benchmark = jdbc.sql("select base_premium from premiumflow.benchmark_premium where coverage_year = ?")
                .param(coverageYear).query(BigDecimal.class).optional()
                .orElseThrow(() -> new MissingRatingDataException(coverageYear, "the benchmark premium"));
        Map<String, PlanRate> plans = jdbc.sql("""
                        select plan_id, plan_name, connectorcare, base_premium from premiumflow.plan_rate where coverage_year = ?""")
                .param(coverageYear)
                .query((row, number) -> new PlanRate(row.getString("plan_id"), row.getString("plan_name"), row.getBoolean("connectorcare"),
                        row.getBigDecimal("base_premium")))
                .stream().collect(Collectors.toMap(PlanRate::planId, Function.identity()));
        if (plans.isEmpty()) {
            throw new MissingRatingDataException(coverageYear, "the plan rates");
        }
        return new RatingYear(coverageYear, guideline, bands, new AgeFactors(coverageYear, ageBands), benchmark, plans);
    }
}
