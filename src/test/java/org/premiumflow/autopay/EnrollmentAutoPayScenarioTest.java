package org.premiumflow.autopay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.embedded.mail.EmbeddedSmtpServer;
import org.premiumflow.embedded.mail.OutboxMessage;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.notification.NoticeRequest;
import org.premiumflow.notification.NoticeTemplate;
import org.premiumflow.notification.Notices;
import org.premiumflow.payment.gateway.sandbox.SandboxPaymentGateway;
import org.premiumflow.paymentmethod.VerificationWorkers;
import org.premiumflow.support.BusinessTime;
import org.premiumflow.support.EnrolledMember;
import org.premiumflow.support.Http;
import org.premiumflow.support.MemberMailbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The payment set-up process end to end, as a member and a caseworker live it: the member API,
 * the real Camunda client and job workers on the embedded engine, embedded PostgreSQL, the
 * sandbox processor, and the mail members receive, caught by the embedded SMTP server. Time is
 * moved by pinning the business clock and the engine's clock together.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "premiumflow.embedded.postgres.ephemeral=true",
        "premiumflow.payment-methods.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class EnrollmentAutoPayScenarioTest {

    /** The Friday after Thanksgiving 2026, 10:00 in Boston. */
    static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");
    static final String ROUTING = "011000015";
    static final String ACCOUNT = "000123456789";
    static final String VISA = "4242424242424242";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    CamundaClient client;
    @Autowired
    ExchangeClock clock;
    @Autowired
    EmbeddedSmtpServer mail;
    @Autowired
    SandboxPaymentGateway sandbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    VerificationWorkers verificationWorkers;
    @Autowired
    Notices notices;

    BusinessTime time;
    MemberMailbox mailbox;
    String memberId;
    String email;

    @BeforeEach
    void memberWithAnEnrollmentFromJanuary() {
        time = new BusinessTime(clock, client);
        time.moveTo(NOW);
        EnrolledMember member = EnrolledMember.enroll(context, Program.APTC_ONLY,
                new Premium(new BigDecimal("612.40"), new BigDecimal("401.15")), NOW);
        memberId = member.memberId();
        email = member.email();
        mailbox = member.mailbox();
    }

    @AfterEach
    void resetClocks() {
        time.reset();
    }

    @Test
    void aBankAccountIsVerifiedByMicroDepositsAndAutoPayIsConfirmedWithItsFirstDraftDate(CapturedOutput log) {
        JsonNode method = addBankAccount(ACCOUNT, true);
        assertThat(method.get("status").asText()).isEqualTo("PENDING_VERIFICATION");
        assertThat(method.get("description").asText()).isEqualTo("Checking account ending 6789");
        long methodId = method.get("id").asLong();

        OutboxMessage deposits = mailbox.awaitMail("MICRO_DEPOSITS_SENT");
        assertThat(deposits.text().orElseThrow()).contains("Checking account ending 6789").contains("ACCTVERIFY")
                .contains("December 7, 2026");

        List<BigDecimal> amounts = sandbox.microDepositAmounts(processorReference(methodId));
        HttpResponse<String> confirmed = confirm(methodId, amounts.get(1), amounts.get(0));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(Http.json(confirmed.body()).get("result").asText()).isEqualTo("VERIFIED");

        OutboxMessage confirmation = mailbox.awaitMail("AUTOPAY_CONFIRMATION");
        // Three banking days from Friday Nov 27 is Wednesday Dec 2; January's premium is due Dec 23.
        assertThat(confirmation.text().orElseThrow()).contains("Checking account ending 6789").contains("December 23, 2026")
                .contains("January 2027").doesNotContain("123456789");
        JsonNode mandate = Http.getJson(port, "/api/members/" + memberId + "/autopay").get(0);
        assertThat(mandate.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(mandate.get("paymentMethodId").asLong()).isEqualTo(methodId);
        assertThat(mandate.get("firstDraftDate").asText()).isEqualTo("2026-12-23");
        assertThat(mandate.get("authorizedBy").asText()).isEqualTo("Rosa Diaz");
        assertThat(auditTrail(methodId)).containsExactly("ADDED by member", "MICRO_DEPOSITS_SENT by system", "VERIFIED by member");
        assertThat(storedAccountNumber(methodId)).startsWith("v1:").doesNotContain("123456789");
        assertThat(log.getAll()).as("no account number or e-mail address in the log").doesNotContain("123456789").doesNotContain(email);
    }

    @Test
    void aCardIsVerifiedByAZeroAmountAuthorizationAndOnlyItsTokenIsKept(CapturedOutput log) {
        JsonNode method = addCard(VISA, "2029-08", true);
        assertThat(method.get("description").asText()).isEqualTo("Visa card ending 4242");

        OutboxMessage confirmation = mailbox.awaitMail("AUTOPAY_CONFIRMATION");
        assertThat(confirmation.text().orElseThrow()).contains("Visa card ending 4242").contains("December 23, 2026");
        assertThat(Http.getJson(port, "/api/members/" + memberId + "/payment-methods").get(0).get("status").asText())
                .isEqualTo("VERIFIED");
        String row = jdbc.queryForObject("select row_to_json(m)::text from premiumflow.payment_method m where member_id = ?", String.class, memberId);
        assertThat(row).doesNotContain(VISA).contains("tok_");
        assertThat(log.getAll()).doesNotContain(VISA).doesNotContain("424242424242");
    }

    @Test
    void aDeclinedCardIsRejectedAndTheMemberIsToldWhy() {
        addCard("4000000000070005", "2029-08", true);

        OutboxMessage rejected = mailbox.awaitMail("PAYMENT_METHOD_REJECTED");
        assertThat(rejected.text().orElseThrow()).contains("Visa card ending 0005").contains("declined");
        assertThat(Http.getJson(port, "/api/members/" + memberId + "/payment-methods").get(0).get("status").asText())
                .isEqualTo("FAILED");
        assertThat(Http.getJson(port, "/api/members/" + memberId + "/autopay").get(0).get("status").asText())
                .as("the request ended with its method").isEqualTo("WITHDRAWN");

        addCard(VISA, "2029-08", true);
        assertThat(mailbox.awaitMail("AUTOPAY_CONFIRMATION").text().orElseThrow()).contains("Visa card ending 4242");
    }

    @Test
    void aLateConfirmationAboutAnotherMethodDoesNotVerifyTheOneWaiting() {
        long methodId = addBankAccount(ACCOUNT, true).get("id").asLong();
        mailbox.awaitMail("MICRO_DEPOSITS_SENT");

        // As if the confirmation of an earlier method reached the cluster only now.
        client.newPublishMessageCommand().messageName("micro-deposits-confirmed").correlationKey(memberId)
                .variables(Map.of("confirmedMethodId", methodId + 1000, "verificationOutcome", "CONFIRMED"))
                .send().join();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> !mailbox.notices().contains("AUTOPAY_CONFIRMATION"));

        List<BigDecimal> amounts = sandbox.microDepositAmounts(processorReference(methodId));
        confirm(methodId, amounts.get(0), amounts.get(1));
        mailbox.awaitMail("AUTOPAY_CONFIRMATION");
    }

    @Test
    void threeWrongConfirmationsGoToACaseworkerWhoApprovesTheAccount() {
        long methodId = addBankAccount(ACCOUNT, true).get("id").asLong();
        mailbox.awaitMail("MICRO_DEPOSITS_SENT");

        assertWrong(confirm(methodId, new BigDecimal("0.01"), new BigDecimal("0.02")), "WRONG_AMOUNTS", 2);
        assertWrong(confirm(methodId, new BigDecimal("0.01"), new BigDecimal("0.02")), "WRONG_AMOUNTS", 1);
        assertWrong(confirm(methodId, new BigDecimal("0.01"), new BigDecimal("0.02")), "LOCKED", 0);
        List<BigDecimal> amounts = sandbox.microDepositAmounts(processorReference(methodId));
        assertThat(confirm(methodId, amounts.get(0), amounts.get(1)).statusCode())
                .as("even the right amounts are too late once locked").isEqualTo(409);

        OutboxMessage failed = mailbox.awaitMail("VERIFICATION_FAILED");
        assertThat(failed.text().orElseThrow()).contains("Checking account ending 6789");
        UserTask review = awaitReviewTask();
        assertThat(review.getCandidateGroups()).containsExactly("caseworkers");
        assertThat(client.newUserTaskGetFormRequest(review.getUserTaskKey()).send().join().getFormId())
                .isEqualTo("payment-method-review");
        client.newAssignUserTaskCommand(review.getUserTaskKey()).assignee("casey.caseworker").send().join();
        client.newCompleteUserTaskCommand(review.getUserTaskKey())
                .variables(Map.of("reviewDecision", "APPROVE", "reviewNote", "Called the member back; bank letter on file"))
                .send().join();

        mailbox.awaitMail("AUTOPAY_CONFIRMATION");
        assertThat(auditTrail(methodId)).containsExactly("ADDED by member", "MICRO_DEPOSITS_SENT by system",
                "WRONG_MICRO_DEPOSIT_AMOUNTS by member", "WRONG_MICRO_DEPOSIT_AMOUNTS by member",
                "WRONG_MICRO_DEPOSIT_AMOUNTS by member", "VERIFIED by caseworker casey.caseworker");
    }

    @Test
    void unconfirmedDepositsRemindTheMemberThenExpireAndACaseworkerRejectsTheAccount() {
        long methodId = addBankAccount(ACCOUNT, false).get("id").asLong();
        mailbox.awaitMail("MICRO_DEPOSITS_SENT");

        time.moveTo(NOW.plus(Duration.ofDays(5)).minusSeconds(60));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> !mailbox.notices().contains("MICRO_DEPOSIT_REMINDER"));
        time.moveTo(NOW.plus(Duration.ofDays(5)));
        assertThat(mailbox.awaitMail("MICRO_DEPOSIT_REMINDER").text().orElseThrow()).contains("December 7, 2026");

        // The member was told "by December 7": the deposits expire when that day ends in Boston.
        time.moveTo(Instant.parse("2026-12-08T04:59:00Z"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> !mailbox.notices().contains("VERIFICATION_FAILED"));
        time.moveTo(Instant.parse("2026-12-08T05:00:00Z"));
        mailbox.awaitMail("VERIFICATION_FAILED");
        List<BigDecimal> amounts = sandbox.microDepositAmounts(processorReference(methodId));
        assertThat(confirm(methodId, amounts.get(0), amounts.get(1)).statusCode()).as("expired").isEqualTo(409);

        UserTask review = awaitReviewTask();
        client.newCompleteUserTaskCommand(review.getUserTaskKey())
                .variables(Map.of("reviewDecision", "REJECT", "reviewNote", "No answer on call-back"))
                .send().join();

        OutboxMessage rejected = mailbox.awaitMail("PAYMENT_METHOD_REJECTED");
        assertThat(rejected.text().orElseThrow()).doesNotContain("No answer on call-back");
        assertThat(Http.getJson(port, "/api/members/" + memberId + "/payment-methods").get(0).get("status").asText())
                .isEqualTo("FAILED");
        assertThat(auditTrail(methodId)).contains("MICRO_DEPOSITS_EXPIRED by system")
                .last().isEqualTo("VERIFICATION_FAILED by caseworker (unassigned)");
    }

    @Test
    void aNewMethodTakesOverAnActiveAutoPayOnlyOnceVerifiedAndTheMemberIsToldOfTheChange() {
        long first = addBankAccount(ACCOUNT, true).get("id").asLong();
        mailbox.awaitMail("MICRO_DEPOSITS_SENT");
        List<BigDecimal> amounts = sandbox.microDepositAmounts(processorReference(first));
        confirm(first, amounts.get(0), amounts.get(1));
        mailbox.awaitMail("AUTOPAY_CONFIRMATION");

        long second = addBankAccount("000987654321", true).get("id").asLong();
        await().until(() -> mailbox.notices().stream().filter("MICRO_DEPOSITS_SENT"::equals).count() == 2);
        JsonNode pending = Http.getJson(port, "/api/members/" + memberId + "/autopay");
        assertThat(pending).extracting(m -> m.get("paymentMethodId").asLong() + " " + m.get("status").asText())
                .as("the old method keeps drafting until the new one is verified")
                .containsExactly(first + " ACTIVE", second + " REQUESTED");

        // As the member would: read the two credits on the new account's statement.
        JsonNode statement = Http.getJson(port, "/sandbox/bank-statement?routingNumber=" + ROUTING + "&lastFour=4321");
        assertThat(statement).extracting(credit -> credit.get("description").asText()).containsExactly("ACCTVERIFY", "ACCTVERIFY");
        confirm(second, statement.get(0).get("amount").decimalValue(), statement.get(1).get("amount").decimalValue());

        OutboxMessage changed = mailbox.awaitMail("AUTOPAY_METHOD_CHANGED");
        assertThat(changed.text().orElseThrow()).contains("Checking account ending 6789").contains("Checking account ending 4321");
        JsonNode after = Http.getJson(port, "/api/members/" + memberId + "/autopay");
        assertThat(after).extracting(m -> m.get("paymentMethodId").asLong() + " " + m.get("status").asText())
                .containsExactly(first + " REPLACED", second + " ACTIVE");
        assertThat(after.get(0).get("draftsBefore").asText()).as("the old method drafts until the new one's first draft")
                .isEqualTo(after.get(1).get("firstDraftDate").asText());
    }

    @Test
    void aJobDeliveredTwiceSendsNoSecondDepositsAndNoSecondMail() {
        long methodId = addBankAccount(ACCOUNT, false).get("id").asLong();
        OutboxMessage deposits = mailbox.awaitMail("MICRO_DEPOSITS_SENT");
        String reference = processorReference(methodId);
        List<BigDecimal> amounts = sandbox.microDepositAmounts(reference);
        int mails = mail.messagesNewestFirst().size();
        int depositsSent = count("sandbox_micro_deposits");

        // The same jobs again, as a worker whose completion was lost would get them: once after the
        // first delivery committed, once as if it had crashed between the processor's answer and its commit.
        Map<String, Object> again = verificationWorkers.sendMicroDeposits(methodId);
        assertThat(verificationWorkers.sendMicroDeposits(methodId)).isEqualTo(again);
        jdbc.update("delete from premiumflow.micro_deposit_verification where payment_method_id = ?", methodId);
        assertThat(verificationWorkers.sendMicroDeposits(methodId)).containsEntry("microDeposits", "SENT");
        notices.send(new NoticeRequest(memberId, NoticeTemplate.MICRO_DEPOSITS_SENT, "method-" + methodId,
                Map.of("method", "Checking account ending 6789", "confirmByDate", again.get("confirmByDate"))));

        assertThat(again).containsEntry("microDeposits", "SENT");
        assertThat(processorReference(methodId)).isEqualTo(reference);
        assertThat(sandbox.microDepositAmounts(reference)).isEqualTo(amounts);
        assertThat(count("sandbox_micro_deposits")).isEqualTo(depositsSent);
        assertThat(mail.messagesNewestFirst()).hasSize(mails);
        assertThat(deposits.to()).isEqualTo(email);
    }

    @Test
    void autoPayOnAMethodVerifiedEarlierIsActiveAtOnce() {
        long methodId = addCard(VISA, "2029-08", false).get("id").asLong();
        assertThat(mailbox.awaitMail("PAYMENT_METHOD_VERIFIED").text().orElseThrow()).contains("Visa card ending 4242");

        HttpResponse<String> requested = Http.postJson(port, "/api/members/" + memberId + "/autopay",
                "{\"paymentMethodId\": " + methodId + ", \"authorizedBy\": \"Rosa Diaz\", \"agreedToTerms\": true}");

        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        assertThat(Http.json(requested.body()).get("status").asText()).as("verified before: active at once").isEqualTo("ACTIVE");
        assertThat(mailbox.awaitMail("AUTOPAY_CONFIRMATION").text().orElseThrow()).contains("December 23, 2026");
        assertThat(auditTrail(methodId)).as("verified once, by the card authorization")
                .containsExactly("ADDED by member", "VERIFIED by processor");
        assertThat(Http.postJson(port, "/api/members/" + memberId + "/autopay",
                "{\"paymentMethodId\": " + methodId + ", \"authorizedBy\": \"Rosa Diaz\", \"agreedToTerms\": true}")
                .statusCode()).as("already drafting from it").isEqualTo(409);
    }

    @Test
    void anOperatorCanStartTheSetUpForAMemberThroughTheApiAndItChangesNothingThatIsDone() {
        long methodId = addCard(VISA, "2029-08", false).get("id").asLong();
        mailbox.awaitMail("PAYMENT_METHOD_VERIFIED");
        int mails = mail.messagesNewestFirst().size();

        long instance = client.newCreateInstanceCommand().bpmnProcessId("enrollment-autopay").latestVersion()
                .variables(Map.of("memberId", memberId, "paymentMethodId", methodId))
                .send().join().getProcessInstanceKey();

        await().atMost(Duration.ofSeconds(30)).until(() -> client.newProcessInstanceGetRequest(instance).send().join()
                .getState().name(), "COMPLETED"::equals);
        assertThat(mail.messagesNewestFirst()).as("the member was told before").hasSize(mails);
    }

    @Test
    void invalidDetailsAreRefusedNamingTheFieldAndNothingIsStored() {
        int methodsBefore = count("payment_method");
        int messagesBefore = count("workflow_message");

        assertInvalid(Http.postJson(port, path(), bankJson("011000016", ACCOUNT, false)), "routingNumber", "check digit");
        assertInvalid(Http.postJson(port, path(), cardJson("4242424242424241", "2029-08", false)), "cardNumber", "Luhn");
        assertInvalid(Http.postJson(port, path(), cardJson(VISA, "2026-10", false)), "expiry", "expired");
        assertInvalid(Http.postJson(port, path(), cardJson(VISA, "2029-08", true)
                .replace("\"agreedToTerms\": true", "\"agreedToTerms\": false")), "agreedToTerms", "must be true");
        HttpResponse<String> twoMistakes = Http.postJson(port, path(), bankJson("12345", "12", false));
        assertThat(Http.json(twoMistakes.body()).get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("routingNumber", "accountNumber");

        assertThat(count("payment_method")).isEqualTo(methodsBefore);
        assertThat(count("workflow_message")).isEqualTo(messagesBefore);
        assertThat(Http.getJson(port, "/api/members/" + memberId + "/payment-methods")).isEmpty();
        assertThat(Http.postJson(port, "/api/members/M-NOBODY/payment-methods", bankJson(ROUTING, ACCOUNT, false)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void cancellingAutoPayEndsTheMandateAndConfirmsItByMail() {
        addCard(VISA, "2029-08", true);
        mailbox.awaitMail("AUTOPAY_CONFIRMATION");

        HttpResponse<String> cancelled = Http.delete(port, "/api/members/" + memberId + "/autopay");

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(Http.json(cancelled.body()).get(0).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(mailbox.awaitMail("AUTOPAY_CANCELLED").text().orElseThrow()).contains("Visa card ending 4242");
        assertThat(Http.delete(port, "/api/members/" + memberId + "/autopay").statusCode()).isEqualTo(409);
    }

    // --- the member's side -------------------------------------------------------------------

    private String path() {
        return "/api/members/" + memberId + "/payment-methods";
    }

    private JsonNode addBankAccount(String accountNumber, boolean autopay) {
        HttpResponse<String> response = Http.postJson(port, path(), bankJson(ROUTING, accountNumber, autopay));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response.body());
    }

    private JsonNode addCard(String number, String expiry, boolean autopay) {
        HttpResponse<String> response = Http.postJson(port, path(), cardJson(number, expiry, autopay));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response.body());
    }

    private static String bankJson(String routing, String account, boolean autopay) {
        return """
                {"type": "BANK_ACCOUNT", "accountType": "CHECKING", "nameOnAccount": "Rosa Diaz",
                 "routingNumber": "%s", "accountNumber": "%s"%s}""".formatted(routing, account, autopay ? AUTOPAY : "");
    }

    private static String cardJson(String number, String expiry, boolean autopay) {
        return """
                {"type": "CARD", "cardNumber": "%s", "expiry": "%s"%s}""".formatted(number, expiry, autopay ? AUTOPAY : "");
    }

    private static final String AUTOPAY = """
            , "autopay": {"authorizedBy": "Rosa Diaz", "agreedToTerms": true}""";

    private HttpResponse<String> confirm(long methodId, BigDecimal first, BigDecimal second) {
        return Http.postJson(port, path() + "/" + methodId + "/micro-deposit-confirmation",
                "{\"amounts\": [\"" + first.toPlainString() + "\", \"" + second.toPlainString() + "\"]}");
    }

    private void assertWrong(HttpResponse<String> response, String result, int attemptsLeft) {
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = Http.json(response.body());
        assertThat(body.get("result").asText()).isEqualTo(result);
        assertThat(body.get("attemptsLeft").asInt()).isEqualTo(attemptsLeft);
    }

    private void assertInvalid(HttpResponse<String> response, String field, String rule) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).doesNotContain(ACCOUNT).doesNotContain("4242424242424241");
        assertThat(Http.json(response.body()).get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("rule").asText()).contains(rule);
        });
    }

    // --- what the member receives, what a caseworker sees, what is stored ------------------------

    private UserTask awaitReviewTask() {
        return await().atMost(Duration.ofSeconds(30)).until(() -> client.newVariableSearchRequest()
                .filter(variable -> variable.name("memberId")).send().join().items().stream()
                .filter(variable -> variable.getValue().equals("\"" + memberId + "\""))
                .flatMap(variable -> client.newUserTaskSearchRequest()
                        .filter(task -> task.processInstanceKey(variable.getProcessInstanceKey())
                                .elementId("review-verification").state(UserTaskState.CREATED))
                        .send().join().items().stream())
                .findFirst().orElse(null), task -> task != null);
    }

    private String processorReference(long methodId) {
        return jdbc.queryForObject("select processor_reference from premiumflow.micro_deposit_verification where payment_method_id = ?",
                String.class, methodId);
    }

    private String storedAccountNumber(long methodId) {
        return jdbc.queryForObject("select account_number_encrypted from premiumflow.payment_method where id = ?", String.class, methodId);
    }

    private List<String> auditTrail(long methodId) {
        return jdbc.queryForList("select event || ' by ' || actor from premiumflow.payment_method_event where payment_method_id = ? order by id",
                String.class, methodId);
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from premiumflow." + table, Integer.class);
    }

}
