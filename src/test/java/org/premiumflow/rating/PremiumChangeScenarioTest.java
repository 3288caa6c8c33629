package org.premiumflow.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.premiumflow.billing.BillingAdjustment;
import org.premiumflow.billing.BillingAdjustments;
import org.premiumflow.billing.BillingRun;
import org.premiumflow.billing.BillingRunProgress;
import org.premiumflow.billing.Invoice;
import org.premiumflow.billing.InvoiceStatus;
import org.premiumflow.billing.Invoicing;
import org.premiumflow.billing.Ledger;
import org.premiumflow.billing.Payment;
import org.premiumflow.calendar.BillingCalendar;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.member.ConnectorCarePlanType;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.payment.gateway.sandbox.SandboxPaymentGateway;
import org.premiumflow.rating.PremiumChange.HouseholdAfter;
import org.premiumflow.support.BusinessTime;
import org.premiumflow.support.EnrolledMember;
import org.premiumflow.support.Http;
import org.premiumflow.support.MemberPaymentMethods;
import org.premiumflow.support.TestRatingData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Premium changes after life events, applied to members enrolled in 2038 and 2039 (years no other
 * class bills), rated from test rating data: 2038 as the shipped 2027 data (guideline $15,960 plus
 * $5,680 a person; factor 1.350 at 40-49, 0.700 under 21; benchmark $520; Silver 2000 and
 * ConnectorCare HMO $505), 2039 the same with plan and benchmark premiums 10% higher ($555.50, $572).
 * The adult on every plan is born June 15, 1990: 48 when the changes take effect.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "premiumflow.embedded.postgres.ephemeral=true",
        "premiumflow.payment-methods.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class PremiumChangeScenarioTest {

    /** Before any 2039 invoice's reminder and before the 10th, so no billing run or collection acts meanwhile. */
    static final Instant NOVEMBER_2038 = Instant.parse("2038-11-05T15:00:00Z");
    static final LocalDate ADULT = LocalDate.of(1990, 6, 15);
    static final LocalDate SPOUSE = LocalDate.of(1992, 1, 10);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    CamundaClient client;
    @Autowired
    ExchangeClock clock;
    @Autowired
    PremiumChanges changes;
    @Autowired
    Invoicing invoicing;
    @Autowired
    BillingRun billingRun;
    @Autowired
    Ledger ledger;
    @Autowired
    BillingAdjustments adjustments;
    @Autowired
    BillingCalendar calendar;
    @Autowired
    Enrollments enrollments;
    @Autowired
    SandboxPaymentGateway sandbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    BusinessTime time;

    @BeforeEach
    void ratingDataFor2038And2039() {
        time = new BusinessTime(clock, client);
        TestRatingData.loadAs2027(jdbc, 2038, BigDecimal.ONE);
        TestRatingData.loadAs2027(jdbc, 2039, new BigDecimal("1.10"));
        time.moveTo(NOVEMBER_2038);
    }

    @AfterEach
    void resetClocks() {
        time.reset();
    }

    @Test
    void marriageRaisingIncomeGivesANewPlanTypeFromTheFirstOfTheNextMonthAndCreditsNothingBefore() {
        // Single at $30,000 (187.97% of the poverty level): ConnectorCare 2B, gross $749.93, tax credit
        // $621.70 (benchmark $772.20 less 6.02% of income a month, $150.50), member $128.23.
        EnrolledMember member = EnrolledMember.enroll(context, "MA-CC-01", "ConnectorCare HMO", Program.CONNECTORCARE,
                ConnectorCarePlanType.TYPE_2B, new Premium(money("749.93"), money("621.70")), YearMonth.of(2039, 1), NOVEMBER_2038);
        bill(member, YearMonth.of(2039, 1), YearMonth.of(2039, 2), YearMonth.of(2039, 3));

        // Married on February 10, reported on the 20th (before the 23rd): new terms from March 1.
        // Two at $60,000 (277.26% for two): Plan Type 3B, gross $1,499.86, tax credit $1,544.40 - $463.50
        // (9.27%) = $1,080.90, member $418.96.
        AppliedPremiumChange applied = changes.apply(new PremiumChange(member.memberId(), member.enrollmentId(), "life-event-marriage-"
                + member.memberId(), "FIRST_OF_MONTH_AFTER_CUTOFF", LocalDate.of(2039, 2, 10), LocalDate.of(2039, 2, 20),
                new HouseholdAfter(2, money("60000.00"), List.of(ADULT, SPOUSE), false), null));

        assertThat(applied.coverageEffective()).isEqualTo(LocalDate.of(2039, 3, 1));
        assertThat(applied.premium()).isEqualTo(new Premium(money("1499.86"), money("1080.90")));
        Enrollment enrollment = enrollment(member);
        assertThat(enrollment.program()).isEqualTo(Program.CONNECTORCARE);
        assertThat(enrollment.connectorCarePlanType()).contains(ConnectorCarePlanType.TYPE_3B);
        assertThat(enrollment.premiumFor(YearMonth.of(2039, 2)).orElseThrow().memberResponsibility()).as("February as before")
                .isEqualByComparingTo("128.23");
        assertThat(enrollment.premiumFor(YearMonth.of(2039, 3)).orElseThrow().memberResponsibility()).isEqualByComparingTo("418.96");
        assertThat(enrollment.premiumFor(YearMonth.of(2039, 12)).orElseThrow().memberResponsibility()).isEqualByComparingTo("418.96");
        // March was billed at $128.23 already: the extra $290.73 goes on the next bill; January and February are untouched.
        assertThat(adjustments.ofMember(member.memberId())).extracting(BillingAdjustment::coverageMonth, BillingAdjustment::amount)
                .containsExactly(tuple(YearMonth.of(2039, 3), money("290.73")));
        assertThat(ledger.invoices(member.memberId())).extracting(status -> status.invoice().amount())
                .containsExactly(money("128.23"), money("128.23"), money("128.23"));

        Invoice april = bill(member, YearMonth.of(2039, 4)).get(0);
        assertThat(april.amount()).as("April's premium and March's extra charge").isEqualByComparingTo("709.69");

        String notice = member.mailbox().awaitMail("NEW_PREMIUM").text().orElseThrow();
        assertThat(notice).contains("Your coverage changes from March 1, 2039", "applies from March 2039",
                "Plan premium:          $1,499.86", "Premium tax credit:    $1,080.90", "Your part each month:  $418.96",
                "Program: ConnectorCare Plan Type 3B (before: ConnectorCare Plan Type 2B)", "Plan:    ConnectorCare HMO (unchanged)",
                "March 2039: extra charge of $290.73 (Your premium for the whole month changed from $128.23 to $418.96)")
                .doesNotContain("AutoPay");
    }

    @Test
    void aBirthCountsFromItsDayWithTheTaxCreditFromTheNextMonthAndTheNextBillCarriesEveryBilledMonth() {
        // Single at $40,000 (250.63%) in Silver 2000, 2038 rates: gross $681.75, tax credit $702.00 - $282.00 = $420.00, member $261.75.
        EnrolledMember member = EnrolledMember.enroll(context, Program.APTC_ONLY, new Premium(money("681.75"), money("420.00")),
                YearMonth.of(2038, 12), NOVEMBER_2038);
        bill(member, YearMonth.of(2038, 12), YearMonth.of(2039, 1), YearMonth.of(2039, 2));
        LocalDate born = LocalDate.of(2038, 12, 14);

        AppliedPremiumChange applied = changes.apply(new PremiumChange(member.memberId(), member.enrollmentId(), "life-event-birth-"
                + member.memberId(), "EVENT_DATE", born, LocalDate.of(2039, 1, 20),
                new HouseholdAfter(2, money("40000.00"), List.of(ADULT, born), false), null));

        assertThat(applied.coverageEffective()).isEqualTo(born);
        assertThat(applied.premiumMonth()).isEqualTo(YearMonth.of(2039, 1));
        // December, 2038 rates: the baby adds $353.50 to the gross; the old $420.00 credit stays, so
        // $615.25 a month instead of $261.75, for 18 of 31 days: $353.50 / 31 x 18 = $205.26.
        // January on, 2039 rates for two at 184.84%: gross $1,138.78, tax credit $1,172.60 - $195.67 = $976.93,
        // member $161.85: $99.90 less than billed in January and in February.
        assertThat(adjustments.ofMember(member.memberId())).extracting(BillingAdjustment::coverageMonth, BillingAdjustment::amount)
                .containsExactly(tuple(YearMonth.of(2038, 12), money("205.26")),
                        tuple(YearMonth.of(2039, 1), money("-99.90")),
                        tuple(YearMonth.of(2039, 2), money("-99.90")));
        Enrollment enrollment = enrollment(member);
        assertThat(enrollment.premiumFor(YearMonth.of(2038, 12)).orElseThrow().memberResponsibility()).isEqualByComparingTo("261.75");
        assertThat(enrollment.premiumFor(YearMonth.of(2039, 1))).contains(new Premium(money("1138.78"), money("976.93")));
        assertThat(enrollment.program()).isEqualTo(Program.APTC_ONLY);

        JsonNode before = Http.getJson(port, "/api/members/" + member.memberId() + "/billing");
        assertThat(before.get("pendingAdjustments")).hasSize(3);
        assertThat(before.get("pendingAdjustments").get(0).get("reason").asText())
                .isEqualTo("Your coverage changed on December 14, 2038: $615.25 a month instead of $261.75 for 18 of 31 days;"
                        + " your tax credit changes from the next month");

        Invoice march = bill(member, YearMonth.of(2039, 3)).get(0);
        assertThat(march.amount()).as("$161.85 + $205.26 - $99.90 - $99.90").isEqualByComparingTo("167.31");
        JsonNode after = Http.getJson(port, "/api/members/" + member.memberId() + "/billing");
        assertThat(after.get("pendingAdjustments")).isEmpty();
        JsonNode marchLine = after.get("invoices").get(3);
        assertThat(marchLine.get("coverageMonth").asText()).isEqualTo("2039-03");
        assertThat(marchLine.get("amount").decimalValue()).isEqualByComparingTo("167.31");
        assertThat(marchLine.get("adjustments")).hasSize(3);
        assertThat(marchLine.get("adjustments").get(1).get("coverageMonth").asText()).isEqualTo("2039-01");
        assertThat(marchLine.get("adjustments").get(1).get("amount").decimalValue()).isEqualByComparingTo("-99.90");
        assertThat(after.get("invoices").get(0).get("adjustments")).as("December's own invoice is not rewritten").isEmpty();
        assertThat(after.get("invoices").get(0).get("amount").decimalValue()).isEqualByComparingTo("261.75");
        assertThat(member.mailbox().awaitMail("NEW_PREMIUM").text().orElseThrow())
                .contains("December 2038: extra charge of $205.26", "January 2039: credit of $99.90", "February 2039: credit of $99.90");
    }

    @Test
    void jobLossWithAConnectorCarePlanMovesToConnectorCareAndACreditLargerThanTheBillIsCarriedOn() {
        // Single at $60,000 (375.94%) in Silver 2000: gross $749.93, tax credit $772.20 - $498.00 = $274.20, member $475.73.
        EnrolledMember member = EnrolledMember.enroll(context, Program.APTC_ONLY, new Premium(money("749.93"), money("274.20")),
                YearMonth.of(2039, 1), NOVEMBER_2038);
        bill(member, YearMonth.of(2039, 1), YearMonth.of(2039, 2), YearMonth.of(2039, 3));

        // Job lost, $20,000 a year now (125.31%), and the member picks the ConnectorCare plan:
        // Plan Type 2A, tax credit $772.20 - $35.00 = $737.20, member $12.73.
        changes.apply(new PremiumChange(member.memberId(), member.enrollmentId(), "life-event-job-" + member.memberId(),
                "FIRST_OF_MONTH_AFTER_CUTOFF", LocalDate.of(2039, 2, 5), LocalDate.of(2039, 2, 6),
                new HouseholdAfter(1, money("20000.00"), List.of(ADULT), false), "MA-CC-01"));

        Enrollment enrollment = enrollment(member);
        assertThat(enrollment.program()).isEqualTo(Program.CONNECTORCARE);
        assertThat(enrollment.connectorCarePlanType()).contains(ConnectorCarePlanType.TYPE_2A);
        assertThat(enrollment.planId()).isEqualTo("MA-CC-01");
        assertThat(enrollment.planName()).isEqualTo("ConnectorCare HMO");
        assertThat(enrollment.premiumFor(YearMonth.of(2039, 3)).orElseThrow().memberResponsibility()).isEqualByComparingTo("12.73");
        assertThat(member.mailbox().awaitMail("NEW_PREMIUM").text().orElseThrow())
                .contains("Program: ConnectorCare Plan Type 2A (before: premium tax credit)",
                        "Plan:    ConnectorCare HMO (before: Silver 2000)", "March 2039: credit of $463.00");

        // April: $12.73 less March's $463.00 credit would be below zero, so the bill is $0.00 and
        // $450.27 of credit goes to May, which is $0.00 too and carries $437.54 on.
        assertThat(bill(member, YearMonth.of(2039, 4)).get(0).amount()).isEqualByComparingTo("0.00");
        assertThat(adjustments.pending(member.enrollmentId())).extracting(BillingAdjustment::amount, BillingAdjustment::reason)
                .containsExactly(tuple(money("-450.27"), "Credit carried from your bill for 2039-04"));
        assertThat(bill(member, YearMonth.of(2039, 5)).get(0).amount()).isEqualByComparingTo("0.00");
        assertThat(adjustments.pending(member.enrollmentId())).extracting(BillingAdjustment::amount).containsExactly(money("-437.54"));
        assertThat(ledger.invoices(member.memberId())).extracting(status -> status.invoice().amount())
                .containsExactly(money("475.73"), money("475.73"), money("475.73"), money("0.00"), money("0.00"));
    }

    @Test
    void theSameChangeAppliedTwiceChangesNothingTheSecondTime() {
        EnrolledMember member = EnrolledMember.enroll(context, Program.APTC_ONLY, new Premium(money("749.93"), money("274.20")),
                YearMonth.of(2039, 1), NOVEMBER_2038);
        bill(member, YearMonth.of(2039, 1), YearMonth.of(2039, 2));
        PremiumChange change = new PremiumChange(member.memberId(), member.enrollmentId(), "life-event-income-" + member.memberId(),
                "FIRST_OF_MONTH_AFTER_CUTOFF", LocalDate.of(2039, 1, 2), LocalDate.of(2039, 1, 2),
                new HouseholdAfter(1, money("45000.00"), List.of(ADULT), false), null);

        AppliedPremiumChange first = changes.apply(change);
        member.mailbox().awaitMail("NEW_PREMIUM");
        AppliedPremiumChange second = changes.apply(change);

        assertThat(first.appliedNow()).isTrue();
        assertThat(first.adjustments()).hasSize(1);
        assertThat(second.appliedNow()).isFalse();
        assertThat(second.adjustments()).isEqualTo(first.adjustments());
        assertThat(second.premium()).isEqualTo(first.premium());
        assertThat(adjustments.ofMember(member.memberId())).hasSize(1);
        assertThat(member.mailbox().notices()).filteredOn("NEW_PREMIUM"::equals).hasSize(1);
        assertThatThrownBy(() -> changes.apply(new PremiumChange(member.memberId(), member.enrollmentId(), change.reference(),
                "SOMETIME", change.eventDate(), change.reportedOn(), change.household(), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("effectiveDateRule:");
        assertThatThrownBy(() -> changes.apply(new PremiumChange("M-someone-else", member.enrollmentId(), "life-event-other",
                "FIRST_OF_MONTH_AFTER_CUTOFF", change.eventDate(), change.reportedOn(), change.household(), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enrollmentId: member M-someone-else has no enrollment " + member.enrollmentId());
        assertThat(adjustments.ofMember(member.memberId())).as("nothing written by the refused changes").hasSize(1);
    }

    @Test
    void aBirthBeforeCoverageBeganChangesTheTermsInFullFromTheFirstDayCovered() {
        // Single at $40,000 (250.63%) in Silver 2000 from January 2039: gross $749.93, tax credit $772.20 - $282.00
        // = $490.20, member $259.73; January billed.
        EnrolledMember member = EnrolledMember.enroll(context, Program.APTC_ONLY, new Premium(money("749.93"), money("490.20")),
                YearMonth.of(2039, 1), NOVEMBER_2038);
        bill(member, YearMonth.of(2039, 1));
        LocalDate born = LocalDate.of(2038, 12, 20);

        AppliedPremiumChange applied = changes.apply(new PremiumChange(member.memberId(), member.enrollmentId(), "life-event-december-"
                + member.memberId(), "EVENT_DATE", born, LocalDate.of(2039, 1, 5),
                new HouseholdAfter(2, money("40000.00"), List.of(ADULT, born), false), null));

        // Not from December 20, before coverage: from January 1, the tax credit too, as the household
        // was two when coverage began. Two at 184.84%: gross $1,138.78, tax credit $1,172.60 - $195.67
        // = $976.93, member $161.85: January $97.88 less than billed, no prorated month.
        assertThat(applied.coverageEffective()).isEqualTo(LocalDate.of(2039, 1, 1));
        assertThat(applied.premiumMonth()).isEqualTo(YearMonth.of(2039, 1));
        assertThat(applied.premium()).isEqualTo(new Premium(money("1138.78"), money("976.93")));
        assertThat(adjustments.ofMember(member.memberId())).extracting(BillingAdjustment::coverageMonth, BillingAdjustment::amount)
                .containsExactly(tuple(YearMonth.of(2039, 1), money("-97.88")));
    }

    @Test
    void theAutoPayDraftOfTheNextBillTakesTheNewAmountAndTheMemberIsToldBefore() {
        time.moveTo(Instant.parse("2037-12-01T15:00:00Z"));
        // Single at $40,000 (250.63%) in Silver 2000, 2038 rates: member $261.75, by AutoPay.
        EnrolledMember member = EnrolledMember.enroll(context, Program.APTC_ONLY, new Premium(money("681.75"), money("420.00")),
                YearMonth.of(2038, 1), Instant.parse("2037-12-01T15:00:00Z"));
        new MemberPaymentMethods(port, member.memberId(), member.mailbox(), jdbc, sandbox).addCardWithAutoPay("4242424242424242", "2040-08");
        bill(member, YearMonth.of(2038, 1));

        // A raise to $55,000 (344.61%), reported December 1: from January 1, already billed. Tax credit
        // $702.00 - $456.50 = $245.50, member $436.25: January's $174.50 more goes on February's bill.
        changes.apply(new PremiumChange(member.memberId(), member.enrollmentId(), "life-event-raise-" + member.memberId(),
                "FIRST_OF_MONTH_AFTER_CUTOFF", LocalDate.of(2037, 11, 20), LocalDate.of(2037, 12, 1),
                new HouseholdAfter(1, money("55000.00"), List.of(ADULT), false), null));
        LocalDate februaryDraft = calendar.draftDate(YearMonth.of(2038, 2));
        assertThat(member.mailbox().awaitMail("NEW_PREMIUM").text().orElseThrow())
                .contains("The first draft with the new amount is $610.75 on " + day(februaryDraft), "Visa card ending 4242");

        // January's draft takes January's bill as issued.
        time.moveTo(draftTime(calendar.draftDate(YearMonth.of(2038, 1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.payments(member.memberId()).size() == 1);
        assertThat(ledger.payments(member.memberId()).get(0).amount()).isEqualByComparingTo("261.75");

        // The billing run for February on January 10 bills the new premium and January's extra charge.
        time.moveTo(Instant.parse("2038-01-10T15:00:00Z"));
        YearMonth february = billingRun.due().orElseThrow();
        assertThat(february).isEqualTo(YearMonth.of(2038, 2));
        BillingRunProgress progress;
        do {
            progress = billingRun.nextBatch(february);
        } while (!progress.finished());
        assertThat(invoice(member, february).amount()).isEqualByComparingTo("610.75");

        time.moveTo(draftTime(februaryDraft));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.payments(member.memberId()).size() == 2);
        Payment draft = ledger.payments(member.memberId()).get(1);
        assertThat(draft.channel()).isEqualTo(Payment.Channel.AUTOPAY);
        assertThat(draft.amount()).isEqualByComparingTo("610.75");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> member.mailbox().notices().stream().filter("PAYMENT_RECEIPT"::equals).count() == 2);
        assertThat(member.mailbox().notices()).as("told of the new premium before February's bill and its draft")
                .containsSubsequence("NEW_PREMIUM", "PAYMENT_RECEIPT", "PREMIUM_BILL", "PAYMENT_RECEIPT");
    }

    private List<Invoice> bill(EnrolledMember member, YearMonth... months) {
        return transactions.execute(status -> {
            Enrollment enrollment = enrollments.findById(member.enrollmentId()).orElseThrow();
            return Arrays.stream(months).map(month -> invoicing.issue(enrollment, month)).toList();
        });
    }

    private Enrollment enrollment(EnrolledMember member) {
        return transactions.execute(status -> {
            Enrollment enrollment = enrollments.findById(member.enrollmentId()).orElseThrow();
            enrollment.premiumFor(YearMonth.of(2039, 1));
            return enrollment;
        });
    }

    private Invoice invoice(EnrolledMember member, YearMonth month) {
        return ledger.invoices(member.memberId()).stream().map(InvoiceStatus::invoice)
                .filter(invoice -> invoice.coverageMonth().equals(month)).findFirst().orElseThrow();
    }

    /** Drafts go out at 6:00 at the exchange; a minute later they have. */
    private static Instant draftTime(LocalDate date) {
        return date.atTime(LocalTime.of(6, 1)).atZone(ExchangeClock.EXCHANGE_ZONE).toInstant();
    }

    private static String day(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US));
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
