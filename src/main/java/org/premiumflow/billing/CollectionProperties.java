package org.premiumflow.billing;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the collection of an invoice acts, at the exchange (America/New_York).
 *
 * @param reminderDaysBeforeDue days before the due date the member is reminded (UNSOURCED: the exchange's choice)
 * @param reminderTime          the time of day reminders go out
 * @param draftTime             the time of day AutoPay drafts are submitted on the draft date
 */
@ConfigurationProperties("premiumflow.billing.collection")
public record CollectionProperties(
        @DefaultValue("5") int reminderDaysBeforeDue,
        @DefaultValue("09:00") LocalTime reminderTime,
        @DefaultValue("06:00") LocalTime draftTime) {
}
