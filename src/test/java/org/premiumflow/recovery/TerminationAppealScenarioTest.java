package org.premiumflow.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.payment.gateway.sandbox.SandboxPaymentGateway;
import org.premiumflow.support.BusinessTime;
import org.premiumflow.support.EnrolledMember;
import org.premiumflow.support.Http;
import org.premiumflow.support.MemberMailbox;
import org.premiumflow.support.MemberPaymentMethods;
import org.premiumflow.support.MemberPremiums;
import org.premiumflow.support.MemberProcesses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An unsubsidized member who paid January and then nothing: on March 1 coverage ends on January
 * 31 and the termination notice names April 5 as the last day to appeal (DOMAIN.md section 4).
 * An appeal filed by then reaches a caseworker; upheld, coverage comes back with February and
 * March owed again, nothing paid first; denied, coverage stays ended and paying still reinstates.
 * After April 5 the API refuses the appeal. Each test runs in a year no other test uses (2034 on,
 * with a card expiring later): a billing run, once done for a month, is done for every test in this context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "premiumflow.embedded.postgres.ephemeral=true",
        "premiumflow.payment-methods.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class TerminationAppealScenarioTest {

    static final String PREMIUM = "612.40";
    /** February and March, owed had coverage gone on, plus April, the next month. */
    static final String BALANCE_AND_NEXT_MONTH = "1837.20";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    CamundaClient client;
    @Autowired
    SandboxPaymentGateway sandbox;
    @Autowired
    ExchangeClock clock;
    @Autowired
    Enrollments enrollments;
    @Autowired
    JdbcTemplate jdbc;

    BusinessTime time;
    int year;
    MemberMailbox mailbox;
    MemberProcesses processes;
    String memberId;
    long enrollmentId;
    long card;
    MemberPremiums premiums;

    @BeforeEach
    void startClocks() {
        time = new BusinessTime(clock, client);
    }

    @AfterEach
    void resetClocks() {
        time.reset();
    }

    @Test
    void anAppealUpheldWithinTheAppealByDateRestoresCoverageWithTheMonthsOwedAgain() {
        terminatedOnMarch1WithFebruaryAndMarchBilled(2034);
        time.moveTo(at("03-12T15:00:00Z"));

        HttpResponse<String> waiver = post("hardship-waivers", "{\"reason\": \"Lost my job.\"}");
        assertThat(waiver.statusCode()).as("a waiver comes too late once coverage ended").isEqualTo(409);
        HttpResponse<String> filed = post("appeals", "{\"reason\": \"I mailed a check in February.\"}");
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        HttpResponse<String> second = post("appeals", "{\"reason\": \"I mailed a check, really.\"}");
        assertThat(second.statusCode()).as("one open appeal per enrollment").isEqualTo(409);

        UserTask task = awaitTask("decide-termination-appeal");
        assertThat(task.getName()).isEqualTo("Decide appeal of the termination");
        decide(task, "caseworker-ann", Map.of("appealDecision", "UPHOLD", "appealNote", "The check was lost in our mailroom."));

        assertThat(mailbox.awaitText("APPEAL_DECISION")).contains("it is upheld", "The check was lost in our mailroom.",
                "coverage is restored as if it had not ended on January 31, " + year).doesNotContain("coverage continues");
        processes.awaitReached("coverage-restored-on-appeal");
        assertThat(coverageEnd()).isEmpty();
        JsonNode billing = billing();
        // April, skipped by its billing run on March 10 while coverage was ended, is billed now.
        assertThat(states(billing)).as("February and March owed again").containsExactly("PAID", "PAST_DUE", "PAST_DUE", "UNPAID");
        assertThat(descriptions(billing)).contains("Premium for " + year + "-02 owed again: termination appeal upheld",
                "Premium for " + year + "-03 owed again: termination appeal upheld");
        assertThat(Http.getJson(port, "/api/members/" + memberId + "/appeals").get(0).get("status").asText()).isEqualTo("UPHELD");
        assertThat(processes.reached("decide-appeal")).as("the grace's appeal task did not open as well").isFalse();
    }

    @Test
    void anAppealDeniedLeavesCoverageEndedAndPayingStillReinstatesWithinTheWindow() {
        terminatedOnMarch1WithFebruaryAndMarchBilled(2035);
        time.moveTo(at("03-12T15:00:00Z"));
        assertThat(post("appeals", "{\"reason\": \"I mailed a check in February.\"}").statusCode()).isEqualTo(201);

        decide(awaitTask("decide-termination-appeal"), "caseworker-bo", Map.of("appealDecision", "DENY", "appealNote", "No check arrived."));

        assertThat(mailbox.awaitText("APPEAL_DECISION")).contains("it is denied", "No check arrived.",
                "Your coverage stays ended as of January 31, " + year, "You can still ask us to reinstate it by")
                .doesNotContain("we will send you a notice");
        processes.awaitWaitingAt("wait-for-reinstatement");
        assertThat(processes.reached("restore-coverage-on-appeal")).isFalse();
        assertThat(coverageEnd()).contains(LocalDate.of(year, 1, 31));
        assertThat(states(billing())).containsExactly("PAID", "CANCELLED", "CANCELLED");

        time.moveTo(at("03-20T15:00:00Z"));
        premiums.pay(card, BALANCE_AND_NEXT_MONTH, "reinstatement");
        HttpResponse<String> asked = Http.postJson(port, "/api/members/" + memberId + "/reinstatement", "");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        assertThat(mailbox.awaitText("REINSTATEMENT_CONFIRMATION")).contains("$1,837.20");
        processes.awaitReached("coverage-reinstated");
        assertThat(coverageEnd()).isEmpty();
        assertThat(states(billing())).as("April billed on reinstating and paid from the credit").containsExactly("PAID", "PAID", "PAID", "PAID");
    }

    @Test
    void anAppealAfterTheAppealByDateIsRefusedNamingIt() {
        terminatedOnMarch1WithFebruaryAndMarchBilled(2036);
        time.moveTo(at("04-06T15:00:00Z"));
        processes.awaitReached("coverage-ended");

        HttpResponse<String> tooLate = post("appeals", "{\"reason\": \"I mailed a check in February.\"}");

        assertThat(tooLate.statusCode()).as(tooLate.body()).isEqualTo(409);
        assertThat(Http.json(tooLate.body()).get("detail").asText()).contains("appeal", "ended on April 5, " + year);
        assertThat(Http.getJson(port, "/api/members/" + memberId + "/appeals")).as("nothing stored").isEmpty();
        assertThat(coverageEnd()).contains(LocalDate.of(year, 1, 31));
        assertThat(states(billing())).containsExactly("PAID", "CANCELLED", "CANCELLED");
    }

    // --- set-up through the member API ---------------------------------------------------------

    /** January paid; February unpaid at its due date; March billed on February 10 and left unpaid too. */
    private void terminatedOnMarch1WithFebruaryAndMarchBilled(int inYear) {
        year = inYear;
        time.moveTo(Instant.parse((year - 1) + "-11-27T15:00:00Z"));
        EnrolledMember member = EnrolledMember.enroll(context, Program.UNSUBSIDIZED, new Premium(new BigDecimal(PREMIUM), BigDecimal.ZERO),
                YearMonth.of(year, 1), clock.instant());
        memberId = member.memberId();
        mailbox = member.mailbox();
        enrollmentId = member.enrollmentId();
        premiums = new MemberPremiums(context, port, member);
        processes = new MemberProcesses(client, memberId);
        card = new MemberPaymentMethods(port, memberId, mailbox, jdbc, sandbox).addCard("4242424242424242", "2039-08");
        premiums.issue(YearMonth.of(year, 1));
        mailbox.awaitMail("PREMIUM_BILL");
        premiums.pay(card, PREMIUM, "january");

        premiums.issue(YearMonth.of(year, 2));
        time.moveTo(at("01-27T15:00:00Z"));
        mailbox.awaitMail("PAST_DUE_WARNING");
        time.moveTo(at("02-10T15:00:00Z"));
        premiums.issue(YearMonth.of(year, 3));
        time.moveTo(at("02-24T15:00:00Z"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailbox.notices().stream().filter("PREMIUM_UNPAID"::equals).count() == 2);

        time.moveTo(at("03-01T15:00:00Z"));
        assertThat(mailbox.awaitText("TERMINATION_NOTICE")).contains("ended on January 31, " + year, "you can appeal by April 5, " + year,
                "If we uphold your appeal, your coverage is restored");
        processes.awaitWaitingAt("wait-for-reinstatement");
        assertThat(states(billing())).containsExactly("PAID", "CANCELLED", "CANCELLED");
    }

    /** A moment of the test's year, "MM-ddTHH:mm:ssZ". */
    private Instant at(String monthDayTime) {
        return Instant.parse(year + "-" + monthDayTime);
    }

    private HttpResponse<String> post(String kind, String body) {
        return Http.postJson(port, "/api/members/" + memberId + "/" + kind, body);
    }

    // --- what the caseworker does --------------------------------------------------------------

    private UserTask awaitTask(String elementId) {
        List<UserTask> tasks = processes.awaitTasks(elementId);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private void decide(UserTask task, String caseworker, Map<String, Object> decision) {
        client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee(caseworker).send().join();
        client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(decision).send().join();
    }

    // --- what the member sees ------------------------------------------------------------------

    private JsonNode billing() {
        return Http.getJson(port, "/api/members/" + memberId + "/billing");
    }

    private static List<String> states(JsonNode billing) {
        return StreamSupport.stream(billing.get("invoices").spliterator(), false).map(line -> line.get("state").asText()).toList();
    }

    private static List<String> descriptions(JsonNode billing) {
        return StreamSupport.stream(billing.get("history").spliterator(), false).map(line -> line.get("description").asText()).toList();
    }

    private Optional<LocalDate> coverageEnd() {
        return enrollments.findById(enrollmentId).orElseThrow().coverageEnd();
    }
}
