package org.premiumflow.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.stereotype.Component;

/** When premiums fall due and when AutoPay drafts them (DOMAIN.md section 1). */
@Component
public class BillingCalendar {

    private final BankingCalendar banking;
    private final BillingProperties properties;

    public BillingCalendar(BankingCalendar banking, BillingProperties properties) {
        this.banking = banking;
        this.properties = properties;
    }

    /** A coverage month's premium is due on the due day of the month before (Jan 23 pays February). */
    public LocalDate dueDate(YearMonth coverageMonth) {
        return coverageMonth.minusMonths(1).atDay(properties.dueDayOfMonth());
    }

    /**
     * AutoPay drafts on the due date, or on the banking day before it when the due date is not a
     * banking day: a draft on the next banking day would be late.
     */
    public LocalDate draftDate(YearMonth coverageMonth) {
        LocalDate date = dueDate(coverageMonth);
        while (!banking.isBankingDay(date)) {
            date = date.minusDays(1);
        }
        return date;
    }

    /**
     * The first coverage month an AutoPay set up today drafts for: not before coverage starts, and
     * with its draft date at least the lead time in banking days away.
     */
    public YearMonth firstAutoPayMonth(LocalDate coverageStart, LocalDate today) {
        LocalDate earliestDraft = banking.plusBankingDays(today, properties.autopayLeadBankingDays());
        YearMonth month = YearMonth.from(coverageStart);
        if (month.isBefore(YearMonth.from(today))) {
            month = YearMonth.from(today);
        }
        while (draftDate(month).isBefore(earliestDraft)) {
            month = month.plusMonths(1);
        }
        return month;
    }
}
