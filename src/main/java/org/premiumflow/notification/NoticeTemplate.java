package org.premiumflow.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.premiumflow.member.ContactPreference.Alert;

/**
 * The notices the exchange sends members, each with its subject, the variables its wording needs and
 * those it can do without, and the alert it belongs to, if any. A template's text lives in
 * {@code templates/mail/<fileName>.html} and {@code .txt}; besides the variables listed here both
 * are given the member's {@code firstName}. A template bound to an alert also has a text message,
 * {@code <fileName>.sms.txt}.
 */
public enum NoticeTemplate {

    MICRO_DEPOSITS_SENT("Confirm the two small deposits in your bank account", "method", "confirmByDate"),
    MICRO_DEPOSIT_REMINDER("Reminder: confirm the two small deposits in your bank account", "method", "confirmByDate"),
    VERIFICATION_FAILED("We could not verify your payment method", "method", "reason"),
    PAYMENT_METHOD_REJECTED("We cannot use your payment method", "method", "reason"),
    PAYMENT_METHOD_VERIFIED("Your payment method is verified", "method"),
    AUTOPAY_CONFIRMATION("Your AutoPay is set up", "method", "firstDraftDate", "coverageMonth"),
    AUTOPAY_METHOD_CHANGED("Your AutoPay payment method was changed", "previousMethod", "method", "firstDraftDate"),
    AUTOPAY_CANCELLED("Your AutoPay is stopped", "method"),
    /** With the credits and extra charges for months billed before, when the bill carries any. */
    PREMIUM_BILL(Alert.BILL, "Your premium bill",
            List.of("coverageMonth", "dueAmount", "dueDate"), List.of("autopayDraftDate", "autopayMethod"), List.of("adjustmentLines")),
    PAYMENT_REMINDER(Alert.PAYMENT_REMINDER, "Reminder: your premium payment is due",
            List.of("coverageMonth", "dueAmount", "dueDate"), List.of("autopayDraftDate", "autopayMethod")),
    PAYMENT_RECEIPT(Alert.PAYMENT_RECEIPT, "We received your premium payment", "coverageMonth", "paidAmount", "paidDate", "method"),
    PREMIUM_UNPAID(Alert.PAYMENT_FAILED, "Your premium is unpaid", "coverageMonth", "dueAmount", "dueDate", "reason"),
    PAYMENT_FAILED(Alert.PAYMENT_FAILED, "Your premium payment did not go through",
            List.of("coverageMonth", "dueAmount", "method", "failureCode"), List.of("retryDate")),
    PAST_DUE_WARNING(Alert.PAYMENT_FAILED, "Past due: please pay to keep your coverage",
            List.of("unpaidMonths", "totalDueAmount", "payByDate"), List.of("nextMonth", "nextMonthAmount")),
    TERMINATION_WARNING(Alert.PAYMENT_FAILED, "Your coverage will end unless you pay",
            List.of("unpaidMonths", "totalDueAmount", "payByDate", "terminationDate"), List.of("nextMonth", "nextMonthAmount")),
    SECOND_TERMINATION_WARNING(Alert.PAYMENT_FAILED, "Final notice: your coverage will end unless you pay",
            List.of("unpaidMonths", "totalDueAmount", "payByDate", "terminationDate"), List.of("nextMonth", "nextMonthAmount")),
    TERMINATION_NOTICE("Your health coverage has ended", "coverageEndDate", "reason", "reinstateByDate", "appealByDate"),
    REINSTATEMENT_CONFIRMATION("Your health coverage is active again", "coverageMonth", "paidAmount"),
    PREMIUM_CURED(Alert.PAYMENT_RECEIPT, "You are caught up on your premiums", "paidAmount", "paidDate"),
    HARDSHIP_WAIVER_DECISION("Decision on your hardship waiver request", "filedDate", "decision", "decisionNote"),
    /** After a termination the decision also names the day coverage ended and the last day to ask for reinstatement. */
    APPEAL_DECISION(null, "Decision on your appeal", List.of("filedDate", "decision", "decisionNote"),
            List.of("coverageEndDate", "reinstateByDate")),
    LIFE_EVENT_RECEIVED("We received your report of a change", "eventDescription", "eventDate", "reportedDate"),
    LIFE_EVENT_PROOF_REQUESTED(null, "Please send proof of the change you reported",
            List.of("eventDescription", "eventDate", "proofDocuments", "proofDueDate"), List.of("caseworkerNote")),
    LIFE_EVENT_PROOF_REMINDER("Reminder: please send proof of the change you reported",
            "eventDescription", "eventDate", "proofDocuments", "proofDueDate"),
    LIFE_EVENT_DECISION("Decision on the change you reported", "eventDescription", "eventDate", "decision", "decisionReason"),
    NEW_PREMIUM(null, "Your premium is changing",
            List.of("grossAmount", "taxCreditAmount", "memberAmount", "firstMonth", "coverageChangeDate", "program", "planName",
                    "adjustments"),
            List.of("autopayDraftDate", "autopayDraftAmount", "autopayMethod"));

