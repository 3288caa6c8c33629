package org.premiumflow.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.premiumflow.member.Member;
import org.premiumflow.member.Members;
import org.premiumflow.notification.NoticeRequest;
import org.premiumflow.notification.NoticeTemplate;
import org.premiumflow.notification.Notices;
import org.premiumflow.notification.sms.sandbox.SandboxTextMessageGateway;
import org.premiumflow.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** A member reads and replaces which channels each alert reaches them on, all at once or not at all. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
class ContactPreferenceApiTest {

    static final AtomicInteger MEMBER_NUMBERS = new AtomicInteger();

    static final String ALL_BY_EMAIL = """
            {"preferences":[{"alert":"BILL","channels":["EMAIL"]},{"alert":"PAYMENT_REMINDER","channels":["EMAIL"]},\
            {"alert":"PAYMENT_FAILED","channels":["EMAIL"]},{"alert":"PAYMENT_RECEIPT","channels":["EMAIL"]},\
            {"alert":"COVERAGE_NOTICE","channels":["EMAIL"]}]}""";

    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    Notices notices;
    @Autowired
    SandboxTextMessageGateway texts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMemberWhoChoseNothingGetsEveryAlertByEmail() {
        Member member = member("+16175550171");

        HttpResponse<String> response = Http.get(port, path(member));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(ALL_BY_EMAIL);
    }

    @Test
    void choicesReplacedAreReadBackAndReachTheMember() {
        Member member = member("+16175550172");

        HttpResponse<String> replaced = Http.putJson(port, path(member), """
                {"preferences": [{"alert": "PAYMENT_REMINDER", "channels": ["SMS", "EMAIL"]},
                                 {"alert": "BILL", "channels": ["SMS", "SMS"]}]}""");

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.body()).isEqualTo(Http.get(port, path(member)).body());
        assertThat(channels(Http.json(replaced.body()))).containsExactly(
                Map.entry("BILL", List.of("SMS")),
                Map.entry("PAYMENT_REMINDER", List.of("EMAIL", "SMS")),
                Map.entry("PAYMENT_FAILED", List.of("EMAIL")),
                Map.entry("PAYMENT_RECEIPT", List.of("EMAIL")),
                Map.entry("COVERAGE_NOTICE", List.of("EMAIL")));
        notices.send(new NoticeRequest(member.memberId(), NoticeTemplate.PREMIUM_BILL, "invoice-1",
                Map.of("coverageMonth", "2027-02", "dueAmount", "211.25", "dueDate", "2027-01-23")));
        assertThat(texts.sentTo(member.phone())).hasSize(1);

        HttpResponse<String> emptied = Http.putJson(port, path(member), "{\"preferences\": []}");

        assertThat(emptied.statusCode()).isEqualTo(200);
        assertThat(emptied.body()).isEqualTo(ALL_BY_EMAIL);
        assertThat(rowsFor(member)).isZero();
    }

    @Test
    void everyBrokenFieldIsNamedWithItsRuleAndNothingChanges() {
        Member member = member("+16175550173");
        Http.putJson(port, path(member), "{\"preferences\": [{\"alert\": \"BILL\", \"channels\": [\"SMS\"]}]}");

        HttpResponse<String> response = Http.putJson(port, path(member), """
                {"preferences": [{"alert": "PAYMENT_RECEIPT", "channels": ["EMAIL"]},
                                 {"alert": "WEEKLY_DIGEST", "channels": ["EMAIL"]},
                                 {"alert": "PAYMENT_RECEIPT", "channels": ["SMS"]},
                                 {"alert": "BILL", "channels": []},
                                 {"alert": "PAYMENT_FAILED", "channels": ["FAX"]},
                                 {"alert": "COVERAGE_NOTICE"},
                                 null]}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(errors(response)).containsExactly(
                Map.entry("preferences[1].alert", "must be one of BILL, PAYMENT_REMINDER, PAYMENT_FAILED, PAYMENT_RECEIPT, COVERAGE_NOTICE"),
                Map.entry("preferences[2].alert", "names an alert named before; name each alert once"),
                Map.entry("preferences[3].channels", "must name EMAIL, SMS or both"),
                Map.entry("preferences[4].channels", "must name EMAIL, SMS or both"),
                Map.entry("preferences[5].channels", "must name EMAIL, SMS or both"),
                Map.entry("preferences[6]", "must be an alert with its channels"));
        assertThat(channels(Http.getJson(port, path(member)))).containsEntry("BILL", List.of("SMS"))
                .containsEntry("PAYMENT_RECEIPT", List.of("EMAIL"));
        assertThat(rowsFor(member)).as("as before").isEqualTo(1);
    }

    @Test
    void aRequestWithoutTheListIsRefused() {
        Member member = member("+16175550174");

        HttpResponse<String> response = Http.putJson(port, path(member), "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(response)).containsOnlyKeys("preferences");
        assertThat(Http.putJson(port, path(member), "[\"SMS\"]").statusCode()).isEqualTo(400);
    }

    @Test
    void textMessagesWithoutAPhoneNumberOnFileAreRefusedNamingTheChoiceAndNothingChanges() {
        Member member = member(null);
        Http.putJson(port, path(member), "{\"preferences\": [{\"alert\": \"BILL\", \"channels\": [\"EMAIL\"]}]}");

        HttpResponse<String> response = Http.putJson(port, path(member), """
                {"preferences": [{"alert": "PAYMENT_RECEIPT", "channels": ["EMAIL"]},
                                 {"alert": "PAYMENT_REMINDER", "channels": ["EMAIL", "SMS"]}]}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode problem = Http.json(response.body());
        assertThat(problem.get("title").asText()).isEqualTo("No phone number");
        assertThat(problem.get("detail").asText()).contains(member.memberId());
        assertThat(errors(response)).containsExactly(
                Map.entry("preferences[1].channels", "SMS needs a phone number on file; choose EMAIL instead"));
        assertThat(rowsFor(member)).as("as before").isEqualTo(1);
    }

    @Test
    void anUnknownMemberIsNotFound() {
        assertThat(Http.get(port, "/api/members/M-NOBODY/contact-preferences").statusCode()).isEqualTo(404);
        assertThat(Http.putJson(port, "/api/members/M-NOBODY/contact-preferences", "{\"preferences\": []}").statusCode())
                .isEqualTo(404);
    }

    private Member member(String phone) {
        Member member = new Member("M-PREFS-" + MEMBER_NUMBERS.incrementAndGet(), "Rosa", "Diaz", LocalDate.of(1984, 3, 2),
                Instant.parse("2026-11-01T12:00:00Z"));
        member.contactAt("rosa.diaz@example.org", phone);
        return members.save(member);
    }

    private static String path(Member member) {
        return "/api/members/" + member.memberId() + "/contact-preferences";
    }

    private static Map<String, List<String>> channels(JsonNode preferences) {
        Map<String, List<String>> channels = new LinkedHashMap<>();
        preferences.get("preferences").forEach(preference -> channels.put(preference.get("alert").asText(),
                preference.get("channels").valueStream().map(JsonNode::asText).toList()));
        return channels;
    }

    private static Map<String, String> errors(HttpResponse<String> response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Http.json(response.body()).get("errors").forEach(error -> errors.put(error.get("field").asText(), error.get("rule").asText()));
        return errors;
    }

    private int rowsFor(Member member) {
        return jdbc.queryForObject("select count(*) from premiumflow.contact_preference where member_id = ?", Integer.class,
                member.memberId());
    }
}
