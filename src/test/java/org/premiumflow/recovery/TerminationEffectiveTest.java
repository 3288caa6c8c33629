package org.premiumflow.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The last day covered after a termination for non-payment, for a member covered from January 2027. */
class TerminationEffectiveTest {

    static final LocalDate JANUARY_1 = LocalDate.of(2027, 1, 1);

    @Test
    void anUnsubsidizedMemberIsCoveredThroughTheLastMonthPaidInFull() {
        assertThat(TerminationEffective.LAST_DAY_OF_LAST_PAID_MONTH.lastDayCovered(JANUARY_1, YearMonth.of(2027, 4)))
                .isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(TerminationEffective.LAST_DAY_OF_LAST_PAID_MONTH.lastDayCovered(JANUARY_1, YearMonth.of(2027, 3)))
                .as("February has 28 days in 2027").isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void anUnsubsidizedMemberWhoNeverPaidWasNeverCovered() {
        assertThat(TerminationEffective.LAST_DAY_OF_LAST_PAID_MONTH.lastDayCovered(JANUARY_1, YearMonth.of(2027, 1)))
                .isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void aMemberWithTaxCreditsIsCoveredThroughTheFirstGraceMonth() {
        assertThat(TerminationEffective.LAST_DAY_OF_FIRST_GRACE_MONTH.lastDayCovered(JANUARY_1, YearMonth.of(2027, 4)))
                .isEqualTo(LocalDate.of(2027, 4, 30));
    }

    @Test
    void anUnpaidFirstMonthEndsCoverageTheDayBeforeItBegan() {
        assertThat(TerminationEffective.NEVER_EFFECTUATED.lastDayCovered(JANUARY_1, YearMonth.of(2027, 1)))
                .isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void aFirstUnpaidMonthBeforeCoverageBeganIsRefused() {
        assertThatThrownBy(() -> TerminationEffective.LAST_DAY_OF_FIRST_GRACE_MONTH.lastDayCovered(JANUARY_1, YearMonth.of(2026, 12)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("firstUnpaidMonth: 2026-12");
    }
}
