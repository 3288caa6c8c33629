package org.premiumflow.lifeevent;

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
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.member.Member;
import org.premiumflow.member.Members;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.member.Relationship;
import org.premiumflow.support.BusinessTime;
import org.premiumflow.support.EnrolledMember;
import org.premiumflow.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What the life-event API refuses, and how: every broken field named with its rule at once (400),
 * an unknown member or event (404), an event id reused for another event or proof for a decided
 * event (409), and nothing stored from a refused report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "premiumflow.embedded.postgres.ephemeral=true",
        "premiumflow.payment-methods.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        // A context of the life-event tests' own, so that their clock moves bill no other test's members.
        "premiumflow.life-events.proof-reminder-days-before=14"})
class LifeEventApiTest {

    static final Instant NOW = Instant.parse("2037-10-05T15:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    CamundaClient client;
    @Autowired
    ExchangeClock clock;
    @Autowired
    Members members;
    @Autowired
    TransactionTemplate transactions;

    BusinessTime time;
    String memberId;

    @BeforeEach
    void enroll() {
        time = new BusinessTime(clock, client);
        time.moveTo(NOW);
        memberId = EnrolledMember.enroll(context, Program.UNSUBSIDIZED, new Premium(new BigDecimal("598.20"), BigDecimal.ZERO),
                YearMonth.of(2037, 1), NOW).memberId();
    }

    @AfterEach
    void resetClocks() {
        time.reset();
    }

    @Test
    void everyBrokenFieldIsNamedWithItsRuleAndNothingIsStored() {
        HttpResponse<String> refused = report("""
                {"eventId": "my event!", "type": "PROMOTION", "eventDate": "2037-10-06", "householdSize": 0,
                 "annualIncome": "41250.125"}""");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("eventId", "type", "eventDate", "householdSize", "annualIncome",
                "eligibleForOtherCoverage");
        assertThat(Http.json(refused.body()).get("detail").asText()).contains("eventDate: must not be in the future",
                "annualIncome: is required: dollars and cents");

        HttpResponse<String> tomorrow = report(LifeEventScenarioTest.incomeChange("tomorrow", "2037-10-06"));
        assertThat(tomorrow.statusCode()).isEqualTo(400);
        assertThat(fields(tomorrow)).containsExactly("eventDate");
        assertThat(Http.get(port, path("tomorrow")).statusCode()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void onlyAMarriageOrABirthAddsPeopleAndOnlyADivorceOrADeathTakesThemAway() {
        HttpResponse<String> moveWithSpouse = report("""
                {"eventId": "move-1", "type": "MOVE", "eventDate": "2037-10-01", "householdSize": 2, "annualIncome": "41250.00",
                 "eligibleForOtherCoverage": false,
                 "joining": [{"firstName": "Sam", "lastName": "Okafor", "dateOfBirth": "1986-07-19", "relationship": "SPOUSE"}],
                 "leaving": [1]}""");

        assertThat(moveWithSpouse.statusCode()).isEqualTo(400);
        assertThat(fields(moveWithSpouse)).containsExactlyInAnyOrder("joining", "leaving");
    }

    @Test
    void aChildBornOrAdoptedIsBornByTheEventDateAndJoinsAsAChild() {
        HttpResponse<String> refused = report("""
                {"eventId": "baby", "type": "BIRTH_OR_ADOPTION", "eventDate": "2037-10-01", "householdSize": 2,
                 "annualIncome": "41250.00", "eligibleForOtherCoverage": false,
                 "joining": [{"firstName": "Ada", "lastName": "Diaz", "dateOfBirth": "2037-10-02", "relationship": "SPOUSE"},
                             {"firstName": "", "dateOfBirth": "yesterday", "relationship": "COUSIN"}]}""");
        HttpResponse<String> born = report("""
                {"eventId": "baby", "type": "BIRTH_OR_ADOPTION", "eventDate": "2037-10-01", "householdSize": 2,
                 "annualIncome": "41250.00", "eligibleForOtherCoverage": false,
                 "joining": [{"firstName": "Ada", "lastName": "Diaz", "dateOfBirth": "2037-10-01", "relationship": "CHILD"}]}""");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("joining[0].dateOfBirth", "joining[0].relationship",
                "joining[1].firstName", "joining[1].lastName", "joining[1].dateOfBirth", "joining[1].relationship");
        assertThat(born.statusCode()).as(born.body()).isEqualTo(202);
        assertThat(Http.getJson(port, path("baby")).get("joining").get(0).get("dateOfBirth").asText()).isEqualTo("2037-10-01");
    }

    @Test
    void whoLeavesMustBeOfTheMembersHousehold() {
        long spouse = transactions.execute(status -> {
            Member member = members.findById(memberId).orElseThrow();
            member.addToHousehold("Sam", "Okafor", LocalDate.of(1986, 7, 19), Relationship.SPOUSE);
            members.saveAndFlush(member);
            return member.household().get(0).id();
        });
        String divorce = """
                {"eventId": "divorce", "type": "DIVORCE", "eventDate": "2037-09-30", "householdSize": 1, "annualIncome": 41250.5,
                 "eligibleForOtherCoverage": false, "leaving": [%d]}""";

        HttpResponse<String> stranger = report(divorce.formatted(spouse + 1000));
        HttpResponse<String> taken = report(divorce.formatted(spouse));

        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(fields(stranger)).containsExactly("leaving[0]");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(202);
        JsonNode stored = Http.getJson(port, path("divorce"));
        assertThat(stored.get("leaving").get(0).asLong()).isEqualTo(spouse);
        assertThat(stored.get("annualIncome").decimalValue()).isEqualByComparingTo("41250.50");
    }

    @Test
    void aReportAfterItsWindowIsTakenWhenACaseworkerAcceptsItAndKeepsWhoAndWhy() {
        // August 1 could be reported until September 30; today is October 5.
        String late = LifeEventScenarioTest.incomeChange("lost-hours", "2037-08-01");
        String accepted = late.replace("\"eligibleForOtherCoverage\": false", """
                "eligibleForOtherCoverage": false,
                 "lateReport": {"acceptedBy": "caseworker-ana", "reason": "In hospital from August 2 to October 1."}""");

        HttpResponse<String> refused = report(late);
        HttpResponse<String> incomplete = report(accepted.replace("caseworker-ana", " ")
                .replace("In hospital from August 2 to October 1.", ""));
        HttpResponse<String> taken = report(accepted);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(incomplete.statusCode()).as(incomplete.body()).isEqualTo(400);
        assertThat(fields(incomplete)).containsExactlyInAnyOrder("lateReport.acceptedBy", "lateReport.reason");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(202);
        JsonNode stored = Http.getJson(port, path("lost-hours"));
        assertThat(stored.get("lateReport").get("acceptedBy").asText()).isEqualTo("caseworker-ana");
        assertThat(stored.get("lateReport").get("reason").asText()).isEqualTo("In hospital from August 2 to October 1.");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.getJson(port, path("lost-hours")).get("status").asText().equals("APPROVED"));
        assertThat(report(accepted).statusCode()).as("the same report again, the same case").isEqualTo(200);
    }

    @Test
    void aReportInTimeNeedsNoCaseworkersLeaveAndCannotCarryIt() {
        HttpResponse<String> refused = report(LifeEventScenarioTest.incomeChange("raise", "2037-10-01").replace(
                "\"eligibleForOtherCoverage\": false",
                "\"eligibleForOtherCoverage\": false, \"lateReport\": {\"acceptedBy\": \"caseworker-ana\", \"reason\": \"asked\"}"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("lateReport");
        assertThat(Http.json(refused.body()).get("detail").asText()).contains("only for a report after its 60-day window");
        assertThat(Http.get(port, path("raise")).statusCode()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void aDocumentSentAgainUnderItsIdempotencyKeyIsTakenOnce() {
        assertThat(report(LifeEventScenarioTest.move("moved", "2037-10-01")).statusCode()).isEqualTo(202);
        String lease = "{\"kind\": \"lease\", \"description\": \"Signed lease, 12 Elm St\"}";

        HttpResponse<String> first = Http.postJson(port, path("moved") + "/documents", lease, "upload-1");
        HttpResponse<String> retried = Http.postJson(port, path("moved") + "/documents", lease, "upload-1");
        HttpResponse<String> other = Http.postJson(port, path("moved") + "/documents", "{\"kind\": \"utility bill\"}", "upload-1");
        HttpResponse<String> badKey = Http.postJson(port, path("moved") + "/documents", lease, "k".repeat(101));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(Http.json(retried.body()).get("id").asLong()).isEqualTo(Http.json(first.body()).get("id").asLong());
        assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
        assertThat(Http.json(other.body()).get("detail").asText()).contains("upload-1 was used for another document");
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(fields(badKey)).containsExactly("Idempotency-Key");
        assertThat(Http.getJson(port, path("moved")).get("documents")).as("one lease").hasSize(1);
    }

    @Test
    void anUnknownMemberOrEventIsNotFound() {
        assertThat(Http.postJson(port, "/api/members/M-NOBODY/life-events", LifeEventScenarioTest.incomeChange("x", "2037-10-01"))
                .statusCode()).isEqualTo(404);
        assertThat(Http.get(port, "/api/members/M-NOBODY/life-events/x").statusCode()).isEqualTo(404);
        assertThat(Http.get(port, path("never-reported")).statusCode()).isEqualTo(404);
        assertThat(Http.postJson(port, path("never-reported") + "/documents", "{\"kind\": \"lease\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void proofIsTakenOnlyWithItsKindAndOnlyUntilTheEventIsDecided() {
        assertThat(report(LifeEventScenarioTest.incomeChange("raise", "2037-10-01")).statusCode()).isEqualTo(202);

        HttpResponse<String> noKind = Http.postJson(port, path("raise") + "/documents", "{\"description\": \"pay stub\"}");
        assertThat(noKind.statusCode()).isEqualTo(400);
        assertThat(fields(noKind)).containsExactly("kind");

        await().atMost(Duration.ofSeconds(30)).until(() -> Http.getJson(port, path("raise")).get("status").asText().equals("APPROVED"));
        HttpResponse<String> late = Http.postJson(port, path("raise") + "/documents", "{\"kind\": \"pay stub\"}");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertThat(Http.json(late.body()).get("detail").asText()).contains("raise is decided (APPROVED)");
        assertThat(Http.getJson(port, path("raise")).get("documents")).isEmpty();
    }

    private HttpResponse<String> report(String body) {
        return Http.postJson(port, "/api/members/" + memberId + "/life-events", body);
    }

    private String path(String eventId) {
        return "/api/members/" + memberId + "/life-events/" + eventId;
    }

    private static List<String> fields(HttpResponse<String> response) {
        return StreamSupport.stream(Http.json(response.body()).get("errors").spliterator(), false)
                .map(error -> error.get("field").asText()).toList();
    }
}
