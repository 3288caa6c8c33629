package org.premiumflow.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What a member sees under "Billing": what they owe, what is due next and when, the AutoPay draft
 * coming up, each invoice with what is paid on it, and every transaction.
 */
public record BillingSummary(String memberId, BigDecimal balance, BigDecimal credit, Due nextDue, Draft upcomingAutoPayDraft,
                             List<InvoiceLine> invoices, List<Transaction> history) {

    public record Due(YearMonth coverageMonth, LocalDate dueDate, BigDecimal amount) {
    }

    public record Draft(LocalDate date, YearMonth coverageMonth, BigDecimal amount, String method) {
    }

    public enum InvoiceState { PAID, PARTLY_PAID, UNPAID, PAST_DUE }

    public record InvoiceLine(long invoiceId, YearMonth coverageMonth, BigDecimal amount, BigDecimal paid, BigDecimal open,
                              LocalDate dueDate, InvoiceState state) {
    }

    public enum Kind { INVOICE, PAYMENT, RETURN }

    /** One line of history; a payment's amount is negative, as it lowers what the member owes. */
    public record Transaction(Instant at, Kind kind, String description, BigDecimal amount) {
    }
}
