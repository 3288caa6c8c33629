package org.premiumflow.lifeevent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The day counts of life-event verification that no rule fixes.
 *
 * @param proofReminderDaysBefore how many days before proof is due the member is reminded (UNSOURCED)
 */
@ConfigurationProperties("premiumflow.life-events")
public record LifeEventProperties(@DefaultValue("14") int proofReminderDaysBefore) {

    public LifeEventProperties {
        if (proofReminderDaysBefore < 1 || proofReminderDaysBefore >= LifeEventVerification.PROOF_DAYS) {
            throw new IllegalArgumentException("premiumflow.life-events.proof-reminder-days-before must be 1 to "
                    + (LifeEventVerification.PROOF_DAYS - 1) + ", but is " + proofReminderDaysBefore);
        }
    }
}
