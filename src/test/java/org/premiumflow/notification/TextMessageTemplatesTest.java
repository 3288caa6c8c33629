package org.premiumflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.premiumflow.member.ContactPreference.Alert;

/**
 * The notices a member may choose to get by text message, and their texts: one short line that
 * fits one message and names no account.
 */
class TextMessageTemplatesTest {

    /** The GSM 03.38 basic alphabet: a text of these characters alone fits 160 of them in one message. */
    static final String GSM_7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** The longest month, date and a four-digit amount: the most a text can be asked to hold. */
    static final Map<String, Object> LONGEST = Map.ofEntries(
            Map.entry("method", "Checking account ending 6789"),
            Map.entry("reason", "your bank returned the payment: R01 insufficient funds"),
            Map.entry("coverageMonth", "2027-09"),
            Map.entry("dueAmount", "1234.56"),
            Map.entry("dueDate", "2027-09-30"),
            Map.entry("paidAmount", "1234.56"),
            Map.entry("paidDate", "2027-09-30"),
            Map.entry("failureCode", "R01"),
            Map.entry("unpaidMonths", List.of(Map.of("month", "2027-08", "amount", "617.28"),
                    Map.of("month", "2027-09", "amount", "617.28"))),
            Map.entry("totalDueAmount", "1234.56"),
            Map.entry("payByDate", "2027-09-30"),
            Map.entry("terminationDate", "2027-07-31"));

    /** Every template's optional variables, which make some texts longer. */
    static final Map<String, Object> OPTIONALS = Map.of(
            "autopayDraftDate", "2027-09-28",
            "autopayMethod", "Checking account ending 6789",
            "retryDate", "2027-09-30",
            "nextMonth", "2027-10",
            "nextMonthAmount", "1234.56");

    final NoticeRenderer renderer = new NoticeRenderer();

    @Test
    void noticesAboutPremiumsBelongToTheAlertsAMemberChoosesChannelsFor() {
        assertThat(NoticeTemplate.PREMIUM_BILL.alert()).contains(Alert.BILL);
        assertThat(NoticeTemplate.PAYMENT_REMINDER.alert()).contains(Alert.PAYMENT_REMINDER);
        assertThat(NoticeTemplate.PAYMENT_RECEIPT.alert()).contains(Alert.PAYMENT_RECEIPT);
        assertThat(NoticeTemplate.PREMIUM_UNPAID.alert()).contains(Alert.PAYMENT_FAILED);
        for (NoticeTemplate template : List.of(NoticeTemplate.PAYMENT_FAILED, NoticeTemplate.PAST_DUE_WARNING,
                NoticeTemplate.TERMINATION_WARNING, NoticeTemplate.SECOND_TERMINATION_WARNING)) {
            assertThat(template.alert()).as(template.name()).contains(Alert.PAYMENT_FAILED);
        }
        assertThat(NoticeTemplate.PREMIUM_CURED.alert()).contains(Alert.PAYMENT_RECEIPT);
    }

    @Test
    void noticesThatCoverageEndedOrIsBackBelongToNoAlert() {
        assertThat(NoticeTemplate.TERMINATION_NOTICE.alert()).isEmpty();
        assertThat(NoticeTemplate.REINSTATEMENT_CONFIRMATION.alert()).isEmpty();
    }

