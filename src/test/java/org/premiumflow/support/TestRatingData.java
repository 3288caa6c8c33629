package org.premiumflow.support;

import java.math.BigDecimal;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rating data for a coverage year only tests use, copied from the shipped 2027 data: the poverty
 * guideline, applicable percentages and age factors as they are, the benchmark and plan premiums
 * times a factor, so that a month rated with the wrong year's data shows. Loading a year twice
 * changes nothing.
 */
public final class TestRatingData {

    private TestRatingData() {
    }

    public static void loadAs2027(JdbcTemplate jdbc, int year, BigDecimal premiumFactor) {
        jdbc.update("""
                insert into premiumflow.poverty_guideline
                select ?, ? - 1, first_person, each_additional_person, 'TEST: as 2027' from premiumflow.poverty_guideline
                where coverage_year = 2027 on conflict do nothing""", year, year);
        jdbc.update("""
                insert into premiumflow.applicable_percentage
                select ?, at_least, less_than, initial_percentage, final_percentage, 'TEST: as 2027' from premiumflow.applicable_percentage
                where coverage_year = 2027 on conflict do nothing""", year);
        jdbc.update("""
                insert into premiumflow.age_rating_factor
                select ?, age_from, age_to, factor, 'TEST: as 2027' from premiumflow.age_rating_factor
                where coverage_year = 2027 on conflict do nothing""", year);
        jdbc.update("""
                insert into premiumflow.benchmark_premium
                select ?, base_premium * ?, 'TEST: 2027 times the year''s factor' from premiumflow.benchmark_premium
                where coverage_year = 2027 on conflict do nothing""", year, premiumFactor);
        jdbc.update("""
                insert into premiumflow.plan_rate
                select ?, plan_id, plan_name, connectorcare, base_premium * ?, 'TEST: 2027 times the year''s factor'
                from premiumflow.plan_rate where coverage_year = 2027 on conflict do nothing""", year, premiumFactor);
    }
}
