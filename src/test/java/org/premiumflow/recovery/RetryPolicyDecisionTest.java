package org.premiumflow.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.premiumflow.recovery.DeployedDecision.Evaluation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code dmn/retry-policy.dmn} as deployed at start-up, evaluated through the Camunda client: every
 * row, the Nacha and card-network limits at their edges, and what an unknown code gives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
class RetryPolicyDecisionTest {

    @Autowired
    CamundaClient client;

    DeployedDecision retryPolicy;

    @BeforeEach
    void deployedRetryPolicy() {
        retryPolicy = new DeployedDecision(client, "retry-policy");
    }

    static Map<String, Object> failure(String kind, String code, Integer attempt, Integer daysSinceFirstAttempt) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("paymentMethodKind", kind);
        variables.put("failureCode", code);
        variables.put("attempt", attempt);
        variables.put("daysSinceFirstAttempt", daysSinceFirstAttempt);
        return variables;
    }

    @Test
    void isDeployedUnderTheIdAndNameTheProcessCalls() {
        Evaluation evaluation = retryPolicy.evaluate(failure("BANK_ACCOUNT", "R01", 1, 2));

        assertThat(evaluation.decisionName()).isEqualTo("Retry policy");
        assertThat(evaluation.failureMessage()).isNull();
    }

    @ParameterizedTest(name = "{0} {1}, attempt {2} on day {3}: retry {4} after {5}, {6}, {7}, review {8}")
    @CsvSource(nullValues = "null", textBlock = """
            # insufficient or uncollected funds: two re-presentments, the last one sent by day 180
            BANK_ACCOUNT, R01, 1,   2, true,  P5D,  KEEP,              PAYMENT_FAILED,          false
            BANK_ACCOUNT, R09, 2, 175, true,  P5D,  KEEP,              PAYMENT_FAILED,          false
            BANK_ACCOUNT, R01, 1, 176, false, null, KEEP,              PAYMENT_FAILED,          false
            BANK_ACCOUNT, R09, 2, 181, false, null, KEEP,              PAYMENT_FAILED,          false
            BANK_ACCOUNT, R01, 3,  12, false, null, KEEP,              PAYMENT_FAILED,          false
            BANK_ACCOUNT, R09, 3,   0, false, null, KEEP,              PAYMENT_FAILED,          false
            # an account that cannot be debited
            BANK_ACCOUNT, R02, 1,   2, false, null, INVALIDATE_METHOD, PAYMENT_FAILED         , false
            BANK_ACCOUNT, R03, 1,   2, false, null, INVALIDATE_METHOD, PAYMENT_FAILED         , false
            BANK_ACCOUNT, R04, 2,   7, false, null, INVALIDATE_METHOD, PAYMENT_FAILED         , false
            BANK_ACCOUNT, R16, 1,   2, false, null, INVALIDATE_METHOD, PAYMENT_FAILED         , false
            BANK_ACCOUNT, R20, 3, 200, false, null, INVALIDATE_METHOD, PAYMENT_FAILED         , false
            # payment stopped by the member
            BANK_ACCOUNT, R08, 1,   2, false, null, SUSPEND_AUTOPAY,   PAYMENT_FAILED   ,       false
            # unauthorized or revoked
            BANK_ACCOUNT, R05, 1,  14, false, null, REVOKE_MANDATE,    PAYMENT_FAILED   ,       true
            BANK_ACCOUNT, R07, 1,  14, false, null, REVOKE_MANDATE,    PAYMENT_FAILED   ,       true
            BANK_ACCOUNT, R10, 1,  60, false, null, REVOKE_MANDATE,    PAYMENT_FAILED   ,       true
            BANK_ACCOUNT, R11, 2,  14, false, null, REVOKE_MANDATE,    PAYMENT_FAILED   ,       true
            BANK_ACCOUNT, R29, 1,  14, false, null, REVOKE_MANDATE,    PAYMENT_FAILED   ,       true
            # card soft declines: do not honor, insufficient funds
            CARD,         05,  1,   0, true,  P5D,  KEEP,              PAYMENT_FAILED,          false
            CARD,         51,  4,  25, true,  P5D,  KEEP,              PAYMENT_FAILED,          false
            CARD,         05,  4,  26, false, null, KEEP,              PAYMENT_FAILED,          false
            CARD,         51,  5,  20, false, null, KEEP,              PAYMENT_FAILED,          false
            # card soft declines: issuer unavailable, system malfunction
            CARD,         91,  1,   0, true,  P1D,  KEEP,              PAYMENT_FAILED,          false
            CARD,         96,  4,  29, true,  P1D,  KEEP,              PAYMENT_FAILED,          false
            CARD,         91,  3,  30, false, null, KEEP,              PAYMENT_FAILED,          false
            CARD,         96,  5,   4, false, null, KEEP,              PAYMENT_FAILED,          false
            # card hard declines: invalid number, lost, stolen, expired
            CARD,         14,  1,   0, false, null, INVALIDATE_METHOD, PAYMENT_FAILED         , false
            CARD,         41,  1,   0, false, null, INVALIDATE_METHOD, PAYMENT_FAILED         , false
            CARD,         43,  2,   5, false, null, INVALIDATE_METHOD, PAYMENT_FAILED         , false
            CARD,         54,  1,   0, false, null, INVALIDATE_METHOD, PAYMENT_FAILED         , false
            """)
    void everyRowDecidesWhatItsSourceSays(String kind, String code, int attempt, int days, boolean retry, String retryAfter,
                                          String methodAction, String notice, boolean caseworkerReview) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("retry", retry);
        expected.put("retryAfter", retryAfter);
        expected.put("methodAction", methodAction);
        expected.put("notice", notice);
        expected.put("caseworkerReview", caseworkerReview);

        assertThat(retryPolicy.outputOf(failure(kind, code, attempt, days))).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void aBankDebitIsPresentedTwiceMoreAndThenNoMore() {
        assertThat(retryPolicy.outputOf(failure("BANK_ACCOUNT", "R01", 2, 10))).containsEntry("retry", true);
        assertThat(retryPolicy.outputOf(failure("BANK_ACCOUNT", "R01", 3, 10))).containsEntry("retry", false);
    }

    /**
     * Nacha counts 180 days to the re-presentment itself, so a retry is only scheduled while the
     * wait still lands on day 180 at the latest.
     */
    @ParameterizedTest
    @ValueSource(strings = {"R01", "R09"})
    void noRePresentmentGoesOutAfterDay180(String code) {
        for (int attempt = 1; attempt <= 4; attempt++) {
            for (int day : List.of(0, 1, 2, 90, 170, 174, 175, 176, 179, 180, 181, 182, 365)) {
                Map<String, Object> decided = retryPolicy.outputOf(failure("BANK_ACCOUNT", code, attempt, day));
                boolean allowed = attempt <= 2 && day + 5 <= 180;
                assertThat(decided.get("retry")).as("attempt %d on day %d", attempt, day).isEqualTo(allowed);
                if (allowed) {
                    assertThat(day + Period.parse((String) decided.get("retryAfter")).getDays())
                            .as("day of the re-presentment after attempt %d on day %d", attempt, day).isLessThanOrEqualTo(180);
                }
            }
        }
    }

    /** A card that keeps declining, followed through the table's own schedule from the first charge on. */
    @ParameterizedTest
    @CsvSource({"05, 0, 5, 10, 15, 20", "51, 0, 5, 10, 15, 20", "91, 0, 1, 2, 3, 4", "96, 0, 1, 2, 3, 4"})
    void aSoftDeclinedCardIsChargedAtMostFourTimesMoreWithinThirtyDays(String code, int first, int second, int third,
                                                                     int fourth, int fifth) {
        List<Integer> chargeDays = new ArrayList<>(List.of(0));
        int day = 0;
        for (int attempt = 1; attempt <= 16; attempt++) {
            Map<String, Object> decided = retryPolicy.outputOf(failure("CARD", code, attempt, day));
            if (!(Boolean) decided.get("retry")) {
                assertThat(decided).containsEntry("methodAction", "KEEP").containsEntry("notice", "PAYMENT_FAILED");
                break;
            }
            day += Period.parse((String) decided.get("retryAfter")).getDays();
            chargeDays.add(day);
        }

        assertThat(chargeDays).containsExactly(first, second, third, fourth, fifth);
        assertThat(chargeDays.get(chargeDays.size() - 1)).as("last retry, well inside Visa's 15 in 30 days").isLessThanOrEqualTo(30);
    }

    @Test
    void aDeclineLateInTheThirtyDaysIsNotRetriedPastThem() {
        assertThat(retryPolicy.outputOf(failure("CARD", "51", 2, 25))).containsEntry("retry", true);
        assertThat(retryPolicy.outputOf(failure("CARD", "51", 2, 26))).containsEntry("retry", false);
        assertThat(retryPolicy.outputOf(failure("CARD", "91", 2, 29))).containsEntry("retry", true);
        assertThat(retryPolicy.outputOf(failure("CARD", "91", 2, 30))).containsEntry("retry", false);
    }

    /**
     * No row is a catch-all: a code the table does not know, or one of the other kind of method,
     * gives no output at all (not a failure), which the recovery process turns into an incident.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "BANK_ACCOUNT, R06", "BANK_ACCOUNT, R12", "BANK_ACCOUNT, R30", "BANK_ACCOUNT, r01", "BANK_ACCOUNT, 51",
            "CARD, 99", "CARD, 57", "CARD, R01", "CHECK, R01", "CHECK, 05"})
    void anUnknownCodeMatchesNoRow(String kind, String code) {
        Evaluation evaluation = retryPolicy.evaluate(failure(kind, code, 1, 2));

        assertThat(evaluation.failureMessage()).isNull();
        assertThat(evaluation.output()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"BANK_ACCOUNT, R01, 0, 0", "BANK_ACCOUNT, R09, 1, -1", "CARD, 51, 0, 0", "CARD, 96, 1, -1"})
    void anImpossibleAttemptOrDayMatchesNoRowOfARetryableCode(String kind, String code, int attempt, int days) {
        Evaluation evaluation = retryPolicy.evaluate(failure(kind, code, attempt, days));

        assertThat(evaluation.failureMessage()).isNull();
        assertThat(evaluation.output()).isNull();
    }

    @Test
    void aRetryableCodeWithoutItsAttemptNumberMatchesNoRow() {
        Evaluation evaluation = retryPolicy.evaluate(failure("BANK_ACCOUNT", "R01", null, 2));

        assertThat(evaluation.failureMessage()).isNull();
        assertThat(evaluation.output()).isNull();
    }

    @Test
    void aCodeThatNeverRetriesNeedsNoAttemptNumber() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("paymentMethodKind", "BANK_ACCOUNT");
        variables.put("failureCode", "R02");

        assertThat(retryPolicy.outputOf(variables)).containsEntry("methodAction", "INVALIDATE_METHOD");
    }
}
