package org.premiumflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.premiumflow.support.FreePort;
import org.premiumflow.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The application with nothing configured: its own PostgreSQL, its own SMTP server, an outbox page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
class EmbeddedDefaultsTest {

    /** A fixed port, so that the application's Camunda client knows where its own engine answers. */
    static final int PORT = FreePort.find();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    int port = PORT;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JavaMailSender mail;

    @Test
    void healthReportsTheEmbeddedDatabaseMailServerAndEngineUp() {
        JsonNode health = Http.getJson(port, "/actuator/health");

        assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/db/details/database").asString()).isEqualTo("PostgreSQL");
        assertThat(health.at("/components/mail/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/mail/details/location").asString()).startsWith("127.0.0.1:");
        assertThat(health.at("/components/camunda/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/camunda/details/address").asString()).isEqualTo("http://localhost:" + PORT);
        assertThat(health.at("/status").asString()).isEqualTo("UP");
    }

    @Test
    void flywayHasMigratedTheDomainSchema() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from premiumflow.flyway_schema_history where version = '1' and success", Integer.class);

        assertThat(applied).isEqualTo(1);
        assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo("premiumflow");
    }

    @Test
    void mailSentByTheApplicationCanBeReadInTheOutbox() throws Exception {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("billing@premiumflow.test");
        helper.setTo("member@example.org");
        helper.setSubject("Your AutoPay is set up");
        helper.setText("First draft on 23 January.", "<p>First draft on <b>23 January</b>.</p>");
        mail.send(message);

        HttpResponse<String> list = Http.get(port, "/outbox");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Your AutoPay is set up").contains("member@example.org");

        int number = Integer.parseInt(list.body().replaceAll("(?s).*href=\"/outbox/(\\d+)\".*", "$1"));
        HttpResponse<String> shown = Http.get(port, "/outbox/" + number);
        assertThat(shown.body()).contains("First draft on 23 January.").contains("/outbox/" + number + "/html");

        HttpResponse<String> html = Http.get(port, "/outbox/" + number + "/html");
        assertThat(html.body()).contains("<b>23 January</b>");
        assertThat(html.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("sandbox").contains("default-src 'none'"));

        assertThat(Http.get(port, "/outbox/999").statusCode()).isEqualTo(404);
    }
}
