package org.premiumflow.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.premiumflow.rating.EffectiveDateRule.EffectiveDate;

class EffectiveDateRuleTest {

    static final int MA_CUTOFF = 23;

    @Test
    void reportedOnTheCutoffDayTakesEffectOnTheFirstOfTheNextMonth() {
        EffectiveDate effective = EffectiveDateRule.FIRST_OF_MONTH_AFTER_CUTOFF
                .effectiveDate(LocalDate.of(2039, 4, 2), LocalDate.of(2039, 4, 23), MA_CUTOFF);

        assertThat(effective.coverage()).isEqualTo(LocalDate.of(2039, 5, 1));
        assertThat(effective.premium()).isEqualTo(YearMonth.of(2039, 5));
        assertThat(effective.oldTaxCreditMonth()).isEmpty();
    }

    @Test
    void reportedTheDayAfterTheCutoffTakesEffectOnTheFirstOfTheMonthAfterNext() {
        EffectiveDate effective = EffectiveDateRule.FIRST_OF_MONTH_AFTER_CUTOFF
                .effectiveDate(LocalDate.of(2039, 4, 2), LocalDate.of(2039, 4, 24), MA_CUTOFF);

        assertThat(effective.coverage()).isEqualTo(LocalDate.of(2039, 6, 1));
        assertThat(effective.premium()).isEqualTo(YearMonth.of(2039, 6));
    }

    @Test
    void reportedLateInDecemberTakesEffectInFebruaryOfTheNextYear() {
        assertThat(EffectiveDateRule.FIRST_OF_MONTH_AFTER_CUTOFF
                .effectiveDate(LocalDate.of(2038, 12, 1), LocalDate.of(2038, 12, 24), MA_CUTOFF).coverage())
                .isEqualTo(LocalDate.of(2039, 2, 1));
        assertThat(EffectiveDateRule.FIRST_OF_MONTH_AFTER_CUTOFF
                .effectiveDate(LocalDate.of(2038, 12, 1), LocalDate.of(2038, 12, 23), MA_CUTOFF).coverage())
                .isEqualTo(LocalDate.of(2039, 1, 1));
    }

    @Test
    void theCutoffIsConfigured() {
        assertThat(EffectiveDateRule.FIRST_OF_MONTH_AFTER_CUTOFF
                .effectiveDate(LocalDate.of(2039, 4, 2), LocalDate.of(2039, 4, 16), 15).coverage())
                .isEqualTo(LocalDate.of(2039, 6, 1));
    }

    @Test
    void aBirthChangesCoverageOnItsDayAndTheTaxCreditFromTheNextMonth() {
        EffectiveDate effective = EffectiveDateRule.EVENT_DATE
                .effectiveDate(LocalDate.of(2038, 12, 14), LocalDate.of(2039, 1, 28), MA_CUTOFF);

        assertThat(effective.coverage()).isEqualTo(LocalDate.of(2038, 12, 14));
        assertThat(effective.premium()).as("across the year end").isEqualTo(YearMonth.of(2039, 1));
        assertThat(effective.oldTaxCreditMonth()).contains(YearMonth.of(2038, 12));
    }

    @Test
    void aBirthOnTheFirstKeepsTheOldTaxCreditForTheWholeMonth() {
        EffectiveDate effective = EffectiveDateRule.EVENT_DATE.effectiveDate(LocalDate.of(2039, 3, 1), LocalDate.of(2039, 3, 5), MA_CUTOFF);

        assertThat(effective.coverage()).isEqualTo(LocalDate.of(2039, 3, 1));
        assertThat(effective.oldTaxCreditMonth()).contains(YearMonth.of(2039, 3));
        assertThat(effective.premium()).isEqualTo(YearMonth.of(2039, 4));
    }

    @Test
    void aRuleTheDecisionDoesNotGiveIsRefusedNamingTheField() {
        assertThatThrownBy(() -> EffectiveDateRule.named("FIRST_OF_NEXT_MONTH"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("effectiveDateRule: must be one of FIRST_OF_MONTH_AFTER_CUTOFF, EVENT_DATE");
    }
}
