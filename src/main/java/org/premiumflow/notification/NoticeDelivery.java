package org.premiumflow.notification;

import java.util.List;
import java.util.Optional;
import org.premiumflow.member.ContactPreference.Channel;

/** What became of one notice on each channel it was meant to go on. */
public record NoticeDelivery(List<Notice> notices) {

    public NoticeDelivery {
        notices = List.copyOf(notices);
    }

    /**
     * {@code SENT} if the notice reached the member on at least one channel, {@code NO_ADDRESS} if
     * it reached them on none: only then does a process need to write to them another way.
     */
    public Notice.Status status() {
        return notices.stream().anyMatch(notice -> notice.status() == Notice.Status.SENT)
                ? Notice.Status.SENT
                : Notice.Status.NO_ADDRESS;
    }

    public Optional<Notice> on(Channel channel) {
        return notices.stream().filter(notice -> notice.channel() == channel).findFirst();
    }
}
