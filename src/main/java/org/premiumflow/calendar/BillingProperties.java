package org.premiumflow.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The billing calendar's numbers.
 *
 * @param dueDayOfMonth          premiums are due on this day of the month before the coverage month
 *                               (the Health Connector's 23rd)
 * @param autopayLeadBankingDays banking days between setting up AutoPay and its first draft
 *                               (UNSOURCED: the exchange's choice; Nacha asks 3 banking days after a prenote)
 */
@ConfigurationProperties("premiumflow.billing")
public record BillingProperties(
        @DefaultValue("23") int dueDayOfMonth,
        @DefaultValue("3") int autopayLeadBankingDays) {

    public BillingProperties {
        if (dueDayOfMonth < 1 || dueDayOfMonth > 28) {
            throw new IllegalArgumentException("premiumflow.billing.due-day-of-month must be 1 to 28, so every month has it");
        }
        if (autopayLeadBankingDays < 0) {
            throw new IllegalArgumentException("premiumflow.billing.autopay-lead-banking-days must not be negative");
        }
    }
}
