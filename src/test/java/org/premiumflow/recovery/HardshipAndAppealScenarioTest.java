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
import org.premiumflow.embedded.mail.EmbeddedSmtpServer;
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
 * An unsubsidized member who paid January and not February asks, during the grace period, for a
 * hardship waiver or appeals, end to end on the embedded engine: the request goes to a caseworker's
 * task, the decision is stored and sent to the member, and at the end of grace it decides whether
 * coverage ends; kept by an approved waiver, the months past due then are waived on the ledger; kept
 * by an upheld appeal, they stay owed and a later unpaid month runs a grace of its own. What
 * is checked is what the member is sent, the coverage, and what the member API answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "premiumflow.embedded.postgres.ephemeral=true",
        "premiumflow.payment-methods.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class HardshipAndAppealScenarioTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");
    /** After February's due date (in January), when the collection finds it unpaid. */
    static final Instant FEBRUARY_UNPAID = Instant.parse("2027-01-27T15:00:00Z");
    /** The day after the one-month grace of an unsubsidized member ends (February 28). */
    static final Instant GRACE_OVER = Instant.parse("2027-03-01T15:00:00Z");
    static final YearMonth JANUARY = YearMonth.of(2027, 1);
    static final YearMonth FEBRUARY = YearMonth.of(2027, 2);
    static final YearMonth MARCH = YearMonth.of(2027, 3);
    static final YearMonth APRIL = YearMonth.of(2027, 4);
    /** After March's due date (February 23), inside February's grace. */
    static final Instant MARCH_UNPAID = Instant.parse("2027-02-24T15:00:00Z");
    /** After April's due date (March 23). */
    static final Instant APRIL_UNPAID = Instant.parse("2027-03-24T15:00:00Z");
    /** The day after April's one-month grace ends (April 30). */
    static final Instant APRIL_GRACE_OVER = Instant.parse("2027-05-01T15:00:00Z");

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
    EmbeddedSmtpServer mail;
    @Autowired
    Enrollments enrollments;
    @Autowired
    JdbcTemplate jdbc;

    BusinessTime time;
    MemberMailbox mailbox;
    String memberId;
    String email;
    long enrollmentId;
    long card;
    MemberPremiums premiums;
    MemberProcesses processes;

    @BeforeEach
    void startClocks() {
        time = new BusinessTime(clock, client);
        time.moveTo(NOW);
    }

    @AfterEach
    void resetClocks() {
        time.reset();
    }

    @Test
    void aHardshipWaiverApprovedDuringGraceKeepsCoverage() {
        enrollPaidJanuaryThenFebruaryUnpaid();

        JsonNode filed = file("hardship-waivers", "I lost my job in January and cannot pay February yet.");
        assertThat(filed.get("status").asText()).isEqualTo("PENDING");
        UserTask task = awaitTask("decide-hardship-waiver");
        assertThat(task.getName()).isEqualTo("Decide hardship waiver");
        assertThat(task.getCandidateGroups()).containsExactly("caseworkers");
        assertThat(task.getFormKey()).isNotNull();
        assertThat(variable(task, "waiverReason")).contains("I lost my job in January");
        assertThat(variable(task, "waiverUnpaidMonths")).contains("February 2027: $612.40");
        assertThat(variable(task, "waiverTotalDue")).contains("$612.40");

        decide(task, "caseworker-lee", Map.of("waiverDecision", "APPROVE", "waiverNote", "Income loss confirmed by the employer."));
        assertThat(mailbox.awaitText("HARDSHIP_WAIVER_DECISION")).contains("it is approved", "Income loss confirmed by the employer.",
                "will not end");
        JsonNode stored = Http.getJson(port, "/api/members/" + memberId + "/hardship-waivers").get(0);
        assertThat(stored.get("status").asText()).isEqualTo("APPROVED");
        assertThat(stored.get("decidedBy").asText()).isEqualTo("caseworker-lee");
        assertThat(stored.get("decidedAt").isNull()).isFalse();

        time.moveTo(GRACE_OVER);
        processes.awaitReached("months-waived");
        assertThat(coverageEnd()).isEmpty();
        assertThat(mailbox.notices()).as("no termination, and no claim that the premium was paid")
                .doesNotContain("TERMINATION_NOTICE", "PREMIUM_CURED");
    }

    @Test
    void anApprovedWaiverWritesOffTheMonthsPastDueSoALaterUnpaidMonthRunsItsOwnGrace() {
        enrollPaidJanuaryThenFebruaryUnpaid();
        premiums.issue(MARCH);
        long waiver = file("hardship-waivers", "My hours were cut in half this winter.").get("id").asLong();
        decide(awaitTask("decide-hardship-waiver"), "caseworker-lee", Map.of("waiverDecision", "APPROVE", "waiverNote", "Pay stubs show it."));
        assertThat(mailbox.awaitText("HARDSHIP_WAIVER_DECISION")).contains("it is approved", "are waived", "you do not have to pay them")
                .doesNotContain("still owed");

        // March, due February 23, goes unpaid too and ends in February's grace.
        time.moveTo(MARCH_UNPAID);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("PREMIUM_UNPAID") == 2);
        time.moveTo(GRACE_OVER);
        processes.awaitReached("months-waived");

        String reason = "premium waived for hardship (request " + waiver + ", approved January 27, 2027)";
        JsonNode billing = billing();
        assertThat(states(billing)).as("February and March were past due when the grace ended")
                .containsExactly("PAID", "WAIVED", "WAIVED");
        assertThat(billing.get("invoices").get(1).get("cancellationReason").asText()).isEqualTo(reason);
        assertThat(billing.get("balance").decimalValue()).as("nothing past due").isEqualByComparingTo("0.00");
        assertThat(billing.get("nextDue").isNull()).isTrue();
        assertThat(coverageEnd()).isEmpty();
        assertThat(mailbox.notices()).doesNotContain("TERMINATION_NOTICE", "PREMIUM_CURED");

        // April, due March 23 and unpaid, is the oldest unpaid month now: it runs a grace of its own and is warned about.
        premiums.issue(APRIL);
        time.moveTo(APRIL_UNPAID);
        String warning = await().atMost(Duration.ofSeconds(30)).until(() -> mails("PAST_DUE_WARNING"), mails -> mails.size() == 2)
                .get(0).replaceAll("\\s+", " ");
        assertThat(warning).contains("April 2027").doesNotContain("February 2027", "March 2027");
        assertThat(states(billing())).containsExactly("PAID", "WAIVED", "WAIVED", "PAST_DUE");

        // Not paid by the end of April's grace: coverage ends after March, the last month kept.
        time.moveTo(APRIL_GRACE_OVER);
        assertThat(mailbox.awaitText("TERMINATION_NOTICE")).contains("ended on March 31, 2027");
        assertThat(coverageEnd()).contains(LocalDate.of(2027, 3, 31));
        assertThat(states(billing())).as("the waived months stay waived").containsExactly("PAID", "WAIVED", "WAIVED", "CANCELLED");
    }

    @Test
    void aHardshipWaiverDeniedLeavesTheTerminationAsUsual() {
        enrollPaidJanuaryThenFebruaryUnpaid();
        file("hardship-waivers", "Medical bills this winter.");

        decide(awaitTask("decide-hardship-waiver"), "caseworker-lee",
                Map.of("waiverDecision", "DENY", "waiverNote", "Household income is above the hardship limit."));
        assertThat(mailbox.awaitText("HARDSHIP_WAIVER_DECISION")).contains("it is denied", "above the hardship limit", "by the end of your grace period");

        time.moveTo(GRACE_OVER);
        assertThat(mailbox.awaitText("TERMINATION_NOTICE")).contains("ended on January 31, 2027");
        assertThat(coverageEnd()).contains(LocalDate.of(2027, 1, 31));
        assertThat(Http.getJson(port, "/api/members/" + memberId + "/hardship-waivers").get(0).get("status").asText())
                .isEqualTo("DENIED");
    }

    @Test
    void anAppealPendingAtTheEndOfGraceHoldsTheTerminationUntilItIsDenied() {
        enrollPaidJanuaryThenFebruaryUnpaid();
        file("appeals", "I mailed a check on January 20.");
        UserTask task = awaitTask("decide-appeal");
        assertThat(task.getName()).isEqualTo("Decide appeal");

        time.moveTo(GRACE_OVER);
        processes.awaitWaitingAt("appeal-decided");
        assertThat(coverageEnd()).as("held while the appeal waits").isEmpty();
        assertThat(mailbox.notices()).doesNotContain("TERMINATION_NOTICE");

        time.moveTo(Instant.parse("2027-03-10T15:00:00Z"));
        decide(task, "caseworker-kim", Map.of("appealDecision", "DENY", "appealNote", "No check was received or cashed."));
        assertThat(mailbox.awaitText("APPEAL_DECISION")).contains("it is denied", "No check was received or cashed.");
        assertThat(mailbox.awaitText("TERMINATION_NOTICE")).as("retroactive, as without the appeal").contains("ended on January 31, 2027",
                "appeal by April 14, 2027");
        assertThat(coverageEnd()).contains(LocalDate.of(2027, 1, 31));
        JsonNode stored = Http.getJson(port, "/api/members/" + memberId + "/appeals").get(0);
        assertThat(stored.get("status").asText()).isEqualTo("DENIED");
        assertThat(stored.get("decidedBy").asText()).isEqualTo("caseworker-kim");
    }

    @Test
    void anAppealUpheldAfterTheHoldKeepsCoverage() {
        enrollPaidJanuaryThenFebruaryUnpaid();
        file("appeals", "The bank lost my February payment.");
        UserTask task = awaitTask("decide-appeal");
        time.moveTo(GRACE_OVER);
        processes.awaitWaitingAt("appeal-decided");

        decide(task, "caseworker-kim", Map.of("appealDecision", "UPHOLD", "appealNote", "The bank confirmed its error."));
        assertThat(mailbox.awaitText("APPEAL_DECISION")).contains("it is upheld", "The bank confirmed its error.", "coverage continues");
        processes.awaitReached("kept-by-decision");
        assertThat(coverageEnd()).isEmpty();
        assertThat(mailbox.notices()).doesNotContain("TERMINATION_NOTICE");
        assertThat(Http.getJson(port, "/api/members/" + memberId + "/appeals").get(0).get("status").asText()).isEqualTo("UPHELD");
    }

    @Test
    void anAppealUpheldKeepsTheMonthsOwedAndALaterUnpaidMonthRunsItsOwnGraceThatListsThem() {
        enrollPaidJanuaryThenFebruaryUnpaid();
        premiums.issue(MARCH);
        file("appeals", "The bank lost my February payment.");
        decide(awaitTask("decide-appeal"), "caseworker-kim", Map.of("appealDecision", "UPHOLD", "appealNote", "The bank confirmed its error."));
        assertThat(mailbox.awaitText("APPEAL_DECISION")).contains("it is upheld", "coverage continues");

        // March, due February 23, goes unpaid too and ends in February's grace, which the appeal keeps.
        time.moveTo(MARCH_UNPAID);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("PREMIUM_UNPAID") == 2);
        time.moveTo(GRACE_OVER);
        processes.awaitReached("kept-by-decision");
        assertThat(coverageEnd()).isEmpty();
        JsonNode billing = billing();
        assertThat(states(billing)).as("the member was covered: February and March stay owed").containsExactly("PAID", "PAST_DUE", "PAST_DUE");
        assertThat(billing.get("balance").decimalValue()).isEqualByComparingTo("1224.80");

        // April, due March 23 and unpaid, starts a grace of its own; its warning asks for the older months too.
        premiums.issue(APRIL);
        time.moveTo(APRIL_UNPAID);
        String warning = await().atMost(Duration.ofSeconds(30)).until(() -> mails("PAST_DUE_WARNING"), mails -> mails.size() == 2)
                .get(0).replaceAll("\\s+", " ");
        assertThat(warning).contains("February 2027", "March 2027", "April 2027", "1,837.20", "April 30, 2027");

        // Not paid by the end of April's grace: coverage ends after March, the last month the appeal kept.
        time.moveTo(APRIL_GRACE_OVER);
        assertThat(mailbox.awaitText("TERMINATION_NOTICE")).contains("ended on March 31, 2027");
        assertThat(coverageEnd()).contains(LocalDate.of(2027, 3, 31));
        assertThat(states(billing())).as("the kept months stay owed, April is no longer covered")
                .containsExactly("PAID", "PAST_DUE", "PAST_DUE", "CANCELLED");
    }

    @Test
    void anAppealFiledDuringTheGraceAfterAnUpheldOneReachesThatGrace() {
        enrollPaidJanuaryThenFebruaryUnpaid();
        premiums.issue(MARCH);
        file("appeals", "The bank lost my February payment.");
        decide(awaitTask("decide-appeal"), "caseworker-kim", Map.of("appealDecision", "UPHOLD", "appealNote", "The bank confirmed its error."));
        time.moveTo(MARCH_UNPAID);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("PREMIUM_UNPAID") == 2);
        time.moveTo(GRACE_OVER);
        processes.awaitReached("kept-by-decision");

        HttpResponse<String> noGrace = post("appeals", "{\"reason\": \"I disagree.\"}");
        assertThat(noGrace.statusCode()).as("February's grace has concluded and no other runs: " + noGrace.body()).isEqualTo(409);
        assertThat(Http.json(noGrace.body()).get("detail").asText()).contains("whose grace has not concluded");

        premiums.issue(APRIL);
        time.moveTo(APRIL_UNPAID);
        await().atMost(Duration.ofSeconds(30)).until(() -> mails("PAST_DUE_WARNING"), mails -> mails.size() == 2);
        file("appeals", "I paid April at the bank counter.");
        UserTask task = awaitTask("decide-appeal");
        assertThat(variable(task, "firstUnpaidMonth")).as("the grace running now").contains("2027-04");
        assertThat(variable(task, "appealReason")).contains("bank counter");

        decide(task, "caseworker-kim", Map.of("appealDecision", "DENY", "appealNote", "No payment was received."));
        assertThat(mailbox.awaitText("APPEAL_DECISION")).contains("it is denied", "No payment was received.");
        time.moveTo(APRIL_GRACE_OVER);
        assertThat(mailbox.awaitText("TERMINATION_NOTICE")).contains("ended on March 31, 2027");
        assertThat(coverageEnd()).contains(LocalDate.of(2027, 3, 31));
    }

    @Test
    void theApiRefusesARequestWithoutAGracePeriodOrAReason() {
        enrollPaidJanuary();

        HttpResponse<String> notPastDue = post("appeals", "{\"reason\": \"I disagree.\"}");
        assertThat(notPastDue.statusCode()).as(notPastDue.body()).isEqualTo(409);
        assertThat(Http.json(notPastDue.body()).get("detail").asText()).contains("only while a grace period runs");

        HttpResponse<String> noReason = post("hardship-waivers", "{\"reason\": \"   \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(Http.json(noReason.body()).get("errors").get(0).get("field").asText()).isEqualTo("reason");

        HttpResponse<String> tooLong = post("hardship-waivers", "{\"reason\": \"" + "x".repeat(1001) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Http.json(tooLong.body()).get("errors").get(0).get("rule").asText()).contains("at most 1000");

        assertThat(post("appeals", "{\"reason\": \"I disagree.\"}".replace("{", "{\"enrollmentId\": -1, ")).statusCode())
                .isEqualTo(400);
        assertThat(Http.get(port, "/api/members/M-nobody/appeals").statusCode()).isEqualTo(404);
        assertThat(Http.getJson(port, "/api/members/" + memberId + "/appeals")).as("nothing stored").isEmpty();
    }

    @Test
    void aSecondRequestOfAKindWhileOneIsOpenIsRefused() {
        enrollPaidJanuaryThenFebruaryUnpaid();
        long first = file("hardship-waivers", "Lost my job.").get("id").asLong();

        HttpResponse<String> second = post("hardship-waivers", "{\"reason\": \"Lost my job, again.\"}");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(Http.json(second.body()).get("detail").asText()).contains("hardship waiver " + first, "still waiting");
        assertThat(post("appeals", "{\"reason\": \"I disagree.\"}").statusCode()).as("an appeal is another kind").isEqualTo(201);
        assertThat(Http.getJson(port, "/api/members/" + memberId + "/hardship-waivers")).hasSize(1);
    }

    // --- set-up through the member API ---------------------------------------------------------

    private void enrollPaidJanuaryThenFebruaryUnpaid() {
        enrollPaidJanuary();
        premiums.issue(FEBRUARY);
        time.moveTo(FEBRUARY_UNPAID);
        mailbox.awaitMail("PREMIUM_UNPAID");
        // An unsubsidized member's one warning goes at once: the grace period runs.
        mailbox.awaitMail("PAST_DUE_WARNING");
    }

    private void enrollPaidJanuary() {
        EnrolledMember member = EnrolledMember.enroll(context, Program.UNSUBSIDIZED, new Premium(new BigDecimal("612.40"), BigDecimal.ZERO),
                NOW);
        memberId = member.memberId();
        email = member.email();
        mailbox = member.mailbox();
        enrollmentId = member.enrollmentId();
        premiums = new MemberPremiums(context, port, member);
        processes = new MemberProcesses(client, memberId);
        card = new MemberPaymentMethods(port, memberId, mailbox, jdbc, sandbox).addCard("4242424242424242");
        premiums.issue(JANUARY);
        mailbox.awaitMail("PREMIUM_BILL");
        HttpResponse<String> paid = Http.postJson(port, "/api/members/" + memberId + "/payments",
                "{\"paymentMethodId\": " + card + ", \"amount\": \"612.40\"}", memberId + "-january");
        assertThat(paid.statusCode()).as(paid.body()).isBetween(200, 201);
    }

    private HttpResponse<String> post(String kind, String body) {
        return Http.postJson(port, "/api/members/" + memberId + "/" + kind, body);
    }

    private JsonNode file(String kind, String reason) {
        HttpResponse<String> filed = post(kind, "{\"reason\": \"" + reason + "\"}");
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        return Http.json(filed.body());
    }

    // --- what the caseworker does and sees -------------------------------------------------------

    private UserTask awaitTask(String elementId) {
        List<UserTask> tasks = processes.awaitTasks(elementId);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private void decide(UserTask task, String caseworker, Map<String, Object> decision) {
        client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee(caseworker).send().join();
        client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(decision).send().join();
    }

    private String variable(UserTask task, String name) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> client.newVariableSearchRequest()
                .filter(variable -> variable.processInstanceKey(task.getProcessInstanceKey()).name(name))
                .send().join().items().stream().map(variable -> variable.getValue()).findFirst(), Optional::isPresent).orElseThrow();
    }

    // --- what the member sees ------------------------------------------------------------------

    private long count(String template) {
        return mailbox.notices().stream().filter(template::equals).count();
    }

    /** The texts of the member's e-mails of a template, newest first. */
    private List<String> mails(String template) {
        List<String> subjects = jdbc.queryForList("select distinct subject from premiumflow.notice where member_id = ? and template = ?",
                String.class, memberId, template);
        return mail.messagesNewestFirst().stream()
                .filter(message -> message.to().contains(email) && subjects.contains(message.subject()))
                .map(message -> message.text().orElseThrow()).toList();
    }

    private JsonNode billing() {
        return Http.getJson(port, "/api/members/" + memberId + "/billing");
    }

    private static List<String> states(JsonNode billing) {
        return StreamSupport.stream(billing.get("invoices").spliterator(), false).map(line -> line.get("state").asText()).toList();
    }

    private Optional<LocalDate> coverageEnd() {
        return enrollments.findById(enrollmentId).orElseThrow().coverageEnd();
    }
}
