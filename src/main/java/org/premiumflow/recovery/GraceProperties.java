package org.premiumflow.recovery;

import java.math.BigDecimal;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The day counts and amounts of grace and termination that no table fixes (DOMAIN.md section 4
 * asks to keep every day count a parameter), at the exchange (America/New_York).
 *
 * @param warningDayOfMonth   the day of each grace month its warning goes out (UNSOURCED: "early in the month")
 * @param warningTime         the time of day warnings go out
 * @param paidInFullThreshold what may stay unpaid at the end of grace without ending coverage (UNSOURCED)
 * @param reinstateDays       days after the termination notice the member may still be reinstated (masslegalservices.org §21)
 * @param appealDays          days after the termination notice the member may appeal
 */
@ConfigurationProperties("premiumflow.recovery.grace")
public record GraceProperties(
        @DefaultValue("1") int warningDayOfMonth,
        @DefaultValue("09:00") LocalTime warningTime,
        @DefaultValue("0.00") BigDecimal paidInFullThreshold,
        @DefaultValue("35") int reinstateDays,
        @DefaultValue("35") int appealDays) {
}
