package org.premiumflow.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The monthly billing run.
 *
 * @param dayOfMonth from this day of the month on, the next coverage month is billed (the
 *                   Health Connector issues bills by the 10th)
 * @param batchSize  enrollments billed per transaction
 */
@ConfigurationProperties("premiumflow.billing.run")
public record BillingRunProperties(@DefaultValue("10") int dayOfMonth, @DefaultValue("500") int batchSize) {

    public BillingRunProperties {
        if (dayOfMonth < 1 || dayOfMonth > 28) {
            throw new IllegalArgumentException("premiumflow.billing.run.day-of-month must be 1 to 28, so every month has it");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("premiumflow.billing.run.batch-size must be at least 1");
        }
    }
}
