package org.premiumflow.billing;

import java.time.Instant;
import java.time.YearMonth;

/** How far the billing run of a coverage month got: enrollments billed of those to bill. */
public record BillingRunProgress(YearMonth coverageMonth, int toDo, int done, Instant startedAt, Instant finishedAt) {

    public boolean finished() {
        return finishedAt != null;
    }
}
