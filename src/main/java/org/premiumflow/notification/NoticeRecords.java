package org.premiumflow.notification;

import java.time.Instant;
import java.util.Optional;
import org.premiumflow.member.ContactPreference.Channel;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Notices recorded, one per member, template, business reference and channel. */
interface NoticeRecords extends JpaRepository<Notice, Long> {

    /**
     * Records a notice on one channel unless it is already recorded there, and says whether this
     * call recorded it. A concurrent caller recording the same notice on the same channel waits on
     * the unique key until the first commits (and then records nothing) or rolls back (and then
     * records it itself).
     *
     * @return 1 if recorded now, 0 if it already was
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            insert into {h-schema}notice (member_id, template, business_reference, channel, subject, status, created_at, sent_at)
            values (:memberId, :template, :businessReference, :channel, :subject, :status, :at,
                    case when :status = 'SENT' then cast(:at as timestamptz) end)
            on conflict (member_id, template, business_reference, channel) do nothing""")
    int recordIfNew(@Param("memberId") String memberId, @Param("template") String template,
            @Param("businessReference") String businessReference, @Param("channel") String channel,
            @Param("subject") String subject, @Param("status") String status, @Param("at") Instant at);

    Optional<Notice> findByMemberIdAndTemplateAndBusinessReferenceAndChannel(String memberId, NoticeTemplate template,
            String businessReference, Channel channel);
}
