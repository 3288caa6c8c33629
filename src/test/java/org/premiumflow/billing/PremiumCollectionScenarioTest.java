package org.premiumflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A month's premium collected end to end on the embedded engine: the bill, the reminder, the
 * AutoPay draft on its date, the bank's answer, the receipt, or the hand-over to payment recovery
 * or a caseworker;
 * time moved on the business clock and the engine's clock together.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "premiumflow.embedded.postgres.ephemeral=true",
        "premiumflow.payment-methods.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class PremiumCollectionScenarioTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");
    /** January's reminder: five days before its due date (Dec 23), 9:00 in Boston. */
    static final Instant REMINDER = Instant.parse("2026-12-18T14:00:00Z");
    /** January's draft date, 6:00 in Boston. */
    static final Instant DRAFT = Instant.parse("2026-12-23T11:00:00Z");
    static final YearMonth JANUARY = YearMonth.of(2027, 1);

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
    Enrollments enrollments;
    @Autowired
    Invoicing invoicing;
    @Autowired
    Ledger ledger;
    @Autowired
    SettlementCheck settlements;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    BusinessTime time;
    MemberMailbox mailbox;
    MemberPaymentMethods paymentMethods;
    String memberId;
    String email;
    long enrollmentId;

    @BeforeEach
    void memberEnrolledFromJanuary() {
        time = new BusinessTime(clock, client);
        time.moveTo(NOW);
        EnrolledMember member = EnrolledMember.enroll(context, Program.APTC_ONLY,
                new Premium(new BigDecimal("612.40"), new BigDecimal("401.15")), NOW);
        memberId = member.memberId();
        email = member.email();
        mailbox = member.mailbox();
        enrollmentId = member.enrollmentId();
        paymentMethods = new MemberPaymentMethods(port, memberId, mailbox, jdbc, sandbox);
    }

    @AfterEach
    void resetClocks() {
        time.reset();
    }

    @Test
    void autoPayDraftsTheCardOnTheDraftDateAndTheMemberGetsBillReminderAndReceipt() {
        paymentMethods.addCardWithAutoPay("4242424242424242");
        issueJanuary();
        assertThat(mailbox.awaitMail("PREMIUM_BILL").text().orElseThrow()).contains("Visa card ending 4242").contains("December 23, 2026");

        time.moveTo(REMINDER);
        assertThat(mailbox.awaitMail("PAYMENT_REMINDER").text().orElseThrow()).contains("AutoPay");
        time.moveTo(DRAFT);

        assertThat(mailbox.awaitMail("PAYMENT_RECEIPT").text().orElseThrow()).contains("$211.25").contains("Visa card ending 4242");
        assertThat(ledger.payments(memberId)).singleElement()
                .satisfies(payment -> assertThat(payment.channel()).isEqualTo(Payment.Channel.AUTOPAY));
        assertThat(januaryOpen()).isEqualTo("0.00");
    }

    @Test
    void aBankDebitThatComesBackLeavesTheMonthUnpaidAndGoesToPaymentRecovery() {
        paymentMethods.addBankAccountWithAutoPay("999000000001");
        issueJanuary();
        mailbox.awaitMail("PREMIUM_BILL");
        time.moveTo(DRAFT);
        await().atMost(Duration.ofSeconds(30)).until(() -> !ledger.payments(memberId).isEmpty());
        assertThat(januaryOpen()).as("a pending debit counts as paying").isEqualTo("0.00");

        // Wednesday Dec 23 + two banking days (Christmas is a holiday): the return comes on Monday Dec 28.
        time.moveTo(Instant.parse("2026-12-28T15:00:00Z"));
        settlements.checkNow();

        // Recovery (PaymentRecoveryScenarioTest) tells the member and tries again; no caseworker yet.
        assertThat(mailbox.awaitMail("PAYMENT_FAILED").text().orElseThrow()).contains("(code R01)")
                .contains("We will try the payment again on January 2, 2027");
        assertThat(januaryOpen()).isEqualTo("211.25");
        assertThat(mailbox.notices()).doesNotContain("PREMIUM_UNPAID");
        assertThat(openTasks("review-return")).as("no caseworker review").isZero();
    }

    @Test
    void aDebitThatSettledAndComesBackLaterReopensTheMonthAfterTheReceipt() {
        paymentMethods.addBankAccountWithAutoPay("999000000010");
        issueJanuary();
        mailbox.awaitMail("PREMIUM_BILL");
        time.moveTo(DRAFT);
        await().atMost(Duration.ofSeconds(30)).until(() -> !ledger.payments(memberId).isEmpty());
        time.moveTo(Instant.parse("2026-12-28T15:00:00Z"));
        settlements.checkNow();
        mailbox.awaitMail("PAYMENT_RECEIPT");

        // An unauthorized-debit return (R10) comes weeks after settlement, within Nacha's 60 days.
        time.moveTo(Instant.parse("2027-01-12T15:00:00Z"));
        settlements.checkNow();

        assertThat(mailbox.awaitMail("PAYMENT_FAILED").text().orElseThrow()).contains("(code R10)");
        assertThat(januaryOpen()).isEqualTo("211.25");
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> openTasks("review-return"), count -> count > 0))
                .as("unauthorized returns are reviewed by a caseworker").isEqualTo(1);
    }

    @Test
    void aPartPaymentLeavesTheRestDueAndTheMemberIsToldAtTheDueDate() {
        long card = paymentMethods.addCard("4242424242424242");
        issueJanuary();
        mailbox.awaitMail("PREMIUM_BILL");
        Http.postJson(port, "/api/members/" + memberId + "/payments",
                "{\"paymentMethodId\": " + card + ", \"amount\": \"100.00\"}", "part");

        time.moveTo(REMINDER);
        assertThat(mailbox.awaitMail("PAYMENT_REMINDER").text().orElseThrow()).contains("$111.25");
        time.moveTo(Instant.parse("2026-12-24T05:00:00Z"));

        assertThat(mailbox.awaitMail("PREMIUM_UNPAID").text().orElseThrow()).contains("$111.25");
        // A binder not paid in full: coverage never begins, January is owed no more and the part paid is credit.
        mailbox.awaitMail("TERMINATION_NOTICE");
        assertThat(ledger.invoices(memberId).get(0).cancelled()).isTrue();
        assertThat(Http.getJson(port, "/api/members/" + memberId + "/billing").get("credit").decimalValue())
                .isEqualByComparingTo("100.00");
    }

    @Test
    void anOverpaymentPaysTheNextMonthWhichThenHasNothingToCollect() {
        long card = paymentMethods.addCard("4242424242424242");
        issueJanuary();
        mailbox.awaitMail("PREMIUM_BILL");
        Http.postJson(port, "/api/members/" + memberId + "/payments",
                "{\"paymentMethodId\": " + card + ", \"amount\": \"422.50\"}", "over");
        transactions.executeWithoutResult(status -> enrollments.findById(enrollmentId).orElseThrow()
                .premiumFrom(YearMonth.of(2027, 2), new Premium(new BigDecimal("612.40"), new BigDecimal("401.15"))));

        transactions.executeWithoutResult(status ->
                invoicing.issue(enrollments.findById(enrollmentId).orElseThrow(), YearMonth.of(2027, 2)));

        assertThat(ledger.invoices(memberId)).extracting(invoice -> invoice.open().toPlainString()).containsExactly("0.00", "0.00");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> mailbox.notices().stream().filter("PREMIUM_BILL"::equals).count() == 1);
    }

    @Test
    void aPaymentBeforeTheDueDatePaysTheMonthAndNoReminderIsSent() {
        long card = paymentMethods.addCard("4242424242424242");
        issueJanuary();
        assertThat(mailbox.awaitMail("PREMIUM_BILL").text().orElseThrow()).contains("December 23, 2026");

        HttpResponse<String> paid = Http.postJson(port, "/api/members/" + memberId + "/payments",
                "{\"paymentMethodId\": " + card + ", \"amount\": \"211.25\"}", "pay-january");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        time.moveTo(REMINDER);

        mailbox.awaitMail("PAYMENT_RECEIPT");
        assertThat(mailbox.notices()).doesNotContain("PAYMENT_REMINDER");
    }

    @Test
    void aMemberOnAutoPayWhoPaysByHandIsNeverDraftedForTheSameMonth() {
        long card = paymentMethods.addCardWithAutoPay("4242424242424242");
        issueJanuary();
        mailbox.awaitMail("PREMIUM_BILL");
        time.moveTo(REMINDER);
        mailbox.awaitMail("PAYMENT_REMINDER");

        Http.postJson(port, "/api/members/" + memberId + "/payments",
                "{\"paymentMethodId\": " + card + ", \"amount\": \"211.25\"}", "pay-by-hand");
        time.moveTo(DRAFT);

        mailbox.awaitMail("PAYMENT_RECEIPT");
        assertThat(ledger.payments(memberId)).singleElement()
                .satisfies(payment -> assertThat(payment.channel()).isEqualTo(Payment.Channel.ONE_TIME));
    }

    @Test
    void aFirstPremiumUnpaidWhenTheDueDateEndsMeansCoverageNeverBegins() {
        paymentMethods.addCard("4242424242424242");
        issueJanuary();
        mailbox.awaitMail("PREMIUM_BILL");
        time.moveTo(REMINDER);
        mailbox.awaitMail("PAYMENT_REMINDER");

        time.moveTo(Instant.parse("2026-12-24T05:00:00Z"));

        assertThat(mailbox.awaitMail("PREMIUM_UNPAID").text().orElseThrow()).contains("not paid in full by the due date");
        // The binder was never paid: the grace period's decision gives no grace and coverage never starts.
        assertThat(mailbox.awaitText("TERMINATION_NOTICE"))
                .contains("ended on December 31, 2026", "your coverage did not begin");
        assertThat(openTasks("review-return")).as("no caseworker review").isZero();
    }

    // --- set-up through the member API ---------------------------------------------------------

    private void issueJanuary() {
        transactions.executeWithoutResult(status -> invoicing.issue(enrollments.findById(enrollmentId).orElseThrow(), JANUARY));
    }

    // --- what the member receives and what is stored ----------------------------------------------

    private String januaryOpen() {
        return ledger.invoices(memberId).get(0).open().toPlainString();
    }

    /** The member's open user tasks at this element, in the collection or in a recovery it called. */
    private long openTasks(String elementId) {
        return client.newVariableSearchRequest()
                .filter(variable -> variable.name("memberId"))
                // Every process of every test in this context holds a memberId: the default page of 100 falls short.
                .page(page -> page.limit(10_000)).send().join().items().stream()
                .filter(variable -> variable.getValue().equals("\"" + memberId + "\""))
                .map(variable -> variable.getProcessInstanceKey()).distinct()
                .mapToLong(instance -> client.newUserTaskSearchRequest()
                        .filter(task -> task.processInstanceKey(instance).elementId(elementId).state(UserTaskState.CREATED))
                        .send().join().items().size())
                .sum();
    }

}
