package org.premiumflow.member;

import java.util.Set;
import org.premiumflow.member.ContactPreference.Alert;
import org.premiumflow.member.ContactPreference.Channel;

/** The channels a member wants one alert on: e-mail, text message or both. */
public record AlertChoice(Alert alert, Set<Channel> channels) {

    public AlertChoice {
        if (alert == null) {
            throw new IllegalArgumentException("A choice names the alert it is for");
        }
        if (channels == null || channels.isEmpty()) {
            // No rows for an alert already means "by e-mail"; an empty choice could not be told from that.
            throw new IllegalArgumentException("Alert " + alert + " must go by at least one channel");
        }
        channels = Set.copyOf(channels);
    }
}
