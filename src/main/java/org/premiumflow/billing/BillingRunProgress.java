package org.premiumflow.billing;

import java.time.Instant;
import java.time.YearMonth;

/**
 * How far the billing run of a coverage month got: enrollments done of those to do. Done includes
 * the enrollments left unbilled because they had no premium for the month ({@code withoutPremium}),
 * which someone must look at: their members owe the month and got no invoice.
 */
public record BillingRunProgress(YearMonth coverageMonth, int toDo, int done, int withoutPremium, Instant startedAt,
                                 Instant finishedAt) {

    public boolean finished() {
        return finishedAt != null;
    }
}
