package org.premiumflow.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ProrationTest {

    @Test
    void aThirtyOneDayMonthIsSharedOverItsDays() {
        // 100.00 / 31 * 18 = 58.0645... -> 58.06
        assertThat(Proration.DAILY.of(new BigDecimal("100.00"), YearMonth.of(2039, 1), 18)).isEqualByComparingTo("58.06");
    }

    @Test
    void aThirtyDayMonthIsSharedOverItsDays() {
        // 100.00 / 30 * 17 = 56.666... -> 56.67
        assertThat(Proration.DAILY.of(new BigDecimal("100.00"), YearMonth.of(2039, 4), 17)).isEqualByComparingTo("56.67");
    }

    @Test
    void februaryHasTwentyEightDaysOrTwentyNineInALeapYear() {
        assertThat(Proration.DAILY.of(new BigDecimal("100.00"), YearMonth.of(2039, 2), 14)).isEqualByComparingTo("50.00");
        // 100.00 / 29 * 14 = 48.2758... -> 48.28
        assertThat(Proration.DAILY.of(new BigDecimal("100.00"), YearMonth.of(2040, 2), 14)).isEqualByComparingTo("48.28");
    }

    @Test
    void halfACentIsRoundedUpAndACreditAwayFromZero() {
        // 0.15 / 30 * 1 = 0.005 exactly: half a cent, rounded up (away from zero, also for a credit).
        assertThat(Proration.DAILY.of(new BigDecimal("0.15"), YearMonth.of(2039, 4), 1)).isEqualByComparingTo("0.01");
        assertThat(Proration.DAILY.of(new BigDecimal("-0.15"), YearMonth.of(2039, 4), 1)).isEqualByComparingTo("-0.01");
        // Just under half a cent goes down: 0.14 / 30 = 0.00466...
        assertThat(Proration.DAILY.of(new BigDecimal("0.14"), YearMonth.of(2039, 4), 1)).isEqualByComparingTo("0.00");
    }

    @Test
    void aWholeMonthIsTheWholeAmount() {
        assertThat(Proration.DAILY.of(new BigDecimal("-123.47"), YearMonth.of(2039, 2), 28)).isEqualByComparingTo("-123.47");
        assertThat(Proration.DAILY.of(new BigDecimal("123.47"), YearMonth.of(2039, 1), 31)).isEqualByComparingTo("123.47");
    }

    @Test
    void daysOutsideTheMonthAreRefused() {
        assertThatThrownBy(() -> Proration.DAILY.of(BigDecimal.TEN, YearMonth.of(2039, 2), 29))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("daysCovered: must be 1 to 28");
    }
}
