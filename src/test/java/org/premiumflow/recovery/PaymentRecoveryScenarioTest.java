package org.premiumflow.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.Job;
import io.camunda.client.api.search.response.UserTask;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.premiumflow.billing.InvoiceCancellations;
import org.premiumflow.billing.InvoiceStatus;
import org.premiumflow.billing.Invoicing;
import org.premiumflow.billing.Ledger;
import org.premiumflow.billing.Payment;
import org.premiumflow.billing.SettlementCheck;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.embedded.mail.EmbeddedSmtpServer;
import org.premiumflow.embedded.mail.OutboxMessage;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.payment.gateway.sandbox.SandboxPaymentGateway;
import org.premiumflow.support.BusinessTime;
import org.premiumflow.support.EnrolledMember;
import org.premiumflow.support.Http;
import org.premiumflow.support.MemberMailbox;
import org.premiumflow.support.MemberPaymentMethods;
import org.premiumflow.support.MemberProcesses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A failed AutoPay payment recovered, or not, end to end on the embedded engine: the collection
 * hands the failure to payment recovery, which decides by the retry policy, tells the member, acts
 * on the payment method and tries again on the day it said. Time moves on the business clock and
 * the engine's clock together; what is checked is what the member is sent and what the processor
 * was asked to charge.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "premiumflow.embedded.postgres.ephemeral=true",
        "premiumflow.payment-methods.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class PaymentRecoveryScenarioTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");
    /** January's draft date, Wednesday December 23, 6:00 in Boston. */
    static final Instant DRAFT = Instant.parse("2026-12-23T11:00:00Z");
    static final YearMonth JANUARY = YearMonth.of(2027, 1);
    static final String WILL_TRY_AGAIN = "We will try the payment again on";
    static final String CARD_TRIED_AGAIN = "We will try your card again on";

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
    RecoveryWorkers workers;
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
    MemberProcesses processes;

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
        processes = new MemberProcesses(client, memberId);
    }

    @AfterEach
    void resetClocks() {
        time.reset();
    }

    @Test
    void insufficientFundsAreDebitedTwiceMoreThenTheCaseGoesToTheGracePeriod() {
        paymentMethods.addBankAccountWithAutoPay("999000000001");
        issueJanuary();
        time.moveTo(DRAFT);
        awaitDebits(1);

        // Wednesday Dec 23 + two banking days (Christmas is a holiday): returned on Monday Dec 28.
        time.moveTo(Instant.parse("2026-12-28T15:00:00Z"));
        settlements.checkNow();
        assertThat(awaitFailureNotice(1)).contains("Checking account ending 0001", "$211.25", "(code R01)",
                WILL_TRY_AGAIN + " January 2, 2027");

        // The retry goes at 6:00 on the day named; a Saturday, so the debit takes effect on Monday Jan 4.
        time.moveTo(Instant.parse("2027-01-02T11:01:00Z"));
        awaitDebits(2);
        time.moveTo(Instant.parse("2027-01-06T15:00:00Z"));
        settlements.checkNow();
        assertThat(awaitFailureNotice(2)).contains("(code R01)", WILL_TRY_AGAIN + " January 11, 2027");

        time.moveTo(Instant.parse("2027-01-11T11:01:00Z"));
        awaitDebits(3);
        time.moveTo(Instant.parse("2027-01-13T15:00:00Z"));
        settlements.checkNow();
        assertThat(awaitFailureNotice(3)).contains("(code R01)", "Please pay this premium in your Health Connector account")
                .doesNotContain(WILL_TRY_AGAIN);

        assertThat(awaitBinderTermination()).contains("ended on December 31, 2026");
        time.moveTo(Instant.parse("2027-02-20T15:00:00Z"));
        assertThat(processorRequests()).as("Nacha allows two re-presentments, no more").containsExactly(
                key(1), key(2), key(3));
        assertThat(januaryCancelledUnpaid()).as("coverage never began: the binder is owed no more, and nothing paid it").isTrue();
        assertThat(mandateStatus()).as("insufficient funds leave AutoPay on").isEqualTo("ACTIVE");
    }

    @Test
    void aCardSoftDeclineIsTriedAgainEveryFiveDaysFourTimesThenNoMore() {
        paymentMethods.addCardWithAutoPay("4000000000009995");
        issueJanuary();
        time.moveTo(DRAFT);
        assertThat(awaitFailureNotice(1)).contains("Visa card ending 9995", "(code 51)", CARD_TRIED_AGAIN + " December 28, 2026");

        String[] retries = {"2026-12-28", "2027-01-02", "2027-01-07", "2027-01-12"};
        String[] named = {"January 2, 2027", "January 7, 2027", "January 12, 2027"};
        for (int retry = 0; retry < retries.length; retry++) {
            time.moveTo(Instant.parse(retries[retry] + "T11:01:00Z"));
            String notice = awaitFailureNotice(retry + 2);
            if (retry < named.length) {
                assertThat(notice).contains("(code 51)", CARD_TRIED_AGAIN + " " + named[retry]);
            } else {
                assertThat(notice).contains("(code 51)").doesNotContain(CARD_TRIED_AGAIN);
            }
        }

        assertThat(awaitBinderTermination()).contains("ended on December 31, 2026");
        assertThat(processorRequests()).containsExactly(key(1), key(2), key(3), key(4), key(5));
        assertThat(methodStatus()).isEqualTo("VERIFIED");
    }

    @Test
    void aClosedAccountIsNeverDebitedAgainAndTheMethodIsMarkedUnusable() {
        paymentMethods.addBankAccountWithAutoPay("999000000012");
        issueJanuary();
        time.moveTo(DRAFT);
        awaitDebits(1);
        time.moveTo(Instant.parse("2026-12-28T15:00:00Z"));
        settlements.checkNow();

        assertThat(awaitFailureNotice(1)).contains("Checking account ending 0012", "(code R02)").doesNotContain(WILL_TRY_AGAIN);
        assertThat(awaitBinderTermination()).contains("ended on December 31, 2026");
        assertThat(methodStatus()).isEqualTo("INVALID");

        time.moveTo(Instant.parse("2027-01-20T15:00:00Z"));
        assertThat(processorRequests()).as("R02: never re-presented").containsExactly(key(1));
    }

    @Test
    void aCardReportedLostIsNeverChargedAgainAndAutoPayFromItStops() {
        paymentMethods.addCardWithAutoPay("4000000000009987");
        issueJanuary();
        time.moveTo(DRAFT);

        assertThat(awaitFailureNotice(1)).contains("Visa card ending 9987", "(code 41)", "with another card")
                .doesNotContain(CARD_TRIED_AGAIN);
        assertThat(awaitBinderTermination()).contains("ended on December 31, 2026");
        assertThat(methodStatus()).isEqualTo("INVALID");
        assertThat(mandateStatus()).isEqualTo("SUSPENDED");

        time.moveTo(Instant.parse("2027-01-20T15:00:00Z"));
        assertThat(processorRequests()).containsExactly(key(1));
    }

    @Test
    void anUnauthorizedReturnRevokesTheMandateAndACaseworkerReviewsIt() {
        paymentMethods.addBankAccountWithAutoPay("999000000010");
        issueJanuary();
        time.moveTo(DRAFT);
        awaitDebits(1);
        time.moveTo(Instant.parse("2026-12-28T15:00:00Z"));
        settlements.checkNow();
        mailbox.awaitMail("PAYMENT_RECEIPT");

        // Returned R10 ten banking days after the debit, after the receipt.
        time.moveTo(Instant.parse("2027-01-12T15:00:00Z"));
        settlements.checkNow();

        assertThat(awaitFailureNotice(1)).contains("(code R10)", "call us").doesNotContain(WILL_TRY_AGAIN);
        List<UserTask> reviews = processes.awaitTasks("review-return");
        assertThat(reviews).singleElement().satisfies(task -> {
            assertThat(task.getName()).isEqualTo("Review unauthorized return");
            assertThat(task.getCandidateGroups()).containsExactly("caseworkers");
            assertThat(task.getFormKey()).isNotNull();
        });
        assertThat(mandateStatus()).isEqualTo("REVOKED");

        client.newCompleteUserTaskCommand(reviews.get(0).getUserTaskKey())
                .variables(Map.of("authorizationOnFile", "NOT_VALID", "reviewNote", "Member did not recognise the debit."))
                .send().join();
        assertThat(mailbox.awaitMail("AUTOPAY_CANCELLED").text().orElseThrow()).contains("Checking account ending 0010",
                "set up AutoPay again");
        assertThat(awaitBinderTermination()).contains("ended on December 31, 2026");
        assertThat(processorRequests()).containsExactly(key(1));
        assertThat(januaryCancelledUnpaid()).as("the returned debit pays nothing, and coverage never began").isTrue();
        assertThat(mandateStatus()).as("no debit again on a disputed authorization").isEqualTo("REVOKED");
    }

    @Test
    void anR11ReturnReviewedAsACorrectableEntryRestoresAutoPayAndDebitsOnceMore() {
        paymentMethods.addBankAccountWithAutoPay("999000000011");
        issueJanuary();
        time.moveTo(DRAFT);
        awaitDebits(1);
        time.moveTo(Instant.parse("2026-12-28T15:00:00Z"));
        settlements.checkNow();
        mailbox.awaitMail("PAYMENT_RECEIPT");
        time.moveTo(Instant.parse("2027-01-12T15:00:00Z"));
        settlements.checkNow();
        assertThat(awaitFailureNotice(1)).contains("(code R11)");
        List<UserTask> reviews = processes.awaitTasks("review-return");
        assertThat(mandateStatus()).isEqualTo("REVOKED");

        client.newCompleteUserTaskCommand(reviews.get(0).getUserTaskKey())
                .variables(Map.of("authorizationOnFile", "VALID", "correctedEntry", true,
                        "reviewNote", "Drafted on the wrong day; member confirms AutoPay."))
                .send().join();

        awaitDebits(2);
        assertThat(processorRequests()).as("one corrected debit, a new attempt").containsExactly(key(1), key(2));
        assertThat(mandateStatuses()).as("the revoked mandate stays on record, a restored one drafts")
                .containsExactly("REVOKED", "ACTIVE");
        time.moveTo(Instant.parse("2027-01-15T15:00:00Z"));
        settlements.checkNow();
        // A corrected debit may still come back: paid, it is watched for a late return like the first.
        processes.awaitReached("watch-for-return");
        assertThat(januaryOpen()).isEqualTo("0.00");
        assertThat(mailbox.notices()).as("a receipt for the debit that came back, one for the corrected debit")
                .filteredOn("PAYMENT_RECEIPT"::equals).hasSize(2);
        assertThat(mailbox.notices()).doesNotContain("AUTOPAY_CANCELLED", "TERMINATION_NOTICE");
    }

    @Test
    void aCorrectedDebitIsRefusedAfterAReturnOtherThanR11() {
        paymentMethods.addBankAccountWithAutoPay("999000000010");
        issueJanuary();
        time.moveTo(DRAFT);
        awaitDebits(1);
        time.moveTo(Instant.parse("2026-12-28T15:00:00Z"));
        settlements.checkNow();
        time.moveTo(Instant.parse("2027-01-12T15:00:00Z"));
        settlements.checkNow();
        List<UserTask> reviews = processes.awaitTasks("review-return");

        client.newCompleteUserTaskCommand(reviews.get(0).getUserTaskKey())
                .variables(Map.of("authorizationOnFile", "VALID", "correctedEntry", true, "reviewNote", "Debit again."))
                .send().join();

        Incident incident = await().atMost(Duration.ofSeconds(30)).until(() -> processes.instances().stream()
                .flatMap(instance -> client.newIncidentSearchRequest().filter(filter -> filter.processInstanceKey(instance))
                        .send().join().items().stream()).findFirst().orElse(null), found -> found != null);
        assertThat(incident.getElementId()).isEqualTo("act-on-review");
        assertThat(incident.getErrorMessage()).contains("correctedEntry", "R11", "not R10");
        assertThat(processorRequests()).containsExactly(key(1));
        assertThat(mandateStatus()).isEqualTo("REVOKED");
    }

    @Test
    void aNewCardSetUpWhileTheRetryWaitsIsChargedAtOnceAndTheOldAccountNeverAgain() {
        paymentMethods.addBankAccountWithAutoPay("999000000001");
        issueJanuary();
        time.moveTo(DRAFT);
        awaitDebits(1);
        time.moveTo(Instant.parse("2026-12-28T15:00:00Z"));
        settlements.checkNow();
        assertThat(awaitFailureNotice(1)).contains("(code R01)", WILL_TRY_AGAIN + " January 2, 2027");

        long card = paymentMethods.addCardTakingOverAutoPay("4242424242424242");

        assertThat(mailbox.awaitMail("PAYMENT_RECEIPT").text().orElseThrow()).contains("$211.25", "Visa card ending 4242");
        processes.awaitReached("paid-after-recovery");
        assertThat(januaryOpen()).isEqualTo("0.00");
        assertThat(processorRequests()).as("the retry went at once, as the next attempt").containsExactly(key(1), key(2));
        assertThat(processorRequest(key(2))).isEqualTo("CHARGE");
        assertThat(ledger.payments(memberId)).filteredOn(payment -> payment.status() != Payment.Status.RETURNED).singleElement()
                .satisfies(payment -> {
                    assertThat(payment.paymentMethodId()).isEqualTo(card);
                    assertThat(payment.status()).isEqualTo(Payment.Status.SETTLED);
                });

        time.moveTo(Instant.parse("2027-01-02T11:01:00Z"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(processorRequests()).as("the old account is not debited on the retry date")
                        .containsExactly(key(1), key(2)));
        assertThat(mailbox.notices()).containsOnlyOnce("PAYMENT_FAILED").doesNotContain("TERMINATION_NOTICE");
    }

    @Test
    void aRetryWhoseAutoPayWasCancelledMeanwhileChargesNothing() {
        paymentMethods.addCardWithAutoPay("4000000000009995");
        issueJanuary();
        time.moveTo(DRAFT);
        assertThat(awaitFailureNotice(1)).contains(CARD_TRIED_AGAIN + " December 28, 2026");
        HttpResponse<String> cancelled = Http.delete(port, "/api/members/" + memberId + "/autopay");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);

        time.moveTo(Instant.parse("2026-12-28T11:01:00Z"));

        assertThat(awaitBinderTermination()).contains("ended on December 31, 2026");
        assertThat(processorRequests()).containsExactly(key(1));
    }

    @Test
    void aRetriedChargeWhoseAnswerWasWithheldIsReconciledAndPaysOnce() {
        paymentMethods.addCardWithAutoPay("4000000000009995");
        issueJanuary();
        time.moveTo(DRAFT);
        assertThat(awaitFailureNotice(1)).contains(CARD_TRIED_AGAIN + " December 28, 2026");

        // Its charges are approved and recorded, but the processor's answer never comes back.
        long card = paymentMethods.addCardTakingOverAutoPay("4000000000000119");

        assertThat(mailbox.awaitMail("PAYMENT_RECEIPT").text().orElseThrow()).contains("$211.25", "Visa card ending 0119");
        assertThat(januaryOpen()).isEqualTo("0.00");
        assertThat(ledger.payments(memberId)).singleElement()
                .satisfies(payment -> assertThat(payment.status()).isEqualTo(Payment.Status.SETTLED));
        assertThat(retryJobs()).as("reconciled by asking the processor, in the job itself").singleElement()
                .satisfies(job -> assertThat(job.getRetries()).isEqualTo(3));

        Map<String, Object> again = workers.retry(invoiceId(), 1, key(1));

        assertThat(again).containsEntry("draftOutcome", "APPROVED").containsEntry("paymentKey", key(2));
        assertThat(ledger.payments(memberId)).hasSize(1);
        assertThat(processorRequests()).containsExactly(key(1), key(2));
        assertThat(chargesOn(card)).as("the processor's own records: one charge on the card").isEqualTo(1);
    }

    @Test
    void aRetriedChargeTheProcessorNeverGotFailsTheJobAndItsRetryChargesOnce() {
        paymentMethods.addCardWithAutoPay("4000000000009995");
        issueJanuary();
        time.moveTo(DRAFT);
        assertThat(awaitFailureNotice(1)).contains(CARD_TRIED_AGAIN + " December 28, 2026");

        // The first charge under each key is lost on the way: the processor records nothing.
        long card = paymentMethods.addCardTakingOverAutoPay("4000000000000127");

        assertThat(mailbox.awaitMail("PAYMENT_RECEIPT").text().orElseThrow()).contains("$211.25", "Visa card ending 0127");
        assertThat(januaryOpen()).isEqualTo("0.00");
        assertThat(ledger.payments(memberId)).singleElement()
                .satisfies(payment -> assertThat(payment.status()).isEqualTo(Payment.Status.SETTLED));
        assertThat(processorRequests()).containsExactly(key(1), key(2));
        assertThat(chargesOn(card)).isEqualTo(1);
        assertThat(retryJobs()).as("the job failed once, its retry charged").singleElement()
                .satisfies(job -> assertThat(job.getRetries()).isEqualTo(2));
    }

    @Test
    void aPaymentByHandWhileARetryWaitsEndsRecoveryWithoutAnotherCharge() {
        paymentMethods.addCardWithAutoPay("4000000000009995");
        long otherCard = paymentMethods.addCard("4242424242424242");
        issueJanuary();
        time.moveTo(DRAFT);
        assertThat(awaitFailureNotice(1)).contains(CARD_TRIED_AGAIN + " December 28, 2026");

        HttpResponse<String> paid = Http.postJson(port, "/api/members/" + memberId + "/payments",
                "{\"paymentMethodId\": " + otherCard + ", \"amount\": \"211.25\"}", "pay-by-hand");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        time.moveTo(Instant.parse("2026-12-28T11:01:00Z"));

        assertThat(mailbox.awaitMail("PAYMENT_RECEIPT").text().orElseThrow()).contains("$211.25");
        processes.awaitReached("paid-after-recovery");
        assertThat(processorRequests()).as("the retry found the month paid").containsExactly(key(1));
        assertThat(ledger.payments(memberId)).singleElement()
                .satisfies(payment -> assertThat(payment.channel()).isEqualTo(Payment.Channel.ONE_TIME));
        assertThat(mailbox.notices()).containsOnlyOnce("PAYMENT_FAILED");
        assertThat(januaryOpen()).isEqualTo("0.00");
    }

    @Test
    void aReturnedDebitPartPaidByHandMeanwhileIsNotPresentedAgainForLessAndTheRestIsLeftToTheGracePeriod() {
        paymentMethods.addBankAccountWithAutoPay("999000000001");
        long card = paymentMethods.addCard("4242424242424242");
        issueJanuary();
        time.moveTo(DRAFT);
        awaitDebits(1);
        time.moveTo(Instant.parse("2026-12-28T15:00:00Z"));
        settlements.checkNow();
        assertThat(awaitFailureNotice(1)).contains("$211.25", "(code R01)", WILL_TRY_AGAIN + " January 2, 2027");

        HttpResponse<String> paid = Http.postJson(port, "/api/members/" + memberId + "/payments",
                "{\"paymentMethodId\": " + card + ", \"amount\": \"100.00\"}", "part-by-hand");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        time.moveTo(Instant.parse("2027-01-02T11:01:00Z"));

        // Nacha lets the returned $211.25 be re-presented only as $211.25; $111.25 is not that entry.
        processes.awaitReached("grace-period");
        assertThat(processes.reached("handed-to-grace")).as("recovery ended unpaid").isTrue();
        // January is the binder: the grace period has no grace to give, and $111.25 still owed ends it.
        assertThat(awaitBinderTermination()).contains("ended on December 31, 2026");
        time.moveTo(Instant.parse("2027-01-06T15:00:00Z"));
        settlements.checkNow();
        assertThat(processorRequests()).as("no re-presentment of a different amount").containsExactly(key(1));
        assertThat(ledger.invoices(memberId).get(0).cancelled()).as("coverage never began").isTrue();
        assertThat(context.getBean(InvoiceCancellations.class).credit(memberId)).as("the part payment is the member's credit")
                .isEqualByComparingTo("100.00");
        assertThat(ledger.payments(memberId)).filteredOn(payment -> payment.status() != Payment.Status.RETURNED).singleElement()
                .satisfies(payment -> assertThat(payment.channel()).isEqualTo(Payment.Channel.ONE_TIME));
        assertThat(mailbox.notices()).containsOnlyOnce("PAYMENT_FAILED").doesNotContain("PREMIUM_CURED");
        assertThat(mandateStatus()).as("insufficient funds leave AutoPay on for the coming months").isEqualTo("ACTIVE");
    }

    @Test
    void aRetriedDebitThatSettledIsWatchedAndItsLateUnauthorizedReturnStartsRecoveryAgain() {
        paymentMethods.addBankAccountWithAutoPay("999000000001");
        issueJanuary();
        time.moveTo(DRAFT);
        awaitDebits(1);
        time.moveTo(Instant.parse("2026-12-28T15:00:00Z"));
        settlements.checkNow();
        assertThat(awaitFailureNotice(1)).contains("(code R01)");

        // A new account, debited at once as the retry: it settles, and is returned R10 weeks later.
        paymentMethods.addBankAccountTakingOverAutoPay("999000000010");
        awaitDebits(2);
        time.moveTo(Instant.parse("2026-12-31T15:00:00Z"));
        settlements.checkNow();
        assertThat(mailbox.awaitMail("PAYMENT_RECEIPT").text().orElseThrow()).contains("$211.25", "Checking account ending 0010");
        processes.awaitReached("watch-for-return");
        assertThat(januaryOpen()).isEqualTo("0.00");

        time.moveTo(Instant.parse("2027-01-28T15:00:00Z"));
        settlements.checkNow();

        assertThat(awaitFailureNotice(2)).contains("Checking account ending 0010", "(code R10)", "call us")
                .doesNotContain(WILL_TRY_AGAIN);
        assertThat(processes.awaitTasks("review-return")).singleElement()
                .satisfies(task -> assertThat(task.getName()).isEqualTo("Review unauthorized return"));
        assertThat(mandateStatuses()).as("the mandate of the returned debit is revoked").last().isEqualTo("REVOKED");
        assertThat(januaryOpen()).as("the returned debit pays nothing").isEqualTo("211.25");
        assertThat(processorRequests()).containsExactly(key(1), key(2));
        assertThat(mailbox.notices()).as("the recovered debit was receipted once, by recovery")
                .filteredOn("PAYMENT_RECEIPT"::equals).hasSize(1);
    }

    @Test
    void aRepeatedRetryJobFindsItsDebitAndChargesNothingMore() {
        paymentMethods.addBankAccountWithAutoPay("999000000001");
        issueJanuary();
        time.moveTo(DRAFT);
        awaitDebits(1);
        time.moveTo(Instant.parse("2026-12-28T15:00:00Z"));
        settlements.checkNow();
        awaitFailureNotice(1);
        time.moveTo(Instant.parse("2027-01-02T11:01:00Z"));
        awaitDebits(2);

        // The same job again, as after a worker crashed before completing it: same attempt, same variables.
        Map<String, Object> again = workers.retry(invoiceId(), 1, key(1));

        assertThat(again).containsEntry("draftOutcome", "PENDING").containsEntry("paymentKey", key(2)).containsEntry("attempt", 2);
        assertThat(processorRequests()).containsExactly(key(1), key(2));
        assertThat(ledger.payments(memberId)).hasSize(2);
    }

    @Test
    void aCodeTheRetryPolicyDoesNotKnowStopsAtAnIncidentNamingTheInputs() {
        long card = paymentMethods.addCard("4242424242424242");
        issueJanuary();

        long instance = client.newCreateInstanceCommand().bpmnProcessId("payment-recovery").latestVersion()
                .variables(Map.of("invoiceId", invoiceId(), "memberId", memberId, "coverageMonth", "2027-01",
                        "paymentMethodId", card, "paymentKey", key(1), "failureCode", "R99", "attempt", 1,
                        "firstAttemptDate", "2026-11-27"))
                .send().join().getProcessInstanceKey();

        Incident incident = await().atMost(Duration.ofSeconds(30)).until(() -> client.newIncidentSearchRequest()
                .filter(filter -> filter.processInstanceKey(instance)).send().join().items().stream().findFirst().orElse(null),
                found -> found != null);
        assertThat(incident.getElementId()).isEqualTo("decide-retry");
        assertThat(incident.getErrorMessage()).contains("paymentMethodKind CARD", "failureCode R99", "attempt 1",
                "daysSinceFirstAttempt 0");
        assertThat(mailbox.notices()).doesNotContain("PAYMENT_FAILED");
    }

    // --- set-up through the member API ---------------------------------------------------------

    private void issueJanuary() {
        transactions.executeWithoutResult(status -> invoicing.issue(enrollments.findById(enrollmentId).orElseThrow(), JANUARY));
        mailbox.awaitMail("PREMIUM_BILL");
    }

    // --- what the member sees, what the processor was asked, what caseworkers get ---------------

    private long invoiceId() {
        return ledger.invoices(memberId).get(0).invoice().id();
    }

    private String key(int attempt) {
        return "autopay:invoice-" + invoiceId() + ":attempt-" + attempt;
    }

    /** The AutoPay charges and debits the processor received for January, oldest first. */
    private List<String> processorRequests() {
        return jdbc.queryForList("select idempotency_key from premiumflow.sandbox_request where kind in ('DEBIT', 'CHARGE') "
                + "and idempotency_key like ? order by received_at, idempotency_key", String.class, "autopay:invoice-" + invoiceId() + ":%");
    }

    /**
     * Waits for the processor to have received the requests, and for every bank debit among them
     * to be on the member's ledger: the processor records a request in a transaction of its own,
     * before the draft posts the payment, and a settlement check run in between would miss it.
     */
    private void awaitDebits(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> processorRequests().size() >= count && jdbc.queryForObject("""
                select count(*) from premiumflow.sandbox_request r where r.kind = 'DEBIT' and r.idempotency_key like ?
                and not exists (select 1 from premiumflow.payment p where p.idempotency_key = r.idempotency_key)""",
                Integer.class, "autopay:invoice-" + invoiceId() + ":%") == 0);
    }

    /** The text of the member's n-th payment-failed e-mail, once it came. */
    private String awaitFailureNotice(int number) {
        String sent = "select subject from premiumflow.notice where member_id = ? and template = 'PAYMENT_FAILED' and channel = 'EMAIL' order by id";
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(sent, String.class, memberId).size() >= number);
        String subject = jdbc.queryForList(sent, String.class, memberId).get(number - 1);
        List<OutboxMessage> mails = await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<OutboxMessage> oldestFirst = new ArrayList<>(mail.messagesNewestFirst().stream()
                    .filter(message -> message.to().contains(email) && message.subject().equals(subject)).toList());
            Collections.reverse(oldestFirst);
            return oldestFirst;
        }, found -> found.size() >= number);
        return mails.get(number - 1).text().orElseThrow().replaceAll("\\s+", " ");
    }

    /**
     * The termination notice the grace period sends when recovery gave up: January was the first
     * premium (the binder), so there is no grace and coverage never began.
     */
    private String awaitBinderTermination() {
        return mailbox.awaitText("TERMINATION_NOTICE");
    }

    /** January, the binder, cancelled by the termination because coverage never began, with no payment on it. */
    private boolean januaryCancelledUnpaid() {
        InvoiceStatus january = ledger.invoices(memberId).get(0);
        return january.cancelled() && january.paid().signum() == 0;
    }

    private String januaryOpen() {
        return ledger.invoices(memberId).get(0).open().toPlainString();
    }

    private String methodStatus() {
        JsonNode methods = Http.getJson(port, "/api/members/" + memberId + "/payment-methods");
        return (methods.isArray() ? methods : methods.get("paymentMethods")).get(0).get("status").asText();
    }

    /** What the processor was asked under a key: a card CHARGE or a bank DEBIT. */
    private String processorRequest(String key) {
        return jdbc.queryForObject("select kind from premiumflow.sandbox_request where idempotency_key = ?", String.class, key);
    }

    /** The charges the processor recorded on a member's card, its zero-amount authorization aside. */
    private int chargesOn(long paymentMethodId) {
        return jdbc.queryForObject("select count(*) from premiumflow.sandbox_card_payment where amount > 0 and card_token = "
                + "(select card_token from premiumflow.payment_method where id = ?)", Integer.class, paymentMethodId);
    }

    /** The "Try the payment again" jobs of the member's recovery. */
    private List<Job> retryJobs() {
        return processes.instances().stream().flatMap(instance -> client.newJobSearchRequest()
                .filter(job -> job.processInstanceKey(instance).type("retry-draft")).send().join().items().stream()).toList();
    }

    private List<String> mandateStatuses() {
        List<String> statuses = new ArrayList<>();
        Http.getJson(port, "/api/members/" + memberId + "/autopay").forEach(mandate -> statuses.add(mandate.get("status").asText()));
        return statuses;
    }

    private String mandateStatus() {
        return Http.getJson(port, "/api/members/" + memberId + "/autopay").get(0).get("status").asText();
    }
}
