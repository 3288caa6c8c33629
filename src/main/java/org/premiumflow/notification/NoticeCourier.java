package org.premiumflow.notification;

import java.time.Clock;
import org.premiumflow.member.ContactPreference.Channel;
import org.premiumflow.member.Member;
import org.premiumflow.notification.sms.TextMessage;
import org.premiumflow.notification.sms.TextMessageGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a notice to a member on one channel, once: by e-mail to their address, by text message to
 * their phone, or nowhere when they have none for that channel. Logs name the member, the notice
 * and the channel, never an address or a phone number.
 */
@Component
class NoticeCourier {

    private static final Logger log = LoggerFactory.getLogger(NoticeCourier.class);

    private final NoticeRecords records;
    private final NoticeRenderer renderer;
    private final NoticeMailer mailer;
    private final TextMessageGateway texts;
    private final Clock clock;

    NoticeCourier(NoticeRecords records, NoticeRenderer renderer, NoticeMailer mailer, TextMessageGateway texts, Clock clock) {
        this.records = records;
        this.renderer = renderer;
        this.mailer = mailer;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * Sends the notice on the channel unless it went there before, and returns its record there
     * either way. The record and the sending succeed or fail together: if the mail server or the
     * text-message provider refuses, nothing is recorded for this channel and a retry sends it, so
     * a notice is never recorded as sent without having gone out. The one gap left: should the
     * commit fail after the mail server or the provider took the message, the retry sends it a
     * second time (neither SMTP nor the provider can take part in the database transaction).
     */
    @Transactional
    Notice deliver(Channel channel, Member member, NoticeRequest request, NoticeModel model) {
        NoticeTemplate template = request.template();
        String address = channel == Channel.EMAIL ? member.email() : member.phone();
        Notice.Status status = address == null || address.isBlank() ? Notice.Status.NO_ADDRESS : Notice.Status.SENT;

        boolean recordedNow = records.recordIfNew(member.memberId(), template.name(), request.businessReference(), channel.name(),
                template.subject(), status.name(), clock.instant()) == 1;
        Notice notice = records.findByMemberIdAndTemplateAndBusinessReferenceAndChannel(member.memberId(), template,
                request.businessReference(), channel).orElseThrow();
        if (!recordedNow) {
            log.info("Notice {} ({}) for member {} by {} was already {}; not sent again", template, request.businessReference(),
                    member.memberId(), channel, notice.status());
            return notice;
        }
        if (status == Notice.Status.NO_ADDRESS) {
            log.info("Notice {} ({}) not sent by {}: member {} has no {}", template, request.businessReference(), channel,
                    member.memberId(), channel == Channel.EMAIL ? "e-mail address" : "phone number");
            return notice;
        }
        switch (channel) {
            case EMAIL -> mailer.send(address, renderer.render(template, member.firstName(), model));
            case SMS -> texts.send(new TextMessage(address, renderer.textMessage(template, model)));
        }
        log.info("Notice {} ({}) sent to member {} by {}", template, request.businessReference(), member.memberId(), channel);
        return notice;
    }
}
