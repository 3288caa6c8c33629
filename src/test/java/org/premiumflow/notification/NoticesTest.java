package org.premiumflow.notification;

import org.premiumflow.member.UnknownMemberException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.embedded.mail.EmbeddedSmtpServer;
import org.premiumflow.embedded.mail.OutboxMessage;
import org.premiumflow.member.ContactPreference.Channel;
import org.premiumflow.member.Member;
import org.premiumflow.member.Members;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;

/**
 * Notices reach members once per member, template, business reference and channel, and leave no
 * personal data behind. These notices are bound to no alert, so they go by e-mail alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
@ExtendWith(OutputCaptureExtension.class)
class NoticesTest {

    static final AtomicInteger MEMBER_NUMBERS = new AtomicInteger();

    static final Map<String, Object> AUTOPAY = Map.of(
            "method", "Checking account ending 6789",
            "firstDraftDate", "2027-01-23",
            "coverageMonth", YearMonth.of(2027, 2));

    @Autowired
    Notices notices;
    @Autowired
    Members members;
    @Autowired
    EmbeddedSmtpServer smtp;
    @Autowired
    ExchangeClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyOutbox() {
        smtp.clear();
    }

    @AfterEach
    void releaseClock() {
        clock.reset();
    }

    @Test
    void aNoticeArrivesWithItsSubjectAndBothBodies(CapturedOutput output) {
        Member member = member("Rosa", "rosa.diaz@example.org");
        clock.pin(Instant.parse("2027-01-04T14:30:00Z"));

        NoticeDelivery delivery = notices.send(new NoticeRequest(member.memberId(), NoticeTemplate.AUTOPAY_CONFIRMATION, "ENR-1",
                AUTOPAY));

        assertThat(delivery.notices()).hasSize(1);
        Notice notice = delivery.on(Channel.EMAIL).orElseThrow();
        assertThat(notice.status()).isEqualTo(Notice.Status.SENT);
        assertThat(notice.channel()).isEqualTo(Channel.EMAIL);
        assertThat(notice.subject()).isEqualTo("Your AutoPay is set up");
        assertThat(notice.createdAt()).isEqualTo(Instant.parse("2027-01-04T14:30:00Z"));
        assertThat(notice.sentAt()).contains(Instant.parse("2027-01-04T14:30:00Z"));
        OutboxMessage mail = onlyMailTo(member);
        assertThat(mail.from()).isEqualTo("Health Connector premium services <notices@premiumflow.example>");
        assertThat(mail.subject()).isEqualTo("Your AutoPay is set up");
        assertThat(mail.text()).hasValueSatisfying(text -> assertThat(text)
                .contains("Hello Rosa,", "Checking account ending 6789", "January 23, 2027", "February 2027 coverage",
                        "Health Connector premium services"));
        assertThat(mail.html()).hasValueSatisfying(html -> assertThat(html)
                .contains("Hello <span>Rosa</span>,", "Checking account ending 6789", "January 23, 2027", "February 2027"));
        assertThat(output.getAll()).contains("AUTOPAY_CONFIRMATION (ENR-1) sent to member " + member.memberId() + " by EMAIL")
                .doesNotContain(member.email());
    }

    @Test
    void theSameNoticeAskedForAgainIsNotSentAgain() {
        Member member = member("Ann", "ann.lee@example.org");
        NoticeRequest request = new NoticeRequest(member.memberId(), NoticeTemplate.AUTOPAY_CONFIRMATION, "ENR-2", AUTOPAY);

        Notice first = emailed(request);
        Notice repeat = emailed(request);

        assertThat(repeat.id()).isEqualTo(first.id());
        assertThat(mailsTo(member)).hasSize(1);
        assertThat(rowsFor(member)).isEqualTo(1);
    }

    @Test
    void theSameNoticeForAnotherReferenceIsSent() {
        Member member = member("Li", "li.wong@example.org");

        Notice january = emailed(new NoticeRequest(member.memberId(), NoticeTemplate.AUTOPAY_CANCELLED, "AUTOPAY-1", AUTOPAY));
        Notice march = emailed(new NoticeRequest(member.memberId(), NoticeTemplate.AUTOPAY_CANCELLED, "AUTOPAY-2", AUTOPAY));

        assertThat(march.id()).isNotEqualTo(january.id());
        assertThat(mailsTo(member)).hasSize(2);
        assertThat(rowsFor(member)).isEqualTo(2);
    }

    @Test
    void theSameNoticeAskedForAtOnceIsSentOnce() throws Exception {
        Member member = member("Sam", "sam.okafor@example.org");
        NoticeRequest request = new NoticeRequest(member.memberId(), NoticeTemplate.AUTOPAY_METHOD_CHANGED, "CHANGE-1",
                Map.of("previousMethod", "Visa card ending 4242", "method", "Checking account ending 6789",
                        "firstDraftDate", LocalDate.of(2027, 3, 1)));
        int callers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Notice>> results = IntStream.range(0, callers)
                    .mapToObj(i -> threads.submit(() -> {
                        start.await();
                        return emailed(request);
                    }))
                    .toList();
            start.countDown();

            for (Future<Notice> result : results) {
                assertThat(result.get().status()).isEqualTo(Notice.Status.SENT);
            }
            assertThat(results.stream().map(this::id).distinct()).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(mailsTo(member)).hasSize(1);
        assertThat(rowsFor(member)).isEqualTo(1);
    }

    @Test
    void aMemberWithoutEmailIsRecordedAsNoAddressAndSentNothing() {
        Member member = member("Pat", null);

        NoticeDelivery delivery = notices.send(new NoticeRequest(member.memberId(), NoticeTemplate.AUTOPAY_CONFIRMATION, "ENR-3",
                AUTOPAY));

        assertThat(delivery.status()).isEqualTo(Notice.Status.NO_ADDRESS);
        Notice notice = delivery.on(Channel.EMAIL).orElseThrow();
        assertThat(notice.status()).isEqualTo(Notice.Status.NO_ADDRESS);
        assertThat(notice.sentAt()).isEmpty();
        assertThat(smtp.messagesNewestFirst()).isEmpty();
        assertThat(emailed(new NoticeRequest(member.memberId(), NoticeTemplate.AUTOPAY_CONFIRMATION, "ENR-3", AUTOPAY)).id())
                .as("asked again").isEqualTo(notice.id());
    }

    @Test
    void aMissingVariableIsNamedAndNothingIsStoredOrSent() {
        Member member = member("Kim", "kim.tran@example.org");

        assertThatThrownBy(() -> notices.send(new NoticeRequest(member.memberId(), NoticeTemplate.MICRO_DEPOSITS_SENT, "PM-1",
                Map.of("method", "Checking account ending 6789"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Notice MICRO_DEPOSITS_SENT needs the variable 'confirmByDate'");

        assertThat(rowsFor(member)).isZero();
        assertThat(mailsTo(member)).isEmpty();
    }

    @Test
    void aNoticeForAnUnknownMemberIsRefused() {
        assertThatThrownBy(() -> notices.send(new NoticeRequest("M-NOBODY", NoticeTemplate.AUTOPAY_CANCELLED, "AUTOPAY-9", AUTOPAY)))
                .isInstanceOf(UnknownMemberException.class)
                .hasMessageContaining("M-NOBODY");
        assertThat(jdbc.queryForObject("select count(*) from premiumflow.notice where member_id = 'M-NOBODY'", Integer.class)).isZero();
    }

    @Test
    void aNoticeTheMailCouldNotTakeIsNotRecordedSoARetrySendsIt() {
        Member member = member("Kai", "not-an-address");
        NoticeRequest request = new NoticeRequest(member.memberId(), NoticeTemplate.PAYMENT_METHOD_VERIFIED, "PM-2", AUTOPAY);

        assertThatThrownBy(() -> notices.send(request)).isInstanceOf(MailException.class);
        assertThat(rowsFor(member)).isZero();

        member.contactAt("kai.berg@example.org", null);
        members.save(member);
        assertThat(notices.send(request).status()).isEqualTo(Notice.Status.SENT);
        assertThat(mailsTo(member)).hasSize(1);
    }

    @Test
    void theRecordKeepsNeitherTheAddressNorTheText() {
        Member member = member("Eva", "eva.novak@example.org");
        notices.send(new NoticeRequest(member.memberId(), NoticeTemplate.AUTOPAY_CONFIRMATION, "ENR-4", AUTOPAY));

        assertThat(jdbc.queryForList("""
                select column_name from information_schema.columns
                where table_schema = 'premiumflow' and table_name = 'notice'""", String.class))
                .containsExactlyInAnyOrder("id", "member_id", "template", "business_reference", "channel", "subject", "status",
                        "created_at", "sent_at");
        Map<String, Object> row = jdbc.queryForMap("select * from premiumflow.notice where member_id = ?", member.memberId());
        assertThat(row.values()).map(String::valueOf)
                .noneMatch(value -> value.contains("eva.novak") || value.contains("Eva") || value.contains("6789"));
        assertThat(row).containsEntry("template", "AUTOPAY_CONFIRMATION").containsEntry("business_reference", "ENR-4");
    }

    private Member member(String firstName, String email) {
        Member member = new Member("M-NOTICE-" + MEMBER_NUMBERS.incrementAndGet(), firstName, "Member", LocalDate.of(1980, 5, 17),
                Instant.parse("2026-11-01T12:00:00Z"));
        member.contactAt(email, null);
        return members.save(member);
    }

    private Notice emailed(NoticeRequest request) {
        return notices.send(request).on(Channel.EMAIL).orElseThrow();
    }

    private OutboxMessage onlyMailTo(Member member) {
        List<OutboxMessage> mails = mailsTo(member);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private List<OutboxMessage> mailsTo(Member member) {
        return smtp.messagesNewestFirst().stream()
                .filter(mail -> member.email() != null && mail.to().contains(member.email()))
                .toList();
    }

    private int rowsFor(Member member) {
        return jdbc.queryForObject("select count(*) from premiumflow.notice where member_id = ?", Integer.class, member.memberId());
    }

    private Long id(Future<Notice> result) {
        try {
            return result.get().id();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
