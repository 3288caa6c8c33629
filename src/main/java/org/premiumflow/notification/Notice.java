package org.premiumflow.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.Immutable;
import org.premiumflow.member.ContactPreference.Channel;

/**
 * The record that a notice went to a member on one channel, or could not: what was sent, how and
 * when, never the text or the address or phone number, which are personal data and stay with the
 * member.
 */
@Entity
@Table(name = "notice")
@Immutable
public class Notice {

    public enum Status {
        SENT,
        /**
         * The member has no e-mail address, or no phone number, for this channel, so nothing went
         * out on it; the process decides whether to write instead.
         */
        NO_ADDRESS
    }

    @Id
    private Long id;
    private String memberId;
    @Enumerated(EnumType.STRING)
    private NoticeTemplate template;
    private String businessReference;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String subject;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant createdAt;
    private Instant sentAt;

    protected Notice() {
    }

    public Long id() {
        return id;
    }

    public String memberId() {
        return memberId;
    }

    public NoticeTemplate template() {
        return template;
    }

    public String businessReference() {
        return businessReference;
    }

    public Channel channel() {
        return channel;
    }

    public String subject() {
        return subject;
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> sentAt() {
        return Optional.ofNullable(sentAt);
    }

    @Override
    public String toString() {
        return "Notice[" + id + " " + template + " " + businessReference + " for " + memberId + " by " + channel + ": " + status + "]";
    }
}
