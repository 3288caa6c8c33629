package org.premiumflow.calendar;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.temporal.TemporalAdjusters.dayOfWeekInMonth;
import static java.time.temporal.TemporalAdjusters.lastInMonth;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The banking days of the Federal Reserve, which settles ACH entries: Monday to Friday, except
 * the eleven Federal Reserve holidays, worked out for any year from their rules. The holidays are
 * today's list applied to every year, so dates before 2021 (Juneteenth's first) are not what
 * banks kept then.
 */
@Component
public class FederalReserveCalendar implements BankingCalendar {

    @Override
    public boolean isBankingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != SATURDAY && day != SUNDAY && !holidays(date.getYear()).contains(date);
    }

    @Override
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isBankingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Override
    public LocalDate plusBankingDays(LocalDate date, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Banking days are counted forward only, not " + days);
        }
        LocalDate day = date;
        for (int counted = 0; counted < days; counted++) {
            day = onOrAfter(day.plusDays(1));
        }
        return onOrAfter(day);
    }

    /** The days the Federal Reserve Banks are closed for a holiday in the given year. */
    public Set<LocalDate> holidays(int year) {
        return Set.of(
                observed(LocalDate.of(year, Month.JANUARY, 1)),
                nth(3, MONDAY, year, Month.JANUARY),
                nth(3, MONDAY, year, Month.FEBRUARY),
                LocalDate.of(year, Month.MAY, 1).with(lastInMonth(MONDAY)),
                observed(LocalDate.of(year, Month.JUNE, 19)),
                observed(LocalDate.of(year, Month.JULY, 4)),
                nth(1, MONDAY, year, Month.SEPTEMBER),
                nth(2, MONDAY, year, Month.OCTOBER),
                observed(LocalDate.of(year, Month.NOVEMBER, 11)),
                nth(4, THURSDAY, year, Month.NOVEMBER),
                observed(LocalDate.of(year, Month.DECEMBER, 25)));
    }

    /**
     * A holiday falling on a Sunday is kept on the Monday. One falling on a Saturday is not moved
     * to the Friday, unlike for federal employees: the Federal Reserve Banks are open that Friday.
     */
    private static LocalDate observed(LocalDate holiday) {
        return holiday.getDayOfWeek() == SUNDAY ? holiday.plusDays(1) : holiday;
    }

    private static LocalDate nth(int ordinal, DayOfWeek day, int year, Month month) {
        return LocalDate.of(year, month, 1).with(dayOfWeekInMonth(ordinal, day));
    }
}
