package org.premiumflow.lifeevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.premiumflow.billing.BillingAdjustment;
import org.premiumflow.billing.BillingAdjustments;
import org.premiumflow.billing.InvoiceStatus;
import org.premiumflow.billing.Ledger;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.member.ConnectorCarePlanType;
import org.premiumflow.member.CoverageEndReason;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Members;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.member.Relationship;
import org.premiumflow.payment.gateway.sandbox.SandboxPaymentGateway;
import org.premiumflow.support.BusinessTime;
import org.premiumflow.support.EnrolledMember;
import org.premiumflow.support.Http;
import org.premiumflow.support.MemberPaymentMethods;
import org.premiumflow.support.MemberPremiums;
import org.premiumflow.support.MemberProcesses;
import org.premiumflow.support.TestRatingData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * From the member's report to the bill: a life event is reported through the member API, verified
 * where the rules ask for proof, and the approved event re-rates the household; the member is told
 * the new premium, and the next invoice carries the credit or extra charge for months billed before.
 * Members pay January to March by card in November, so that March is billed at the old premium
 * when the event comes. Rated from the shipped 2027 data loaded for 2037: guideline $15,960 plus
 * $5,680 a person; the member, born March 2, 1984, and her spouse rate at 1.700 (50-59), a child
 * at 0.700; Silver 2000 and ConnectorCare HMO $505 times the factor, benchmark $520 times it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "premiumflow.embedded.postgres.ephemeral=true",
        "premiumflow.payment-methods.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        // The same context as LifeEventScenarioTest: its members, not other classes', share the clock with these.
        "premiumflow.life-events.proof-reminder-days-before=14"})
class LifeEventRecalculationScenarioTest {

    static final Instant ENROLLED = Instant.parse("2036-11-20T15:00:00Z");
    static final YearMonth JANUARY = YearMonth.of(2037, 1);
    static final YearMonth MARCH = YearMonth.of(2037, 3);
    static final YearMonth APRIL = YearMonth.of(2037, 4);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    CamundaClient client;
    @Autowired
    ExchangeClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxPaymentGateway sandbox;
    @Autowired
    BillingAdjustments adjustments;
    @Autowired
    Ledger ledger;
    @Autowired
    Enrollments enrollments;
    @Autowired
    Members members;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    PremiumRecalculation recalculation;

    BusinessTime time;
    EnrolledMember member;
    MemberPremiums premiums;
    MemberProcesses processes;

    @BeforeEach
    void ratingDataFor2037() {
        TestRatingData.loadAs2027(jdbc, 2037, BigDecimal.ONE);
        time = new BusinessTime(clock, client);
        time.moveTo(ENROLLED);
    }

    @AfterEach
    void resetClocks() {
        time.reset();
    }

