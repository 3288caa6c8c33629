package org.premiumflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every notice renders from its variables alone, with values written the way a member reads them. */
class NoticeTemplatesTest {

    static final Map<String, Object> SAMPLES = Map.ofEntries(
            Map.entry("method", "Checking account ending 6789"),
            Map.entry("previousMethod", "Visa card ending 4242"),
            Map.entry("reason", "The two amounts entered did not match three times"),
            Map.entry("confirmByDate", "2027-01-23"),
            Map.entry("firstDraftDate", "2027-01-23"),
            Map.entry("coverageMonth", "2027-02"),
            Map.entry("dueAmount", "211.25"),
            Map.entry("dueDate", "2027-01-23"),
            Map.entry("paidAmount", "211.25"),
            Map.entry("paidDate", "2027-01-22"),
            Map.entry("failureCode", "R01"),
            Map.entry("unpaidMonths", List.of(Map.of("month", "2027-01", "amount", "211.25"),
                    Map.of("month", "2027-02", "amount", "198.40"))),
            Map.entry("totalDueAmount", "409.65"),
            Map.entry("payByDate", "2027-02-28"),
            Map.entry("terminationDate", "2027-01-31"),
            Map.entry("coverageEndDate", "2027-01-31"),
            Map.entry("reinstateByDate", "2027-04-14"),
            Map.entry("appealByDate", "2027-04-15"),
            Map.entry("filedDate", "2027-02-03"),
            Map.entry("decision", "denied"),
            Map.entry("decisionNote", "Your household income is above the hardship limit"),
            Map.entry("eventDescription", "marriage"),
            Map.entry("eventDate", "2037-03-14"),
            Map.entry("reportedDate", "2037-04-02"),
            Map.entry("proofDocuments", "a marriage certificate"),
            Map.entry("proofDueDate", "2037-07-01"),
            Map.entry("decisionReason", "proof not provided by July 1, 2037"),
            Map.entry("grossAmount", "612.40"),
            Map.entry("taxCreditAmount", "401.15"),
            Map.entry("memberAmount", "211.25"),
            Map.entry("firstMonth", "2027-04"),
            Map.entry("coverageChangeDate", "2027-03-14"),
            Map.entry("program", "ConnectorCare Plan Type 3A (before: premium tax credit)"),
            Map.entry("planName", "ConnectorCare HMO (unchanged)"),
            Map.entry("adjustments", "March 2027: credit of $45.10 (Your premium for the whole month changed from $211.25 to $166.15)"));

    /** The optional variables of every template: the upcoming AutoPay draft, a retry, the next month, a caseworker's note. */
    static final Map<String, Object> OPTIONALS = Map.of(
            "caseworkerNote", "A copy that shows the date of the marriage",
            "autopayDraftDate", "2027-01-20",
            "autopayMethod", "Checking account ending 6789",
            "autopayDraftAmount", "165.40",
            "retryDate", "2027-01-30",
            "nextMonth", "2027-03",
            "nextMonthAmount", "215.10",
            "adjustmentLines", List.of("January 2027: extra charge of $205.26 (Your coverage changed on January 14, 2027)",
                    "February 2027: credit of $96.83 (Your premium for the whole month changed from $256.50 to $159.67)"));

    final NoticeRenderer renderer = new NoticeRenderer();

    @ParameterizedTest
    @EnumSource(NoticeTemplate.class)
    void everyTemplateRendersItsVariablesAsTextAndHtml(NoticeTemplate template) {
        RenderedNotice notice = renderer.render(template, "Rosa", NoticeModel.of(template, SAMPLES));

        assertThat(notice.subject()).isEqualTo(template.subject());
        for (String body : new String[] {notice.text(), notice.html()}) {
            assertThat(body).contains("Hello", "Rosa", "Health Connector premium services")
                    .doesNotContain("${", "[(", "th:text", "th:replace", "xmlns:th");
            NoticeModel.of(template, SAMPLES).values().values().forEach(value -> assertThat(body).contains(readable(value)));
        }
        assertThat(notice.html()).startsWith("<!DOCTYPE html>").contains("<title>" + template.subject() + "</title>");
    }

