package org.premiumflow.payment.gateway;

import java.time.LocalDate;

/** An ACH debit the processor accepted for the given effective entry date; settlement or return comes later. */
public record AchDebit(String reference, LocalDate effectiveDate) {
}
