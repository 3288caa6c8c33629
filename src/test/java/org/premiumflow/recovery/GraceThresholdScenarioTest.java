package org.premiumflow.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.premiumflow.billing.Ledger;
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
 * The exchange may keep a member covered who owes no more than a small amount at the end of grace
 * (the paid-in-full threshold, five dollars here). Such a member's grace ends without termination;
 * a member owing more is terminated as usual.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "premiumflow.embedded.postgres.ephemeral=true",
        "premiumflow.payment-methods.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "premiumflow.recovery.grace.paid-in-full-threshold=5.00"})
class GraceThresholdScenarioTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");
    static final Instant FEBRUARY_UNPAID = Instant.parse("2027-01-27T15:00:00Z");
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

    BusinessTime time;
    EnrolledMember member;
    long card;
    MemberPremiums premiums;

    @BeforeEach
    void unsubsidizedMemberWhoPaidJanuary() {
        time = new BusinessTime(clock, client);
        time.moveTo(NOW);
        member = EnrolledMember.enroll(context, Program.UNSUBSIDIZED, new Premium(new BigDecimal("612.40"), BigDecimal.ZERO), NOW);
        premiums = new MemberPremiums(context, port, member);
        card = new MemberPaymentMethods(port, member.memberId(), member.mailbox(), jdbc, sandbox).addCard("4242424242424242");
        premiums.issue(EnrolledMember.FIRST_MONTH);
        member.mailbox().awaitMail("PREMIUM_BILL");
        premiums.pay(card, "612.40", "january");
        premiums.issue(FEBRUARY);
        member.mailbox().awaitMail("PREMIUM_BILL");
        time.moveTo(FEBRUARY_UNPAID);
        member.mailbox().awaitMail("PAST_DUE_WARNING");
    }

    @AfterEach
    void resetClocks() {
        time.reset();
    }

    @Test
    void owingNoMoreThanTheThresholdAtTheEndOfGraceKeepsCoverage() {
        premiums.pay(card, "610.00", "most-of-february");
        assertThat(member.mailbox().notices()).as("$2.40 is still past due: the grace goes on").doesNotContain("PREMIUM_CURED");

        time.moveTo(GRACE_OVER);
        assertThat(member.mailbox().awaitText("PREMIUM_CURED")).contains("$610.00");
        MemberProcesses processes = new MemberProcesses(client, member.memberId());
        assertThat(processes.reached("cleared")).as("cleared by the termination decision at the end of grace").isTrue();
        assertThat(processes.reached("cured")).as("not by a payment during grace").isFalse();
        assertThat(member.mailbox().notices()).doesNotContain("TERMINATION_NOTICE");
        assertThat(enrollments.findById(member.enrollmentId()).orElseThrow().coverageEnd()).isEmpty();
        assertThat(februaryOpen()).as("kept covered, but the rest is still owed").isEqualByComparingTo("2.40");
    }

    @Test
    void owingMoreThanTheThresholdAtTheEndOfGraceEndsCoverage() {
        premiums.pay(card, "607.00", "less-of-february");

        time.moveTo(GRACE_OVER);
        assertThat(member.mailbox().awaitText("TERMINATION_NOTICE")).contains("ended on January 31, 2027");
        assertThat(member.mailbox().notices()).doesNotContain("PREMIUM_CURED");
    }

    private BigDecimal februaryOpen() {
        return ledger.invoices(member.memberId()).stream().filter(invoice -> invoice.invoice().coverageMonth().equals(FEBRUARY))
                .findFirst().orElseThrow().open();
    }

}
