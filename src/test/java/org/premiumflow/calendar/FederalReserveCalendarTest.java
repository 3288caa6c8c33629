package org.premiumflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Banking days as the Federal Reserve keeps them, checked against its published holiday schedules. */
class FederalReserveCalendarTest {

    private final FederalReserveCalendar calendar = new FederalReserveCalendar();

    @Test
    void theHolidaysOf2026AreTheOnesTheFederalReservePublished() {
        assertThat(calendar.holidays(2026)).containsExactlyInAnyOrder(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 19), LocalDate.of(2026, 2, 16),
                LocalDate.of(2026, 5, 25), LocalDate.of(2026, 6, 19), LocalDate.of(2026, 7, 4),
                LocalDate.of(2026, 9, 7), LocalDate.of(2026, 10, 12), LocalDate.of(2026, 11, 11),
                LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25));
    }

    @Test
    void holidaysOnAWeekdayAreNotBankingDays() {
        assertThat(calendar.isBankingDay(LocalDate.of(2026, 11, 26))).as("Thanksgiving 2026").isFalse();
        assertThat(calendar.isBankingDay(LocalDate.of(2027, 1, 18))).as("MLK Day 2027").isFalse();
        assertThat(calendar.isBankingDay(LocalDate.of(2027, 2, 15))).as("Washington's Birthday 2027").isFalse();
        assertThat(calendar.isBankingDay(LocalDate.of(2027, 5, 31))).as("Memorial Day 2027").isFalse();
        assertThat(calendar.isBankingDay(LocalDate.of(2026, 6, 19))).as("Juneteenth 2026").isFalse();
        assertThat(calendar.isBankingDay(LocalDate.of(2026, 9, 7))).as("Labor Day 2026").isFalse();
        assertThat(calendar.isBankingDay(LocalDate.of(2026, 10, 12))).as("Columbus Day 2026").isFalse();
        assertThat(calendar.isBankingDay(LocalDate.of(2026, 11, 11))).as("Veterans Day 2026").isFalse();
        assertThat(calendar.isBankingDay(LocalDate.of(2026, 12, 25))).as("Christmas 2026").isFalse();
        assertThat(calendar.isBankingDay(LocalDate.of(2026, 11, 27))).as("the day after Thanksgiving").isTrue();
    }

    @Test
    void aHolidayOnSundayIsKeptOnMonday() {
        assertThat(calendar.isBankingDay(LocalDate.of(2027, 7, 5))).as("Independence Day 2027 is a Sunday").isFalse();
        assertThat(calendar.isBankingDay(LocalDate.of(2029, 11, 12))).as("Veterans Day 2029 is a Sunday").isFalse();
        assertThat(calendar.isBankingDay(LocalDate.of(2028, 12, 26))).as("Christmas 2028 is a Monday, the 26th is not a holiday")
                .isTrue();
    }

    @Test
    void aHolidayOnSaturdayLeavesTheFridayABankingDay() {
        assertThat(calendar.isBankingDay(LocalDate.of(2027, 12, 24))).as("Christmas 2027 is a Saturday").isTrue();
        assertThat(calendar.isBankingDay(LocalDate.of(2027, 12, 31))).as("New Year's Day 2028 is a Saturday").isTrue();
        assertThat(calendar.isBankingDay(LocalDate.of(2026, 7, 3))).as("Independence Day 2026 is a Saturday").isTrue();
        assertThat(calendar.isBankingDay(LocalDate.of(2027, 6, 18))).as("Juneteenth 2027 is a Saturday").isTrue();
    }

    @Test
    void weekendsAreNotBankingDays() {
        assertThat(calendar.isBankingDay(LocalDate.of(2026, 11, 28))).isFalse();
        assertThat(calendar.isBankingDay(LocalDate.of(2026, 11, 29))).isFalse();
        assertThat(calendar.isBankingDay(LocalDate.of(2026, 11, 30))).isTrue();
    }

    @Test
    void onOrAfterSkipsWeekendsAndHolidays() {
        assertThat(calendar.onOrAfter(LocalDate.of(2026, 11, 25))).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(calendar.onOrAfter(LocalDate.of(2026, 11, 26))).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(calendar.onOrAfter(LocalDate.of(2027, 7, 3))).as("Saturday, Sunday, observed Monday")
                .isEqualTo(LocalDate.of(2027, 7, 6));
    }

    @Test
    void bankingDaysAreCountedAcrossWeekendsAndHolidays() {
        LocalDate fridayBeforeIndependenceDay = LocalDate.of(2027, 7, 2);

        assertThat(calendar.plusBankingDays(fridayBeforeIndependenceDay, 1)).isEqualTo(LocalDate.of(2027, 7, 6));
        assertThat(calendar.plusBankingDays(fridayBeforeIndependenceDay, 2)).isEqualTo(LocalDate.of(2027, 7, 7));
        assertThat(calendar.plusBankingDays(LocalDate.of(2026, 11, 25), 2)).as("over Thanksgiving and a weekend")
                .isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(calendar.plusBankingDays(LocalDate.of(2026, 11, 28), 1)).as("from a Saturday").isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(calendar.plusBankingDays(LocalDate.of(2026, 11, 26), 0)).as("zero days from a holiday")
                .isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(calendar.plusBankingDays(LocalDate.of(2026, 12, 23), 2)).as("over Christmas").isEqualTo(LocalDate.of(2026, 12, 28));
        assertThatThrownBy(() -> calendar.plusBankingDays(LocalDate.of(2026, 11, 25), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
