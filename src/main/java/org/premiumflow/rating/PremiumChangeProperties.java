package org.premiumflow.rating;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How premium changes after a life event are dated and prorated.
 *
 * @param cutoffDayOfMonth a change reported on or before this day takes effect on the first of the
 *                         next month, after it on the first of the month after (the Massachusetts
 *                         Health Connector's cut-off is the 23rd)
 * @param proration        how a month covered in part under new terms is charged (UNSOURCED for MA)
 */
@ConfigurationProperties("premiumflow.premium-change")
public record PremiumChangeProperties(@DefaultValue("23") int cutoffDayOfMonth, @DefaultValue("DAILY") Proration proration) {

    public PremiumChangeProperties {
        if (cutoffDayOfMonth < 1 || cutoffDayOfMonth > 28) {
            throw new IllegalArgumentException("premiumflow.premium-change.cutoff-day-of-month: must be 1 to 28, a day every month has,"
                    + " was " + cutoffDayOfMonth);
        }
    }
}
