package org.premiumflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Member;
import org.premiumflow.member.Members;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.payment.gateway.sandbox.SandboxPaymentGateway;
import org.premiumflow.paymentmethod.AccountType;
import org.premiumflow.paymentmethod.BankAccount;
import org.premiumflow.paymentmethod.BankAccountNumber;
import org.premiumflow.paymentmethod.CardExpiry;
import org.premiumflow.paymentmethod.CardNumber;
import org.premiumflow.paymentmethod.PaymentMethodRegistration;
import org.premiumflow.paymentmethod.PaymentMethodStatus;
import org.premiumflow.paymentmethod.PaymentMethodVerification;
import org.premiumflow.paymentmethod.RoutingNumber;
import org.premiumflow.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * One-time payments through the member API from verified methods: a card pays at once, a bank
 * account pays when its debit settles and not at all if it comes back; a repeated request pays once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
class OneTimePaymentTest {

    static final Instant MONDAY = Instant.parse("2026-11-30T15:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    ExchangeClock clock;
    @Autowired
    Members members;
    @Autowired
    Enrollments enrollments;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Invoicing invoicing;
    @Autowired
    Ledger ledger;
    @Autowired
    PaymentMethodRegistration methods;
    @Autowired
    PaymentMethodVerification verification;
    @Autowired
    SandboxPaymentGateway sandbox;
    @Autowired
    SettlementCheck settlements;
    @Autowired
    JdbcTemplate jdbc;

    String memberId;

    @BeforeEach
    void memberBilledForJanuary() {
        clock.pin(MONDAY);
        memberId = "M-" + UUID.randomUUID().toString().substring(0, 8);
        transactions.executeWithoutResult(status -> {
            Member member = members.save(new Member(memberId, "Rosa", "Diaz", LocalDate.of(1984, 3, 2), Instant.EPOCH));
            Enrollment enrollment = new Enrollment(member, "P", "Plan", LocalDate.of(2027, 1, 1), Program.APTC_ONLY, null);
            enrollment.premiumFrom(YearMonth.of(2027, 1), new Premium(new BigDecimal("612.40"), new BigDecimal("401.15")));
            invoicing.issue(enrollments.save(enrollment), YearMonth.of(2027, 1));
        });
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long verifiedCard(String number) {
        long id = methods.addCard(memberId, new CardNumber(number), new CardExpiry(YearMonth.of(2029, 8))).id();
        await().atMost(Duration.ofSeconds(30)).until(() -> methods.find(memberId, id).status() == PaymentMethodStatus.VERIFIED);
        return id;
    }

    private long verifiedBankAccount(String number) {
        long id = methods.addBankAccount(memberId, new BankAccount(AccountType.CHECKING, "Rosa Diaz", new RoutingNumber("011000015"),
                new BankAccountNumber(number))).id();
        await().atMost(Duration.ofSeconds(30)).until(() -> verification.microDeposits(id).isPresent());
        String reference = jdbc.queryForObject(
                "select processor_reference from premiumflow.micro_deposit_verification where payment_method_id = ?", String.class, id);
        List<BigDecimal> amounts = sandbox.microDepositAmounts(reference);
        verification.confirmMicroDeposits(memberId, id, amounts.get(0), amounts.get(1));
        return id;
    }

    private HttpResponse<String> pay(long methodId, String amount, String requestKey) {
        return Http.postJson(port, "/api/members/" + memberId + "/payments", "{\"paymentMethodId\": " + methodId
                + ", \"amount\": \"" + amount + "\"}", requestKey);
    }

    private String januaryOpen() {
        return ledger.invoices(memberId).get(0).open().toPlainString();
    }

    @Test
    void aCardPaymentPaysTheMonthAtOnceAndARepeatedRequestPaysOnce() {
        long card = verifiedCard("4242424242424242");

        HttpResponse<String> first = pay(card, "211.25", "click-1");
        HttpResponse<String> again = pay(card, "211.25", "click-1");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode payment = Http.json(first.body());
        assertThat(payment.get("status").asText()).isEqualTo("SETTLED");
        assertThat(Http.json(again.body()).get("paymentId").asLong()).isEqualTo(payment.get("paymentId").asLong());
        assertThat(ledger.payments(memberId)).hasSize(1);
        assertThat(januaryOpen()).isEqualTo("0.00");
    }

    @Test
    void aPaymentByHandOnTheCardAutoPayIsDraftingWaitsForTheDraftInsteadOfDeadlockingWithIt() throws Exception {
        long card = verifiedCard("4242424242424242");
        CountDownLatch ledgerLocked = new CountDownLatch(1);
        // What an AutoPay draft does in its transaction: lock the member's ledger, then the method it charges.
        CompletableFuture<Void> draft = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            ledger.lock(memberId);
            ledgerLocked.countDown();
            await().atMost(Duration.ofSeconds(30)).until(this::aPaymentWaitsForTheLedger);
            jdbc.queryForObject("select id from premiumflow.payment_method where id = ? for update nowait", Long.class, card);
        }));
        ledgerLocked.await(30, TimeUnit.SECONDS);

