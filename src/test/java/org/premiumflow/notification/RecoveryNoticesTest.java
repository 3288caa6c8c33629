package org.premiumflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.premiumflow.embedded.mail.EmbeddedSmtpServer;
import org.premiumflow.embedded.mail.OutboxMessage;
import org.premiumflow.member.AlertChannels;
import org.premiumflow.member.AlertChoice;
import org.premiumflow.member.ContactPreference.Alert;
import org.premiumflow.member.ContactPreference.Channel;
import org.premiumflow.member.Member;
import org.premiumflow.member.Members;
import org.premiumflow.notification.sms.sandbox.SandboxTextMessageGateway;
import org.premiumflow.notification.sms.sandbox.SandboxTextMessageGateway.ReceivedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The notices of a failed payment and what follows it (grace, warnings, termination, reinstatement,
 * the balance paid), as a member reads them in the e-mail the mail server received and in the
 * text message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
class RecoveryNoticesTest {

    static final AtomicInteger MEMBER_NUMBERS = new AtomicInteger();

    static final Map<String, Object> FAILED = Map.of(
            "coverageMonth", "2027-02",
            "dueAmount", "211.25",
            "method", "Checking account ending 6789");

    /** As a process holds them: a JSON array, a month as its first day, an amount as a JSON number. */
    static final List<Map<String, Object>> UNPAID_MONTHS = List.of(
            Map.of("month", "2027-02", "amount", "198.40"),
            Map.of("month", "2027-01-01", "amount", 211.25));

    static final Map<String, Object> WARNING = Map.of(
            "unpaidMonths", UNPAID_MONTHS,
            "totalDueAmount", "409.65",
            "payByDate", "2027-03-31",
            "terminationDate", "2027-01-31");

    static final Map<String, Object> NEXT_MONTH = Map.of(
            "nextMonth", "2027-03",
            "nextMonthAmount", "1215.10");

    @Autowired
    Notices notices;
    @Autowired
    Members members;
    @Autowired
    AlertChannels alertChannels;
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
    void aPaymentWithoutEnoughMoneySaysSoAndWhenItIsTriedAgain() {
        Member member = member();
        choose(member, Alert.PAYMENT_FAILED, Channel.EMAIL, Channel.SMS);

        send(member, NoticeTemplate.PAYMENT_FAILED, "payment-1-returned", with(FAILED, "failureCode", "R01", "retryDate", "2027-01-30"));

        OutboxMessage mail = mailTo(member);
        assertThat(mail.subject()).isEqualTo("Your premium payment did not go through");
        assertThat(text(mail)).contains(
                "Your payment of $211.25 for your February 2027 coverage did not go through. We tried to take it from:\n\n"
                        + "    Checking account ending 6789\n",
                "Why: there was not enough money available in the account (code R01).",
                "What to do: We will try the payment again on January 30, 2027. Please make sure there is enough money in "
                        + "the account by then.",
                "If your premium stays unpaid, your coverage may end.",
                "call us at the customer service number on your bill");
        assertThat(html(mail)).contains("<strong>$211.25</strong>", "<p class=\"method\">Checking account ending 6789</p>",
                "Why: <span>there was not enough money available in the account</span>",
                "<span>We will try the payment again on January 30, 2027.");
        assertThat(textsTo(member)).containsExactly("Health Connector: Your February 2027 premium payment of $211.25 did not "
                + "go through. We will try again on January 30, 2027; have the funds ready.");
    }

    @Test
    void aPaymentNotTriedAgainAsksTheMemberToPay() {
        Member member = member();
        choose(member, Alert.PAYMENT_FAILED, Channel.EMAIL, Channel.SMS);

        send(member, NoticeTemplate.PAYMENT_FAILED, "payment-2-returned", with(FAILED, "failureCode", "R09"));

        assertThat(text(mailTo(member))).contains("Why: there was not enough money available in the account (code R09).",
                "What to do: Please pay this premium in your Health Connector account as soon as you can.")
                .doesNotContain("try the payment again", "null");
        assertThat(textsTo(member)).containsExactly("Health Connector: Your February 2027 premium payment of $211.25 did not "
                + "go through. Please pay in your Health Connector account.");
    }

