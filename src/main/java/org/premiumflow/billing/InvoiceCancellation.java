package org.premiumflow.billing;

import java.time.Instant;

/**
 * An invoice is owed no more: coverage, ended retroactively, does not cover its month. The invoice
 * itself stays as issued; reinstatement undoes the cancellation.
 */
public record InvoiceCancellation(String reason, Instant cancelledAt) {
}
