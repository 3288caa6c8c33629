package org.premiumflow.billing;

import java.math.BigDecimal;

/**
 * Where an invoice stands, from the payments applied to it: paid in full, partly paid, or not
 * at all. A premium not paid in full by its due date is delinquent (956 CMR 12.12).
 */
public record InvoiceStatus(Invoice invoice, BigDecimal paid) {

    public BigDecimal open() {
        return invoice.amount().subtract(paid);
    }

    public boolean paidInFull() {
        return open().signum() <= 0;
    }
}