    @Test
    void eachKindOfBankReturnGetsItsReasonAndWhatToDo() {
        Map<String, List<String>> expected = Map.of(
                "R02", List.of("Why: your bank told us this account cannot be used for payments (for example, it is closed or "
                        + "frozen, or the account number is wrong) (code R02).", "What to do: We cannot take payments from this "
                        + "account. Please sign in to your Health Connector account, add a new payment method and pay this premium."),
                "R16", List.of("this account cannot be used for payments", "add a new payment method"),
                "R08", List.of("Why: your bank told us a stop payment was placed on it (code R08).", "What to do: If you still "
                        + "want to pay from this account, ask your bank to remove the stop payment and sign in to your Health "
                        + "Connector account to authorize the payment again. Or pay this premium another way there."),
                "R10", List.of("Why: your bank told us the payment was not authorized by the account holder (code R10).",
                        "What to do: We will not take payments from this account until we hear from you. Please call us at the "
                                + "customer service number on your bill."),
                "R29", List.of("the payment was not authorized by the account holder (code R29)", "Please call us"));

        expected.forEach((code, lines) -> {
            Member member = member();
            send(member, NoticeTemplate.PAYMENT_FAILED, "payment-" + code, with(FAILED, "failureCode", code));

            assertThat(text(mailTo(member))).as(code).contains(lines).doesNotContain("try the payment again");
        });
    }

    @Test
    void aCardThatCannotBeUsedAsksForAnotherAndADeclinedOneIsTriedAgain() {
        Member lostCard = member();
        Member declined = member();
        Map<String, Object> byCard = with(FAILED, "method", "Visa card ending 4242");

        send(lostCard, NoticeTemplate.PAYMENT_FAILED, "card-1", with(byCard, "failureCode", "41"));
        // A process that holds the decline code as a number has 5 for "05".
        send(declined, NoticeTemplate.PAYMENT_FAILED, "card-2", with(byCard, "failureCode", 5, "retryDate", "2027-01-26"));

        assertThat(text(mailTo(lostCard))).contains("Visa card ending 4242",
                "Why: the bank that issued your card told us the card cannot be used (for example, it has expired or was "
                        + "reported lost or stolen) (code 41).",
                "What to do: Please sign in to your Health Connector account and pay this premium with another card or a bank "
                        + "account.");
        assertThat(text(mailTo(declined))).contains(
                "Why: the bank that issued your card declined the payment this time (code 05).",
                "What to do: We will try your card again on January 26, 2027. If you would rather not wait, you can pay with "
                        + "another card or a bank account in your Health Connector account.");
    }

