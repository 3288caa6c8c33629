package org.premiumflow.notification;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.premiumflow.member.AlertChannels;
import org.premiumflow.member.ContactPreference.Channel;
import org.premiumflow.member.Member;
import org.premiumflow.member.Members;
import org.premiumflow.member.UnknownMemberException;
import org.springframework.stereotype.Service;

/**
 * Sends members their notices once per member, template, business reference and channel, however
 * often a job that asks for one is retried or repeated (see {@link NoticeCourier#deliver} for the
 * one gap SMTP and the text-message provider leave).
 */
@Service
public class Notices {

    private final Members members;
    private final AlertChannels alertChannels;
    private final NoticeCourier courier;

    Notices(Members members, AlertChannels alertChannels, NoticeCourier courier) {
        this.members = members;
        this.alertChannels = alertChannels;
        this.courier = courier;
    }

    /**
     * Sends the notice on every channel it goes on, except those it went on before, and returns
     * what became of it on each. A notice bound to an alert goes on the channels the member chose
     * for that alert (e-mail if they chose none); one bound to no alert goes by e-mail.
     *
     * <p>Each channel is recorded in a transaction of its own, or in the caller's if there is one.
     * A channel that fails does not keep the notice from the others: they are sent, then the first
     * failure is thrown, and a retry sends only on the channels that failed. Inside a caller's
     * transaction, a failure undoes the records of every channel with the caller's work, so a retry
     * sends on them all again; callers that hold a transaction send notices bound to no alert,
     * which go on one channel.
     *
     * @throws IllegalArgumentException if the template lacks a variable it needs (naming both)
     * @throws UnknownMemberException if there is no such member
     */
    public NoticeDelivery send(NoticeRequest request) {
        NoticeModel model = NoticeModel.of(request.template(), request.model());
        Member member = members.findById(request.memberId()).orElseThrow(() -> new UnknownMemberException(request.memberId()));
        List<Notice> delivered = new ArrayList<>();
        RuntimeException failure = null;
        for (Channel channel : channels(request.template(), member)) {
            try {
                delivered.add(courier.deliver(channel, member, request, model));
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return new NoticeDelivery(delivered);
    }

    private Set<Channel> channels(NoticeTemplate template, Member member) {
        return template.alert()
                .map(alert -> alertChannels.of(member.memberId(), alert))
                .orElse(EnumSet.of(Channel.EMAIL));
    }
}
