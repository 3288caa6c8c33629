package org.premiumflow.notification;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The variables a template declares, written the way a member reads them. Values come
 * from process variables, so dates and months arrive as ISO text as often as as Java values; the
 * variable's name says how to show it: {@code *Date} as "January 23, 2027", {@code *Month} as
 * "February 2027", {@code *Amount} as "$211.25", {@code *Months}, a list of
 * {@code {"month": "2027-01", "amount": "211.25"}} entries, as lines "January 2027: $211.25" in
 * the order of the months, and {@code *Lines}, a list of lines already worded, one per line.
 * {@code failureCode}, a Nacha return code or a card decline code, is
 * shown as its {@link FailureReason}: why the payment failed and what to do, which says when it
 * is tried again if {@code retryDate} is given; {@code totalDueAmount} must be what the
 * {@code unpaidMonths} add up to. A template's optional variables are kept when
 * they are given, shown by the same rules; variables the template does not declare are left out,
 * so a template cannot come to depend on one that a caller may not pass.
 *
 * @param values each variable's text; a list of lines for {@code *Months}, a {@link FailureReason}
 *     for {@code failureCode}
 */
record NoticeModel(Map<String, Object> values) {

    static final String FAILURE_CODE = "failureCode";
    static final String RETRY_DATE = "retryDate";
    static final String UNPAID_MONTHS = "unpaidMonths";
    static final String TOTAL_DUE_AMOUNT = "totalDueAmount";

