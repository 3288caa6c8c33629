package org.premiumflow.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.premiumflow.member.ConnectorCarePlanType;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.startup.StartupProblem;
import org.premiumflow.support.TestRatingData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Premiums rated from the shipped 2027 rating data (poverty guideline $15,960 plus $5,680 a person;
 * age factors 0.700 under 21, 1.000 at 21-29, 1.150 at 30-39, 1.350 at 40-49; benchmark $520; plans
 * Bronze $380, Silver 2000 $505, ConnectorCare HMO $505) and the deployed eligibility decision.
 * Years made up for a test are written inside a transaction that is rolled back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
class PremiumRatingTest {

    static final YearMonth MARCH_2027 = YearMonth.of(2027, 3);

    @Autowired
    PremiumRating rating;

    @Autowired
    RatingDataCheck check;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    TransactionTemplate transactions;

    static Household household(int size, String annualIncome, Integer... enrolleeAges) {
        return new Household(size, new BigDecimal(annualIncome), List.of(enrolleeAges), false);
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void incomeIsAPercentageOfTheGuidelineForTheHouseholdsSize() {
        assertThat(rating.rate(household(1, "31920.00", 30), "MA-SILVER-01", MARCH_2027).incomePercentOfFpl())
                .isEqualByComparingTo("200.00");
        assertThat(rating.rate(household(3, "40980.00", 30), "MA-SILVER-01", MARCH_2027).incomePercentOfFpl())
                .as("$27,320 for three people").isEqualByComparingTo("150.00");
        assertThat(rating.rate(household(4, "33000.00", 30), "MA-SILVER-01", MARCH_2027).incomePercentOfFpl())
                .as("$33,000 for four people").isEqualByComparingTo("100.00");
        assertThat(rating.rate(household(2, "30000.00", 30), "MA-SILVER-01", MARCH_2027).incomePercentOfFpl())
                .as("30,000 / 21,640 = 138.6321..., rounded half up").isEqualByComparingTo("138.63");
    }

    @Test
    void theSameIncomeGivesALowerPlanTypeInALargerHousehold() {
        Rating single = rating.rate(household(1, "33000.00", 30), "MA-CC-01", MARCH_2027);
        Rating family = rating.rate(household(4, "33000.00", 30), "MA-CC-01", MARCH_2027);

        assertThat(single.program()).isEqualTo(Program.CONNECTORCARE);
        assertThat(single.connectorCarePlanType()).contains(ConnectorCarePlanType.TYPE_3A);
        assertThat(family.connectorCarePlanType()).contains(ConnectorCarePlanType.TYPE_1);
    }

    @Test
    void aConnectorCareHouseholdPaysTheGrossLessTheBenchmarkLessItsExpectedContribution() {
        Rating rated = rating.rate(household(2, "43280.00", 40, 45), "MA-CC-01", MARCH_2027);

        assertThat(rated.incomePercentOfFpl()).isEqualByComparingTo("200.00");
        assertThat(rated.program()).isEqualTo(Program.CONNECTORCARE);
        assertThat(rated.connectorCarePlanType()).contains(ConnectorCarePlanType.TYPE_2B);
        assertThat(rated.applicablePercentage()).as("at least 200%: the next band's initial percentage").isEqualByComparingTo("6.60");
        assertThat(rated.expectedContribution()).as("43,280 x 6.60% / 12").isEqualTo(money("238.04"));
        assertThat(rated.benchmarkPremium()).as("2 x 520 x 1.350").isEqualTo(money("1404.00"));
        assertThat(rated.premium()).isEqualTo(new Premium(money("1363.50"), money("1165.96")));
        assertThat(rated.memberResponsibility()).isEqualTo(money("197.54"));
    }

    @Test
    void theApplicablePercentageRisesLinearlyWithinItsBand() {
        Rating rated = rating.rate(household(1, "27930.00", 30), "MA-SILVER-01", MARCH_2027);

        assertThat(rated.incomePercentOfFpl()).isEqualByComparingTo("175.00");
        assertThat(rated.program()).isEqualTo(Program.APTC_ONLY);
        assertThat(rated.connectorCarePlanType()).isEmpty();
        assertThat(rated.applicablePercentage()).as("4.19 + (6.60 - 4.19) / 2 = 5.395").isEqualByComparingTo("5.40");
        assertThat(rated.expectedContribution()).as("27,930 x 5.40% / 12 = 125.685").isEqualTo(money("125.69"));
        assertThat(rated.premium()).isEqualTo(new Premium(money("580.75"), money("472.31")));
        assertThat(rated.memberResponsibility()).isEqualTo(money("108.44"));
    }

    @Test
    void theTaxCreditIsCappedAtThePlansPremium() {
        Rating rated = rating.rate(household(1, "20000.00", 30), "MA-BRONZE-01", MARCH_2027);

        assertThat(rated.expectedContribution()).isEqualTo(money("35.00"));
        assertThat(rated.benchmarkPremium().subtract(rated.expectedContribution())).as("what the benchmark would give")
                .isEqualByComparingTo("563.00");
        assertThat(rated.premium()).isEqualTo(new Premium(money("437.00"), money("437.00")));
        assertThat(rated.memberResponsibility()).isEqualByComparingTo("0.00");
    }

    @Test
    void theTaxCreditIsNeverBelowZero() {
        Rating rated = rating.rate(household(1, "63000.00", 25), "MA-SILVER-01", MARCH_2027);

        assertThat(rated.incomePercentOfFpl()).isEqualByComparingTo("394.74");
        assertThat(rated.program()).isEqualTo(Program.APTC_ONLY);
        assertThat(rated.expectedContribution()).as("more than the $520 benchmark").isEqualTo(money("522.90"));
        assertThat(rated.premium()).isEqualTo(new Premium(money("505.00"), money("0.00")));
        assertThat(rated.memberResponsibility()).isEqualTo(money("505.00"));
    }

    @Test
    void aboveFourHundredPercentOrWithOtherCoverageTheMemberPaysTheWholePremium() {
        Rating aboveTheCliff = rating.rate(household(1, "64000.00", 25), "MA-CC-01", MARCH_2027);
        Rating otherCoverage = rating.rate(new Household(1, money("20000.00"), List.of(25), true), "MA-CC-01", MARCH_2027);

        assertThat(aboveTheCliff.program()).isEqualTo(Program.UNSUBSIDIZED);
        assertThat(aboveTheCliff.applicablePercentage()).isNull();
        assertThat(aboveTheCliff.premium()).isEqualTo(new Premium(money("505.00"), money("0.00")));
        assertThat(otherCoverage.program()).isEqualTo(Program.UNSUBSIDIZED);
        assertThat(otherCoverage.connectorCarePlanType()).isEmpty();
        assertThat(otherCoverage.memberResponsibility()).isEqualTo(money("505.00"));
    }

    @Test
    void eachEnrolleeIsRatedByTheFactorOfTheirAge() {
        Rating rated = rating.rate(household(3, "200000.00", 45, 29, 20), "MA-SILVER-01", MARCH_2027);

        assertThat(rated.premium().gross()).as("505 x 1.350 + 505 x 1.000 + 505 x 0.700").isEqualTo(money("1540.25"));
    }

    @Test
    void theShippedAgeFactorsKeepAdultsWithinTheCapWhileChildrenAreOutsideIt() {
        check.check();
    }

    @Test
    void ageFactorsOverTheTwoToOneCapStopStartUpAndRating() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            TestRatingData.loadAs2027(jdbcTemplate, 2031, BigDecimal.ONE);
            jdbc.sql("update premiumflow.age_rating_factor set factor = 2.050 where coverage_year = 2031 and age_from = 65").update();

            assertThatThrownBy(check::check).isInstanceOf(StartupProblem.class)
                    .hasMessageContaining("2031").hasMessageContaining("2:1 cap")
                    .hasMessageContaining("2.050 (ages 65-120) is more than twice 1.000 (ages 21-29)");
            assertThatThrownBy(() -> rating.rate(household(1, "30000.00", 30), "MA-SILVER-01", YearMonth.of(2031, 1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("break the 2:1 cap");
        });
    }

    @Test
    void ageFactorsThatLeaveAnAgeOutAreRefused() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            TestRatingData.loadAs2027(jdbcTemplate, 2031, BigDecimal.ONE);
            jdbc.sql("delete from premiumflow.age_rating_factor where coverage_year = 2031 and age_from = 30").update();

            assertThatThrownBy(check::check).isInstanceOf(StartupProblem.class).hasMessageContaining("ages 30 to 39 have none");
        });
    }

    @Test
    void aYearWithoutDataIsRefusedNamingTheYear() {
        assertThatThrownBy(() -> rating.rate(household(1, "30000.00", 30), "MA-SILVER-01", YearMonth.of(2031, 1)))
                .isInstanceOf(MissingRatingDataException.class)
                .hasMessageContaining("coverage year 2031").hasMessageContaining("poverty guideline");
    }

    @Test
    void aYearLoadedInPartStopsStartUp() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("insert into premiumflow.poverty_guideline values (2031, 2030, 17000.00, 6000.00, 'test')").update();

            assertThatThrownBy(check::check).isInstanceOf(StartupProblem.class)
                    .hasMessageContaining("coverage year 2031").hasMessageContaining("applicable percentages");
        });
    }

    @Test
    void aPlanWithoutARateThatYearIsRefused() {
        assertThatThrownBy(() -> rating.rate(household(1, "30000.00", 30), "MA-PLATINUM-99", MARCH_2027))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("planId: no rate for plan 'MA-PLATINUM-99' in coverage year 2027");
    }

    @Test
    void anImpossibleHouseholdIsRefusedNamingTheFieldAndTheRule() {
        assertThatThrownBy(() -> household(0, "30000.00", 30)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("size: must be at least 1");
        assertThatThrownBy(() -> household(1, "-0.01", 30)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("annualIncome: must be zero or more");
        assertThatThrownBy(() -> household(1, "30000.001", 30)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("annualIncome: must be dollars and cents");
        assertThatThrownBy(() -> household(1, "30000.00")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("enrolleeAges: at least one person");
        assertThatThrownBy(() -> household(1, "30000.00", 30, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("enrolleeAges: 2 people on the plan, more than the household of 1");
        assertThatThrownBy(() -> household(2, "30000.00", 30, 121)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("enrolleeAges: each age must be between 0 and 120");
        assertThatThrownBy(() -> rating.rate(household(1, "30000.00", 30), " ", MARCH_2027)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("planId: required");
        assertThatThrownBy(() -> rating.rate(household(1, "30000.00", 30), "MA-SILVER-01", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("coverageMonth: required");
    }

    @Test
    void theDemoMembersPlansAndPremiumsAreAsThe2027DataRatesThem() {
        // As DemoMembers describes them, so that a life event reported for one re-rates from the same tables.
        YearMonth january = YearMonth.of(2027, 1);
        assertThat(demoPremium("M-9001")).isEqualTo(rating.rate(household(1, "40000.00", 42), "MA-SILVER-01", january).premium());
        assertThat(demoPremium("M-9002")).isEqualTo(rating.rate(household(1, "30000.00", 35), "MA-CC-01", january).premium());
        assertThat(demoPremium("M-9003")).isEqualTo(rating.rate(household(1, "90000.00", 56), "MA-BRONZE-01", january).premium());
    }

    private Premium demoPremium(String memberId) {
        return jdbc.sql("""
                        select p.gross, p.aptc from premiumflow.enrollment e join premiumflow.monthly_premium p on p.enrollment_id = e.id
                        where e.member_id = ?""")
                .param(memberId).query((row, n) -> new Premium(row.getBigDecimal("gross"), row.getBigDecimal("aptc"))).single();
    }
}
