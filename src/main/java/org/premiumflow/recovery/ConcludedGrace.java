package org.premiumflow.recovery;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A grace period that ended with coverage kept and its months still owed. Its months have had
 * their grace: the next grace starts from the oldest unpaid month after them.
 *
 * @param firstUnpaidMonth the grace's first month
 * @param throughMonth     the last month past due when it ended: later months unpaid meanwhile ended in this grace
 */
public record ConcludedGrace(long enrollmentId, YearMonth firstUnpaidMonth, YearMonth throughMonth, Outcome outcome,
                             Instant concludedAt) {

    public enum Outcome {
        /** An appeal upheld kept coverage: the member was covered, so the months are owed. */
        KEPT_BY_APPEAL
    }

    public boolean covers(YearMonth month) {
        return !month.isBefore(firstUnpaidMonth) && !month.isAfter(throughMonth);
    }
}
