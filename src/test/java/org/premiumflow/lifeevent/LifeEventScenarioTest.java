package org.premiumflow.lifeevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.support.BusinessTime;
import org.premiumflow.support.EnrolledMember;
import org.premiumflow.support.Http;
import org.premiumflow.support.MemberMailbox;
import org.premiumflow.support.MemberProcesses;
import org.premiumflow.support.TestRatingData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A member reports life events through the member API, end to end on the embedded engine, the
 * database and the embedded SMTP server: the 60-day window, a report sent twice, proof never sent
 * (reminded, then rejected when the due date has passed), a caseworker who asks for more and then
 * approves on the document that came, and an event approved without proof. What is checked is
 * what the member is sent and what the API answers, and what the caseworker's task shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "premiumflow.embedded.postgres.ephemeral=true",
        "premiumflow.payment-methods.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        // A context of the life-event tests' own, so that their clock moves bill no other test's members.
        "premiumflow.life-events.proof-reminder-days-before=14"})
class LifeEventScenarioTest {

    /** Coverage from 2037, a year no other scenario bills. */
    static final YearMonth FIRST_MONTH = YearMonth.of(2037, 1);
    static final Instant ENROLLED = Instant.parse("2036-11-20T15:00:00Z");
    static final String PROCESS = "life-event-recalculation";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    CamundaClient client;
    @Autowired
    ExchangeClock clock;

    BusinessTime time;
    String memberId;
    MemberMailbox mailbox;
    MemberProcesses processes;

    @BeforeEach
    void enroll() {
        TestRatingData.loadAs2027(context.getBean(JdbcTemplate.class), 2037, BigDecimal.ONE);
        time = new BusinessTime(clock, client);
        time.moveTo(ENROLLED);
        EnrolledMember member = EnrolledMember.enroll(context, Program.UNSUBSIDIZED, new Premium(new BigDecimal("598.20"), BigDecimal.ZERO),
                FIRST_MONTH, ENROLLED);
        memberId = member.memberId();
        mailbox = member.mailbox();
        processes = new MemberProcesses(client, memberId);
    }

    @AfterEach
    void resetClocks() {
        time.reset();
    }

    @Test
    void anEventReportedOnItsSixtiethDayAtTheExchangeIsTakenAndOneDayLaterIsRefusedWithTheLastDayAndWhomToAsk() {
        // 23:30 on May 1 in Boston, already May 2 in UTC: the exchange's date counts.
        time.moveTo(Instant.parse("2037-05-02T03:30:00Z"));
        HttpResponse<String> inTime = report(incomeChange("bonus-2037", "2037-03-02"));
        time.moveTo(Instant.parse("2037-05-02T15:00:00Z"));
        HttpResponse<String> late = report(incomeChange("raise-2037", "2037-03-02"));

        assertThat(inTime.statusCode()).as(inTime.body()).isEqualTo(202);
        assertThat(text("LIFE_EVENT_RECEIVED")).contains("change in household income on March 2, 2037", "reported it on May 1, 2037");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(422);
        JsonNode refusal = Http.json(late.body());
        assertThat(refusal.get("detail").asText()).contains("2037-03-02", "could be reported until 2037-05-01", "Nothing was stored",
                "ask a caseworker", "call the Health Connector");
        assertThat(refusal.get("eventDate").asText()).isEqualTo("2037-03-02");
        assertThat(refusal.get("lastDayToReport").asText()).isEqualTo("2037-05-01");
        assertThat(Http.get(port, path("raise-2037")).statusCode()).as("nothing stored").isEqualTo(404);
        processes.awaitReached("event-approved");
        assertThat(lifeEventInstances()).as("only the report in time started a process").hasSize(1);
        assertThat(mailbox.notices()).containsOnlyOnce("LIFE_EVENT_RECEIVED");
    }

