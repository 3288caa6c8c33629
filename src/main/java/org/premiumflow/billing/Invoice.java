package org.premiumflow.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** The bill for one enrollment and coverage month: what the member owes and by when. Never changed once issued. */
public record Invoice(long id, String memberId, long enrollmentId, YearMonth coverageMonth, BigDecimal amount, LocalDate dueDate,
                      Instant issuedAt) {
}
