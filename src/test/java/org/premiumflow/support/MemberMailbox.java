package org.premiumflow.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.premiumflow.embedded.mail.EmbeddedSmtpServer;
import org.premiumflow.embedded.mail.OutboxMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/** What one member was sent: the notices recorded for them, and the mail the embedded SMTP server caught. */
public final class MemberMailbox {

    private final JdbcTemplate jdbc;
    private final EmbeddedSmtpServer mail;
    private final String memberId;
    private final String email;

    public MemberMailbox(JdbcTemplate jdbc, EmbeddedSmtpServer mail, String memberId, String email) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.memberId = memberId;
        this.email = email;
    }

    /** Waits for the notice with this template to be e-mailed, then for its mail to the member. */
    public OutboxMessage awaitMail(String template) {
        String emailed = "select subject from premiumflow.notice where member_id = ? and template = ? and channel = 'EMAIL'";
        await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList(emailed, String.class, memberId, template).isEmpty());
        String subject = jdbc.queryForList(emailed, String.class, memberId, template).get(0);
        return await().atMost(Duration.ofSeconds(10)).until(() -> mail.messagesNewestFirst().stream()
                .filter(message -> message.to().contains(email) && message.subject().equals(subject))
                .findFirst().orElse(null), message -> message != null);
    }

    /** The text of the notice's mail with its line breaks and indentation collapsed, as a sentence reads. */
    public String awaitText(String template) {
        return awaitMail(template).text().orElseThrow().replaceAll("\\s+", " ");
    }

    /** The templates of the member's notices, oldest first, once for each channel a notice went on. */
    public List<String> notices() {
        return jdbc.queryForList("select template from premiumflow.notice where member_id = ? order by id", String.class, memberId);
    }
}
