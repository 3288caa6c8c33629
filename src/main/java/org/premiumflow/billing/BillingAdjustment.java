package org.premiumflow.billing;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A credit (negative amount) or extra charge (positive) for a coverage month already billed, which
 * the enrollment's next invoice carries: issued invoices are never rewritten (DOMAIN.md section 5).
 *
 * @param reason    in plain words, as the member reads it on the bill
 * @param reference what it comes from: the premium change (e.g. {@code life-event-42}), or for a
 *                  carried credit the invoice it was carried from
 * @param invoiceId the invoice that carries it; null while pending
 */
public record BillingAdjustment(long id, String memberId, long enrollmentId, YearMonth coverageMonth, BigDecimal amount, Kind kind,
                                String reason, String reference, Instant createdAt, Long invoiceId) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.US);

    /**
     * PREMIUM_CHANGE: the difference a premium change makes to a month. CREDIT_CARRIED_OUT and
     * CREDIT_CARRIED_IN: a credit larger than an invoice, moved from it (leaving it at zero) to the next one.
     */
    public enum Kind { PREMIUM_CHANGE, CREDIT_CARRIED_OUT, CREDIT_CARRIED_IN }

    public boolean pending() {
        return invoiceId == null;
    }

    /** The line as the member reads it on a bill or notice: "March 2027: credit of $99.90 (why)". */
    public String inWords() {
        if (kind == Kind.CREDIT_CARRIED_OUT) {
            return "Credit left over, carried to your next bill: " + money(amount);
        }
        return MONTH.format(coverageMonth) + ": "
                + (amount.signum() < 0 ? "credit of " + money(amount.negate()) : "extra charge of " + money(amount))
                + " (" + reason + ")";
    }

    /** A new format each time: NumberFormat is not safe to share between threads. */
    private static String money(BigDecimal amount) {
        return NumberFormat.getCurrencyInstance(Locale.US).format(amount);
    }
}
