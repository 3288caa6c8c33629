package org.premiumflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.premiumflow.embedded.mail.EmbeddedSmtpServer;
import org.premiumflow.embedded.mail.OutboxMessage;
import org.premiumflow.member.AlertChannels;
import org.premiumflow.member.AlertChoice;
import org.premiumflow.member.ContactPreference;
import org.premiumflow.member.ContactPreference.Alert;
import org.premiumflow.member.ContactPreference.Channel;
import org.premiumflow.member.ContactPreferences;
import org.premiumflow.member.Member;
import org.premiumflow.member.Members;
import org.premiumflow.notification.sms.TextMessageNotSentException;
import org.premiumflow.notification.sms.sandbox.SandboxTextMessageGateway;
import org.premiumflow.notification.sms.sandbox.SandboxTextMessageGateway.ReceivedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;

/**
 * Notices bound to an alert reach members on the channels they chose for it (e-mail without a
 * choice), security notices by e-mail whatever they chose, and each channel once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
@ExtendWith(OutputCaptureExtension.class)
class NoticeChannelsTest {

    static final AtomicInteger MEMBER_NUMBERS = new AtomicInteger();

    static final Map<String, Object> BILL = Map.of(
            "coverageMonth", "2027-02",
            "dueAmount", "211.25",
            "dueDate", "2027-01-23");

    static final Map<String, Object> METHOD_CHANGED = Map.of(
            "previousMethod", "Visa card ending 4242",
            "method", "Checking account ending 6789",
            "firstDraftDate", "2027-03-01");

    @Autowired
    Notices notices;
    @Autowired
    Members members;
    @Autowired
    AlertChannels alertChannels;
    @Autowired
    ContactPreferences preferences;
    @Autowired
    SandboxTextMessageGateway sandbox;
    @Autowired
    EmbeddedSmtpServer smtp;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyOutbox() {
        smtp.clear();
    }

    @Test
    void aMemberWhoChoseTextAloneGetsTheBillByTextAndNoMail(CapturedOutput output) {
        Member member = member("rosa.diaz@example.org", phone());
        choose(member, Alert.BILL, Channel.SMS);

        NoticeDelivery delivery = notices.send(new NoticeRequest(member.memberId(), NoticeTemplate.PREMIUM_BILL, "invoice-1", BILL));

        assertThat(delivery.status()).isEqualTo(Notice.Status.SENT);
        assertThat(delivery.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.channel()).isEqualTo(Channel.SMS);
            assertThat(notice.status()).isEqualTo(Notice.Status.SENT);
            assertThat(notice.subject()).isEqualTo("Your premium bill");
        });
        assertThat(texts(member)).singleElement().extracting(ReceivedText::body).isEqualTo(
                "Health Connector: Your February 2027 premium is $211.25, due January 23, 2027. "
                        + "Please pay in your Health Connector account to keep your coverage.");
        assertThat(mailsTo(member)).isEmpty();
        assertThat(output.getAll()).contains("PREMIUM_BILL (invoice-1) sent to member " + member.memberId() + " by SMS")
                .doesNotContain(digits(member.phone()), member.email());
    }

    @Test
    void aMemberWhoChoseBothGetsTheReminderByMailAndByText() {
        Member member = member("ann.lee@example.org", phone());
        choose(member, Alert.PAYMENT_REMINDER, Channel.SMS, Channel.EMAIL);

        NoticeDelivery delivery = notices.send(new NoticeRequest(member.memberId(), NoticeTemplate.PAYMENT_REMINDER, "invoice-2", BILL));

        assertThat(delivery.status()).isEqualTo(Notice.Status.SENT);
        assertThat(delivery.notices()).extracting(Notice::channel).containsExactly(Channel.EMAIL, Channel.SMS);
        assertThat(delivery.notices()).extracting(Notice::status).containsOnly(Notice.Status.SENT);
        assertThat(mailsTo(member)).singleElement().extracting(OutboxMessage::subject).isEqualTo("Reminder: your premium payment is due");
        assertThat(texts(member)).singleElement().extracting(ReceivedText::body).asString()
                .startsWith("Health Connector reminder: Your February 2027 premium of $211.25 is due January 23, 2027.");
        assertThat(rowsFor(member)).isEqualTo(2);
    }

    @Test
    void anAlertTheMemberMadeNoChoiceForGoesByMailAlone() {
        Member member = member("li.wong@example.org", phone());
        choose(member, Alert.BILL, Channel.SMS);

        NoticeDelivery delivery = notices.send(new NoticeRequest(member.memberId(), NoticeTemplate.PAYMENT_RECEIPT, "invoice-3-paid",
                Map.of("coverageMonth", "2027-02", "paidAmount", "211.25", "paidDate", "2027-01-22",
                        "method", "Checking account ending 6789")));

        assertThat(delivery.notices()).extracting(Notice::channel).containsExactly(Channel.EMAIL);
        assertThat(mailsTo(member)).hasSize(1);
        assertThat(texts(member)).isEmpty();
    }

    @Test
    void aSecurityNoticeIsMailedEvenToAMemberWhoChoseTextAloneForEveryAlert() {
        Member member = member("sam.okafor@example.org", phone());
        alertChannels.replace(member.memberId(), EnumSet.allOf(Alert.class).stream()
                .map(alert -> new AlertChoice(alert, EnumSet.of(Channel.SMS))).toList());

        NoticeDelivery delivery = notices.send(new NoticeRequest(member.memberId(), NoticeTemplate.AUTOPAY_METHOD_CHANGED, "mandate-4",
                METHOD_CHANGED));

        assertThat(delivery.notices()).extracting(Notice::channel).containsExactly(Channel.EMAIL);
        assertThat(mailsTo(member)).singleElement().extracting(OutboxMessage::subject)
                .isEqualTo("Your AutoPay payment method was changed");
        assertThat(texts(member)).isEmpty();
    }

    @Test
    void textChosenWithoutAPhoneNumberIsNoAddressOnThatChannelAlone() {
        // The choice was made while a phone number was on file; the number was removed since.
        Member member = member("pat.kim@example.org", null);
        preferences.saveAll(List.of(
                new ContactPreference(member.memberId(), Alert.BILL, Channel.EMAIL),
                new ContactPreference(member.memberId(), Alert.BILL, Channel.SMS),
                new ContactPreference(member.memberId(), Alert.PAYMENT_FAILED, Channel.SMS)));
        int textsBefore = allTexts();

        NoticeDelivery bill = notices.send(new NoticeRequest(member.memberId(), NoticeTemplate.PREMIUM_BILL, "invoice-5", BILL));
        NoticeDelivery unpaid = notices.send(new NoticeRequest(member.memberId(), NoticeTemplate.PREMIUM_UNPAID, "invoice-5",
                Map.of("coverageMonth", "2027-02", "dueAmount", "211.25", "dueDate", "2027-01-23", "reason", "it was not paid")));

        assertThat(bill.status()).as("the mail reached the member").isEqualTo(Notice.Status.SENT);
        assertThat(bill.on(Channel.EMAIL).orElseThrow().status()).isEqualTo(Notice.Status.SENT);
        assertThat(bill.on(Channel.SMS).orElseThrow().status()).isEqualTo(Notice.Status.NO_ADDRESS);
        assertThat(bill.on(Channel.SMS).orElseThrow().sentAt()).isEmpty();
        assertThat(unpaid.status()).as("nothing reached the member").isEqualTo(Notice.Status.NO_ADDRESS);
        assertThat(unpaid.notices()).extracting(Notice::channel).containsExactly(Channel.SMS);
        assertThat(mailsTo(member)).hasSize(1);
        assertThat(allTexts()).isEqualTo(textsBefore);
    }

    @Test
    void aNoticeAskedForAgainGoesOnNeitherChannelTwice() {
        Member member = member("eva.novak@example.org", phone());
        choose(member, Alert.PAYMENT_REMINDER, Channel.EMAIL, Channel.SMS);
        NoticeRequest request = new NoticeRequest(member.memberId(), NoticeTemplate.PAYMENT_REMINDER, "invoice-6", BILL);

        NoticeDelivery first = notices.send(request);
        NoticeDelivery repeat = notices.send(request);

        assertThat(repeat.notices()).extracting(Notice::id).isEqualTo(first.notices().stream().map(Notice::id).toList());
        assertThat(repeat.status()).isEqualTo(Notice.Status.SENT);
        assertThat(mailsTo(member)).hasSize(1);
        assertThat(texts(member)).hasSize(1);
        assertThat(rowsFor(member)).isEqualTo(2);
    }

    @Test
    void aNoticeAskedForAtOnceGoesOnEachChannelOnce() throws Exception {
        Member member = member("kim.tran@example.org", phone());
        choose(member, Alert.BILL, Channel.EMAIL, Channel.SMS);
        NoticeRequest request = new NoticeRequest(member.memberId(), NoticeTemplate.PREMIUM_BILL, "invoice-7", BILL);
        int callers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<NoticeDelivery>> results = IntStream.range(0, callers)
                    .mapToObj(i -> threads.submit(() -> {
                        start.await();
                        return notices.send(request);
                    }))
                    .toList();
            start.countDown();
            for (Future<NoticeDelivery> result : results) {
                assertThat(result.get().notices()).hasSize(2);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(mailsTo(member)).hasSize(1);
        assertThat(texts(member)).hasSize(1);
        assertThat(rowsFor(member)).isEqualTo(2);
    }

    @Test
    void whenTheMailServerRefusesTheTextStillGoesAndARetrySendsOnlyTheMail() {
        Member member = member("not-an-address", phone());
        choose(member, Alert.BILL, Channel.EMAIL, Channel.SMS);
        NoticeRequest request = new NoticeRequest(member.memberId(), NoticeTemplate.PREMIUM_BILL, "invoice-8", BILL);

        assertThatThrownBy(() -> notices.send(request)).isInstanceOf(MailException.class);
        assertThat(texts(member)).hasSize(1);
        assertThat(channelsRecordedFor(member)).containsExactly("SMS");

        member.contactAt("kai.berg@example.org", member.phone());
        members.save(member);
        NoticeDelivery retry = notices.send(request);

        assertThat(retry.notices()).extracting(Notice::status).containsOnly(Notice.Status.SENT);
        assertThat(mailsTo(member)).hasSize(1);
        assertThat(texts(member)).as("not sent again").hasSize(1);
        assertThat(channelsRecordedFor(member)).containsExactlyInAnyOrder("SMS", "EMAIL");
    }

    @Test
    void whenTheTextProviderRefusesTheMailStillGoesAndARetrySendsOnlyTheText(CapturedOutput output) {
        Member member = member("ola.berg@example.org", SandboxTextMessageGateway.UNAVAILABLE);
        choose(member, Alert.PAYMENT_REMINDER, Channel.EMAIL, Channel.SMS);
        NoticeRequest request = new NoticeRequest(member.memberId(), NoticeTemplate.PAYMENT_REMINDER, "invoice-9", BILL);

        assertThatThrownBy(() -> notices.send(request)).isInstanceOf(TextMessageNotSentException.class)
                .message().doesNotContain(digits(SandboxTextMessageGateway.UNAVAILABLE));
        assertThat(mailsTo(member)).hasSize(1);
        assertThat(channelsRecordedFor(member)).containsExactly("EMAIL");

        member.contactAt(member.email(), phone());
        members.save(member);
        notices.send(request);

        assertThat(mailsTo(member)).as("not sent again").hasSize(1);
        assertThat(texts(member)).hasSize(1);
        assertThat(channelsRecordedFor(member)).containsExactlyInAnyOrder("EMAIL", "SMS");
        assertThat(output.getAll()).doesNotContain(digits(SandboxTextMessageGateway.UNAVAILABLE), digits(member.phone()));
    }

    @Test
    void aTextNamesNeitherTheAccountNorTheMember() {
        Member member = member("ines.moro@example.org", phone());
        choose(member, Alert.BILL, Channel.SMS);

        notices.send(new NoticeRequest(member.memberId(), NoticeTemplate.PREMIUM_BILL, "invoice-10", Map.of(
                "coverageMonth", "2027-02", "dueAmount", "211.25", "dueDate", "2027-01-23",
                "autopayDraftDate", "2027-01-20", "autopayMethod", "Checking account ending 6789")));

        assertThat(texts(member)).singleElement().extracting(ReceivedText::body).asString()
                .isEqualTo("Health Connector: Your February 2027 premium is $211.25, due January 23, 2027. "
                        + "AutoPay drafts it on January 20, 2027; have the funds ready.")
                .doesNotContain("6789", "Checking", member.firstName());
    }

    private Member member(String email, String phone) {
        Member member = new Member("M-CHANNEL-" + MEMBER_NUMBERS.incrementAndGet(), "Rosa", "Member", LocalDate.of(1980, 5, 17),
                Instant.parse("2026-11-01T12:00:00Z"));
        member.contactAt(email, phone);
        return members.save(member);
    }

    /** A number of its own for each member, so each test reads only its own texts. */
    private static String phone() {
        return "+1617555" + String.format("%04d", 1000 + MEMBER_NUMBERS.incrementAndGet());
    }

    private void choose(Member member, Alert alert, Channel... channels) {
        alertChannels.replace(member.memberId(), List.of(new AlertChoice(alert, EnumSet.copyOf(List.of(channels)))));
    }

    private List<ReceivedText> texts(Member member) {
        return member.phone() == null ? List.of() : sandbox.sentTo(member.phone());
    }

    private List<OutboxMessage> mailsTo(Member member) {
        return smtp.messagesNewestFirst().stream().filter(mail -> mail.to().contains(member.email())).toList();
    }

    private List<String> channelsRecordedFor(Member member) {
        return jdbc.queryForList("select channel from premiumflow.notice where member_id = ? order by id", String.class,
                member.memberId());
    }

    private int allTexts() {
        return jdbc.queryForObject("select count(*) from premiumflow.sandbox_text_message", Integer.class);
    }

    private int rowsFor(Member member) {
        return jdbc.queryForObject("select count(*) from premiumflow.notice where member_id = ?", Integer.class, member.memberId());
    }

    private static String digits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }
}
