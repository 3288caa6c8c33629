package org.premiumflow.lifeevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.support.BusinessTime;
import org.premiumflow.support.EnrolledMember;
import org.premiumflow.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The steps the life-event workers take are safe to repeat, as a retried job repeats them: proof is
 * asked for once with one due date, and the first decision recorded stands.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "premiumflow.embedded.postgres.ephemeral=true",
        "premiumflow.payment-methods.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        // A context of the life-event tests' own, so that their clock moves bill no other test's members.
        "premiumflow.life-events.proof-reminder-days-before=14"})
class LifeEventVerificationTest {

    static final Instant NOW = Instant.parse("2037-11-09T15:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    CamundaClient client;
    @Autowired
    ExchangeClock clock;
    @Autowired
    LifeEventVerification verification;

    BusinessTime time;
    String memberId;

    @BeforeEach
    void enroll() {
        time = new BusinessTime(clock, client);
        time.moveTo(NOW);
        memberId = EnrolledMember.enroll(context, Program.UNSUBSIDIZED, new Premium(new BigDecimal("598.20"), BigDecimal.ZERO),
                YearMonth.of(2037, 1), NOW).memberId();
    }

    @AfterEach
    void resetClocks() {
        time.reset();
    }

    @Test
    void proofAskedForAgainKeepsItsDueDateAndDeadline() {
        long id = reported(LifeEventScenarioTest.move("moved", "2037-11-01"), "AWAITING_PROOF");

        time.moveTo(Instant.parse("2037-11-20T15:00:00Z"));
        ProofRequest again = verification.awaitProof(id);

        assertThat(again.dueOn()).as("90 days after the report on November 9").isEqualTo(LocalDate.of(2038, 2, 7));
        assertThat(again.deadlineAt()).as("midnight in Boston after the due date").isEqualTo(Instant.parse("2038-02-08T05:00:00Z"));
        assertThat(again.reminderAt()).isEqualTo(Instant.parse("2038-01-24T05:00:00Z"));
    }

    @Test
    void theFirstDecisionStandsWhateverIsRecordedAfterIt() {
        long id = reported(LifeEventScenarioTest.incomeChange("raise", "2037-11-02"), "APPROVED");

        LifeEvent afterRejection = verification.decideOnProof(id, false, "caseworker-ana", "Pay stub does not match");
        LifeEvent afterApproval = verification.approveWithoutProof(id);

        for (LifeEvent lifeEvent : new LifeEvent[] {afterRejection, afterApproval}) {
            assertThat(lifeEvent.status()).isEqualTo(LifeEventStatus.APPROVED);
            assertThat(lifeEvent.decision()).contains(LifeEventDecision.APPROVED_WITHOUT_PROOF);
            assertThat(lifeEvent.decidedBy()).contains("premiumflow");
        }
    }

    private long reported(String body, String status) {
        long id = Http.json(Http.postJson(port, "/api/members/" + memberId + "/life-events", body).body()).get("id").asLong();
        String eventId = Http.json(body).get("eventId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.getJson(port, "/api/members/" + memberId + "/life-events/" + eventId)
                .get("status").asText().equals(status));
        return id;
    }
}
