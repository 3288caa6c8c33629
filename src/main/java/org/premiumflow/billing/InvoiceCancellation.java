package org.premiumflow.billing;

import java.time.Instant;

/**
 * An invoice is owed no more: coverage, ended retroactively, does not cover its month, or a hardship
 * waiver waived its premium. The invoice itself stays as issued. Reinstatement undoes a cancellation
 * for a coverage end; a waiver is never undone, since the premium was forgiven, not the coverage lost.
 */
public record InvoiceCancellation(Kind kind, String reason, Instant cancelledAt) {

    /** Why the month is owed no more, which decides whether reinstating the coverage owes it again. */
    public enum Kind { COVERAGE_ENDED, HARDSHIP_WAIVER }

    public boolean waived() {
        return kind == Kind.HARDSHIP_WAIVER;
    }
}
