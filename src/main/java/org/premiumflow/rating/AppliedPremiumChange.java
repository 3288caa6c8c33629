package org.premiumflow.rating;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.premiumflow.billing.BillingAdjustment;
import org.premiumflow.member.Premium;

/**
 * A premium change as applied to an enrollment.
 *
 * @param coverageEffective the first day covered under the new terms
 * @param premiumMonth      the first month billed at the new monthly premium
 * @param premium           that month's new premium
 * @param adjustments       the credits and extra charges for months billed before, or billed at the
 *                          old premium (the event's month of a birth)
 * @param appliedNow        false when the reference had been applied before, and nothing changed now
 */
public record AppliedPremiumChange(String reference, long enrollmentId, LocalDate coverageEffective, YearMonth premiumMonth,
                                   Premium premium, List<BillingAdjustment> adjustments, boolean appliedNow) {

    public AppliedPremiumChange {
        adjustments = List.copyOf(adjustments);
    }
}
