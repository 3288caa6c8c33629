package org.premiumflow.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.premiumflow.billing.Invoice;
import org.premiumflow.billing.Ledger;
import org.premiumflow.billing.Payment;
import org.premiumflow.billing.SettlementCheck;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.payment.gateway.sandbox.SandboxPaymentGateway;
import org.premiumflow.support.BusinessTime;
import org.premiumflow.support.EnrolledMember;
import org.premiumflow.support.MemberPaymentMethods;
import org.premiumflow.support.MemberPremiums;
import org.premiumflow.support.MemberProcesses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A member in grace who sets AutoPay up on a new method is charged what is past due at once
 * (issue 7), rather than at the next draft, which would come after the grace ran out. February is
 * unpaid, the member had no AutoPay or AutoPay on a card that failed; the one-month grace of an
 * unsubsidized member ends with February.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "premiumflow.embedded.postgres.ephemeral=true",
        "premiumflow.payment-methods.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class GraceNewMethodScenarioTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");
    static final Instant FEBRUARY_UNPAID = Instant.parse("2027-01-27T15:00:00Z");
    static final Instant DEBIT_SETTLED = Instant.parse("2027-02-03T15:00:00Z");
    static final Instant GRACE_OVER = Instant.parse("2027-03-01T15:00:00Z");
    static final YearMonth FEBRUARY = YearMonth.of(2027, 2);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    CamundaClient client;
    @Autowired
    ExchangeClock clock;
    @Autowired
    Enrollments enrollments;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxPaymentGateway sandbox;
    @Autowired
    SettlementCheck settlements;
    @Autowired
    NewMethodCharge newMethodCharge;

    BusinessTime time;
    EnrolledMember member;
    MemberPaymentMethods paymentMethods;
    MemberProcesses processes;
    long card;
    MemberPremiums premiums;

    @BeforeEach
    void memberWhoPaidJanuary() {
        time = new BusinessTime(clock, client);
        time.moveTo(NOW);
        member = EnrolledMember.enroll(context, Program.UNSUBSIDIZED, new Premium(new BigDecimal("612.40"), BigDecimal.ZERO), NOW);
        premiums = new MemberPremiums(context, port, member);
        paymentMethods = new MemberPaymentMethods(port, member.memberId(), member.mailbox(), jdbc, sandbox);
        processes = new MemberProcesses(client, member.memberId());
        card = paymentMethods.addCard("4242424242424242");
        premiums.issue(EnrolledMember.FIRST_MONTH);
        member.mailbox().awaitMail("PREMIUM_BILL");
        premiums.pay(card, "612.40", "january");
    }

    @AfterEach
    void resetClocks() {
        time.reset();
    }

    @Test
    void autoPayOnANewCardChargesThePastDuePremiumAtOnceAndEndsTheGrace() {
        februaryUnpaid();
        long newCard = paymentMethods.addCardWithAutoPay("5555555555554444");

        assertThat(member.mailbox().awaitText("PREMIUM_CURED")).contains("$612.40");
        Payment charged = onlyNewMethodPayment();
        assertThat(charged.amount()).isEqualByComparingTo("612.40");
        assertThat(charged.paymentMethodId()).isEqualTo(newCard);
        assertThat(charged.status()).isEqualTo(Payment.Status.SETTLED);
        assertThat(charged.idempotencyKey()).isEqualTo("grace:invoice-" + february().id() + ":mandate-" + mandateId());
        assertThat(februaryOpen()).isEqualByComparingTo("0.00");
        processes.awaitReached("new-method-charged");
        assertThat(processes.reached("cured")).isTrue();

        // The job run again (a timeout, a crash) finds the first charge: the member pays once.
        NewMethodCharge.Result again = newMethodCharge.charge(member.memberId(), member.enrollmentId(), february().id());
        assertThat(again.outcome()).isEqualTo(NewMethodCharge.Outcome.APPROVED);
        assertThat(ledger.payments(member.memberId())).filteredOn(payment -> payment.paymentMethodId() == newCard).hasSize(1);
        assertThat(sandboxCharges(newCard)).as("one charge at the processor, besides the card's zero-amount check").hasSize(1);

        time.moveTo(GRACE_OVER);
        assertThat(processes.reached("look-up-owed")).as("the grace never ran out").isFalse();
        assertThat(member.mailbox().notices()).doesNotContain("TERMINATION_NOTICE", "PAYMENT_FAILED");
        assertThat(enrollments.findById(member.enrollmentId()).orElseThrow().coverageEnd()).isEmpty();
    }

    @Test
    void aNewCardThatDeclinesTellsTheMemberAndTheGraceRunsOutAsBefore() {
        februaryUnpaid();
        // Its zero-amount check passes, so AutoPay starts; a charge with money declines 51.
        long newCard = paymentMethods.addCardWithAutoPay("4000000000009995");

        assertThat(member.mailbox().awaitText("PAYMENT_FAILED")).contains("$612.40", "(code 51)");
        processes.awaitReached("new-method-charged");
        assertThat(ledger.payments(member.memberId())).noneMatch(payment -> payment.paymentMethodId() == newCard);
        assertThat(member.mailbox().notices()).doesNotContain("PREMIUM_CURED");
        assertThat(februaryOpen()).isEqualByComparingTo("612.40");

        // Run again, the charge asks the processor under the same key and gets the same decline: no second charge.
        NewMethodCharge.Result again = newMethodCharge.charge(member.memberId(), member.enrollmentId(), february().id());
        assertThat(again.outcome()).isEqualTo(NewMethodCharge.Outcome.DECLINED);
        assertThat(sandboxCharges(newCard)).hasSize(1);

        time.moveTo(GRACE_OVER);
        assertThat(member.mailbox().awaitText("TERMINATION_NOTICE")).contains("ended on January 31, 2027");
        assertThat(enrollments.findById(member.enrollmentId()).orElseThrow().coverageEnd()).isPresent();
        assertThat(member.mailbox().notices()).filteredOn("PAYMENT_FAILED"::equals).hasSize(1);
    }

    @Test
    void autoPayOnANewBankAccountDebitsThePastDuePremiumWhichSettles() {
        februaryUnpaid();
        long account = paymentMethods.addBankAccountWithAutoPay("000123456789");

        // A pending debit counts as paying (it may still come back): the grace ends when it is posted.
        assertThat(member.mailbox().awaitText("PREMIUM_CURED")).contains("$612.40");
        Payment debit = onlyNewMethodPayment();
        assertThat(debit.paymentMethodId()).isEqualTo(account);
        assertThat(debit.status()).isEqualTo(Payment.Status.PENDING);
        assertThat(februaryOpen()).isEqualByComparingTo("0.00");

        time.moveTo(DEBIT_SETTLED);
        settlements.checkNow();
        assertThat(onlyNewMethodPayment().status()).isEqualTo(Payment.Status.SETTLED);

        time.moveTo(GRACE_OVER);
        assertThat(processes.reached("look-up-owed")).as("the grace never ran out").isFalse();
        assertThat(member.mailbox().notices()).doesNotContain("TERMINATION_NOTICE");
        assertThat(enrollments.findById(member.enrollmentId()).orElseThrow().coverageEnd()).isEmpty();
    }

    @Test
    void autoPayOnANewCardReplacesTheCardWhoseDraftFailedAndPaysTheGrace() {
        // AutoPay from February on a card reported lost after it was set up: the draft declines 41, a hard
        // decline, so recovery invalidates the card, stops AutoPay and hands February to the grace period.
        paymentMethods.addCardWithAutoPay("4000000000009987");
        februaryUnpaid();
        assertThat(member.mailbox().awaitText("PAYMENT_FAILED")).contains("(code 41)");
        assertThat(jdbc.queryForList("select status from premiumflow.autopay_mandate where member_id = ? and status = 'ACTIVE'",
                String.class, member.memberId())).as("AutoPay stopped with the lost card").isEmpty();

        long newCard = paymentMethods.addCardWithAutoPay("5555555555554444");

        assertThat(member.mailbox().awaitText("PREMIUM_CURED")).contains("$612.40");
        assertThat(onlyNewMethodPayment().paymentMethodId()).isEqualTo(newCard);
        assertThat(februaryOpen()).isEqualByComparingTo("0.00");
        time.moveTo(GRACE_OVER);
        assertThat(member.mailbox().notices()).doesNotContain("TERMINATION_NOTICE");
        assertThat(enrollments.findById(member.enrollmentId()).orElseThrow().coverageEnd()).isEmpty();
    }

    @Test
    void aNewMethodAfterThePremiumWasPaidChargesNothing() {
        februaryUnpaid();
        premiums.pay(card, "612.40", "february");
        member.mailbox().awaitMail("PREMIUM_CURED");

        long newCard = paymentMethods.addCardWithAutoPay("5555555555554444");
        NewMethodCharge.Result result = newMethodCharge.charge(member.memberId(), member.enrollmentId(), february().id());
        assertThat(result.outcome()).isEqualTo(NewMethodCharge.Outcome.NOTHING_DUE);
        assertThat(ledger.payments(member.memberId())).noneMatch(payment -> payment.paymentMethodId() == newCard);
        assertThat(sandboxCharges(newCard)).isEmpty();
    }

    /** February is billed and not paid by its due date: its grace period starts with the first warning. */
    private void februaryUnpaid() {
        premiums.issue(FEBRUARY);
        member.mailbox().awaitMail("PREMIUM_BILL");
        time.moveTo(FEBRUARY_UNPAID);
        member.mailbox().awaitMail("PAST_DUE_WARNING");
    }

    private Payment onlyNewMethodPayment() {
        return await().atMost(Duration.ofSeconds(30)).until(() -> ledger.payments(member.memberId()).stream()
                .filter(payment -> payment.idempotencyKey().startsWith("grace:")).toList(), payments -> payments.size() == 1).get(0);
    }

    private Invoice february() {
        return ledger.invoices(member.memberId()).stream().filter(invoice -> invoice.invoice().coverageMonth().equals(FEBRUARY))
                .findFirst().orElseThrow().invoice();
    }

    private BigDecimal februaryOpen() {
        return ledger.invoices(member.memberId()).stream().filter(invoice -> invoice.invoice().coverageMonth().equals(FEBRUARY))
                .findFirst().orElseThrow().open();
    }

    private long mandateId() {
        return jdbc.queryForObject("select id from premiumflow.autopay_mandate where member_id = ? and status = 'ACTIVE'", Long.class,
                member.memberId());
    }

    /** The charges with money the processor made on the card, as its statement would show them. */
    private List<BigDecimal> sandboxCharges(long paymentMethodId) {
        return jdbc.queryForList("""
                select c.amount from premiumflow.sandbox_card_payment c
                join premiumflow.payment_method m on m.card_token = c.card_token
                where m.id = ? and c.amount > 0""", BigDecimal.class, paymentMethodId);
    }

}
