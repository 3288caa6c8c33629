package org.premiumflow.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.premiumflow.recovery.DeployedDecision.Evaluation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code dmn/termination.dmn} as deployed at start-up, evaluated through the Camunda client: every
 * row, the paid-in-full threshold at its edge, and what a missing input gives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
class TerminationDecisionTest {

    @Autowired
    CamundaClient client;

    DeployedDecision termination;

    @BeforeEach
    void deployedTermination() {
        termination = new DeployedDecision(client, "termination");
    }

    static Map<String, Object> delinquency(Boolean graceExpired, String amountOutstanding, String paidInFullThreshold,
                                           Boolean appealPending, Boolean hardshipWaiver) {
        return delinquency(graceExpired, amountOutstanding, paidInFullThreshold, appealPending, hardshipWaiver, false);
    }

    static Map<String, Object> delinquency(Boolean graceExpired, String amountOutstanding, String paidInFullThreshold,
                                           Boolean appealPending, Boolean hardshipWaiver, Boolean appealUpheld) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("graceExpired", graceExpired);
        variables.put("amountOutstanding", amountOutstanding == null ? null : new BigDecimal(amountOutstanding));
        variables.put("paidInFullThreshold", paidInFullThreshold == null ? null : new BigDecimal(paidInFullThreshold));
        variables.put("appealPending", appealPending);
        variables.put("hardshipWaiver", hardshipWaiver);
        variables.put("appealUpheld", appealUpheld);
        return variables;
    }

    @Test
    void isDeployedUnderTheIdAndNameTheProcessCalls() {
        Evaluation evaluation = termination.evaluate(delinquency(true, "211.25", "0", false, false));

        assertThat(evaluation.decisionName()).isEqualTo("Termination");
        assertThat(evaluation.failureMessage()).isNull();
    }

    /**
     * With a single output the result is the outcome itself, not a map holding it: a business rule
     * task's result variable gets "TERMINATE", "HOLD" or "CLEAR".
     */
    @Test
    void theResultIsTheOutcomeItself() {
        assertThat(termination.evaluate(delinquency(false, "211.25", "0", false, false)).output()).isEqualTo("HOLD");
    }

    @ParameterizedTest(name = "grace over {0}, owes {1} (threshold {2}), appeal {3}, waiver {4}: {5}")
    @CsvSource(textBlock = """
            # paid in full: nothing, a credit, or exactly the threshold
            true,  0.00,   0.00,  false, false, CLEAR
            true,  -20.00, 0.00,  false, false, CLEAR
            true,  10.00,  10.00, true,  false, CLEAR
            false, 9.99,   10.00, false, false, CLEAR
            # a hardship waiver clears the balance, in grace or after it, appealed or not
            true,  211.25, 0.00,  false, true,  CLEAR
            true,  211.25, 0.00,  true,  true,  CLEAR
            false, 211.25, 0.00,  false, true,  CLEAR
            # an appeal holds termination, even after grace
            true,  211.25, 0.00,  true,  false, HOLD
            false, 211.25, 0.00,  true,  false, HOLD
            # still in grace
            false, 211.25, 0.00,  false, false, HOLD
            # grace over, a cent over the threshold, nothing in the way
            true,  10.01,  10.00, false, false, TERMINATE
            true,  211.25, 0.00,  false, false, TERMINATE
            """)
    void everyRowDecidesWhatItsSourceSays(boolean graceExpired, String amountOutstanding, String paidInFullThreshold,
                                          boolean appealPending, boolean hardshipWaiver, String outcome) {
        assertThat(termination.resultOf(delinquency(graceExpired, amountOutstanding, paidInFullThreshold, appealPending,
                hardshipWaiver))).isEqualTo(outcome);
    }

    /** An upheld appeal keeps coverage like a cleared balance; a new appeal pending holds again, a waiver clears anyway. */
    @ParameterizedTest(name = "grace over {0}, owes {1}, appeal pending {2}, waiver {3}, appeal upheld: {4}")
    @CsvSource(textBlock = """
            true,  211.25, false, false, CLEAR
            false, 211.25, false, false, CLEAR
            true,  211.25, true,  false, HOLD
            true,  211.25, false, true,  CLEAR
            true,  0.00,   false, false, CLEAR
            """)
    void anUpheldAppealKeepsCoverage(boolean graceExpired, String amountOutstanding, boolean appealPending, boolean hardshipWaiver,
                                     String outcome) {
        assertThat(termination.resultOf(delinquency(graceExpired, amountOutstanding, "0.00", appealPending, hardshipWaiver, true)))
                .isEqualTo(outcome);
    }

    /**
     * The rules in one sentence, checked for every combination: at or under the threshold, or
     * waived, is clear; otherwise an appeal pending holds; otherwise an appeal upheld clears;
     * otherwise the grace still running holds; otherwise terminate.
     * Also shows that no two rows overlap, as a UNIQUE table with overlapping rows fails.
     */
    @Test
    void everyCombinationHasExactlyTheOutcomeTheRulesGive() {
        BigDecimal threshold = new BigDecimal("5.00");
        for (String owed : List.of("4.99", "5.00", "5.01", "400.00")) {
            for (boolean graceExpired : new boolean[] {true, false}) {
                for (boolean appealPending : new boolean[] {true, false}) {
                    for (boolean hardshipWaiver : new boolean[] {true, false}) {
                        for (boolean appealUpheld : new boolean[] {true, false}) {
                            boolean paidInFull = new BigDecimal(owed).compareTo(threshold) <= 0;
                            String expected = paidInFull || hardshipWaiver ? "CLEAR"
                                    : appealPending ? "HOLD"
                                    : appealUpheld ? "CLEAR"
                                    : !graceExpired ? "HOLD" : "TERMINATE";

                            assertThat(termination.resultOf(delinquency(graceExpired, owed, "5.00", appealPending, hardshipWaiver,
                                    appealUpheld)))
                                    .as("owes %s, grace over %s, appeal %s, waiver %s, upheld %s", owed, graceExpired, appealPending,
                                            hardshipWaiver, appealUpheld)
                                    .isEqualTo(expected);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theThresholdItselfStillCountsAsPaidAndACentMoreDoesNot() {
        assertThat(termination.resultOf(delinquency(true, "1.00", "1.00", false, false))).isEqualTo("CLEAR");
        assertThat(termination.resultOf(delinquency(true, "1.01", "1.00", false, false))).isEqualTo("TERMINATE");
    }

    /**
     * Nothing decides by default: without the amount, the threshold, or (when something is owed) the
     * appeal, waiver or grace answer, no row matches and the process raises an incident instead of
     * terminating or clearing.
     */
    @ParameterizedTest(name = "grace over {0}, owes {1} (threshold {2}), appeal {3}, waiver {4}")
    @CsvSource(nullValues = "null", textBlock = """
            true,  null,   0.00, false, false
            true,  211.25, null, false, false
            true,  211.25, 0.00, false, null
            true,  211.25, 0.00, null,  false
            null,  211.25, 0.00, false, false
            """)
    void aMissingInputMatchesNoRow(Boolean graceExpired, String amountOutstanding, String paidInFullThreshold,
                                   Boolean appealPending, Boolean hardshipWaiver) {
        Evaluation evaluation = termination.evaluate(delinquency(graceExpired, amountOutstanding, paidInFullThreshold,
                appealPending, hardshipWaiver));

        assertThat(evaluation.failureMessage()).isNull();
        assertThat(evaluation.output()).isNull();
    }

    @Test
    void withoutTheAppealUpheldAnswerNoRowMatches() {
        Evaluation evaluation = termination.evaluate(delinquency(true, "211.25", "0.00", false, false, null));

        assertThat(evaluation.failureMessage()).isNull();
        assertThat(evaluation.output()).isNull();
    }

    @Test
    void aBalancePaidInFullNeedsNoOtherAnswer() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("amountOutstanding", BigDecimal.ZERO);
        variables.put("paidInFullThreshold", BigDecimal.ZERO);

        assertThat(termination.resultOf(variables)).isEqualTo("CLEAR");
    }
}
