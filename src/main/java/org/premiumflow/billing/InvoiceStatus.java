package org.premiumflow.billing;

import java.math.BigDecimal;

/**
 * Where an invoice stands, from the payments applied to it: paid in full, partly paid, or not
 * at all, unless it was cancelled (coverage ended before its month, or its premium was waived for
 * hardship). A premium not paid in full by its due date is delinquent
 * (956 CMR 12.12); a cancelled one is owed no more, but neither is it paid.
 *
 * @param cancellation why the invoice is owed no more, null while it is owed
 */
public record InvoiceStatus(Invoice invoice, BigDecimal paid, InvoiceCancellation cancellation) {

    public boolean cancelled() {
        return cancellation != null;
    }

    /** What is still to pay: nothing on a cancelled invoice, whose payments were reversed into credit. */
    public BigDecimal open() {
        return cancelled() ? BigDecimal.ZERO.setScale(2) : invoice.amount().subtract(paid);
    }

    /** Paid in full by payments; a cancelled invoice never is, so it never counts as a month paid. */
    public boolean paidInFull() {
        return !cancelled() && open().signum() <= 0;
    }

    /** Still to pay, in part or in full: neither paid in full nor cancelled. */
    public boolean owed() {
        return !cancelled() && !paidInFull();
    }
}
