package org.premiumflow.embedded.mail;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.premiumflow.startup.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server on the loopback interface that keeps every message it receives in memory, so a
 * developer or a test sees exactly what members would have been sent. Nothing leaves the machine.
 */
public final class EmbeddedSmtpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServer.class);

    private final GreenMail greenMail;

    private EmbeddedSmtpServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static EmbeddedSmtpServer start(EmbeddedMailProperties properties) {
        GreenMail greenMail = new GreenMail(new ServerSetup(properties.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            throw new StartupProblem("The embedded SMTP server could not listen on port " + properties.port()
                    + ": " + e.getMessage(),
                    "set premiumflow.embedded.mail.port to a free port (0 picks one), or spring.mail.host to a real SMTP server.",
                    e);
        }
        EmbeddedSmtpServer server = new EmbeddedSmtpServer(greenMail);
        log.info("Embedded SMTP server listening on port {}; received mail is shown at /outbox", server.port());
        return server;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every message received since start or the last {@link #clear()}, newest first. */
    public List<OutboxMessage> messagesNewestFirst() {
        MimeMessage[] received = greenMail.getReceivedMessages();
        return IntStream.range(0, received.length)
                .map(i -> received.length - 1 - i)
                .mapToObj(i -> OutboxMessage.of(i + 1, received[i]))
                .toList();
    }

    /** The message with the given 1-based position in the order received. */
    public Optional<OutboxMessage> message(int number) {
        MimeMessage[] received = greenMail.getReceivedMessages();
        if (number < 1 || number > received.length) {
            return Optional.empty();
        }
        return Optional.of(OutboxMessage.of(number, received[number - 1]));
    }

    public void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("Could not clear the embedded outbox", e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