    @Test
    void anUnknownFailureCodeIsRefusedNamingItAndNothingIsSent() {
        Member member = member();

        assertThatThrownBy(() -> send(member, NoticeTemplate.PAYMENT_FAILED, "payment-3", with(FAILED, "failureCode", "R99")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Notice PAYMENT_FAILED: variable 'failureCode' is not a Nacha return code or card "
                        + "decline code but 'R99'; expected one of R01, R02,")
                .hasMessageContaining(", 05, 14, 41, 43, 51, 54, 91, 96");
        assertThat(smtp.messagesNewestFirst()).isEmpty();
        assertThat(rowsFor(member)).isZero();
    }

    @Test
    void aRetryDateForAFailureNeverTriedAgainIsRefused() {
        Member member = member();

        assertThatThrownBy(() -> send(member, NoticeTemplate.PAYMENT_FAILED, "payment-4",
                with(FAILED, "failureCode", "R02", "retryDate", "2027-01-30")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Notice PAYMENT_FAILED: variable 'retryDate' was given, but a payment that failed with 'R02' is "
                        + "never tried again");
        assertThat(smtp.messagesNewestFirst()).isEmpty();
    }

    @Test
    void aPastDueWarningListsEveryUnpaidMonthTheTotalAndTheNextMonth() {
        Member member = member();
        choose(member, Alert.PAYMENT_FAILED, Channel.EMAIL, Channel.SMS);
        Map<String, Object> variables = new HashMap<>(WARNING);
        variables.putAll(NEXT_MONTH);

        send(member, NoticeTemplate.PAST_DUE_WARNING, "grace-1", variables);

        OutboxMessage mail = mailTo(member);
        assertThat(mail.subject()).isEqualTo("Past due: please pay to keep your coverage");
        assertThat(text(mail)).contains(
                "We have not received your full premium for these months, so your account is past due:\n\n"
                        + "    January 2027: $211.25\n"
                        + "    February 2027: $198.40\n\n"
                        + "    Total past due: $409.65\n",
                "What to do: please pay $409.65 by March 31, 2027 to keep your coverage. Please also pay your March 2027 "
                        + "premium of $1,215.10, so that you do not fall behind again.",
                "If you do not pay by March 31, 2027, your coverage may end.",
                "call us at the customer service number on your bill")
                .doesNotContain("\n\n\n", "terminat");
        assertThat(html(mail)).contains("<li>January 2027: $211.25</li>", "<li>February 2027: $198.40</li>",
                "Total past due: <span>$409.65</span>", "<span>March 2027</span> premium of\n    <span>$1,215.10</span>");
        assertThat(textsTo(member)).containsExactly("Health Connector: Your premiums are past due. Please pay $409.65 by "
                + "March 31, 2027 to keep your coverage. Sign in to your account for details.");
    }

    @Test
    void aPastDueWarningWithoutTheNextMonthAsksForThePastDueAlone() {
        Member member = member();

        send(member, NoticeTemplate.PAST_DUE_WARNING, "grace-2", WARNING);

        assertThat(text(mailTo(member))).contains("What to do: please pay $409.65 by March 31, 2027 to keep your coverage.\n")
                .doesNotContain("also pay", "null");
        assertThat(html(mailTo(member))).doesNotContain("also pay", "th:block");
    }

    @Test
    void terminationWarningsSayWhenCoverageWouldEndAndAskForEveryMonthAndTheNext() {
        Member member = member();
        Map<String, Object> variables = new HashMap<>(WARNING);
        variables.putAll(NEXT_MONTH);

        send(member, NoticeTemplate.TERMINATION_WARNING, "grace-3-warning-1", variables);
        send(member, NoticeTemplate.SECOND_TERMINATION_WARNING, "grace-3-warning-2", variables);

        List<OutboxMessage> mails = smtp.messagesNewestFirst();
        assertThat(mails).extracting(OutboxMessage::subject).containsExactly(
                "Final notice: your coverage will end unless you pay", "Your coverage will end unless you pay");
        for (OutboxMessage mail : mails) {
            assertThat(text(mail)).as(mail.subject()).contains(
                    "    January 2027: $211.25\n    February 2027: $198.40\n\n    Total past due: $409.65\n",
                    "If we do not receive $409.65 by March 31, 2027, your health coverage will end as of January 31, 2027.",
                    "What to do: please pay $409.65 by March 31, 2027 in your Health Connector account. Please also pay your "
                            + "March 2027 premium of $1,215.10");
            assertThat(html(mail)).contains("<li>January 2027: $211.25</li>", "<strong>January 31, 2027</strong>");
        }
        assertThat(text(mails.get(0))).contains("This is our last notice before your coverage ends.");
        assertThat(text(mails.get(1))).doesNotContain("last notice");
    }

    @Test
    void aWarningWithoutUnpaidMonthsOrWithAMonthWithoutAmountIsRefused() {
        Member member = member();
        Map<String, Object> noMonths = with(WARNING, "unpaidMonths", List.of());
        Map<String, Object> noAmount = with(WARNING, "unpaidMonths", List.of(Map.of("month", "2027-01", "amount", "211.25"),
                Map.of("month", "2027-02")));

        assertThatThrownBy(() -> send(member, NoticeTemplate.TERMINATION_WARNING, "grace-4", noMonths))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Notice TERMINATION_WARNING: variable 'unpaidMonths' lists no month; it needs at least one like "
                        + "[{\"month\": \"2027-01\", \"amount\": \"211.25\"}]");
        assertThatThrownBy(() -> send(member, NoticeTemplate.PAST_DUE_WARNING, "grace-4", noAmount))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Notice PAST_DUE_WARNING: variable 'unpaidMonths' entry 2 has no 'amount'");
        assertThat(smtp.messagesNewestFirst()).isEmpty();
        assertThat(rowsFor(member)).isZero();
    }

    @Test
    void aTerminationNoticeIsMailedEvenToAMemberWhoChoseTextAlone() {
        Member member = member();
        alertChannels.replace(member.memberId(), EnumSet.allOf(Alert.class).stream()
                .map(alert -> new AlertChoice(alert, EnumSet.of(Channel.SMS))).toList());

        NoticeDelivery delivery = send(member, NoticeTemplate.TERMINATION_NOTICE, "termination-1", Map.of(
                "coverageEndDate", "2027-01-31",
                "reason", "your premiums for February and March 2027 were not paid",
                "reinstateByDate", "2027-05-05",
                "appealByDate", "2027-05-05"));

        assertThat(delivery.notices()).extracting(Notice::channel).containsExactly(Channel.EMAIL);
        OutboxMessage mail = mailTo(member);
        assertThat(mail.subject()).isEqualTo("Your health coverage has ended");
        assertThat(text(mail)).contains(
                "Your health coverage through the Health Connector ended on January 31, 2027.",
                "Reason: your premiums for February and March 2027 were not paid",
                "To get your coverage back: ask us to reinstate it by May 5, 2027.",
                "pay everything you owe plus next month's premium",
                "If you think this is wrong: you can appeal by May 5, 2027.",
                "call us at the customer service number on your bill");
        assertThat(html(mail)).contains("<strong>January 31, 2027</strong>",
                "Reason: <span>your premiums for February and March 2027 were not paid</span>");
        assertThat(textsTo(member)).isEmpty();
    }

    @Test
    void aReinstatementSaysFromWhichMonthCoverageIsBack() {
        Member member = member();

        send(member, NoticeTemplate.REINSTATEMENT_CONFIRMATION, "termination-1-reinstated",
                Map.of("coverageMonth", "2027-02", "paidAmount", "633.75"));

        OutboxMessage mail = mailTo(member);
        assertThat(mail.subject()).isEqualTo("Your health coverage is active again");
        assertThat(text(mail)).contains("We received your payment of $633.75, and your health coverage is active again: "
                + "you are covered starting with February 2027.");
        assertThat(html(mail)).contains("<strong>$633.75</strong>", "<strong>February 2027</strong>");
    }

    @Test
    void aCuredBalanceGoesOnTheReceiptChannelsAndSaysCoverageContinues() {
        Member member = member();
        choose(member, Alert.PAYMENT_RECEIPT, Channel.EMAIL, Channel.SMS);

        send(member, NoticeTemplate.PREMIUM_CURED, "grace-5-cured", Map.of("paidAmount", "409.65", "paidDate", "2027-03-12"));

        OutboxMessage mail = mailTo(member);
        assertThat(mail.subject()).isEqualTo("You are caught up on your premiums");
        assertThat(text(mail)).contains("We received your payment of $409.65 on March 12, 2027. Thank you.",
                "your account is no longer past due and your health coverage continues");
        assertThat(html(mail)).contains("<strong>$409.65</strong>", "<strong>March 12, 2027</strong>");
        assertThat(textsTo(member)).containsExactly("Health Connector: We received your payment of $409.65 on March 12, 2027. "
                + "You are caught up and your coverage continues. Thank you.");
    }

    private NoticeDelivery send(Member member, NoticeTemplate template, String reference, Map<String, Object> variables) {
        return notices.send(new NoticeRequest(member.memberId(), template, reference, variables));
    }

    private static Map<String, Object> with(Map<String, Object> variables, Object... more) {
        Map<String, Object> all = new HashMap<>(variables);
        for (int i = 0; i < more.length; i += 2) {
            all.put((String) more[i], more[i + 1]);
        }
        return all;
    }

    private Member member() {
        int number = MEMBER_NUMBERS.incrementAndGet();
        Member member = new Member("M-RECOVERY-" + number, "Rosa", "Member", LocalDate.of(1980, 5, 17),
                Instant.parse("2026-11-01T12:00:00Z"));
        member.contactAt("member" + number + ".recovery@example.org", "+1617556" + String.format("%04d", number));
        return members.save(member);
    }

    private void choose(Member member, Alert alert, Channel... channels) {
        alertChannels.replace(member.memberId(), List.of(new AlertChoice(alert, EnumSet.copyOf(List.of(channels)))));
    }

    private OutboxMessage mailTo(Member member) {
        List<OutboxMessage> mails = smtp.messagesNewestFirst().stream().filter(mail -> mail.to().contains(member.email())).toList();
        assertThat(mails).as("mails to " + member.memberId()).hasSize(1);
        return mails.get(0);
    }

    private static String text(OutboxMessage mail) {
        return mail.text().orElseThrow().replace("\r\n", "\n");
    }

    private static String html(OutboxMessage mail) {
        return mail.html().orElseThrow().replace("\r\n", "\n");
    }

    private List<String> textsTo(Member member) {
        return sandbox.sentTo(member.phone()).stream().map(ReceivedText::body).toList();
    }

    private int rowsFor(Member member) {
        return jdbc.queryForObject("select count(*) from premiumflow.notice where member_id = ?", Integer.class, member.memberId());
    }
}
