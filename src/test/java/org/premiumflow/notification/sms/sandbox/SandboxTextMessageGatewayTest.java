package org.premiumflow.notification.sms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.notification.sms.TextMessage;
import org.premiumflow.notification.sms.TextMessageNotSentException;
import org.premiumflow.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The sandbox keeps every text it takes, shows them by phone number, and keeps them whatever the caller's transaction does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
@ExtendWith(OutputCaptureExtension.class)
class SandboxTextMessageGatewayTest {

    @Autowired
    SandboxTextMessageGateway sandbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ExchangeClock clock;
    @LocalServerPort
    int port;

    @AfterEach
    void releaseClock() {
        clock.reset();
    }

    @Test
    void textsAreShownForTheirPhoneOldestFirst(CapturedOutput output) {
        clock.pin(Instant.parse("2027-01-18T14:00:00Z"));
        sandbox.send(new TextMessage("+16175550161", "Health Connector: first"));
        clock.pin(Instant.parse("2027-01-18T14:05:00Z"));
        sandbox.send(new TextMessage("+1 617-555-0161", "Health Connector: second"));
        sandbox.send(new TextMessage("+16175550162", "Health Connector: for someone else"));

        // An unencoded + in a query string arrives as a space; the digits still find the phone.
        HttpResponse<String> response = Http.get(port, "/sandbox/text-messages?phone=+16175550161");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode texts = Http.json(response.body());
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0).get("body").asText()).isEqualTo("Health Connector: first");
        assertThat(texts.get(0).get("sentAt").asText()).isEqualTo("2027-01-18T14:00:00Z");
        assertThat(texts.get(1).get("body").asText()).isEqualTo("Health Connector: second");
        assertThat(Http.getJson(port, "/sandbox/text-messages?phone=%2B16175550162")).hasSize(1);
        assertThat(output.getAll()).doesNotContain("6175550161", "6175550162");
    }

    @Test
    void aTextTakenStaysTakenWhenTheCallersTransactionRollsBack() {
        transactions.executeWithoutResult(status -> {
            sandbox.send(new TextMessage("+16175550163", "Health Connector: sent before the rollback"));
            status.setRollbackOnly();
        });

        assertThat(sandbox.sentTo("+16175550163")).hasSize(1);
    }

    @Test
    void theUnavailableTestNumberIsRefusedAndNothingIsKept() {
        assertThatThrownBy(() -> sandbox.send(new TextMessage(SandboxTextMessageGateway.UNAVAILABLE, "Health Connector: lost")))
                .isInstanceOf(TextMessageNotSentException.class)
                .hasMessage("The text message was not sent: the sandbox provider is unavailable for this test number");

        assertThat(sandbox.sentTo(SandboxTextMessageGateway.UNAVAILABLE)).isEmpty();
    }

    @Test
    void aTextNeverShowsItsNumberOrWords() {
        assertThat(new TextMessage("+16175550164", "Health Connector: secret")).hasToString("TextMessage[24 characters]");
    }
}
