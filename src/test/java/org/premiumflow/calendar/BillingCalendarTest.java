package org.premiumflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** Due dates and AutoPay draft dates on the Health Connector's calendar: due the 23rd of the month before coverage. */
class BillingCalendarTest {

    private final BillingCalendar calendar = new BillingCalendar(new FederalReserveCalendar(), new BillingProperties(23, 3));

    @Test
    void aCoverageMonthIsDueOnThe23rdOfTheMonthBefore() {
        assertThat(calendar.dueDate(YearMonth.of(2027, 2))).isEqualTo(LocalDate.of(2027, 1, 23));
        assertThat(calendar.dueDate(YearMonth.of(2027, 1))).isEqualTo(LocalDate.of(2026, 12, 23));
    }

    @Test
    void aDueDateThatIsNoBankingDayIsDraftedTheBankingDayBeforeSoThePaymentIsNeverLate() {
        // January 23, 2027 is a Saturday: February's premium is drafted on Friday the 22nd.
        assertThat(calendar.draftDate(YearMonth.of(2027, 2))).isEqualTo(LocalDate.of(2027, 1, 22));
        // December 23, 2026 is a Wednesday.
        assertThat(calendar.draftDate(YearMonth.of(2027, 1))).isEqualTo(LocalDate.of(2026, 12, 23));
    }

    @Test
    void theFirstAutoPayDraftIsTheFirstDueDateAtLeastThreeBankingDaysAwayAndNotBeforeCoverage() {
        LocalDate fridayAfterThanksgiving = LocalDate.of(2026, 11, 27);
        assertThat(calendar.firstAutoPayMonth(LocalDate.of(2027, 1, 1), fridayAfterThanksgiving)).isEqualTo(YearMonth.of(2027, 1));
        assertThat(calendar.firstAutoPayMonth(LocalDate.of(2027, 3, 1), fridayAfterThanksgiving))
                .as("not before coverage starts").isEqualTo(YearMonth.of(2027, 3));
        // On Monday December 21 the 23rd is only two banking days away: the first draft pays February.
        assertThat(calendar.firstAutoPayMonth(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 12, 21)))
                .isEqualTo(YearMonth.of(2027, 2));
        assertThat(calendar.firstAutoPayMonth(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 12, 18)))
                .as("Friday the 18th is three banking days before the 23rd").isEqualTo(YearMonth.of(2027, 1));
    }
}
