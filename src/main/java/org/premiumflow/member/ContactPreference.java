package org.premiumflow.member;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One alert a member wants on one channel, e.g. billing reminders by SMS. */
@Entity
@Table(name = "contact_preference")
public class ContactPreference {

    /** Alerts the exchange sends; which of them reach a member by which channel is the member's choice. */
    public enum Alert { BILL, PAYMENT_REMINDER, PAYMENT_FAILED, PAYMENT_RECEIPT, COVERAGE_NOTICE }

    public enum Channel { EMAIL, SMS }

    @Embeddable
    public record Key(String memberId, String alert, String channel) {
    }

    @EmbeddedId
    private Key key;

    protected ContactPreference() {
    }

    public ContactPreference(String memberId, Alert alert, Channel channel) {
        this.key = new Key(memberId, alert.name(), channel.name());
    }

    public Alert alert() {
        return Alert.valueOf(key.alert());
    }

    public Channel channel() {
        return Channel.valueOf(key.channel());
    }
}
