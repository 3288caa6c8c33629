package org.premiumflow.calendar;

import java.time.LocalDate;

/** Days on which banks settle ACH entries: weekdays that are not Federal Reserve holidays. */
public interface BankingCalendar {

    boolean isBankingDay(LocalDate date);

    /** The date itself if it is a banking day, else the next banking day. */
    LocalDate onOrAfter(LocalDate date);

    /** The banking day that is {@code days} banking days after {@code date} (which need not be one). */
    LocalDate plusBankingDays(LocalDate date, int days);
}
