package org.premiumflow.rating;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When a life event's change takes effect (45 CFR 155.420(b); DOMAIN.md section 5), as decided for
 * the event: the rule names are the ones decision tables give.
 */
public enum EffectiveDateRule {

    /**
     * The first of the month after the change is reported, if it is reported on or before the
     * cut-off day (the 23rd in Massachusetts); after it, the first of the month after next.
     */
    FIRST_OF_MONTH_AFTER_CUTOFF,

    /**
     * Birth or adoption: coverage changes on the day of the event, retroactively, but the tax credit
     * only from the first of the next month, so the event's month is rated with the new gross
     * premium and the old tax credit.
     */
    EVENT_DATE;

    /**
     * @param coverage the first day covered under the new terms
     * @param premium  the first month billed entirely at the new monthly premium, tax credit included
     */
    public record EffectiveDate(LocalDate coverage, YearMonth premium) {

        /**
         * The month covered under the new terms, from {@link #coverage} on, with the old tax credit:
         * the event's month under EVENT_DATE; none when coverage and premium change together.
         */
        public Optional<YearMonth> oldTaxCreditMonth() {
            YearMonth first = YearMonth.from(coverage);
            return first.equals(premium) ? Optional.empty() : Optional.of(first);
        }
    }

    public EffectiveDate effectiveDate(LocalDate eventDate, LocalDate reportedOn, int cutoffDayOfMonth) {
        return switch (this) {
            case FIRST_OF_MONTH_AFTER_CUTOFF -> {
                YearMonth month = YearMonth.from(reportedOn).plusMonths(reportedOn.getDayOfMonth() <= cutoffDayOfMonth ? 1 : 2);
                yield new EffectiveDate(month.atDay(1), month);
            }
            case EVENT_DATE -> new EffectiveDate(eventDate, YearMonth.from(eventDate).plusMonths(1));
        };
    }

    /** @throws IllegalArgumentException naming the field, for a rule the decision does not give */
    public static EffectiveDateRule named(String name) {
        return Arrays.stream(values()).filter(rule -> rule.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("effectiveDateRule: must be one of "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ", was '" + name + "'"));
    }
}
