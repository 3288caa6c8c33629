package org.premiumflow.billing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Adjustment lines as stored (migration V23). A line is written once and only ever gains the
 * invoice that carries it; callers that attach lines hold the member's ledger lock.
 */
@Repository
public class BillingAdjustments {

    private final JdbcClient jdbc;

    BillingAdjustments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a premium change's line for a month unless that reference has one for the month;
     * answers whether it was recorded now.
     */
    public boolean recordPremiumChange(String memberId, long enrollmentId, YearMonth coverageMonth, BigDecimal amount, String reason,
                                       String reference, Instant now) {
        return insert(memberId, enrollmentId, coverageMonth, amount, BillingAdjustment.Kind.PREMIUM_CHANGE, reason, reference, null, now);
    }

    /** The enrollment's lines no invoice carries yet, oldest month first. */
    public List<BillingAdjustment> pending(long enrollmentId) {
        return jdbc.sql("""
                        select * from premiumflow.billing_adjustment where enrollment_id = ? and invoice_id is null
                        order by coverage_month, id""")
                .param(enrollmentId).query(BillingAdjustments::adjustment).list();
    }

    /**
     * What the enrollment's next invoice comes to: the member's share of its month's premium and the
     * lines pending, never below zero (the rest of a larger credit is carried on, see {@link #carryForward}).
     */
    public BigDecimal nextInvoiceAmount(long enrollmentId, BigDecimal memberResponsibility) {
        return memberResponsibility.add(total(pending(enrollmentId))).max(BigDecimal.ZERO);
    }

    static BigDecimal total(List<BillingAdjustment> lines) {
        return lines.stream().map(BillingAdjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The lines recorded under a reference, oldest month first. */
    public List<BillingAdjustment> ofReference(String reference) {
        return jdbc.sql("select * from premiumflow.billing_adjustment where reference = ? order by coverage_month, id")
                .param(reference).query(BillingAdjustments::adjustment).list();
    }

    /** The lines an invoice carries, oldest month first. */
    public List<BillingAdjustment> ofInvoice(long invoiceId) {
        return jdbc.sql("select * from premiumflow.billing_adjustment where invoice_id = ? order by coverage_month, id")
                .param(invoiceId).query(BillingAdjustments::adjustment).list();
    }

    /** Every line of the member's, carried or pending, oldest month first. */
    public List<BillingAdjustment> ofMember(String memberId) {
        return jdbc.sql("select * from premiumflow.billing_adjustment where member_id = ? order by coverage_month, id")
                .param(memberId).query(BillingAdjustments::adjustment).list();
    }

    /** The invoice carries these lines from now on. */
    void attach(List<BillingAdjustment> lines, long invoiceId) {
        for (BillingAdjustment line : lines) {
            jdbc.sql("update premiumflow.billing_adjustment set invoice_id = ? where id = ? and invoice_id is null")
                    .params(invoiceId, line.id()).update();
        }
    }

    /**
     * Moves a credit the invoice cannot take (it would go below zero) on to the next invoice: a line
     * on this invoice that brings it back to zero, and a pending line with the same credit.
     */
    void carryForward(Invoice invoice, BigDecimal credit, Instant now) {
        String reference = "invoice-" + invoice.id();
        insert(invoice.memberId(), invoice.enrollmentId(), invoice.coverageMonth(), credit,
                BillingAdjustment.Kind.CREDIT_CARRIED_OUT, "Credit larger than this bill, carried to your next bill", reference,
                invoice.id(), now);
        insert(invoice.memberId(), invoice.enrollmentId(), invoice.coverageMonth(), credit.negate(),
                BillingAdjustment.Kind.CREDIT_CARRIED_IN, "Credit carried from your bill for " + invoice.coverageMonth(), reference,
                null, now);
    }

    private boolean insert(String memberId, long enrollmentId, YearMonth coverageMonth, BigDecimal amount, BillingAdjustment.Kind kind,
                           String reason, String reference, Long invoiceId, Instant now) {
        return jdbc.sql("""
                        insert into premiumflow.billing_adjustment (member_id, enrollment_id, coverage_month, amount, kind, reason,
                                                                    reference, created_at, invoice_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (reference, coverage_month, kind) do nothing""")
                .params(memberId, enrollmentId, coverageMonth.atDay(1), amount, kind.name(), reason, reference, Timestamp.from(now),
                        invoiceId)
                .update() == 1;
    }

    private static BillingAdjustment adjustment(ResultSet row, int n) throws SQLException {
        long invoice = row.getLong("invoice_id");
        Long invoiceId = row.wasNull() ? null : invoice;
        return new BillingAdjustment(row.getLong("id"), row.getString("member_id"), row.getLong("enrollment_id"),
                YearMonth.from(row.getObject("coverage_month", LocalDate.class)), row.getBigDecimal("amount"),
                BillingAdjustment.Kind.valueOf(row.getString("kind")), row.getString("reason"), row.getString("reference"),
                row.getTimestamp("created_at").toInstant(), invoiceId);
    }
}