    private final Alert alert;
    private final String subject;
    private final List<String> requiredVariables;
    private final List<List<String>> optionalGroups;

    /**
     * A notice about the member's payment set-up itself (a method added, verified, rejected or
     * changed, AutoPay started or stopped), or about their coverage itself (ended, reinstated, a
     * hardship waiver or appeal decided, a life event received, its proof asked for or it decided, a new
     * premium after a life event),
     * bound to no alert: it always goes by e-mail, whatever the member chose for alerts. These are
     * security and legal notices: a member must learn that their payment method changed even if
     * they chose text messages alone for their alerts, since a change they did not make is how they
     * find out someone else made it, and the e-mail is the written record of what they authorized;
     * a termination notice must state its date and reason in writing, and starts the days the
     * member has to appeal or be reinstated.
     */
    NoticeTemplate(String subject, String... requiredVariables) {
        this(null, subject, List.of(requiredVariables), List.of());
    }

    NoticeTemplate(Alert alert, String subject, String... requiredVariables) {
        this(alert, subject, List.of(requiredVariables), List.of());
    }

    NoticeTemplate(Alert alert, String subject, List<String> requiredVariables, List<String> optionalVariables) {
        this(alert, subject, requiredVariables, optionalVariables, List.of());
    }

    /** With two groups of optional variables, each given whole or not at all, independently of the other. */
    NoticeTemplate(Alert alert, String subject, List<String> requiredVariables, List<String> optionalVariables,
                   List<String> otherOptionalVariables) {
        this.alert = alert;
        this.subject = subject;
        this.requiredVariables = List.copyOf(requiredVariables);
        this.optionalGroups = Stream.of(optionalVariables, otherOptionalVariables).filter(group -> !group.isEmpty())
                .map(List::copyOf).toList();
    }

    /**
     * The template named as a process model's task header would name it: {@code AUTOPAY_CONFIRMATION},
     * or, as analysts tend to write it, {@code autopay-confirmation}.
     */
    public static NoticeTemplate named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("No notice template named; expected one of " + known());
        }
        String constant = name.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(template -> template.name().equals(constant))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown notice template '" + name + "'; expected one of " + known()));
    }

    /** The base name of the template files, e.g. {@code autopay-confirmation}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The alert whose channels the member chose this notice goes on; empty for a notice that goes
     * by e-mail always.
     */
    public Optional<Alert> alert() {
        return Optional.ofNullable(alert);
    }

    public String subject() {
        return subject;
    }

    public List<String> requiredVariables() {
        return requiredVariables;
    }

    /** Every variable the wording can do without, of all its groups. */
    public List<String> optionalVariables() {
        return optionalGroups.stream().flatMap(List::stream).toList();
    }

    /**
     * The optional variables in groups a caller gives all of or none of: together they switch on a
     * variant of the wording (a bill that the AutoPay draft will pay), and one without the others
     * would leave a sentence half filled in. Groups are independent of each other.
     */
    public List<List<String>> optionalGroups() {
        return optionalGroups;
    }

    private static String known() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
