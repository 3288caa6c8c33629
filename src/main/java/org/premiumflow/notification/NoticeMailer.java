package org.premiumflow.notification;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends a rendered notice as one e-mail whose plain-text and HTML parts are alternatives of each other. */
@Component
class NoticeMailer {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final JavaMailSender mailSender;
    private final NoticeProperties properties;
    private final Clock clock;

    NoticeMailer(JavaMailSender mailSender, NoticeProperties properties, Clock clock) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.clock = clock;
    }

    void send(String to, RenderedNotice notice) {
        mailSender.send(message -> {
            message.setFrom(new InternetAddress(properties.from(), true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(notice.subject(), UTF_8);
            message.setSentDate(Date.from(clock.instant()));
            // Plain text first: a client shows the last alternative it can display.
            MimeMultipart alternatives = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(notice.text(), UTF_8, "plain");
            alternatives.addBodyPart(text);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(notice.html(), UTF_8, "html");
            alternatives.addBodyPart(html);
            message.setContent(alternatives);
        });
    }
}
