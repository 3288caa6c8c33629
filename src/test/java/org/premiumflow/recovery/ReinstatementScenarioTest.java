package org.premiumflow.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
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
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.support.BusinessTime;
import org.premiumflow.support.EnrolledMember;
import org.premiumflow.support.Http;
import org.premiumflow.support.MemberMailbox;
import org.premiumflow.support.MemberPremiums;
import org.premiumflow.support.MemberProcesses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * An unsubsidized member who paid January and then nothing, end to end on the embedded engine:
 * on March 1 coverage ends retroactively on January 31, and February and March, billed before,
 * are cancelled. Each test runs in a year of its own: a billing run, once done for a month, is
 * done for every test in this context, and the first test watches April's run bill the member. Within the 35 days the termination notice gives, paying the balance plus the next
 * month and asking restores the coverage; asking without enough paid, or too late, changes nothing.
 * What is checked is what the member sees: the billing view, the API's answers and the e-mails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "premiumflow.embedded.postgres.ephemeral=true",
        "premiumflow.payment-methods.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class ReinstatementScenarioTest {

    static final String PREMIUM = "612.40";
    /** February and March, owed had coverage gone on, plus April, the next month. */
    static final String BALANCE_AND_NEXT_MONTH = "1837.20";

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

    BusinessTime time;
    int year;
    MemberMailbox mailbox;
    String memberId;
    long enrollmentId;
    long card;
    MemberPremiums premiums;

    @BeforeEach
    void startClocks() {
        time = new BusinessTime(clock, client);
    }

    @AfterEach
    void resetClocks() {
        time.reset();
    }

    @Test
    void aMemberWhoPaysTheBalanceAndTheNextMonthWithin35DaysIsReinstated() {
        terminatedOnMarch1WithFebruaryAndMarchBilled(2028);

        time.moveTo(at("03-03T15:00:00Z"));
        HttpResponse<String> tooLittle = askToBeReinstated("");
        assertThat(tooLittle.statusCode()).as(tooLittle.body()).isEqualTo(422);
        assertThat(Http.json(tooLittle.body()).get("amountNeeded").decimalValue()).isEqualByComparingTo(BALANCE_AND_NEXT_MONTH);
        assertThat(Http.json(tooLittle.body()).get("detail").asText()).contains("$1837.20 is still needed");
        assertThat(coverageEnd()).as("nothing changed").contains(LocalDate.of(year, 1, 31));
        assertThat(states(billing())).containsExactly("PAID", "CANCELLED", "CANCELLED");

        premiums.pay(card, BALANCE_AND_NEXT_MONTH, "reinstatement");
        assertThat(billing().get("credit").decimalValue()).isEqualByComparingTo(BALANCE_AND_NEXT_MONTH);
        HttpResponse<String> asked = askToBeReinstated("{\"enrollmentId\": " + enrollmentId + "}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        assertThat(Http.json(asked.body()).get("reinstatementAmount").decimalValue()).isEqualByComparingTo(BALANCE_AND_NEXT_MONTH);

        assertThat(mailbox.awaitText("REINSTATEMENT_CONFIRMATION")).contains("$1,837.20", "covered starting with February 2028");
        assertThat(coverageEnd()).isEmpty();
        JsonNode billing = billing();
        assertThat(states(billing)).containsExactly("PAID", "PAID", "PAID");
        assertThat(billing.get("credit").decimalValue()).as("April's premium, paid in advance").isEqualByComparingTo(PREMIUM);
        assertThat(descriptions(billing)).contains("Premium for 2028-02 owed again: coverage reinstated",
                "Premium for 2028-03 owed again: coverage reinstated");
        new MemberProcesses(client, memberId).awaitReached("coverage-reinstated");

        time.moveTo(at("03-10T15:00:00Z"));
        client.newPublishMessageCommand().messageName("billing-run-requested").correlationKey("").send().join();
        await().atMost(Duration.ofSeconds(30)).until(() -> states(billing()).size() == 4);
        assertThat(states(billing())).as("April billed and paid from the credit").containsExactly("PAID", "PAID", "PAID", "PAID");
        assertThat(billing().get("balance").decimalValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void askingOnDay36IsRefusedAndCoverageStaysEnded() {
        terminatedOnMarch1WithFebruaryAndMarchBilled(2027);
        time.moveTo(at("03-20T15:00:00Z"));
        // A request reaching the process without the money, as when a debit came back after the
        // member asked: the process checks again, reinstates nothing and waits on.
        client.newPublishMessageCommand().messageName("reinstatement-requested").correlationKey("enrollment-" + enrollmentId)
                .messageId("unpaid-request-" + enrollmentId).variables(Map.of("reinstatementAmount", BALANCE_AND_NEXT_MONTH))
                .send().join();
        new MemberProcesses(client, memberId).awaitReached("not-paid-any-more");
        assertThat(coverageEnd()).contains(LocalDate.of(year, 1, 31));
        assertThat(states(billing())).containsExactly("PAID", "CANCELLED", "CANCELLED");
        premiums.pay(card, BALANCE_AND_NEXT_MONTH, "reinstatement");

        time.moveTo(at("04-06T15:00:00Z"));
        new MemberProcesses(client, memberId).awaitReached("coverage-ended");
        HttpResponse<String> tooLate = askToBeReinstated("");

        assertThat(tooLate.statusCode()).as(tooLate.body()).isEqualTo(409);
        assertThat(Http.json(tooLate.body()).get("detail").asText()).contains("ended on April 5, 2027");
        assertThat(coverageEnd()).contains(LocalDate.of(year, 1, 31));
        assertThat(states(billing())).containsExactly("PAID", "CANCELLED", "CANCELLED");
        assertThat(mailbox.notices()).doesNotContain("REINSTATEMENT_CONFIRMATION");
    }

    @Test
    void aRequestThatCannotBeMetIsAnsweredClearly() {
        year = 2027;
        HttpResponse<String> unknown = Http.postJson(port, "/api/members/M-nobody/reinstatement", "");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);

        enrolled(Program.UNSUBSIDIZED, new Premium(new BigDecimal(PREMIUM), BigDecimal.ZERO));
        HttpResponse<String> covered = askToBeReinstated("");
        assertThat(covered.statusCode()).as(covered.body()).isEqualTo(409);
        assertThat(Http.json(covered.body()).get("detail").asText()).contains("No coverage", "ended for non-payment");

        HttpResponse<String> notTheirs = askToBeReinstated("{\"enrollmentId\": " + (enrollmentId + 100_000) + "}");
        assertThat(notTheirs.statusCode()).as(notTheirs.body()).isEqualTo(400);
        assertThat(notTheirs.body()).contains("enrollmentId");
    }

    // --- set-up through the member API ---------------------------------------------------------

    /** January paid; February unpaid at its due date; March billed on February 10 and left unpaid too. */
    private void terminatedOnMarch1WithFebruaryAndMarchBilled(int inYear) {
        year = inYear;
        time.moveTo(Instant.parse((year - 1) + "-11-27T15:00:00Z"));
        enrolled(Program.UNSUBSIDIZED, new Premium(new BigDecimal(PREMIUM), BigDecimal.ZERO));
        HttpResponse<String> added = Http.postJson(port, "/api/members/" + memberId + "/payment-methods",
                "{\"type\": \"CARD\", \"cardNumber\": \"4242424242424242\", \"expiry\": \"2029-08\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        mailbox.awaitMail("PAYMENT_METHOD_VERIFIED");
        card = Http.json(added.body()).get("id").asLong();
        premiums.issue(YearMonth.of(year, 1));
        mailbox.awaitMail("PREMIUM_BILL");
        premiums.pay(card, PREMIUM, "january");

        premiums.issue(YearMonth.of(year, 2));
        time.moveTo(at("01-27T15:00:00Z"));
        mailbox.awaitMail("PAST_DUE_WARNING");
        time.moveTo(at("02-10T15:00:00Z"));
        premiums.issue(YearMonth.of(year, 3));
        time.moveTo(at("02-24T15:00:00Z"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailbox.notices().stream().filter("PREMIUM_UNPAID"::equals).count() == 2);

        time.moveTo(at("03-01T15:00:00Z"));
        assertThat(mailbox.awaitText("TERMINATION_NOTICE")).contains("ended on January 31, " + year, "reinstate it by April 5, " + year);
        JsonNode billing = billing();
        assertThat(states(billing)).as("the months after the end are cancelled, not past due")
                .containsExactly("PAID", "CANCELLED", "CANCELLED");
        String cancelledBecause = "coverage ended on January 31, " + year + " for non-payment";
        assertThat(billing.get("invoices").get(1).get("cancellationReason").asText()).isEqualTo(cancelledBecause);
        assertThat(billing.get("balance").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(billing.get("nextDue").isNull()).isTrue();
        assertThat(descriptions(billing)).contains("Premium for " + year + "-02 cancelled: " + cancelledBecause,
                "Premium for " + year + "-03 cancelled: " + cancelledBecause);
    }

    private void enrolled(Program program, Premium premium) {
        EnrolledMember member = EnrolledMember.enroll(context, program, premium, YearMonth.of(year, 1), clock.instant());
        memberId = member.memberId();
        mailbox = member.mailbox();
        enrollmentId = member.enrollmentId();
        premiums = new MemberPremiums(context, port, member);
    }

    /** A moment of the test's year, "MM-ddTHH:mm:ssZ". */
    private Instant at(String monthDayTime) {
        return Instant.parse(year + "-" + monthDayTime);
    }

    private HttpResponse<String> askToBeReinstated(String body) {
        return Http.postJson(port, "/api/members/" + memberId + "/reinstatement", body);
    }

    // --- what the member and a caseworker see ------------------------------------------------

    private JsonNode billing() {
        return Http.getJson(port, "/api/members/" + memberId + "/billing");
    }

    private static List<String> states(JsonNode billing) {
        return StreamSupport.stream(billing.get("invoices").spliterator(), false).map(line -> line.get("state").asText()).toList();
    }

    private static List<String> descriptions(JsonNode billing) {
        return StreamSupport.stream(billing.get("history").spliterator(), false).map(line -> line.get("description").asText()).toList();
    }

    private Optional<LocalDate> coverageEnd() {
        return enrollments.findById(enrollmentId).orElseThrow().coverageEnd();
    }
}