    @ParameterizedTest
    @EnumSource(NoticeTemplate.class)
    void everyTemplateRendersItsOptionalVariablesWhenGiven(NoticeTemplate template) {
        NoticeModel model = NoticeModel.of(template, withOptionals());

        RenderedNotice notice = renderer.render(template, "Rosa", model);

        assertThat(model.values().keySet()).containsAll(template.optionalVariables());
        for (String body : new String[] {notice.text(), notice.html()}) {
            assertThat(body).doesNotContain("${", "[(", "[#", "[/]", "th:text", "th:if", "th:unless", "th:block");
            model.values().values().forEach(value -> assertThat(body).contains(readable(value)));
        }
    }

    @Test
    void aBillAsksToPayByTheDueDate() {
        RenderedNotice bill = render(NoticeTemplate.PREMIUM_BILL, SAMPLES);

        assertThat(bill.subject()).isEqualTo("Your premium bill");
        assertThat(bill.text()).contains(
                "Here is your premium bill for your February 2027 coverage.",
                "Amount due: $211.25",
                "Due date:   January 23, 2027",
                "Please pay $211.25 by January 23, 2027 to keep your coverage.");
        assertThat(bill.html()).contains("<strong>February 2027</strong>", "Amount due: <span>$211.25</span>",
                "Please pay <strong>$211.25</strong> by\n    <strong>January 23, 2027</strong> to keep your coverage.");
        for (String body : new String[] {bill.text(), bill.html()}) {
            assertThat(body).doesNotContain("AutoPay", "draft", "null");
        }
        assertThat(bill.text()).doesNotContain("\n\n\n");
    }

    @Test
    void aNewPremiumSaysTheAmountsFromWhenAndTheFirstChangedDraftOnlyWithAutoPay() {
        RenderedNotice notice = render(NoticeTemplate.NEW_PREMIUM, SAMPLES);
        RenderedNotice withAutoPay = render(NoticeTemplate.NEW_PREMIUM, withOptionals());

        assertThat(notice.subject()).isEqualTo("Your premium is changing");
        assertThat(notice.text()).contains("Your coverage changes from March 14, 2027, and your new monthly premium applies from April 2027 on:",
                "Plan premium:          $612.40", "Premium tax credit:    $401.15", "Your part each month:  $211.25",
                "March 2027: credit of $45.10").doesNotContain("AutoPay", "\n\n\n");
        assertThat(withAutoPay.text()).contains("You have AutoPay. The first draft with the new amount is $165.40 on January 20, 2027, from:",
                "Checking account ending 6789");
        assertThat(withAutoPay.html()).contains("<strong>$165.40</strong>", "<strong>January 20, 2027</strong>");
    }

