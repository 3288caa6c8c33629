package org.premiumflow.notification;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The variables a template requires, present and written the way a member reads them. Values come
 * from process variables, so dates and months arrive as ISO text as often as as Java values; the
 * variable's name says how to show it: {@code *Date} as "January 23, 2027", {@code *Month} as
 * "February 2027", {@code *Amount} as "$211.25". Variables the template does not require are left
 * out, so a template cannot come to depend on one that a caller may not pass.
 */
record NoticeModel(Map<String, String> values) {

    private static final Locale MEMBER_LOCALE = Locale.US;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", MEMBER_LOCALE);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", MEMBER_LOCALE);

    NoticeModel {
        values = Map.copyOf(values);
    }

    static NoticeModel of(NoticeTemplate template, Map<String, Object> variables) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : template.requiredVariables()) {
            Object value = variables.get(name);
            if (value == null || value.toString().isBlank()) {
                throw new IllegalArgumentException("Notice " + template + " needs the variable '" + name + "'");
            }
            try {
                values.put(name, shown(name, value));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException("Notice " + template + ": variable '" + name + "' is not "
                        + expected(name) + " but '" + value + "'", e);
            }
        }
        return new NoticeModel(values);
    }

    /** How a variable's value is shown; the amount rule is for the billing notices still to come. */
    static String shown(String name, Object value) {
        if (name.endsWith("Date")) {
            return DATE.format(value instanceof LocalDate date ? date : LocalDate.parse(value.toString().strip()));
        }
        if (name.endsWith("Month")) {
            return MONTH.format(month(value));
        }
        if (name.endsWith("Amount")) {
            BigDecimal amount = value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString().strip());
            return NumberFormat.getCurrencyInstance(MEMBER_LOCALE).format(amount);
        }
        return value.toString().strip();
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
