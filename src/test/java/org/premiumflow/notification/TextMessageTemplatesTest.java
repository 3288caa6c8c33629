package org.premiumflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
    static final Map<String, Object> LONGEST = Map.of(
            "method", "Checking account ending 6789",
            "reason", "your bank returned the payment: R01 insufficient funds",
            "coverageMonth", "2027-09",
            "dueAmount", "1234.56",
            "dueDate", "2027-09-30",
            "paidAmount", "1234.56",
            "paidDate", "2027-09-30");

    static final Map<String, Object> AUTOPAY = Map.of(
            "autopayDraftDate", "2027-09-28",
            "autopayMethod", "Checking account ending 6789");

    final NoticeRenderer renderer = new NoticeRenderer();

    @Test
    void noticesAboutPremiumsBelongToTheAlertsAMemberChoosesChannelsFor() {
        assertThat(NoticeTemplate.PREMIUM_BILL.alert()).contains(Alert.BILL);
        assertThat(NoticeTemplate.PAYMENT_REMINDER.alert()).contains(Alert.PAYMENT_REMINDER);
        assertThat(NoticeTemplate.PAYMENT_RECEIPT.alert()).contains(Alert.PAYMENT_RECEIPT);
        assertThat(NoticeTemplate.PREMIUM_UNPAID.alert()).contains(Alert.PAYMENT_FAILED);
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
        Map<String, Object> withAutoPay = new HashMap<>(LONGEST);
        withAutoPay.putAll(AUTOPAY);
        for (Map<String, Object> variables : List.of(LONGEST, withAutoPay)) {
            NoticeModel model = NoticeModel.of(template, variables);

            String text = renderer.textMessage(template, model);

            assertThat(text).as(template + " " + model.values().keySet())
                    .startsWith("Health Connector")
                    .hasSizeLessThanOrEqualTo(160)
                    .doesNotContain("\n", "  ", "[(", "[#", "[/]", "th:", "null", "6789", "ending")
                    .contains(NoticeModel.shown("coverageMonth", "2027-09"), "$1,234.56");
            assertThat(text.chars().filter(c -> GSM_7.indexOf(c) < 0).mapToObj(Character::toString).toList())
                    .as("characters outside the GSM-7 alphabet in " + template).isEmpty();
        }
    }

    @Test
    void aTextForAnAutoPayMemberSaysWhenTheDraftComesInsteadOfAskingToPay() {
        Map<String, Object> variables = new HashMap<>(LONGEST);
        variables.putAll(AUTOPAY);

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
