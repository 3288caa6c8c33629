package org.premiumflow.notification;

import org.premiumflow.member.UnknownMemberException;
import java.time.Clock;
import org.premiumflow.member.Member;
import org.premiumflow.member.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends members their notices once per member, template and business reference, however often a
 * job that asks for one is retried or repeated (see {@link #send} for the one gap SMTP leaves).
 */
@Service
public class Notices {

    private static final Logger log = LoggerFactory.getLogger(Notices.class);

    private final NoticeRecords records;
    private final Members members;
    private final NoticeRenderer renderer;
    private final NoticeMailer mailer;
    private final Clock clock;

    Notices(NoticeRecords records, Members members, NoticeRenderer renderer, NoticeMailer mailer, Clock clock) {
        this.records = records;
        this.members = members;
        this.renderer = renderer;
        this.mailer = mailer;
        this.clock = clock;
    }

    /**
     * Sends the notice unless it was sent before, and returns its record either way. The record
     * and the e-mail succeed or fail together: if the mail server refuses, nothing is recorded and
     * a retry sends it, so a notice is never recorded as sent without having gone out. The one
     * gap left: should the commit fail after the mail server took the message, the retry sends it
     * a second time (SMTP cannot take part in the database transaction).
     *
     * @throws IllegalArgumentException if the template lacks a variable it needs (naming both)
     * @throws UnknownMemberException if there is no such member
     */
    @Transactional
    public Notice send(NoticeRequest request) {
        NoticeTemplate template = request.template();
        NoticeModel model = NoticeModel.of(template, request.model());
        Member member = members.findById(request.memberId()).orElseThrow(() -> new UnknownMemberException(request.memberId()));
        Notice.Status status = hasEmail(member) ? Notice.Status.SENT : Notice.Status.NO_ADDRESS;

        boolean recordedNow = records.recordIfNew(member.memberId(), template.name(), request.businessReference(),
                template.subject(), status.name(), clock.instant()) == 1;
        Notice notice = records.findByMemberIdAndTemplateAndBusinessReference(member.memberId(), template,
                request.businessReference()).orElseThrow();
        if (!recordedNow) {
            log.info("Notice {} ({}) for member {} was already {}; not sent again", template, request.businessReference(),
                    member.memberId(), notice.status());
            return notice;
        }
        if (status == Notice.Status.SENT) {
            mailer.send(member.email(), renderer.render(template, member.firstName(), model));
            log.info("Notice {} ({}) sent to member {}", template, request.businessReference(), member.memberId());
        } else {
            log.info("Notice {} ({}) not sent: member {} has no e-mail address", template, request.businessReference(),
                    member.memberId());
        }
        return notice;
    }

    private static boolean hasEmail(Member member) {
        return member.email() != null && !member.email().isBlank();
    }
}
