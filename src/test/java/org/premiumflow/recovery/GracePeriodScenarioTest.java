package org.premiumflow.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.member.CoverageEndReason;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.payment.gateway.sandbox.SandboxPaymentGateway;
import org.premiumflow.support.BusinessTime;
import org.premiumflow.support.EnrolledMember;
import org.premiumflow.support.MemberMailbox;
import org.premiumflow.support.MemberPaymentMethods;
import org.premiumflow.support.MemberPremiums;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A member who paid January and then not February, end to end on the embedded engine: the
 * February invoice is unpaid at its due date, the grace period warns the member as the rules of
 * their program say and ends their coverage retroactively, unless they pay meanwhile. Time moves
 * on the business clock and the engine's clock together; what is checked is what the member is
 * sent and the coverage a caseworker sees.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "premiumflow.embedded.postgres.ephemeral=true",
        "premiumflow.payment-methods.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class GracePeriodScenarioTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");
    /** After February's due date (in January), when the collection finds it unpaid. */
    static final Instant FEBRUARY_UNPAID = Instant.parse("2027-01-27T15:00:00Z");
    static final YearMonth JANUARY = YearMonth.of(2027, 1);
    static final YearMonth FEBRUARY = YearMonth.of(2027, 2);

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
    MemberMailbox mailbox;
    String memberId;
    long enrollmentId;
    long card;
    MemberPremiums premiums;

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
    void anUnsubsidizedMemberIsWarnedOnceThenCoveredOnlyThroughTheLastMonthPaid() {
        enrollPaidJanuary(Program.UNSUBSIDIZED, new Premium(new BigDecimal("612.40"), BigDecimal.ZERO), "612.40");
        issueFebruaryUnpaid();

        assertThat(mailbox.awaitText("PAST_DUE_WARNING")).contains("February 2027: $612.40", "Total past due: $612.40",
                "by February 28, 2027", "March 2027 premium of $612.40");

        time.moveTo(Instant.parse("2027-03-01T15:00:00Z"));
        assertThat(mailbox.awaitText("TERMINATION_NOTICE")).contains("ended on January 31, 2027",
                "Reason: your premium for February 2027 was not paid in full by the end of your grace period on February 28, 2027",
                "reinstate it by April 5, 2027", "appeal by April 5, 2027");
        assertThat(coverageEnd()).contains(LocalDate.of(2027, 1, 31));
        assertThat(endReason()).contains(CoverageEndReason.NON_PAYMENT);
        assertThat(mailbox.notices()).doesNotContain("TERMINATION_WARNING", "PREMIUM_CURED");
    }

    @Test
    void aMemberWithTaxCreditsIsWarnedInEachOfThreeMonthsThenCoveredThroughTheFirst() {
        enrollPaidJanuary(Program.APTC_ONLY, new Premium(new BigDecimal("612.40"), new BigDecimal("401.15")), "211.25");
        issueFebruaryUnpaid();
        assertThat(mailbox.notices()).as("the first warning waits for the first grace month").doesNotContain("PAST_DUE_WARNING");

        time.moveTo(Instant.parse("2027-02-01T14:01:00Z"));
        assertThat(mailbox.awaitText("PAST_DUE_WARNING")).contains("February 2027: $211.25", "by April 30, 2027");

        time.moveTo(Instant.parse("2027-03-01T14:01:00Z"));
        assertThat(mailbox.awaitText("TERMINATION_WARNING")).contains("February 2027: $211.25", "April 30, 2027", "February 28, 2027");

        time.moveTo(Instant.parse("2027-04-01T13:01:00Z"));
        assertThat(mailbox.awaitText("SECOND_TERMINATION_WARNING")).contains("February 2027: $211.25", "April 30, 2027", "February 28, 2027");
        assertThat(coverageEnd()).as("nothing ends during grace").isEmpty();

        time.moveTo(Instant.parse("2027-05-01T15:00:00Z"));
        assertThat(mailbox.awaitText("TERMINATION_NOTICE")).contains("ended on February 28, 2027", "grace period on April 30, 2027");
        assertThat(coverageEnd()).contains(LocalDate.of(2027, 2, 28));
        assertThat(mailbox.notices().stream().filter(template -> template.endsWith("WARNING")))
                .as("one warning a grace month, each once").containsExactly(
                        "PAST_DUE_WARNING", "TERMINATION_WARNING", "SECOND_TERMINATION_WARNING");
    }

    @Test
    void aPaymentDuringGraceEndsItAtOnce() {
        enrollPaidJanuary(Program.APTC_ONLY, new Premium(new BigDecimal("612.40"), new BigDecimal("401.15")), "211.25");
        issueFebruaryUnpaid();
        time.moveTo(Instant.parse("2027-02-01T14:01:00Z"));
        assertThat(mailbox.awaitText("PAST_DUE_WARNING")).contains("February 2027: $211.25", "March 2027 premium of $211.25");

        time.moveTo(Instant.parse("2027-02-05T15:00:00Z"));
        premiums.pay(card, "422.50", "february-and-march");
        assertThat(mailbox.awaitText("PREMIUM_CURED")).contains("$422.50", "February 5, 2027");

        time.moveTo(Instant.parse("2027-03-31T15:00:00Z"));
        assertThat(mailbox.notices()).as("no more warnings and no termination").doesNotContain(
                "TERMINATION_WARNING", "SECOND_TERMINATION_WARNING", "TERMINATION_NOTICE");
        assertThat(mailbox.notices().stream().filter("PAST_DUE_WARNING"::equals)).hasSize(1);
        assertThat(coverageEnd()).isEmpty();
    }

    // --- set-up through the member API ---------------------------------------------------------

    private void enrollPaidJanuary(Program program, Premium premium, String januaryAmount) {
        EnrolledMember member = EnrolledMember.enroll(context, program, premium, NOW);
        memberId = member.memberId();
        mailbox = member.mailbox();
        enrollmentId = member.enrollmentId();
        premiums = new MemberPremiums(context, port, member);
        card = new MemberPaymentMethods(port, memberId, mailbox, jdbc, sandbox).addCard("4242424242424242");
        premiums.issue(JANUARY);
        mailbox.awaitMail("PREMIUM_BILL");
        premiums.pay(card, januaryAmount, "january");
    }

    private void issueFebruaryUnpaid() {
        premiums.issue(FEBRUARY);
        time.moveTo(FEBRUARY_UNPAID);
        mailbox.awaitMail("PREMIUM_UNPAID");
    }

    // --- what the member and a caseworker see ------------------------------------------------

    private Optional<LocalDate> coverageEnd() {
        return enrollments.findById(enrollmentId).orElseThrow().coverageEnd();
    }

    private Optional<CoverageEndReason> endReason() {
        return enrollments.findById(enrollmentId).orElseThrow().endReason();
    }
}
