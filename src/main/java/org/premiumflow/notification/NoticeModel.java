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
import java.util.stream.Collectors;

/**
 * The variables a template declares, written the way a member reads them. Values come
 * from process variables, so dates and months arrive as ISO text as often as as Java values; the
 * variable's name says how to show it: {@code *Date} as "January 23, 2027", {@code *Month} as
 * "February 2027", {@code *Amount} as "$211.25". A template's optional variables are kept when
 * they are given, shown by the same rules; variables the template does not declare are left out,
 * so a template cannot come to depend on one that a caller may not pass.
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
            if (isMissing(variables.get(name))) {
                throw new IllegalArgumentException("Notice " + template + " needs the variable '" + name + "'");
            }
            values.put(name, shownIn(template, name, variables.get(name)));
        }
        List<String> given = template.optionalVariables().stream().filter(name -> !isMissing(variables.get(name))).toList();
        if (!given.isEmpty() && given.size() < template.optionalVariables().size()) {
            List<String> notGiven = template.optionalVariables().stream().filter(name -> !given.contains(name)).toList();
            throw new IllegalArgumentException("Notice " + template + " was given " + quoted(given) + " but not "
                    + quoted(notGiven) + "; it takes these variables together or none of them");
        }
        given.forEach(name -> values.put(name, shownIn(template, name, variables.get(name))));
        return new NoticeModel(values);
    }

    /** Process variables are often null or empty rather than absent; all three mean "not given". */
    private static boolean isMissing(Object value) {
        return value == null || value.toString().isBlank();
    }

    private static String shownIn(NoticeTemplate template, String name, Object value) {
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

    /** How a variable's value is shown, by the suffix of its name. */
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
