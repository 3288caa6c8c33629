package org.premiumflow.engine.model;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a timer is due, and whether it repeats: computed from a timer definition's evaluated value
 * and the engine's current time.
 *
 * @param due when the timer fires next
 * @param repetitions how many more times it fires after that; {@link #FOREVER} for an unbounded cycle
 * @param interval the time between two firings of a cycle, as ISO 8601 text; null for a single firing
 */
public record TimerSchedule(OffsetDateTime due, int repetitions, String interval) {

    public static final int FOREVER = -1;

    private static final Pattern CYCLE = Pattern.compile("R(\\d*)/(?:([^/]+)/)?([^/]+)");

    /** The first firing for a timer whose definition evaluated to {@code value}. */
    public static TimerSchedule first(TimerDefinition.Kind kind, Object value, OffsetDateTime now) {
        String text = value == null ? "" : value.toString().strip();
        if (text.isEmpty()) {
            throw new InvalidTimerException("the timer's " + name(kind) + " is empty");
        }
        return switch (kind) {
            case DATE -> new TimerSchedule(date(text), 0, null);
            case DURATION -> new TimerSchedule(after(now, text), 0, null);
            case CYCLE -> cycle(text, now);
        };
    }

    /** The firing after this one; only for a schedule that {@link #repeats()}. */
    public TimerSchedule next() {
        return new TimerSchedule(after(due, interval), repetitions == FOREVER ? FOREVER : repetitions - 1, interval);
    }

    public boolean repeats() {
        return interval != null && repetitions != 0;
    }

    private static TimerSchedule cycle(String text, OffsetDateTime now) {
        Matcher matcher = CYCLE.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidTimerException("'" + text + "' is not an ISO 8601 repeating interval such as 'R3/PT10M' or 'R/P1D'"
                    + " (cron expressions are not supported by the embedded engine)");
        }
        String interval = matcher.group(3);
        if (!after(now, interval).isAfter(now)) {
            throw new InvalidTimerException("'" + text + "' repeats with no time in between");
        }
        int total = matcher.group(1).isEmpty() ? FOREVER : Integer.parseInt(matcher.group(1));
        if (total == 0) {
            throw new InvalidTimerException("'" + text + "' repeats zero times");
        }
        OffsetDateTime due = matcher.group(2) == null ? after(now, interval) : date(matcher.group(2));
        return new TimerSchedule(due, total == FOREVER ? FOREVER : total - 1, interval);
    }

    private static OffsetDateTime date(String text) {
        try {
            return ZonedDateTime.parse(text).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException zoned) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException local) {
                throw new InvalidTimerException("'" + text + "' is not an ISO 8601 date and time such as '2026-12-01T09:00:00Z'");
            }
        }
    }

    /** A duration may have a date part (years, months, days) and a time part: P1M, PT36H, P1DT12H. */
    private static OffsetDateTime after(OffsetDateTime start, String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.startsWith("-")) {
            throw new InvalidTimerException("'" + text + "' is a negative duration");
        }
        try {
            int time = upper.indexOf('T');
            if (time < 0) {
                return positive(start, start.plus(Period.parse(upper)), text);
            }
            OffsetDateTime afterDate = time == 1 ? start : start.plus(Period.parse(upper.substring(0, time)));
            return positive(start, afterDate.plus(Duration.parse("P" + upper.substring(time))), text);
        } catch (DateTimeParseException e) {
            throw new InvalidTimerException("'" + text + "' is not an ISO 8601 duration such as 'PT15M' or 'P30D'");
        }
    }

    private static OffsetDateTime positive(OffsetDateTime start, OffsetDateTime end, String text) {
        if (end.isBefore(start)) {
            throw new InvalidTimerException("'" + text + "' is a negative duration");
        }
        return end;
    }

    private static String name(TimerDefinition.Kind kind) {
        return switch (kind) {
            case DATE -> "date";
            case DURATION -> "duration";
            case CYCLE -> "cycle";
        };
    }

    /** The timer's value cannot be read as what its kind needs. */
    public static final class InvalidTimerException extends RuntimeException {
        public InvalidTimerException(String message) {
            super(message);
        }
    }
}
