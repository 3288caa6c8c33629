package org.premiumflow.notification.sms.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.premiumflow.notification.sms.TextMessage;
import org.premiumflow.notification.sms.TextMessageGateway;
import org.premiumflow.notification.sms.TextMessageNotSentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A text-message provider for development, tests and demos: it sends nothing, it keeps each text
 * in the table {@code sandbox_text_message} for {@code GET /sandbox/text-messages} to show, as the
 * embedded mail server keeps mail for {@code /outbox}. Like a real provider it holds the number
 * and the text, and what it took stays taken when the caller's transaction rolls back. One
 * number, {@link #UNAVAILABLE}, makes it refuse, as a provider that cannot be reached would.
 */
public class SandboxTextMessageGateway implements TextMessageGateway {

    /** Texts to this number (+1 617 555 0199, a number reserved for fiction) are refused. */
    public static final String UNAVAILABLE = "+16175550199";

    private static final Logger log = LoggerFactory.getLogger(SandboxTextMessageGateway.class);

    /** A text as the phone shows it. */
    public record ReceivedText(String body, Instant sentAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public SandboxTextMessageGateway(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void send(TextMessage message) {
        if (digits(message.phone()).equals(digits(UNAVAILABLE))) {
            log.warn("Sandbox text message refused, as if the provider could not be reached");
            throw new TextMessageNotSentException("the sandbox provider is unavailable for this test number");
        }
        long id = jdbc.sql("""
                        insert into premiumflow.sandbox_text_message (phone, body, sent_at) values (?, ?, ?)
                        returning id""")
                .params(message.phone(), message.body(), OffsetDateTime.now(clock))
                .query(Long.class).single();
        log.info("Sandbox text message {} stored ({} characters)", id, message.body().length());
    }

    /**
     * The texts sent to a phone, oldest first. Numbers are compared by their digits alone, so
     * {@code +1 617-555-0100} finds texts to {@code +16175550100}, and so does a query string whose
     * unencoded {@code +} arrived as a space.
     */
    public List<ReceivedText> sentTo(String phone) {
        return jdbc.sql("""
                        select body, sent_at from premiumflow.sandbox_text_message
                        where regexp_replace(phone, '[^0-9]', '', 'g') = ?
                        order by id""")
                .param(digits(phone))
                .query((row, number) -> new ReceivedText(row.getString("body"),
                        row.getObject("sent_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static String digits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }
}