    @Test
    void noticesAboutThePaymentSetUpBelongToNoAlert() {
        for (NoticeTemplate template : List.of(NoticeTemplate.MICRO_DEPOSITS_SENT, NoticeTemplate.MICRO_DEPOSIT_REMINDER,
                NoticeTemplate.VERIFICATION_FAILED, NoticeTemplate.PAYMENT_METHOD_REJECTED, NoticeTemplate.PAYMENT_METHOD_VERIFIED,
                NoticeTemplate.AUTOPAY_CONFIRMATION, NoticeTemplate.AUTOPAY_METHOD_CHANGED, NoticeTemplate.AUTOPAY_CANCELLED)) {
            assertThat(template.alert()).as(template.name()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(NoticeTemplate.class)
    void exactlyTheNoticesBoundToAnAlertHaveAText(NoticeTemplate template) {
        boolean hasText = getClass().getClassLoader().getResource("templates/mail/" + template.fileName() + ".sms.txt") != null;

        assertThat(hasText).as(template.name()).isEqualTo(template.alert().isPresent());
    }

    @ParameterizedTest
    @EnumSource(NoticeTemplate.class)
    void everyTextFitsOneMessageOnOneLineAndNamesNoAccount(NoticeTemplate template) {
        if (template.alert().isEmpty()) {
            return;
        }
        Map<String, Object> withOptionals = new HashMap<>(LONGEST);
        withOptionals.putAll(OPTIONALS);
        for (Map<String, Object> variables : List.of(LONGEST, withOptionals)) {
            assertFitsOneMessage(template, variables);
        }
    }

    /** The failure codes with the longest wording, the retried ones with a retry date and without. */
    @ParameterizedTest
    @ValueSource(strings = {"R01", "R02", "R08", "R10", "05", "54"})
    void everyFailedPaymentTextFitsOneMessage(String code) {
        Map<String, Object> variables = new HashMap<>(LONGEST);
        variables.put("failureCode", code);
        assertFitsOneMessage(NoticeTemplate.PAYMENT_FAILED, variables);
        if (code.equals("R01") || code.equals("05")) {
            variables.put("retryDate", "2027-09-30");
            assertFitsOneMessage(NoticeTemplate.PAYMENT_FAILED, variables);
        }
    }

    @Test
    void aFailedPaymentTextSaysWhatToDoForItsCode() {
        Map<String, Object> variables = new HashMap<>(LONGEST);
        variables.put("failureCode", "R02");
        assertThat(text(NoticeTemplate.PAYMENT_FAILED, variables)).isEqualTo("Health Connector: Your September 2027 premium "
                + "payment of $1,234.56 did not go through. Please add a new payment method in your account.");

        variables.put("failureCode", "R09");
        variables.put("retryDate", "2027-10-04");
        assertThat(text(NoticeTemplate.PAYMENT_FAILED, variables)).isEqualTo("Health Connector: Your September 2027 premium "
                + "payment of $1,234.56 did not go through. We will try again on October 4, 2027; have the funds ready.");
    }

    @Test
    void aWarningTextGivesTheTotalAndThePayByDateAndNoMonths() {
        Map<String, Object> variables = new HashMap<>(LONGEST);
        variables.putAll(OPTIONALS);

        assertThat(text(NoticeTemplate.PAST_DUE_WARNING, variables)).isEqualTo("Health Connector: Your premiums are past due. "
                + "Please pay $1,234.56 by September 30, 2027 to keep your coverage. Sign in to your account for details.");
        assertThat(text(NoticeTemplate.TERMINATION_WARNING, variables)).isEqualTo("Health Connector: Your coverage will end "
                + "unless you pay $1,234.56 by September 30, 2027. Sign in to your account or call us for details.");
        assertThat(text(NoticeTemplate.SECOND_TERMINATION_WARNING, variables)).isEqualTo("Health Connector final notice: "
                + "Your coverage will end unless you pay $1,234.56 by September 30, 2027. Sign in to your account or call us.");
        assertThat(text(NoticeTemplate.PREMIUM_CURED, variables)).isEqualTo("Health Connector: We received your payment of "
                + "$1,234.56 on September 30, 2027. You are caught up and your coverage continues. Thank you.");
    }

    private void assertFitsOneMessage(NoticeTemplate template, Map<String, Object> variables) {
        NoticeModel model = NoticeModel.of(template, variables);

        String text = renderer.textMessage(template, model);

        assertThat(text).as(template + " " + model.values().keySet())
                .startsWith("Health Connector")
                .hasSizeLessThanOrEqualTo(160)
                .doesNotContain("\n", "  ", "[(", "[#", "[/]", "th:", "null", "6789", "ending", "August")
                .contains("$1,234.56");
        if (template.requiredVariables().contains("coverageMonth")) {
            assertThat(text).contains(NoticeModel.shown("coverageMonth", "2027-09"));
        }
        assertThat(text.chars().filter(c -> GSM_7.indexOf(c) < 0).mapToObj(Character::toString).toList())
                .as("characters outside the GSM-7 alphabet in " + template).isEmpty();
    }

    private String text(NoticeTemplate template, Map<String, Object> variables) {
        return renderer.textMessage(template, NoticeModel.of(template, variables));
    }

    @Test
    void aTextForAnAutoPayMemberSaysWhenTheDraftComesInsteadOfAskingToPay() {
        Map<String, Object> variables = new HashMap<>(LONGEST);
        variables.putAll(OPTIONALS);

        assertThat(renderer.textMessage(NoticeTemplate.PAYMENT_REMINDER, NoticeModel.of(NoticeTemplate.PAYMENT_REMINDER, variables)))
                .isEqualTo("Health Connector reminder: Your September 2027 premium of $1,234.56 is due September 30, 2027. "
                        + "AutoPay drafts it on September 28, 2027; have the funds ready.");
        assertThat(renderer.textMessage(NoticeTemplate.PAYMENT_REMINDER, NoticeModel.of(NoticeTemplate.PAYMENT_REMINDER, LONGEST)))
                .isEqualTo("Health Connector reminder: Your September 2027 premium of $1,234.56 is due September 30, 2027. "
                        + "Please pay to keep your coverage. If you have paid, thank you.");
    }

    @Test
    void theAlphabetAboveIsTheWholeBasicSet() {
        // 128 positions, one of them the escape to the extension table, which is no character of its own.
        assertThat(GSM_7.codePoints().distinct().count()).isEqualTo(127);
    }
}