    @Test
    void marriageRaisingHouseholdIncomeGivesPlanType3BAndANewTaxCreditFromTheFirstOfTheNextMonth() {
        // Single at $30,000 (187.97% of the poverty level): ConnectorCare Plan Type 2B, gross $858.50,
        // tax credit $884.00 - $150.50 (6.02% of income a month) = $733.50, member $125.00.
        enrollAndPayJanuaryToMarch("MA-CC-01", "ConnectorCare HMO", Program.CONNECTORCARE, ConnectorCarePlanType.TYPE_2B,
                new Premium(money("858.50"), money("733.50")));

        // Married February 10, reported on the 20th, before the 23rd: new terms from March 1.
        time.moveTo(Instant.parse("2037-02-20T15:00:00Z"));
        assertThat(report("""
                {"eventId": "wedding", "type": "MARRIAGE", "eventDate": "2037-02-10", "householdSize": 2, "annualIncome": "60000.00",
                 "eligibleForOtherCoverage": false,
                 "joining": [{"firstName": "Sam", "lastName": "Okafor", "dateOfBirth": "1986-07-19", "relationship": "SPOUSE"}]}""")
                .statusCode()).isEqualTo(202);
        approveAsCaseworker("Marriage certificate seen at the walk-in center.");
        processes.awaitReached("event-approved");

        // Two at $60,000 (277.26%): Plan Type 3B, gross $1,717.00, tax credit $1,768.00 - $463.50 (9.27%)
        // = $1,304.50, member $412.50. February stays as billed; March was billed at $125.00.
        Enrollment enrollment = enrollment();
        assertThat(enrollment.program()).isEqualTo(Program.CONNECTORCARE);
        assertThat(enrollment.connectorCarePlanType()).contains(ConnectorCarePlanType.TYPE_3B);
        assertThat(enrollment.premiumFor(YearMonth.of(2037, 2))).contains(new Premium(money("858.50"), money("733.50")));
        assertThat(enrollment.premiumFor(MARCH)).contains(new Premium(money("1717.00"), money("1304.50")));
        assertThat(adjustments.ofMember(member.memberId())).extracting(BillingAdjustment::coverageMonth, BillingAdjustment::amount)
                .containsExactly(tuple(MARCH, money("287.50")));
        assertThat(household()).containsExactly(tuple("Sam", "SPOUSE", null));
        assertThat(member.mailbox().awaitText("NEW_PREMIUM")).contains("Your coverage changes from March 1, 2037",
                "Your part each month: $412.50", "Program: ConnectorCare Plan Type 3B (before: ConnectorCare Plan Type 2B)",
                "March 2037: extra charge of $287.50");
        assertThat(member.mailbox().notices()).containsSubsequence("LIFE_EVENT_RECEIVED", "LIFE_EVENT_PROOF_REQUESTED",
                "LIFE_EVENT_DECISION", "NEW_PREMIUM");

        JsonNode pending = billing().get("pendingAdjustments");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).get("coverageMonth").asText()).isEqualTo("2037-03");
        premiums.issue(APRIL);
        JsonNode april = invoiceLine(billing(), APRIL);
        assertThat(april.get("amount").decimalValue()).as("April's $412.50 and March's $287.50").isEqualByComparingTo("700.00");
        assertThat(april.get("adjustments").get(0).get("amount").decimalValue()).isEqualByComparingTo("287.50");
        assertThat(invoiceLine(billing(), MARCH).get("amount").decimalValue()).as("March's invoice as issued")
                .isEqualByComparingTo("125.00");
        await().atMost(Duration.ofSeconds(30)).until(() -> member.mailbox().notices().stream().filter("PREMIUM_BILL"::equals).count() == 4);
        assertThat(member.mailbox().awaitText("PREMIUM_BILL")).as("April's bill").contains("April 2037 coverage", "Amount due: $700.00",
                "The amount due includes these changes for months you were billed for before: March 2037: extra charge of $287.50"
                        + " (Your premium for the whole month changed from $125.00 to $412.50)");
    }

    @Test
    void aBirthCountsFromItsDayWithTheTaxCreditFromTheNextMonthAndCreditsTheMonthsBilledSince() {
        // Single at $40,000 (250.63%) in Silver 2000: gross $858.50, tax credit $884.00 - $282.00 = $602.00, member $256.50.
        enrollAndPayJanuaryToMarch("MA-SILVER-01", "Silver 2000", Program.APTC_ONLY, null, new Premium(money("858.50"), money("602.00")));

        time.moveTo(Instant.parse("2037-02-02T15:00:00Z"));
        assertThat(report("""
                {"eventId": "lucia", "type": "BIRTH_OR_ADOPTION", "eventDate": "2037-01-14", "householdSize": 2,
                 "annualIncome": "40000.00", "eligibleForOtherCoverage": false,
                 "joining": [{"firstName": "Lucia", "lastName": "Diaz", "dateOfBirth": "2037-01-14", "relationship": "CHILD"}]}""")
                .statusCode()).isEqualTo(202);
        approveAsCaseworker("Hospital record of the birth received.");
        processes.awaitReached("event-approved");

        // January from the 14th: the baby adds $353.50 to the gross under the old $602.00 credit,
        // for 18 of 31 days: $205.26 more. From February, two at 184.84%: gross $1,212.00, tax credit
        // $1,248.00 - $195.67 = $1,052.33, member $159.67: $96.83 less in February and in March.
        assertThat(adjustments.ofMember(member.memberId())).extracting(BillingAdjustment::coverageMonth, BillingAdjustment::amount)
                .containsExactly(tuple(JANUARY, money("205.26")), tuple(YearMonth.of(2037, 2), money("-96.83")),
                        tuple(MARCH, money("-96.83")));
        assertThat(enrollment().premiumFor(YearMonth.of(2037, 2))).contains(new Premium(money("1212.00"), money("1052.33")));
        assertThat(household()).containsExactly(tuple("Lucia", "CHILD", null));
        assertThat(member.mailbox().awaitText("NEW_PREMIUM")).contains("January 2037: extra charge of $205.26",
                "February 2037: credit of $96.83", "March 2037: credit of $96.83");

        premiums.issue(APRIL);
        JsonNode april = invoiceLine(billing(), APRIL);
        assertThat(april.get("amount").decimalValue()).as("$159.67 + $205.26 - $96.83 - $96.83").isEqualByComparingTo("171.27");
        assertThat(april.get("adjustments")).hasSize(3);
        assertThat(billing().get("pendingAdjustments")).isEmpty();
    }

    @Test
    void losingAJobMovesTheMemberIntoConnectorCareWithoutACaseworkerAndTheCreditOutlastsTheNextBill() {
        // Single at $60,000 (375.94%) in Silver 2000: gross $858.50, tax credit $884.00 - $498.00 = $386.00, member $472.50.
        enrollAndPayJanuaryToMarch("MA-SILVER-01", "Silver 2000", Program.APTC_ONLY, null, new Premium(money("858.50"), money("386.00")));

        // Laid off February 5: $20,000 for the year (125.31%), and the member picks the ConnectorCare plan.
        time.moveTo(Instant.parse("2037-02-06T15:00:00Z"));
        assertThat(report("""
                {"eventId": "laid-off", "type": "INCOME_CHANGE", "eventDate": "2037-02-05", "householdSize": 1,
                 "annualIncome": "20000.00", "eligibleForOtherCoverage": false, "planId": "MA-CC-01"}""").statusCode()).isEqualTo(202);
        processes.awaitReached("event-approved");

        // Plan Type 2A: tax credit $884.00 - $35.00 (2.10%) = $849.00, member $9.50 from March.
        Enrollment enrollment = enrollment();
        assertThat(enrollment.program()).isEqualTo(Program.CONNECTORCARE);
        assertThat(enrollment.connectorCarePlanType()).contains(ConnectorCarePlanType.TYPE_2A);
        assertThat(enrollment.planName()).isEqualTo("ConnectorCare HMO");
        assertThat(enrollment.premiumFor(MARCH)).contains(new Premium(money("858.50"), money("849.00")));
        assertThat(member.mailbox().awaitText("NEW_PREMIUM")).contains("Program: ConnectorCare Plan Type 2A (before: premium tax credit)",
                "March 2037: credit of $463.00");
        assertThat(processes.reached(LifeEventWorkers.VERIFY_TASK)).as("no proof needed for a change of income").isFalse();

        premiums.issue(APRIL);
        assertThat(invoiceLine(billing(), APRIL).get("amount").decimalValue()).as("$9.50 less $463.00, never below zero")
                .isEqualByComparingTo("0.00");
        assertThat(adjustments.pending(member.enrollmentId())).extracting(BillingAdjustment::amount).containsExactly(money("-453.50"));
    }

    @Test
    void aDivorceTakesTheSpouseOffThePlanAndTheHouseholdKeepsTheirRecord() {
        // Two at $60,000 (277.26%) in Silver 2000: gross $1,717.00, tax credit $1,304.50, member $412.50.
        enrollAndPayJanuaryToMarch("MA-SILVER-01", "Silver 2000", Program.APTC_ONLY, null,
                new Premium(money("1717.00"), money("1304.50")));
        transactions.executeWithoutResult(status -> members.findById(member.memberId()).orElseThrow()
                .addToHousehold("Sam", "Okafor", LocalDate.of(1986, 7, 19), Relationship.SPOUSE));
        // Stored on commit: the id the report names is read back.
        long spouseId = jdbc.queryForObject("select id from premiumflow.household_person where member_id = ?", Long.class,
                member.memberId());

        time.moveTo(Instant.parse("2037-02-20T15:00:00Z"));
        String divorce = """
                {"eventId": "divorce", "type": "DIVORCE", "eventDate": "2037-02-10", "householdSize": 1, "annualIncome": "45000.00",
                 "eligibleForOtherCoverage": false, "leaving": [%d]}""".formatted(spouseId);
        assertThat(report(divorce).statusCode()).isEqualTo(202);
        processes.awaitReached("event-approved");

        // One at $45,000 (281.95%): gross $858.50, tax credit $884.00 - $352.88 (9.41%) = $531.12, member
        // $327.38 from March: $85.12 less than March was billed.
        assertThat(enrollment().premiumFor(MARCH)).contains(new Premium(money("858.50"), money("531.12")));
        assertThat(adjustments.ofMember(member.memberId())).extracting(BillingAdjustment::coverageMonth, BillingAdjustment::amount)
                .containsExactly(tuple(MARCH, money("-85.12")));
        assertThat(household()).as("on record, gone from the day of the divorce")
                .containsExactly(tuple("Sam", "SPOUSE", java.sql.Date.valueOf("2037-02-10")));
        HttpResponse<String> again = report(divorce.replace("\"divorce\"", "\"divorce-again\""));
        assertThat(again.statusCode()).as("someone who left cannot leave again").isEqualTo(400);
        assertThat(again.body()).contains("leaving[0]");
    }

    @Test
    void aBirthAfterCoverageEndedJoinsTheHouseholdOnceAndChangesNoPremium() {
        enrollAndPayJanuaryToMarch("MA-SILVER-01", "Silver 2000", Program.APTC_ONLY, null, new Premium(money("858.50"), money("602.00")));
        transactions.executeWithoutResult(status -> enrollments.findById(member.enrollmentId()).orElseThrow()
                .endCoverage(LocalDate.of(2037, 3, 31), CoverageEndReason.NON_PAYMENT));

        time.moveTo(Instant.parse("2037-04-12T15:00:00Z"));
        assertThat(report("""
                {"eventId": "noah", "type": "BIRTH_OR_ADOPTION", "eventDate": "2037-04-10", "householdSize": 2,
                 "annualIncome": "40000.00", "eligibleForOtherCoverage": false,
                 "joining": [{"firstName": "Noah", "lastName": "Diaz", "dateOfBirth": "2037-04-10", "relationship": "CHILD"}]}""")
                .statusCode()).isEqualTo(202);
        approveAsCaseworker("Birth certificate received.");
        processes.awaitReached("event-approved");
        long lifeEventId = Http.getJson(port, "/api/members/" + member.memberId() + "/life-events/noah").get("id").asLong();

        assertThat(recalculation.recalculate(lifeEventId, "EVENT_DATE")).as("a job run again: no enrollment in force").isEmpty();
        assertThat(household()).as("once, though the job ran twice").containsExactly(tuple("Noah", "CHILD", null));
        assertThat(adjustments.ofMember(member.memberId())).isEmpty();
        assertThat(member.mailbox().notices()).doesNotContain("NEW_PREMIUM");
    }

    // --- the member, enrolled in November and paid up to March -------------------------------------

    private void enrollAndPayJanuaryToMarch(String planId, String planName, Program program, ConnectorCarePlanType planType,
                                            Premium premium) {
        member = EnrolledMember.enroll(context, planId, planName, program, planType, premium, JANUARY, ENROLLED);
        premiums = new MemberPremiums(context, port, member);
        processes = new MemberProcesses(client, member.memberId());
        for (YearMonth month = JANUARY; !month.isAfter(MARCH); month = month.plusMonths(1)) {
            premiums.issue(month);
        }
        long card = new MemberPaymentMethods(port, member.memberId(), member.mailbox(), jdbc, sandbox)
                .addCard("4242424242424242", "2039-08");
        premiums.pay(card, premium.memberResponsibility().multiply(BigDecimal.valueOf(3)).toPlainString(), "january-to-march");
        assertThat(ledger.invoices(member.memberId())).extracting(InvoiceStatus::paidInFull).containsOnly(true);
    }

    private HttpResponse<String> report(String body) {
        return Http.postJson(port, "/api/members/" + member.memberId() + "/life-events", body);
    }

    private void approveAsCaseworker(String note) {
        List<UserTask> tasks = processes.awaitTasks(LifeEventWorkers.VERIFY_TASK);
        assertThat(tasks).hasSize(1);
        long task = tasks.get(0).getUserTaskKey();
        client.newAssignUserTaskCommand(task).assignee("caseworker-ana").send().join();
        client.newCompleteUserTaskCommand(task).variables(Map.of("verificationDecision", "APPROVE", "verificationNote", note))
                .send().join();
    }

    // --- what the member has and sees ------------------------------------------------------------

    private Enrollment enrollment() {
        return transactions.execute(status -> {
            Enrollment enrollment = enrollments.findById(member.enrollmentId()).orElseThrow();
            enrollment.premiumFor(JANUARY);
            return enrollment;
        });
    }

    private List<org.assertj.core.groups.Tuple> household() {
        return jdbc.query("select first_name, relationship, left_on from premiumflow.household_person where member_id = ? order by id",
                (row, n) -> tuple(row.getString("first_name"), row.getString("relationship"), row.getDate("left_on")), member.memberId());
    }

    private JsonNode billing() {
        return Http.getJson(port, "/api/members/" + member.memberId() + "/billing");
    }

    private static JsonNode invoiceLine(JsonNode billing, YearMonth month) {
        for (JsonNode invoice : billing.get("invoices")) {
            if (invoice.get("coverageMonth").asText().equals(month.toString())) {
                return invoice;
            }
        }
        throw new AssertionError("no invoice for " + month + " in " + billing);
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
