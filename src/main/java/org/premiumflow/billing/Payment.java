package org.premiumflow.billing;

import java.math.BigDecimal;
import java.time.Instant;

/** Money a member paid, or that is on its way (an ACH debit until it settles), or that came back. */
public record Payment(long id, String memberId, BigDecimal amount, Channel channel, Long paymentMethodId, String idempotencyKey,
                      Status status, String processorReference, String returnCode, Instant receivedAt, Instant returnedAt) {

    public enum Channel { AUTOPAY, ONE_TIME }

    public enum Status {
        /** Submitted, not settled: it counts as paying, but may still come back. */
        PENDING,
        SETTLED,
        /** Came back (an ACH return): it pays nothing. */
        RETURNED
    }
}