        CompletableFuture<HttpResponse<String>> byHand = CompletableFuture.supplyAsync(() -> pay(card, "211.25", "while-drafting"));

        draft.get(30, TimeUnit.SECONDS);
        HttpResponse<String> paid = byHand.get(30, TimeUnit.SECONDS);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        assertThat(ledger.payments(memberId)).hasSize(1);
        assertThat(januaryOpen()).isEqualTo("0.00");
    }

    private boolean aPaymentWaitsForTheLedger() {
        return jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and query like 'select member_id from premiumflow.member%for update%'", Integer.class) > 0;
    }

    @Test
    void aDeclinedCardPaysNothingAndSaysWhy() {
        long card = verifiedCard("4000000000009995");

        HttpResponse<String> declined = pay(card, "211.25", "click-2");

        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(declined.body()).contains("Insufficient funds");
        assertThat(ledger.payments(memberId)).isEmpty();
        assertThat(januaryOpen()).isEqualTo("211.25");
    }

    @Test
    void aBankDebitCountsWhilePendingAndSettlesTwoBankingDaysLater() {
        long account = verifiedBankAccount("000123456789");

        assertThat(Http.json(pay(account, "211.25", "click-3").body()).get("status").asText()).isEqualTo("PENDING");
        assertThat(januaryOpen()).isEqualTo("0.00");

        clock.pin(Instant.parse("2026-12-03T15:00:00Z"));
        settlements.checkNow();

        assertThat(ledger.payments(memberId)).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(Payment.Status.SETTLED));
        assertThat(januaryOpen()).isEqualTo("0.00");
    }

    @Test
    void aReturnedBankDebitPaysNothingAndTheMonthIsDueAgain() {
        long account = verifiedBankAccount("999000000001");
        pay(account, "211.25", "click-4");

        clock.pin(Instant.parse("2026-12-03T15:00:00Z"));
        settlements.checkNow();

        assertThat(ledger.payments(memberId)).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(Payment.Status.RETURNED);
            assertThat(p.returnCode()).isEqualTo("R01");
        });
        assertThat(januaryOpen()).isEqualTo("211.25");
        assertThat(jdbc.queryForObject("select count(*) from premiumflow.workflow_message where name = 'payment-returned'"
                + " and correlation_key = ?", Integer.class, "one-time:" + memberId + ":click-4")).isEqualTo(1);
    }

    @Test
    void aPaymentWithoutARequestKeyIsRefusedNamingTheHeader() {
        long card = verifiedCard("4242424242424242");

        HttpResponse<String> refused = pay(card, "211.25", null);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Http.json(refused.body()).get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(ledger.payments(memberId)).isEmpty();
    }
}
