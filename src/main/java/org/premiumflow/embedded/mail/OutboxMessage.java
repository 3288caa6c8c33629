package org.premiumflow.embedded.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** One received message as the outbox page shows it. */
public record OutboxMessage(
        int number,
        Instant receivedAt,
        String from,
        String to,
        String subject,
        Optional<String> text,
        Optional<String> html) {

    static OutboxMessage of(int number, MimeMessage message) {
        try {
            Bodies bodies = new Bodies();
            bodies.collect(message);
            return new OutboxMessage(
                    number,
                    message.getReceivedDate() == null ? sentOrNow(message) : message.getReceivedDate().toInstant(),
                    addresses(message.getFrom()),
                    addresses(message.getAllRecipients()),
                    message.getSubject() == null ? "(no subject)" : message.getSubject(),
                    Optional.ofNullable(bodies.text),
                    Optional.ofNullable(bodies.html));
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable message #" + number + " in the embedded outbox", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant sentOrNow(MimeMessage message) throws MessagingException {
        return message.getSentDate() == null ? Instant.now() : message.getSentDate().toInstant();
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    /** The first text and the first HTML body found, walking nested multiparts. */
    private static final class Bodies {
        private String text;
        private String html;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/plain") && text == null && !isAttachment(part)) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html") && html == null && !isAttachment(part)) {
                html = (String) part.getContent();
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            }
        }

        private static boolean isAttachment(Part part) throws MessagingException {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        }
    }
}
