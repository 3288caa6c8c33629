package org.premiumflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.premiumflow.embedded.mail.EmbeddedSmtpServer;
import org.premiumflow.embedded.postgres.EmbeddedPostgresServer;
import org.premiumflow.support.DomainMigrations;
import org.premiumflow.support.Http;
import org.premiumflow.support.Premiumflow;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.JsonNode;

/**
 * With a database URL and an SMTP host configured, the application uses those servers and starts
 * nothing of its own. The "external" servers here are a PostgreSQL and an SMTP server this test
 * runs, reached only through their addresses.
 */
class ExternalServicesTest {

    static EmbeddedPostgres externalPostgres;
    static GreenMail externalSmtp;

    @BeforeAll
    static void startExternalServers() throws IOException {
        externalPostgres = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
        externalSmtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        externalSmtp.start();
    }

    @AfterAll
    static void stopExternalServers() throws IOException {
        externalSmtp.stop();
        externalPostgres.close();
    }

    @Test
    void configuredServersAreUsedAndNothingEmbeddedStarts() throws Exception {
        try (ConfigurableApplicationContext app = Premiumflow.start(
                "spring.datasource.url=" + externalPostgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres",
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + externalSmtp.getSmtp().getPort())) {

            assertThat(app.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
            assertThat(app.getBeansOfType(EmbeddedSmtpServer.class)).isEmpty();

            int port = Premiumflow.port(app);
            JsonNode health = Http.getJson(port, "/actuator/health");
            assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/mail/status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/mail/details/location").asString())
                    .isEqualTo("127.0.0.1:" + externalSmtp.getSmtp().getPort());
            assertThat(Http.get(port, "/outbox").statusCode()).isEqualTo(404);

            SimpleMailMessage notice = new SimpleMailMessage();
            notice.setFrom("billing@premiumflow.test");
            notice.setTo("member@example.org");
            notice.setSubject("Payment received");
            notice.setText("Thank you.");
            app.getBean(JavaMailSender.class).send(notice);
            assertThat(externalSmtp.getReceivedMessages()).extracting(m -> m.getSubject()).containsExactly("Payment received");
        }

        assertThat(migratedVersionsInExternalDatabase()).isEqualTo(DomainMigrations.count());
    }

    private static int migratedVersionsInExternalDatabase() throws SQLException {
        try (Connection connection = externalPostgres.getPostgresDatabase().getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "select count(*) from premiumflow.flyway_schema_history where version is not null")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
