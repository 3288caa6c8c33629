package org.premiumflow.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The notices the exchange sends members, each with its subject, the variables its wording needs and
 * those it can do without. A template's text lives in {@code templates/mail/<fileName>.html} and
 * {@code .txt}; besides the variables listed here both are given the member's {@code firstName}.
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
    PREMIUM_BILL("Your premium bill",
            List.of("coverageMonth", "dueAmount", "dueDate"), List.of("autopayDraftDate", "autopayMethod")),
    PAYMENT_REMINDER("Reminder: your premium payment is due",
            List.of("coverageMonth", "dueAmount", "dueDate"), List.of("autopayDraftDate", "autopayMethod")),
    PAYMENT_RECEIPT("We received your premium payment", "coverageMonth", "paidAmount", "paidDate", "method"),
    PREMIUM_UNPAID("Your premium is unpaid", "coverageMonth", "dueAmount", "dueDate", "reason");

    private final String subject;
    private final List<String> requiredVariables;
    private final List<String> optionalVariables;

    NoticeTemplate(String subject, String... requiredVariables) {
        this(subject, List.of(requiredVariables), List.of());
    }

    NoticeTemplate(String subject, List<String> requiredVariables, List<String> optionalVariables) {
        this.subject = subject;
        this.requiredVariables = List.copyOf(requiredVariables);
        this.optionalVariables = List.copyOf(optionalVariables);
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

    public String subject() {
        return subject;
    }

    public List<String> requiredVariables() {
        return requiredVariables;
    }

    /**
     * Variables a caller gives all of or none of: together they switch on a variant of the wording
     * (a bill that the AutoPay draft will pay), and one without the others would leave a sentence
     * half filled in.
     */
    public List<String> optionalVariables() {
        return optionalVariables;
    }

    private static String known() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
