package org.premiumflow.lifeevent;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code dmn/life-event.dmn} as deployed at start-up, evaluated through the Camunda client: every
 * event type a member may report, row by row, and what an unknown or missing type gives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "premiumflow.embedded.postgres.ephemeral=true",
        "premiumflow.payment-methods.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        // A context of the life-event tests' own, so that their clock moves bill no other test's members.
        "premiumflow.life-events.proof-reminder-days-before=14"})
class LifeEventDecisionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CamundaClient client;

    @ParameterizedTest(name = "{0}: proof {1}, effective {3}")
    @CsvSource(delimiter = '|', textBlock = """
            MARRIAGE           | true  | a marriage certificate or marriage license showing the date of the marriage                                 | FIRST_OF_MONTH_AFTER_CUTOFF
            DIVORCE            | false |                                                                                                             | FIRST_OF_MONTH_AFTER_CUTOFF
            BIRTH_OR_ADOPTION  | true  | a birth certificate or hospital record of the birth, or the adoption, placement or foster care papers      | EVENT_DATE
            LOSS_OF_COVERAGE   | true  | a letter from your employer or former insurer showing the date your other coverage ended or will end        | FIRST_OF_MONTH_AFTER_CUTOFF
            MOVE               | true  | a lease, mortgage statement or utility bill showing your new address and the date you moved                 | FIRST_OF_MONTH_AFTER_CUTOFF
            INCOME_CHANGE      | false |                                                                                                             | FIRST_OF_MONTH_AFTER_CUTOFF
            DEATH_IN_HOUSEHOLD | false |                                                                                                             | FIRST_OF_MONTH_AFTER_CUTOFF
            """)
    void everyEventTypeMatchesTheRowItsSourceGives(String eventType, boolean proofRequired, String proofDocuments,
                                                   String effectiveDateRule) {
        Map<String, Object> expected = new HashMap<>();
        expected.put("proofRequired", proofRequired);
        expected.put("proofDocuments", proofDocuments);
        expected.put("effectiveDateRule", effectiveDateRule);

        EvaluateDecisionResponse response = evaluate(eventType);

        assertThat(response.getFailureMessage()).isNull();
        assertThat(response.getDecisionName()).isEqualTo("Life event rules");
        assertThat(JSON.readValue(response.getDecisionOutput(), Map.class)).isEqualTo(expected);
    }

    @Test
    void everyEventTypeAMemberMayReportHasItsRow() {
        assertThat(Arrays.stream(LifeEventType.values()).map(type -> JSON.readValue(evaluate(type.name()).getDecisionOutput(),
                Object.class))).doesNotContainNull();
    }

    @Test
    void anUnknownOrMissingEventTypeMatchesNoRow() {
        assertThat(JSON.readValue(evaluate("PROMOTION").getDecisionOutput(), Object.class)).isNull();
        assertThat(JSON.readValue(evaluate(null).getDecisionOutput(), Object.class)).isNull();
    }

    private EvaluateDecisionResponse evaluate(String eventType) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("eventType", eventType);
        return client.newEvaluateDecisionCommand().decisionId("life-event").variables(variables).send().join();
    }
}
