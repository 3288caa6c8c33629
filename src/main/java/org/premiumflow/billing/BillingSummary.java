package org.premiumflow.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What a member sees under "Billing": what they owe, what is due next and when, the AutoPay draft
 * coming up, each invoice with what is paid on it and the adjustment lines it carries, the
 * adjustment lines no invoice carries yet (the next one will), and every transaction.
 */
public record BillingSummary(String memberId, BigDecimal balance, BigDecimal credit, Due nextDue, Draft upcomingAutoPayDraft,
                             List<InvoiceLine> invoices, List<Adjustment> pendingAdjustments, List<Transaction> history) {

    public record Due(YearMonth coverageMonth, LocalDate dueDate, BigDecimal amount) {
    }

    public record Draft(LocalDate date, YearMonth coverageMonth, BigDecimal amount, String method) {
    }

    /**
     * CANCELLED: the month is owed no more, because coverage ended before it. WAIVED: its premium
     * was forgiven by an approved hardship waiver; coverage continued.
     */
    public enum InvoiceState { PAID, PARTLY_PAID, UNPAID, PAST_DUE, CANCELLED, WAIVED }

    /**
     * @param amount             the month's premium and the adjustments together
     * @param cancellationReason why the invoice is owed no more, only when it is cancelled or waived
     * @param adjustments        the credits and extra charges for other months this invoice carries
     */
    public record InvoiceLine(long invoiceId, YearMonth coverageMonth, BigDecimal amount, BigDecimal paid, BigDecimal open,
                              LocalDate dueDate, InvoiceState state, String cancellationReason, List<Adjustment> adjustments) {
    }

    /** A credit (negative) or extra charge for a coverage month, and why. */
    public record Adjustment(YearMonth coverageMonth, BigDecimal amount, String reason) {
    }

    /**
     * CANCELLATION lowers what is owed by a cancelled invoice; CANCELLATION_UNDONE owes it again;
     * WAIVER lowers it by a premium waived for hardship.
     */
    public enum Kind { INVOICE, PAYMENT, RETURN, CANCELLATION, CANCELLATION_UNDONE, WAIVER }

    /** One line of history; a payment's amount is negative, as it lowers what the member owes. */
    public record Transaction(Instant at, Kind kind, String description, BigDecimal amount) {
    }
}
