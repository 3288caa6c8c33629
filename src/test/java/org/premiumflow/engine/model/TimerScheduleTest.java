package org.premiumflow.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.premiumflow.engine.model.TimerDefinition.Kind;

class TimerScheduleTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-01-31T10:00:00Z");

    @Test
    void durationsMayCountMonthsDaysAndHours() {
        assertThat(TimerSchedule.first(Kind.DURATION, "PT15M", NOW).due()).isEqualTo("2026-01-31T10:15:00Z");
        assertThat(TimerSchedule.first(Kind.DURATION, "P1M", NOW).due()).as("a calendar month, clamped to February's end")
                .isEqualTo("2026-02-28T10:00:00Z");
        assertThat(TimerSchedule.first(Kind.DURATION, "P1DT12H", NOW).due()).isEqualTo("2026-02-01T22:00:00Z");
        assertThat(TimerSchedule.first(Kind.DURATION, "P30D", NOW).repeats()).isFalse();
    }

    @Test
    void datesAreReadWithTheirZoneAndWithoutOneAsUtc() {
        assertThat(TimerSchedule.first(Kind.DATE, "2026-03-01T09:00:00+01:00", NOW).due()).isEqualTo("2026-03-01T08:00:00Z");
        assertThat(TimerSchedule.first(Kind.DATE, "2026-03-01T09:00:00-05:00[America/New_York]", NOW).due())
                .isEqualTo("2026-03-01T14:00:00Z");
        assertThat(TimerSchedule.first(Kind.DATE, "2026-03-01T09:00:00", NOW).due()).isEqualTo("2026-03-01T09:00:00Z");
    }

    @Test
    void aCycleCountsDownItsRepetitionsFromItsFirstFiring() {
        TimerSchedule first = TimerSchedule.first(Kind.CYCLE, "R3/P7D", NOW);
        assertThat(first.due()).isEqualTo("2026-02-07T10:00:00Z");
        TimerSchedule second = first.next();
        TimerSchedule third = second.next();
        assertThat(second.due()).isEqualTo("2026-02-14T10:00:00Z");
        assertThat(third.due()).isEqualTo("2026-02-21T10:00:00Z");
        assertThat(third.repeats()).as("three firings in all").isFalse();
    }

    @Test
    void aCycleWithoutCountRepeatsForeverAndMayNameItsStart() {
        TimerSchedule cycle = TimerSchedule.first(Kind.CYCLE, "R/2026-02-01T00:00:00Z/P1M", NOW);
        assertThat(cycle.due()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(cycle.next().next().due()).isEqualTo("2026-04-01T00:00:00Z");
        assertThat(cycle.next().next().repeats()).isTrue();
    }

    @Test
    void valuesThatAreNoTimerAreRefusedWithWhatWasExpected() {
        assertThatThrownBy(() -> TimerSchedule.first(Kind.DURATION, "30 days", NOW))
                .hasMessageContaining("'30 days' is not an ISO 8601 duration");
        assertThatThrownBy(() -> TimerSchedule.first(Kind.DURATION, "-PT1H", NOW)).hasMessageContaining("negative");
        assertThatThrownBy(() -> TimerSchedule.first(Kind.CYCLE, "0 0 9 * * ?", NOW)).hasMessageContaining("cron");
        assertThatThrownBy(() -> TimerSchedule.first(Kind.CYCLE, "R/PT0S", NOW)).hasMessageContaining("no time in between");
        assertThatThrownBy(() -> TimerSchedule.first(Kind.DATE, "tomorrow", NOW)).hasMessageContaining("ISO 8601 date");
        assertThatThrownBy(() -> TimerSchedule.first(Kind.DATE, null, NOW)).hasMessageContaining("empty");
    }
}