    @Test
    void aBillCarryingChangesForMonthsBilledBeforeListsThemOnlyThen() {
        Map<String, Object> variables = new HashMap<>(SAMPLES);
        variables.put("adjustmentLines", OPTIONALS.get("adjustmentLines"));

        RenderedNotice withLines = render(NoticeTemplate.PREMIUM_BILL, variables);
        RenderedNotice without = render(NoticeTemplate.PREMIUM_BILL, SAMPLES);

        assertThat(withLines.text()).contains("Due date:   January 23, 2027\n\nThe amount due includes these changes for months you were"
                        + " billed for before:\n\n    January 2027: extra charge of $205.26 (Your coverage changed on January 14, 2027)\n"
                        + "    February 2027: credit of $96.83", "Please pay $211.25 by January 23, 2027")
                .doesNotContain("\n\n\n");
        assertThat(words(withLines.html())).contains("billed for before: January 2027: extra charge of $205.26");
        for (String body : new String[] {without.text(), without.html()}) {
            assertThat(body).doesNotContain("includes these changes", "credit of");
        }
        variables.put("adjustmentLines", List.of());
        assertThatThrownBy(() -> NoticeModel.of(NoticeTemplate.PREMIUM_BILL, variables)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'adjustmentLines' is not a list of lines");
    }

    @Test
    void aBillThatAutoPayWillPaySaysWhenAndFromWhere() {
        RenderedNotice bill = render(NoticeTemplate.PREMIUM_BILL, withOptionals());

        assertThat(bill.text()).contains(
                "Amount due: $211.25",
                "We will draft $211.25 automatically on January 20, 2027 from:\n\n    Checking account ending 6789\n",
                "Please make sure the funds are available in that account on that date.")
                .doesNotContain("Please pay", "\n\n\n");
        assertThat(bill.html()).contains("automatically on <strong>January 20, 2027</strong> from:",
                "<p class=\"method\">Checking account ending 6789</p>")
                .doesNotContain("Please pay", "th:block");
    }

    @Test
    void aReminderAsksToPayByTheDueDateToKeepCoverage() {
        RenderedNotice reminder = render(NoticeTemplate.PAYMENT_REMINDER, SAMPLES);

        assertThat(reminder.subject()).isEqualTo("Reminder: your premium payment is due");
        assertThat(reminder.text()).contains(
                "A reminder: your premium of $211.25 for your February 2027 coverage is due on January 23, 2027.",
                "Please pay $211.25 by January 23, 2027 to keep your coverage.")
                .doesNotContain("AutoPay", "funds", "\n\n\n");
        assertThat(reminder.html()).contains("to keep your coverage").doesNotContain("AutoPay", "funds");
    }

    @Test
    void aReminderToAnAutoPayMemberAsksForFundsOnTheDraftDate() {
        RenderedNotice reminder = render(NoticeTemplate.PAYMENT_REMINDER, withOptionals());

        assertThat(reminder.text()).contains(
                "is due on January 23, 2027.",
                "Your AutoPay draft on January 20, 2027 will pay it, from:\n\n    Checking account ending 6789\n",
                "Please make sure the funds are available in that account on that date.")
                .doesNotContain("Please pay", "\n\n\n");
        assertThat(reminder.html()).contains("Your AutoPay draft on <strong>January 20, 2027</strong> will pay it",
                "<p class=\"method\">Checking account ending 6789</p>").doesNotContain("Please pay");
    }

    @Test
    void aReceiptSaysWhatWasPaidForWhichMonthWhenAndFromWhat() {
        RenderedNotice receipt = render(NoticeTemplate.PAYMENT_RECEIPT, SAMPLES);

        assertThat(receipt.subject()).isEqualTo("We received your premium payment");
        assertThat(receipt.text()).contains("We received your payment of $211.25 for February 2027 coverage on "
                + "January 22, 2027 from Checking account ending 6789. Thank you.");
        assertThat(receipt.html()).contains("<strong>$211.25</strong>", "<strong>February 2027</strong>",
                "<strong>January 22, 2027</strong>", "<span>Checking account ending 6789</span>. Thank you.");
    }

    @Test
    void anUnpaidPremiumNoticeSaysWhyAndWhatToDo() {
        Map<String, Object> variables = new HashMap<>(SAMPLES);
        variables.put("reason", "Your bank returned the payment: insufficient funds");

        RenderedNotice unpaid = render(NoticeTemplate.PREMIUM_UNPAID, variables);

        assertThat(unpaid.subject()).isEqualTo("Your premium is unpaid");
        assertThat(unpaid.text()).contains(
                "We have not received your premium of $211.25 for your February 2027 coverage, which was due on January 23, 2027.",
                "Reason: Your bank returned the payment: insufficient funds",
                "What to do: please pay $211.25 as soon as you can in your Health Connector account, or call us",
                "If the premium stays unpaid, your coverage may end.");
        assertThat(unpaid.html()).contains("Reason: <span>Your bank returned the payment: insufficient funds</span>",
                "<strong>What to do:</strong>");
    }

    @Test
    void optionalVariablesThatAreAbsentNullOrBlankAreLeftOut() {
        Map<String, Object> nullAndBlank = new HashMap<>(SAMPLES);
        nullAndBlank.put("autopayDraftDate", null);
        nullAndBlank.put("autopayMethod", " ");

        assertThat(NoticeModel.of(NoticeTemplate.PREMIUM_BILL, SAMPLES).values())
                .containsOnlyKeys("coverageMonth", "dueAmount", "dueDate");
        assertThat(NoticeModel.of(NoticeTemplate.PREMIUM_BILL, nullAndBlank).values())
                .containsOnlyKeys("coverageMonth", "dueAmount", "dueDate");
    }

    @Test
    void optionalVariablesThatAreGivenAreShownByTheSameRules() {
        Map<String, Object> fromJava = new HashMap<>(SAMPLES);
        fromJava.put("autopayDraftDate", LocalDate.of(2027, 1, 20));
        fromJava.put("autopayMethod", " Checking account ending 6789 ");

        assertThat(NoticeModel.of(NoticeTemplate.PAYMENT_REMINDER, withOptionals()).values())
                .containsEntry("autopayDraftDate", "January 20, 2027")
                .containsEntry("autopayMethod", "Checking account ending 6789")
                .containsEntry("dueAmount", "$211.25");
        assertThat(NoticeModel.of(NoticeTemplate.PAYMENT_REMINDER, fromJava).values())
                .containsEntry("autopayDraftDate", "January 20, 2027")
                .containsEntry("autopayMethod", "Checking account ending 6789");
    }

    @Test
    void optionalVariablesComeTogetherOrNotAtAll() {
        Map<String, Object> dateOnly = new HashMap<>(SAMPLES);
        dateOnly.put("autopayDraftDate", "2027-01-20");
        Map<String, Object> methodOnly = new HashMap<>(SAMPLES);
        methodOnly.put("autopayMethod", "Checking account ending 6789");

        assertThatThrownBy(() -> NoticeModel.of(NoticeTemplate.PREMIUM_BILL, dateOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Notice PREMIUM_BILL was given 'autopayDraftDate' but not 'autopayMethod'; "
                        + "it takes these variables together or none of them");
        assertThatThrownBy(() -> NoticeModel.of(NoticeTemplate.PAYMENT_REMINDER, methodOnly))
                .hasMessage("Notice PAYMENT_REMINDER was given 'autopayMethod' but not 'autopayDraftDate'; "
                        + "it takes these variables together or none of them");
    }

    @Test
    void anOptionalValueThatIsNotADateIsRefusedLikeARequiredOne() {
        Map<String, Object> variables = withOptionals();
        variables.put("autopayDraftDate", "the 20th");

        assertThatThrownBy(() -> NoticeModel.of(NoticeTemplate.PREMIUM_BILL, variables))
                .hasMessage("Notice PREMIUM_BILL: variable 'autopayDraftDate' is not a date like 2027-01-23 but 'the 20th'");
    }

    @Test
    void anAmountThatIsNotANumberIsRefusedWithWhatWasExpected() {
        Map<String, Object> variables = new HashMap<>(SAMPLES);
        variables.put("paidAmount", "two hundred");

        assertThatThrownBy(() -> NoticeModel.of(NoticeTemplate.PAYMENT_RECEIPT, variables))
                .hasMessage("Notice PAYMENT_RECEIPT: variable 'paidAmount' is not an amount like 211.25 but 'two hundred'");
    }

    @Test
    void datesMonthsAndAmountsAreShownAsMembersReadThem() {
        NoticeTemplate template = NoticeTemplate.AUTOPAY_CONFIRMATION;
        Map<String, Object> fromProcess = Map.of("method", " Checking account ending 6789 ", "firstDraftDate", "2027-01-23",
                "coverageMonth", "2027-02");
        Map<String, Object> fromJava = Map.of("method", "Checking account ending 6789", "firstDraftDate", LocalDate.of(2027, 1, 23),
                "coverageMonth", YearMonth.of(2027, 2));
        Map<String, Object> monthAsItsFirstDay = Map.of("method", "Checking account ending 6789", "firstDraftDate", "2027-01-23",
                "coverageMonth", "2027-02-01");

        Map<String, String> expected = Map.of("method", "Checking account ending 6789", "firstDraftDate", "January 23, 2027",
                "coverageMonth", "February 2027");
        assertThat(NoticeModel.of(template, fromProcess).values()).isEqualTo(expected);
        assertThat(NoticeModel.of(template, fromJava).values()).isEqualTo(expected);
        assertThat(NoticeModel.of(template, monthAsItsFirstDay).values()).isEqualTo(expected);
    }

    @Test
    void amountsAreDollarsAndCents() {
        assertThat(NoticeModel.shown("premiumAmount", "211.25")).isEqualTo("$211.25");
        assertThat(NoticeModel.shown("premiumAmount", new BigDecimal("1211.5"))).isEqualTo("$1,211.50");
        assertThat(NoticeModel.shown("premiumAmount", 211.25)).as("a JSON number").isEqualTo("$211.25");
    }

    @Test
    void aMissingOrEmptyVariableIsNamedWithItsTemplate() {
        Map<String, Object> withoutDate = new HashMap<>(SAMPLES);
        withoutDate.remove("firstDraftDate");
        Map<String, Object> nullDate = new HashMap<>(SAMPLES);
        nullDate.put("firstDraftDate", null);
        Map<String, Object> blankMethod = new HashMap<>(SAMPLES);
        blankMethod.put("method", " ");

        assertThatThrownBy(() -> NoticeModel.of(NoticeTemplate.AUTOPAY_CONFIRMATION, withoutDate))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Notice AUTOPAY_CONFIRMATION needs the variable 'firstDraftDate'");
        assertThatThrownBy(() -> NoticeModel.of(NoticeTemplate.AUTOPAY_CONFIRMATION, nullDate))
                .hasMessage("Notice AUTOPAY_CONFIRMATION needs the variable 'firstDraftDate'");
        assertThatThrownBy(() -> NoticeModel.of(NoticeTemplate.AUTOPAY_CANCELLED, blankMethod))
                .hasMessage("Notice AUTOPAY_CANCELLED needs the variable 'method'");
    }

    @Test
    void aValueThatIsNotADateIsRefusedWithWhatWasExpected() {
        Map<String, Object> variables = new HashMap<>(SAMPLES);
        variables.put("confirmByDate", "next Tuesday");

        assertThatThrownBy(() -> NoticeModel.of(NoticeTemplate.MICRO_DEPOSITS_SENT, variables))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Notice MICRO_DEPOSITS_SENT: variable 'confirmByDate' is not a date like 2027-01-23 but 'next Tuesday'");
    }

    @Test
    void variablesATemplateDoesNotNeedAreLeftOut() {
        assertThat(NoticeModel.of(NoticeTemplate.PAYMENT_METHOD_VERIFIED, SAMPLES).values()).containsOnlyKeys("method");
        assertThat(NoticeModel.of(NoticeTemplate.AUTOPAY_CANCELLED, withOptionals()).values()).containsOnlyKeys("method");
    }

    @Test
    void theHtmlEscapesWhatItIsGivenAndTheTextShowsItAsItIs() {
        Map<String, Object> variables = Map.of("method", "Checking <account> & more");

        RenderedNotice notice = renderer.render(NoticeTemplate.AUTOPAY_CANCELLED, "Ann", NoticeModel.of(NoticeTemplate.AUTOPAY_CANCELLED, variables));

        assertThat(notice.html()).contains("Checking &lt;account&gt; &amp; more");
        assertThat(notice.text()).contains("Checking <account> & more");
    }

    @Test
    void templatesAreNamedAsModelsNameThem() {
        assertThat(NoticeTemplate.named("AUTOPAY_CONFIRMATION")).isEqualTo(NoticeTemplate.AUTOPAY_CONFIRMATION);
        assertThat(NoticeTemplate.named(" autopay-confirmation ")).isEqualTo(NoticeTemplate.AUTOPAY_CONFIRMATION);
        assertThat(NoticeTemplate.named("Micro-Deposits-Sent")).isEqualTo(NoticeTemplate.MICRO_DEPOSITS_SENT);
        assertThat(NoticeTemplate.AUTOPAY_METHOD_CHANGED.fileName()).isEqualTo("autopay-method-changed");
        assertThatThrownBy(() -> NoticeTemplate.named("WELCOME_PACK"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown notice template 'WELCOME_PACK'; expected one of MICRO_DEPOSITS_SENT, ");
        assertThatThrownBy(() -> NoticeTemplate.named(null)).hasMessageStartingWith("No notice template named");
    }

    @Test
    void unpaidMonthsAreLinesInTheOrderOfTheMonths() {
        Map<String, Object> variables = new HashMap<>(SAMPLES);
        variables.put("unpaidMonths", List.of(Map.of("month", "2027-03", "amount", 215.1),
                Map.of("month", YearMonth.of(2026, 12), "amount", new BigDecimal("1211.5")),
                Map.of("month", "2027-01-01", "amount", " 211.25 ")));
        variables.put("totalDueAmount", "1637.85");

        assertThat(NoticeModel.of(NoticeTemplate.PAST_DUE_WARNING, variables).values()).containsEntry("unpaidMonths",
                List.of("December 2026: $1,211.50", "January 2027: $211.25", "March 2027: $215.10"));
    }

    @Test
    void unpaidMonthsThatAreNoListOrListAMonthTwiceOrAreNotMonthsAreRefused() {
        Map<String, Object> text = new HashMap<>(SAMPLES);
        text.put("unpaidMonths", "January 2027");
        Map<String, Object> twice = new HashMap<>(SAMPLES);
        twice.put("unpaidMonths", List.of(Map.of("month", "2027-01", "amount", "211.25"), Map.of("month", "2027-01-01", "amount", "5")));
        Map<String, Object> notAMonth = new HashMap<>(SAMPLES);
        notAMonth.put("unpaidMonths", List.of(Map.of("month", "Jan", "amount", "211.25")));
        Map<String, Object> noMonth = new HashMap<>(SAMPLES);
        noMonth.put("unpaidMonths", List.of(Map.of("amount", "211.25")));

        assertThatThrownBy(() -> NoticeModel.of(NoticeTemplate.PAST_DUE_WARNING, text))
                .hasMessage("Notice PAST_DUE_WARNING: variable 'unpaidMonths' is not a list of months like "
                        + "[{\"month\": \"2027-01\", \"amount\": \"211.25\"}] but 'January 2027'");
        assertThatThrownBy(() -> NoticeModel.of(NoticeTemplate.PAST_DUE_WARNING, twice))
                .hasMessage("Notice PAST_DUE_WARNING: variable 'unpaidMonths' lists January 2027 twice");
        assertThatThrownBy(() -> NoticeModel.of(NoticeTemplate.TERMINATION_WARNING, notAMonth))
                .hasMessage("Notice TERMINATION_WARNING: variable 'unpaidMonths' entry 1 is not a month and an amount like "
                        + "{\"month\": \"2027-01\", \"amount\": \"211.25\"} but month 'Jan', amount '211.25'");
        assertThatThrownBy(() -> NoticeModel.of(NoticeTemplate.SECOND_TERMINATION_WARNING, noMonth))
                .hasMessage("Notice SECOND_TERMINATION_WARNING: variable 'unpaidMonths' entry 1 has no 'month'");
    }

    @Test
    void aTotalThatIsNotWhatTheUnpaidMonthsAddUpToIsRefused() {
        Map<String, Object> variables = new HashMap<>(SAMPLES);
        variables.put("totalDueAmount", 422.50);

        assertThatThrownBy(() -> NoticeModel.of(NoticeTemplate.TERMINATION_WARNING, variables))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Notice TERMINATION_WARNING: variable 'totalDueAmount' is $422.50 but the months in 'unpaidMonths' "
                        + "add up to $409.65");
    }

    @Test
    void everyReturnAndDeclineCodeHasAReasonAndSomethingToDo() {
        for (String code : List.of("R01", "R02", "R03", "R04", "R05", "R07", "R08", "R09", "R10", "R11", "R16", "R20", "R29",
                "05", "14", "41", "43", "51", "54", "91", "96")) {
            FailureReason reason = FailureReason.of(code, null);

            assertThat(reason.code()).isEqualTo(code);
            assertThat(List.of(reason.reason(), reason.whatToDo(), reason.whatToDoBriefly())).as(code)
                    .allSatisfy(words -> assertThat(words).isNotBlank().doesNotContain("%s", "null"));
        }
        assertThat(FailureReason.of("51", "January 30, 2027").whatToDo()).startsWith("We will try your card again on January 30, 2027.");
        assertThatThrownBy(() -> FailureReason.of("43", "January 30, 2027"))
                .hasMessage("variable 'retryDate' was given, but a payment that failed with '43' is never tried again");
    }

    @Test
    void aFailureCodeIsReadWhateverItsCaseOrSpaces() {
        Map<String, Object> variables = new HashMap<>(SAMPLES);
        variables.put("failureCode", " r08 ");

        assertThat(NoticeModel.of(NoticeTemplate.PAYMENT_FAILED, variables).values().get("failureCode"))
                .isEqualTo(FailureReason.of("R08", null));
    }

    /** What a member reads of a variable's value in the e-mail. */
    static String[] readable(Object value) {
        if (value instanceof List<?> lines) {
            return lines.stream().map(Object::toString).toArray(String[]::new);
        }
        if (value instanceof FailureReason failure) {
            return new String[] {failure.reason(), failure.code(), failure.whatToDo()};
        }
        return new String[] {(String) value};
    }

    @Test
    void anApprovedHardshipWaiverSaysThePremiumsPastDueAreWaivedNotOwed() {
        Map<String, Object> approved = new HashMap<>(SAMPLES);
        approved.put("decision", "approved");
        approved.put("decisionNote", "Income loss confirmed");

        RenderedNotice notice = render(NoticeTemplate.HARDSHIP_WAIVER_DECISION, approved);

        for (String body : new String[] {notice.text(), notice.html().replaceAll("\\s+", " ")}) {
            assertThat(body).contains("will not end", "are waived", "you do not have to pay them", "counts toward your next premiums")
                    .doesNotContain("still owed", "pay them when you can", "appeal");
        }
    }

    @Test
    void aLifeEventDecisionSaysWhetherTheChangeIsMadeAndWhatToDoIfNot() {
        Map<String, Object> approved = new HashMap<>(SAMPLES);
        approved.put("decision", "approved");
        approved.put("decisionReason", "Marriage certificate received");

        RenderedNotice yes = render(NoticeTemplate.LIFE_EVENT_DECISION, approved);
        RenderedNotice no = render(NoticeTemplate.LIFE_EVENT_DECISION, SAMPLES);

        for (String body : new String[] {yes.text(), words(yes.html())}) {
            assertThat(body).contains("report of a marriage on March 14, 2037: it is approved", "We will update your household")
                    .doesNotContain("stay as they were");
        }
        for (String body : new String[] {no.text(), words(no.html())}) {
            assertThat(body).contains("it is denied", "Why: proof not provided by July 1, 2037", "stay as they were",
                    "a caseworker can look at it again").doesNotContain("We will update your household");
        }
    }

    @Test
    void aProofRequestNamesWhatToSendAndByWhenAndTheCaseworkersNoteOnlyWhenThereIsOne() {
        RenderedNotice first = render(NoticeTemplate.LIFE_EVENT_PROOF_REQUESTED, SAMPLES);
        RenderedNotice more = render(NoticeTemplate.LIFE_EVENT_PROOF_REQUESTED, withOptionals());

        for (String body : new String[] {first.text(), words(first.html())}) {
            assertThat(body).contains("Please send us a marriage certificate", "Send it by July 1, 2037")
                    .doesNotContain("What we still need");
        }
        for (String body : new String[] {more.text(), words(more.html())}) {
            assertThat(body).contains("What we still need: A copy that shows the date of the marriage", "Send it by July 1, 2037");
        }
    }

    /** The HTML as the member reads it: the words, without the tags. */
    private static String words(String html) {
        return html.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
    }

    private RenderedNotice render(NoticeTemplate template, Map<String, Object> variables) {
        return renderer.render(template, "Rosa", NoticeModel.of(template, variables));
    }

    private static Map<String, Object> withOptionals() {
        Map<String, Object> variables = new HashMap<>(SAMPLES);
        variables.putAll(OPTIONALS);
        return variables;
    }
}