    private static final Locale MEMBER_LOCALE = Locale.US;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", MEMBER_LOCALE);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", MEMBER_LOCALE);
    private static final String MONTH_EXAMPLE = "{\"month\": \"2027-01\", \"amount\": \"211.25\"}";
    private static final String MONTHS_EXAMPLE = "[" + MONTH_EXAMPLE + "]";

    NoticeModel {
        values = Map.copyOf(values);
    }

    static NoticeModel of(NoticeTemplate template, Map<String, Object> variables) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : template.requiredVariables()) {
            if (isMissing(variables.get(name))) {
                throw new IllegalArgumentException("Notice " + template + " needs the variable '" + name + "'");
            }
            values.put(name, shownIn(template, name, variables.get(name)));
        }
        for (List<String> group : template.optionalGroups()) {
            List<String> given = group.stream().filter(name -> !isMissing(variables.get(name))).toList();
            if (!given.isEmpty() && given.size() < group.size()) {
                List<String> notGiven = group.stream().filter(name -> !given.contains(name)).toList();
                throw new IllegalArgumentException("Notice " + template + " was given " + quoted(given) + " but not "
                        + quoted(notGiven) + "; it takes these variables together or none of them");
            }
            given.forEach(name -> values.put(name, shownIn(template, name, variables.get(name))));
        }
        if (values.containsKey(UNPAID_MONTHS) && values.containsKey(TOTAL_DUE_AMOUNT)) {
            checkTotal(template, (List<?>) variables.get(UNPAID_MONTHS), variables.get(TOTAL_DUE_AMOUNT));
        }
        if (values.containsKey(FAILURE_CODE)) {
            values.put(FAILURE_CODE, failureReason(template, values.get(FAILURE_CODE), values.get(RETRY_DATE)));
        }
        return new NoticeModel(values);
    }

    /**
     * A notice that lists the unpaid months and asks for a total they do not add up to would leave
     * the member unsure what they owe; the months were already read by {@link #monthLines}.
     */
    private static void checkTotal(NoticeTemplate template, List<?> unpaidMonths, Object totalDue) {
        BigDecimal total = decimal(totalDue);
        BigDecimal sum = unpaidMonths.stream()
                .map(entry -> decimal(((Map<?, ?>) entry).get("amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(sum) != 0) {
            throw new IllegalArgumentException("Notice " + template + ": variable '" + TOTAL_DUE_AMOUNT + "' is " + amount(total)
                    + " but the months in '" + UNPAID_MONTHS + "' add up to " + amount(sum));
        }
    }

    /** The code as {@link #code} wrote it; the retry date already written as the member reads it. */
    private static FailureReason failureReason(NoticeTemplate template, Object code, Object retryDate) {
        try {
            return FailureReason.of(code.toString(), retryDate == null ? null : retryDate.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Notice " + template + ": " + e.getMessage(), e);
        }
    }

    /** Process variables are often null or empty rather than absent; all three mean "not given". */
    private static boolean isMissing(Object value) {
        return value == null || value.toString().isBlank();
    }

    private static Object shownIn(NoticeTemplate template, String name, Object value) {
        if (name.endsWith("Months")) {
            return monthLines(template, name, value);
        }
        if (name.endsWith("Lines")) {
            return lines(template, name, value);
        }
        if (name.equals(FAILURE_CODE)) {
            return code(value);
        }
        try {
            return shown(name, value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("Notice " + template + ": variable '" + name + "' is not "
                    + expected(name) + " but '" + value + "'", e);
        }
    }

    private static String quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

    /**
     * A list of months with an amount each, one line per month in the order of the months. A
     * month listed twice or a list without months is refused: a member must be able to add up
     * what they are asked to pay.
     */
    private static List<String> monthLines(NoticeTemplate template, String name, Object value) {
        String refused = "Notice " + template + ": variable '" + name + "' ";
        if (!(value instanceof List<?> entries)) {
            throw new IllegalArgumentException(refused + "is not a list of months like " + MONTHS_EXAMPLE + " but '" + value + "'");
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(refused + "lists no month; it needs at least one like " + MONTHS_EXAMPLE);
        }
        Map<YearMonth, String> lines = new TreeMap<>();
        for (int index = 0; index < entries.size(); index++) {
            String entry = refused + "entry " + (index + 1);
            if (!(entries.get(index) instanceof Map<?, ?> fields)) {
                throw new IllegalArgumentException(entry + " is not a month and an amount like " + MONTH_EXAMPLE
                        + " but '" + entries.get(index) + "'");
            }
            for (String field : List.of("month", "amount")) {
                if (isMissing(fields.get(field))) {
                    throw new IllegalArgumentException(entry + " has no '" + field + "'");
                }
            }
            YearMonth month;
            String line;
            try {
                month = YearMonth.from(month(fields.get("month")));
                line = MONTH.format(month) + ": " + amount(fields.get("amount"));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException(entry + " is not a month and an amount like " + MONTH_EXAMPLE
                        + " but month '" + fields.get("month") + "', amount '" + fields.get("amount") + "'", e);
            }
            if (lines.put(month, line) != null) {
                throw new IllegalArgumentException(refused + "lists " + MONTH.format(month) + " twice");
            }
        }
        return List.copyOf(lines.values());
    }

    /** Lines already worded for the member, shown one per line in the order given; at least one. */
    private static List<String> lines(NoticeTemplate template, String name, Object value) {
        if (!(value instanceof List<?> entries) || entries.isEmpty() || entries.stream().anyMatch(NoticeModel::isMissing)) {
            throw new IllegalArgumentException("Notice " + template + ": variable '" + name + "' is not a list of lines to show but '"
                    + value + "'");
        }
        return entries.stream().map(entry -> entry.toString().strip()).toList();
    }

    /**
     * A card decline code is two digits, "05"; a process that holds it as a JSON number passes 5,
     * which is the same code.
     */
    private static String code(Object value) {
        return value instanceof Number number
                ? "%02d".formatted(number.longValue())
                : value.toString().strip().toUpperCase(MEMBER_LOCALE);
    }

    /** How a variable's value is shown, by the suffix of its name. */
    static String shown(String name, Object value) {
        if (name.endsWith("Date")) {
            return DATE.format(value instanceof LocalDate date ? date : LocalDate.parse(value.toString().strip()));
        }
        if (name.endsWith("Month")) {
            return MONTH.format(month(value));
        }
        if (name.endsWith("Amount")) {
            return amount(value);
        }
        return value.toString().strip();
    }

    private static String amount(Object value) {
        return NumberFormat.getCurrencyInstance(MEMBER_LOCALE).format(decimal(value));
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString().strip());
    }

    /** A coverage month, also accepted as its first day, which is how FEEL and the billing tables hold it. */
    private static TemporalAccessor month(Object value) {
        if (value instanceof YearMonth month) {
            return month;
        }
        if (value instanceof LocalDate date) {
            return YearMonth.from(date);
        }
        String text = value.toString().strip();
        return text.length() > "uuuu-MM".length() ? YearMonth.from(LocalDate.parse(text)) : YearMonth.parse(text);
    }

    private static String expected(String name) {
        if (name.endsWith("Date")) {
            return "a date like 2027-01-23";
        }
        if (name.endsWith("Month")) {
            return "a month like 2027-02";
        }
        return "an amount like 211.25";
    }
}
