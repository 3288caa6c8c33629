package org.premiumflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.premiumflow.calendar.ExchangeClock;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A notice is one e-mail with the plain text and the HTML as alternatives, from the configured sender. */
class NoticeMailerTest {

    final List<MimeMessage> sent = new ArrayList<>();
    final JavaMailSenderImpl mailServer = new JavaMailSenderImpl() {
        @Override
        protected void doSend(MimeMessage[] messages, Object[] originals) throws MailException {
            try {
                for (MimeMessage message : messages) {
                    message.saveChanges();
                    sent.add(message);
                }
            } catch (MessagingException e) {
                throw new MailPreparationException(e);
            }
        }
    };

    @Test
    void theTextAndTheHtmlAreAlternativesOfOneMessage() throws Exception {
        ExchangeClock clock = ExchangeClock.system();
        clock.pin(Instant.parse("2027-01-04T14:30:00Z"));
        NoticeMailer mailer = new NoticeMailer(mailServer, new NoticeProperties("Health Connector premium services <notices@hc.test>"), clock);

        mailer.send("rosa@example.org", new RenderedNotice("Your AutoPay is set up", "Hello Rosa,", "<p>Hello Rosa,</p>"));

        MimeMessage message = sent.get(0);
        assertThat(message.getSubject()).isEqualTo("Your AutoPay is set up");
        assertThat(message.getFrom()).containsExactly(new InternetAddress("notices@hc.test", "Health Connector premium services"));
        assertThat(message.getAllRecipients()).containsExactly(new InternetAddress("rosa@example.org"));
        assertThat(message.getSentDate().toInstant()).isEqualTo(Instant.parse("2027-01-04T14:30:00Z"));
        MimeMultipart alternatives = (MimeMultipart) message.getContent();
        assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
        assertThat(alternatives.getCount()).isEqualTo(2);
        assertThat(alternatives.getBodyPart(0).getContentType()).startsWith("text/plain").contains("UTF-8");
        assertThat(alternatives.getBodyPart(0).getContent()).isEqualTo("Hello Rosa,");
        assertThat(alternatives.getBodyPart(1).getContentType()).startsWith("text/html").contains("UTF-8");
        assertThat(alternatives.getBodyPart(1).getContent()).isEqualTo("<p>Hello Rosa,</p>");
    }
}
