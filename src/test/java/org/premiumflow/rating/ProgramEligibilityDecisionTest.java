package org.premiumflow.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.premiumflow.member.Program;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code dmn/program-eligibility.dmn} as deployed at start-up, evaluated through the Camunda client
 * row by row: each plan-type band on its upper edge and a cent above it, the tax-credit-only and
 * other-coverage rows, and the inputs no row matches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
class ProgramEligibilityDecisionTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CamundaClient client;

    static Map<String, Object> household(String incomePercentOfFpl, Boolean eligibleForOtherCoverage, Boolean connectorCarePlan) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("incomePercentOfFpl", incomePercentOfFpl == null ? null : new BigDecimal(incomePercentOfFpl));
        variables.put("eligibleForOtherCoverage", eligibleForOtherCoverage);
        variables.put("connectorCarePlan", connectorCarePlan);
        return variables;
    }

    EvaluateDecisionResponse evaluate(Map<String, Object> variables) {
        return client.newEvaluateDecisionCommand().decisionId("program-eligibility").variables(variables).send().join();
    }

    /** The outputs of the one matching row, or null when no row matched. */
    Object decided(Map<String, Object> variables) {
        EvaluateDecisionResponse response = evaluate(variables);
        assertThat(response.getFailureMessage()).as("failure for %s", variables).isNull();
        return JSON.readValue(response.getDecisionOutput(), Object.class);
    }

    static Map<String, Object> outcome(String program, String planType) {
        Map<String, Object> outcome = new HashMap<>();
        outcome.put("program", program);
        outcome.put("connectorCarePlanType", planType);
        return outcome;
    }

    @Test
    void isDeployedUnderTheIdAndNameTheRatingCalls() {
        EvaluateDecisionResponse response = evaluate(household("150.00", false, true));

        assertThat(response.getDecisionName()).isEqualTo("Program eligibility");
        assertThat(response.getDecisionId()).isEqualTo(ProgramEligibility.DECISION_ID);
    }

    @ParameterizedTest(name = "{0}% of the poverty level: plan type {1}")
    @CsvSource({
            "0.00,   1", "50.00,  1", "100.00, 1",
            "100.01, 2A", "150.00, 2A",
            "150.01, 2B", "200.00, 2B",
            "200.01, 3A", "250.00, 3A",
            "250.01, 3B", "300.00, 3B",
            "300.01, 3C", "400.00, 3C"})
    void aConnectorCarePlanGetsThePlanTypeOfItsIncomeBandUpToAndIncludingTheBandsEdge(String incomePercentOfFpl, String planType) {
        assertThat(decided(household(incomePercentOfFpl, false, true))).isEqualTo(outcome("CONNECTORCARE", planType));
    }

    @ParameterizedTest(name = "{0}% with a ConnectorCare plan {1}")
    @CsvSource({"400.01, true", "400.01, false", "500.00, true", "1000.00, false"})
    void aboveFourHundredPercentThereIsNoTaxCreditAndSoNoConnectorCare(String incomePercentOfFpl, boolean connectorCarePlan) {
        assertThat(decided(household(incomePercentOfFpl, false, connectorCarePlan))).isEqualTo(outcome("UNSUBSIDIZED", null));
    }

    @ParameterizedTest(name = "{0}%")
    @CsvSource({"0.00", "100.00", "100.01", "150.00", "200.00", "250.00", "300.00", "300.01", "400.00"})
    void anotherPlanThanAConnectorCarePlanGetsTheTaxCreditOnly(String incomePercentOfFpl) {
        assertThat(decided(household(incomePercentOfFpl, false, false))).isEqualTo(outcome("APTC_ONLY", null));
    }

    @ParameterizedTest(name = "{0}% with a ConnectorCare plan {1}")
    @CsvSource({"0.00, true", "99.99, true", "150.00, true", "400.00, false", "400.01, true", "800.00, false"})
    void eligibilityForOtherCoverageRulesOutAnySubsidy(String incomePercentOfFpl, boolean connectorCarePlan) {
        assertThat(decided(household(incomePercentOfFpl, true, connectorCarePlan))).isEqualTo(outcome("UNSUBSIDIZED", null));
    }

    @Test
    void everyProgramItGivesIsOneTheEnrollmentKnows() {
        for (String income : new String[] {"0.00", "100.00", "150.00", "200.00", "250.00", "300.00", "400.00", "400.01"}) {
            for (boolean otherCoverage : new boolean[] {true, false}) {
                for (boolean connectorCarePlan : new boolean[] {true, false}) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> decided = (Map<String, Object>) decided(household(income, otherCoverage, connectorCarePlan));

                    Program program = Program.valueOf((String) decided.get("program"));
                    assertThat(decided.get("connectorCarePlanType") != null).as("plan type with %s", decided)
                            .isEqualTo(program == Program.CONNECTORCARE);
                }
            }
        }
    }

    /** A missing answer or an impossible income gives no output at all, never a default; the rating reports it. */
    @ParameterizedTest(name = "income {0}, other coverage {1}, ConnectorCare plan {2}")
    @CsvSource(nullValues = "null", value = {
            "null,   false, true",
            "null,   true,  true",
            "-0.01,  false, true",
            "-0.01,  true,  false",
            "150.00, null,  true",
            "250.00, false, null"})
    void inputsNoRowCoversMatchNoRow(String incomePercentOfFpl, Boolean eligibleForOtherCoverage, Boolean connectorCarePlan) {
        EvaluateDecisionResponse response = evaluate(household(incomePercentOfFpl, eligibleForOtherCoverage, connectorCarePlan));

        assertThat(response.getFailureMessage()).isNull();
        assertThat(JSON.readValue(response.getDecisionOutput(), Object.class)).isNull();
    }
}
