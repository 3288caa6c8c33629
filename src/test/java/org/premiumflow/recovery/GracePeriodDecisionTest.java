package org.premiumflow.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.premiumflow.member.Program;
import org.premiumflow.recovery.DeployedDecision.Evaluation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code dmn/grace-period.dmn} as deployed at start-up, evaluated through the Camunda client: every
 * combination of program, paid month and payment kind, and what an unknown program gives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
class GracePeriodDecisionTest {

    static final List<String> ONE_WARNING = List.of("PAST_DUE_WARNING");
    static final List<String> THREE_WARNINGS = List.of("PAST_DUE_WARNING", "TERMINATION_WARNING", "SECOND_TERMINATION_WARNING");

    @Autowired
    CamundaClient client;

    DeployedDecision gracePeriod;

    @BeforeEach
    void deployedGracePeriod() {
        gracePeriod = new DeployedDecision(client, "grace-period");
    }

    static Map<String, Object> missedPayment(String program, Boolean paidFullMonthThisBenefitYear, String paymentKind) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("program", program);
        variables.put("paidFullMonthThisBenefitYear", paidFullMonthThisBenefitYear);
        variables.put("paymentKind", paymentKind);
        return variables;
    }

    @Test
    void isDeployedUnderTheIdAndNameTheProcessCalls() {
        Evaluation evaluation = gracePeriod.evaluate(missedPayment("UNSUBSIDIZED", true, "RECURRING"));

        assertThat(evaluation.decisionName()).isEqualTo("Grace period");
        assertThat(evaluation.failureMessage()).isNull();
    }

    @ParameterizedTest(name = "{0}, paid a full month {1}, {2}: {3} months, ends {4}")
    @CsvSource(textBlock = """
            UNSUBSIDIZED,  true,  RECURRING, 1, LAST_DAY_OF_LAST_PAID_MONTH
            UNSUBSIDIZED,  false, RECURRING, 1, LAST_DAY_OF_LAST_PAID_MONTH
            APTC_ONLY,     true,  RECURRING, 3, LAST_DAY_OF_FIRST_GRACE_MONTH
            CONNECTORCARE, true,  RECURRING, 3, LAST_DAY_OF_FIRST_GRACE_MONTH
            APTC_ONLY,     false, RECURRING, 1, LAST_DAY_OF_LAST_PAID_MONTH
            CONNECTORCARE, false, RECURRING, 1, LAST_DAY_OF_LAST_PAID_MONTH
            UNSUBSIDIZED,  true,  BINDER,    0, NEVER_EFFECTUATED
            UNSUBSIDIZED,  false, BINDER,    0, NEVER_EFFECTUATED
            APTC_ONLY,     true,  BINDER,    0, NEVER_EFFECTUATED
            APTC_ONLY,     false, BINDER,    0, NEVER_EFFECTUATED
            CONNECTORCARE, true,  BINDER,    0, NEVER_EFFECTUATED
            CONNECTORCARE, false, BINDER,    0, NEVER_EFFECTUATED
            """)
    void everyCombinationMatchesTheRowItsSourceGives(String program, boolean paidFullMonth, String paymentKind, int graceMonths,
                                                     String terminationEffective) {
        List<String> notices = switch (graceMonths) {
            case 0 -> List.of();
            case 1 -> ONE_WARNING;
            default -> THREE_WARNINGS;
        };

        assertThat(gracePeriod.outputOf(missedPayment(program, paidFullMonth, paymentKind))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "graceMonths", graceMonths,
                "notices", notices,
                "terminationEffective", terminationEffective));
    }

    @Test
    void everyProgramThereIsHasARowForEveryCase() {
        for (Program program : Program.values()) {
            for (boolean paidFullMonth : new boolean[] {true, false}) {
                for (String paymentKind : List.of("BINDER", "RECURRING")) {
                    Map<String, Object> decided = gracePeriod.outputOf(missedPayment(program.name(), paidFullMonth, paymentKind));

                    assertThat((List<?>) decided.get("notices")).as("one warning per grace month for %s", program)
                            .hasSize((Integer) decided.get("graceMonths"));
                }
            }
        }
    }

    @Test
    void theThreeMonthGraceNeedsAFullMonthPaidThisBenefitYear() {
        assertThat(gracePeriod.outputOf(missedPayment("CONNECTORCARE", true, "RECURRING"))).containsEntry("graceMonths", 3);
        assertThat(gracePeriod.outputOf(missedPayment("CONNECTORCARE", false, "RECURRING"))).containsEntry("graceMonths", 1);
    }

    /** An unknown program or payment kind gives no output at all (not a failure); the process raises an incident. */
    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"DENTAL_ONLY, RECURRING", "DENTAL_ONLY, BINDER", "connectorcare, RECURRING", "UNSUBSIDIZED, ONE_TIME",
            "APTC_ONLY, recurring"})
    void anUnknownProgramOrPaymentKindMatchesNoRow(String program, String paymentKind) {
        Evaluation evaluation = gracePeriod.evaluate(missedPayment(program, true, paymentKind));

        assertThat(evaluation.failureMessage()).isNull();
        assertThat(evaluation.output()).isNull();
    }

    /** Whether a subsidized member paid a full month decides their grace, so without it there is no answer. */
    @Test
    void aSubsidizedMemberWithoutThePaidMonthMatchesNoRow() {
        Evaluation evaluation = gracePeriod.evaluate(missedPayment("APTC_ONLY", null, "RECURRING"));

        assertThat(evaluation.failureMessage()).isNull();
        assertThat(evaluation.output()).isNull();
    }
}
