package org.premiumflow.recovery;

import java.time.Instant;
import java.util.Optional;

/**
 * A hardship waiver request or an appeal as stored: filed for the enrollment whose grace runs from
 * the invoice {@code invoiceId}, then decided once by a caseworker.
 *
 * @param reason      the member's own words; shown to the caseworker, never logged
 * @param status      PENDING, then APPROVED or DENIED (waiver), UPHELD or DENIED (appeal)
 * @param decidedBy   the caseworker who completed the decision task; empty while pending
 */
public record DelinquencyRequest(long id, RequestKind kind, String memberId, long enrollmentId, long invoiceId, String reason,
                                 String status, Instant filedAt, Optional<String> decidedBy, Optional<Instant> decidedAt,
                                 Optional<String> decisionNote) {

    public static final String PENDING = "PENDING";
    public static final String DENIED = "DENIED";

    public boolean pending() {
        return PENDING.equals(status);
    }

    public boolean granted() {
        return kind.grantedStatus().equals(status);
    }
}