    @Test
    void theSameReportSentTwiceMakesOneCaseOneProcessAndOneAcknowledgement() {
        time.moveTo(Instant.parse("2037-02-16T15:00:00Z"));
        String marriage = marriage("wedding-2037", "2037-02-14");

        HttpResponse<String> first = report(marriage);
        HttpResponse<String> again = report(marriage);
        HttpResponse<String> changed = report(marriage.replace("\"householdSize\": 2", "\"householdSize\": 3"));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Http.json(again.body()).get("id").asLong()).isEqualTo(Http.json(first.body()).get("id").asLong());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(409);
        assertThat(Http.json(changed.body()).get("detail").asText()).contains("wedding-2037", "different details");
        processes.awaitTasks(LifeEventWorkers.VERIFY_TASK);
        mailbox.awaitMail("LIFE_EVENT_PROOF_REQUESTED");
        assertThat(lifeEventInstances()).hasSize(1);
        assertThat(mailbox.notices()).containsOnlyOnce("LIFE_EVENT_RECEIVED");
    }

    @Test
    void proofNeverSentIsRemindedOnceBeforeTheDueDateAndRejectedWhenTheDueDateHasPassed() {
        time.moveTo(Instant.parse("2037-03-12T15:00:00Z"));
        assertThat(report(move("new-home", "2037-03-10")).statusCode()).isEqualTo(202);

        assertThat(text("LIFE_EVENT_PROOF_REQUESTED")).contains("proof of the move to a new address on March 10, 2037",
                "a lease, mortgage statement or utility bill", "Send it by June 10, 2037");
        JsonNode awaiting = lifeEvent("new-home");
        assertThat(awaiting.get("status").asText()).isEqualTo("AWAITING_PROOF");
        assertThat(awaiting.get("proofDueOn").asText()).isEqualTo("2037-06-10");
        processes.awaitTasks(LifeEventWorkers.VERIFY_TASK);

        time.moveTo(Instant.parse("2037-05-26T15:00:00Z"));
        assertThat(mailbox.notices()).as("15 days before the due date").doesNotContain("LIFE_EVENT_PROOF_REMINDER");
        time.moveTo(Instant.parse("2037-05-27T15:00:00Z"));
        assertThat(text("LIFE_EVENT_PROOF_REMINDER")).contains("We still need proof of the move", "Please send it by June 10, 2037");

        time.moveTo(Instant.parse("2037-06-10T23:00:00Z"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> lifeEvent("new-home").get("status").asText().equals("AWAITING_PROOF"));
        time.moveTo(Instant.parse("2037-06-11T04:30:00Z"));

        assertThat(text("LIFE_EVENT_DECISION")).contains("your report of a move to a new address on March 10, 2037: it is denied",
                "Why: proof not provided by June 10, 2037", "stay as they were", "a caseworker can look at it again");
        JsonNode rejected = lifeEvent("new-home");
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("decision").asText()).isEqualTo("PROOF_NOT_PROVIDED");
        assertThat(rejected.get("decisionReason").asText()).isEqualTo("proof not provided by June 10, 2037");
        processes.awaitReached("event-rejected");
        assertThat(processes.reached("event-approved")).isFalse();
        assertThat(openTasks()).as("the caseworker's task closed with the deadline").isEmpty();
        assertThat(mailbox.notices()).containsOnlyOnce("LIFE_EVENT_PROOF_REMINDER").containsOnlyOnce("LIFE_EVENT_DECISION");
    }

    @Test
    void aCaseworkerAsksForMoreThenApprovesOnTheDocumentTheMemberSent() {
        time.moveTo(Instant.parse("2037-04-06T15:00:00Z"));
        assertThat(report(marriage("wedding", "2037-04-04")).statusCode()).isEqualTo(202);
        mailbox.awaitMail("LIFE_EVENT_PROOF_REQUESTED");

        UserTask task = awaitTask();
        assertThat(task.getName()).isEqualTo("Verify the life event");
        assertThat(task.getCandidateGroups()).containsExactly("caseworkers");
        assertThat(task.getFormKey()).isNotNull();
        assertThat(variable(task, "eventDate")).contains("2037-04-04");
        assertThat(variable(task, "reportedDate")).contains("2037-04-06");
        assertThat(variable(task, "proofDueDate")).contains("2037-07-05");
        assertThat(variable(task, "documents")).isEqualTo("[]");

        decide(task, Map.of("verificationDecision", "REQUEST_MORE_INFORMATION",
                "verificationNote", "Please send the certificate itself, not the license application."));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("LIFE_EVENT_PROOF_REQUESTED") == 2);
        UserTask again = await().atMost(Duration.ofSeconds(30)).until(this::openTasks, tasks -> !tasks.isEmpty()).get(0);
        assertThat(again.getUserTaskKey()).isNotEqualTo(task.getUserTaskKey());

        time.moveTo(Instant.parse("2037-04-20T15:00:00Z"));
        HttpResponse<String> sent = Http.postJson(port, path("wedding") + "/documents",
                "{\"kind\": \"marriage certificate\", \"description\": \"Certified copy from Boston City Hall\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String documents = await().atMost(Duration.ofSeconds(30)).until(() -> variable(again, "documents"),
                shown -> shown.contains("marriage certificate"));
        assertThat(documents).contains("Certified copy from Boston City Hall", "2037-04-20");

        decide(again, Map.of("verificationDecision", "APPROVE", "verificationNote", "Marriage certificate received."));

        assertThat(text("LIFE_EVENT_DECISION")).contains("your report of a marriage on April 4, 2037: it is approved",
                "Why: Marriage certificate received.", "We will update your household");
        JsonNode approved = lifeEvent("wedding");
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("decision").asText()).isEqualTo("APPROVED_ON_PROOF");
        assertThat(approved.get("decidedBy").asText()).isEqualTo("caseworker-ana");
        assertThat(approved.get("documents").get(0).get("kind").asText()).isEqualTo("marriage certificate");
        assertThat(approved.get("joining").get(0).get("relationship").asText()).isEqualTo("SPOUSE");
        processes.awaitReached("event-approved");
        assertThat(mailbox.notices()).as("asked twice, the second time with the note; decided once")
                .containsSubsequence("LIFE_EVENT_RECEIVED", "LIFE_EVENT_PROOF_REQUESTED", "LIFE_EVENT_PROOF_REQUESTED", "LIFE_EVENT_DECISION")
                .containsOnlyOnce("LIFE_EVENT_DECISION");
        assertThat(mailbox.awaitMail("LIFE_EVENT_PROOF_REQUESTED").text().orElseThrow().replaceAll("\\s+", " "))
                .as("the newest request").contains("What we still need: Please send the certificate itself");
    }

    @Test
    void anEventThatNeedsNoProofIsApprovedWithoutACaseworker() {
        time.moveTo(Instant.parse("2037-08-03T15:00:00Z"));
        assertThat(report(incomeChange("new-job", "2037-08-01")).statusCode()).isEqualTo(202);

        assertThat(text("LIFE_EVENT_DECISION")).contains("change in household income on August 1, 2037: it is approved",
                "No proof is needed");
        processes.awaitReached("event-approved");
        JsonNode approved = lifeEvent("new-job");
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("decision").asText()).isEqualTo("APPROVED_WITHOUT_PROOF");
        assertThat(approved.get("proofDueOn").isNull()).isTrue();
        assertThat(text("NEW_PREMIUM")).as("September, the first month changed, is not billed yet")
                .contains("Your coverage changes from September 1, 2037", "None: you were not billed yet for any month the change covers.");
        assertThat(mailbox.notices()).containsExactly("LIFE_EVENT_RECEIVED", "LIFE_EVENT_DECISION", "NEW_PREMIUM");
        assertThat(processes.reached(LifeEventWorkers.VERIFY_TASK)).as("no caseworker's task").isFalse();
    }

    @Test
    void anEventTypeTheRulesDoNotKnowStopsTheProcessWithAnIncidentNamingIt() {
        time.moveTo(Instant.parse("2037-09-02T15:00:00Z"));
        client.newPublishMessageCommand().messageName("life-event-reported").correlationKey(memberId + ":promotion")
                .variables(Map.of("memberId", memberId, "eventId", "promotion", "lifeEventId", 0, "eventType", "PROMOTION",
                        "eventDescription", "promotion", "eventDate", "2037-09-01", "reportedDate", "2037-09-02"))
                .send().join();

        Incident incident = await().atMost(Duration.ofSeconds(30)).until(() -> lifeEventInstances().stream()
                .flatMap(instance -> client.newIncidentSearchRequest()
                        .filter(filter -> filter.processInstanceKey(instance).state(IncidentState.ACTIVE)).send().join().items().stream())
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(incident.getElementId()).isEqualTo("decide-life-event-rules");
        assertThat(incident.getErrorMessage()).contains("life-event has no rule for eventType PROMOTION");
    }

    // --- what the member sends -------------------------------------------------------------------

    private HttpResponse<String> report(String body) {
        return Http.postJson(port, "/api/members/" + memberId + "/life-events", body);
    }

    private String path(String eventId) {
        return "/api/members/" + memberId + "/life-events/" + eventId;
    }

    private JsonNode lifeEvent(String eventId) {
        return Http.getJson(port, path(eventId));
    }

    static String incomeChange(String eventId, String eventDate) {
        return """
                {"eventId": "%s", "type": "INCOME_CHANGE", "eventDate": "%s", "householdSize": 1, "annualIncome": "52400.00",
                 "eligibleForOtherCoverage": false}""".formatted(eventId, eventDate);
    }

    static String marriage(String eventId, String eventDate) {
        return """
                {"eventId": "%s", "type": "MARRIAGE", "eventDate": "%s", "householdSize": 2, "annualIncome": "98150.50",
                 "eligibleForOtherCoverage": false,
                 "joining": [{"firstName": "Sam", "lastName": "Okafor", "dateOfBirth": "1986-07-19", "relationship": "SPOUSE"}]}"""
                .formatted(eventId, eventDate);
    }

    static String move(String eventId, String eventDate) {
        return """
                {"eventId": "%s", "type": "MOVE", "eventDate": "%s", "householdSize": 1, "annualIncome": "52400.00",
                 "eligibleForOtherCoverage": false}""".formatted(eventId, eventDate);
    }

    // --- what the caseworker does and sees -------------------------------------------------------

    private List<Long> lifeEventInstances() {
        return processes.instances().stream()
                .filter(instance -> client.newProcessInstanceGetRequest(instance).send().join().getProcessDefinitionId().equals(PROCESS))
                .toList();
    }

    private UserTask awaitTask() {
        List<UserTask> tasks = processes.awaitTasks(LifeEventWorkers.VERIFY_TASK);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private List<UserTask> openTasks() {
        return lifeEventInstances().stream()
                .flatMap(instance -> client.newUserTaskSearchRequest()
                        .filter(task -> task.processInstanceKey(instance).elementId(LifeEventWorkers.VERIFY_TASK)
                                .state(io.camunda.client.api.search.enums.UserTaskState.CREATED))
                        .send().join().items().stream())
                .toList();
    }

    private void decide(UserTask task, Map<String, Object> decision) {
        client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee("caseworker-ana").send().join();
        client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(decision).send().join();
    }

    private String variable(UserTask task, String name) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> client.newVariableSearchRequest()
                .filter(variable -> variable.processInstanceKey(task.getProcessInstanceKey()).name(name))
                .send().join().items().stream().map(variable -> variable.getValue()).findFirst(), Optional::isPresent).orElseThrow();
    }

    // --- what the member is sent -----------------------------------------------------------------

    private String text(String template) {
        return mailbox.awaitMail(template).text().orElseThrow().replaceAll("\\s+", " ");
    }

    private long count(String template) {
        return mailbox.notices().stream().filter(template::equals).count();
    }
}
