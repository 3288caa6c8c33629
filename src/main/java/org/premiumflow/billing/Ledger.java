package org.premiumflow.billing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The member ledger as stored: invoices, payments and the allocations between them. Rows are
 * facts and are only ever added (an allocation is reversed, not deleted); every balance is derived.
 */
@Repository
public class Ledger {

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues the invoice unless the enrollment's month is billed already; either way answers the invoice. */
    Invoice issue(String memberId, long enrollmentId, YearMonth coverageMonth, BigDecimal amount, LocalDate dueDate, Instant now) {
        jdbc.sql("""
                        insert into premiumflow.invoice (member_id, enrollment_id, coverage_month, amount, due_date, issued_at)
                        values (?, ?, ?, ?, ?, ?) on conflict (enrollment_id, coverage_month) do nothing""")
                .params(memberId, enrollmentId, coverageMonth.atDay(1), amount, dueDate, Timestamp.from(now))
                .update();
        return invoice(enrollmentId, coverageMonth).orElseThrow();
    }

    Optional<Invoice> invoice(long enrollmentId, YearMonth coverageMonth) {
        return jdbc.sql("select * from premiumflow.invoice where enrollment_id = ? and coverage_month = ?")
                .params(enrollmentId, coverageMonth.atDay(1)).query(Ledger::invoice).optional();
    }

    public Optional<Invoice> invoice(long invoiceId) {
        return jdbc.sql("select * from premiumflow.invoice where id = ?").param(invoiceId).query(Ledger::invoice).optional();
    }

    private static final String INVOICE_WITH_PAID = """
            select i.*, coalesce((select sum(a.amount) from premiumflow.allocation a
                                  where a.invoice_id = i.id and a.reversed_at is null), 0) as paid,
                   c.kind as cancellation_kind, c.reason as cancellation_reason, c.cancelled_at
            from premiumflow.invoice i
            left join premiumflow.invoice_cancellation c on c.invoice_id = i.id and c.undone_at is null""";

    /** The member's invoices with what is paid on each, oldest coverage month first. */
    public List<InvoiceStatus> invoices(String memberId) {
        return jdbc.sql(INVOICE_WITH_PAID + " where i.member_id = ? order by i.coverage_month, i.id")
                .param(memberId).query(Ledger::invoiceStatus).list();
    }

    /** One invoice with what is paid on it. */
    Optional<InvoiceStatus> invoiceStatus(long invoiceId) {
        return jdbc.sql(INVOICE_WITH_PAID + " where i.id = ?").param(invoiceId).query(Ledger::invoiceStatus).optional();
    }

    private static InvoiceStatus invoiceStatus(ResultSet row, int n) throws SQLException {
        Timestamp cancelledAt = row.getTimestamp("cancelled_at");
        return new InvoiceStatus(invoice(row, n), row.getBigDecimal("paid"),
                cancelledAt == null ? null : new InvoiceCancellation(InvoiceCancellation.Kind.valueOf(row.getString("cancellation_kind")),
                        row.getString("cancellation_reason"), cancelledAt.toInstant()));
    }

    /**
     * Cancels the invoice unless it is cancelled already, and reverses what was applied to it: those
     * payments become credit. Answers whether it was cancelled now.
     */
    boolean cancel(long invoiceId, InvoiceCancellation.Kind kind, String reason, Instant now) {
        int cancelled = jdbc.sql("""
                        insert into premiumflow.invoice_cancellation (invoice_id, kind, reason, cancelled_at) values (?, ?, ?, ?)
                        on conflict (invoice_id) where undone_at is null do nothing""")
                .params(invoiceId, kind.name(), reason, Timestamp.from(now)).update();
        jdbc.sql("update premiumflow.allocation set reversed_at = ? where invoice_id = ? and reversed_at is null")
                .params(Timestamp.from(now), invoiceId).update();
        return cancelled == 1;
    }

    /**
     * The enrollment's invoices cancelled because coverage ended are owed again: those cancellations
     * are undone, for the reason given. A premium waived for hardship stays waived.
     */
    int undoCancellations(long enrollmentId, String reason, Instant now) {
        return jdbc.sql("""
                        update premiumflow.invoice_cancellation c set undone_at = ?, undo_reason = ?
                        from premiumflow.invoice i
                        where c.invoice_id = i.id and i.enrollment_id = ? and c.undone_at is null and c.kind = 'COVERAGE_ENDED'""")
                .params(Timestamp.from(now), reason, enrollmentId).update();
    }

    /** Every cancellation of the member's invoices, undone or not, for the history. */
    List<CancellationFact> cancellations(String memberId) {
        return jdbc.sql("""
                        select c.*, i.coverage_month, i.amount from premiumflow.invoice_cancellation c
                        join premiumflow.invoice i on i.id = c.invoice_id where i.member_id = ? order by c.id""")
                .param(memberId)
                .query((row, n) -> new CancellationFact(row.getLong("invoice_id"), InvoiceCancellation.Kind.valueOf(row.getString("kind")),
                        YearMonth.from(row.getObject("coverage_month", LocalDate.class)), row.getBigDecimal("amount"),
                        row.getString("reason"), row.getTimestamp("cancelled_at").toInstant(),
                        row.getTimestamp("undone_at") == null ? null : row.getTimestamp("undone_at").toInstant(),
                        row.getString("undo_reason")))
                .list();
    }

    /** A cancellation as it happened, and its undoing if it was undone (then undoneAt and undoReason are set). */
    record CancellationFact(long invoiceId, InvoiceCancellation.Kind kind, YearMonth coverageMonth, BigDecimal amount, String reason, Instant cancelledAt,
                            Instant undoneAt, String undoReason) {
    }

    /** Records a payment unless its idempotency key was recorded before; either way answers the payment. */
    Payment record(String memberId, BigDecimal amount, Payment.Channel channel, Long paymentMethodId, String idempotencyKey,
                   Payment.Status status, String processorReference, Instant now) {
        jdbc.sql("""
                        insert into premiumflow.payment (member_id, amount, channel, payment_method_id, idempotency_key, status,
                                                         processor_reference, received_at, settled_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing""")
                .params(memberId, amount, channel.name(), paymentMethodId, idempotencyKey, status.name(), processorReference,
                        Timestamp.from(now), status == Payment.Status.SETTLED ? Timestamp.from(now) : null)
                .update();
        return payment(idempotencyKey).orElseThrow();
    }

    /** The payment posted under an idempotency key, if any: a repeated charge finds the first one's. */
    public Optional<Payment> payment(String idempotencyKey) {
        return jdbc.sql("select * from premiumflow.payment where idempotency_key = ?").param(idempotencyKey)
                .query(Ledger::payment).optional();
    }

    public List<Payment> payments(String memberId) {
        return jdbc.sql("select * from premiumflow.payment where member_id = ? order by id").param(memberId)
                .query(Ledger::payment).list();
    }

    /** The payments that pay an invoice now, latest first. */
    List<Payment> paymentsFor(long invoiceId) {
        return jdbc.sql("""
                        select p.* from premiumflow.payment p
                        where exists (select 1 from premiumflow.allocation a
                                      where a.payment_id = p.id and a.invoice_id = ? and a.reversed_at is null)
                        order by p.id desc""")
                .param(invoiceId).query(Ledger::payment).list();
    }

    /** What of each payment that still counts is not applied to any invoice: the member's credit. */
    List<Unapplied> unapplied(String memberId) {
        return jdbc.sql("""
                        select p.id, p.amount - coalesce((select sum(a.amount) from premiumflow.allocation a
                                                          where a.payment_id = p.id and a.reversed_at is null), 0) as left_over
                        from premiumflow.payment p where p.member_id = ? and p.status <> 'RETURNED' order by p.id""")
                .param(memberId)
                .query((row, n) -> new Unapplied(row.getLong("id"), row.getBigDecimal("left_over")))
                .list().stream().filter(unapplied -> unapplied.amount().signum() > 0).toList();
    }

    record Unapplied(long paymentId, BigDecimal amount) {
    }

    void allocate(long paymentId, long invoiceId, BigDecimal amount, Instant now) {
        jdbc.sql("insert into premiumflow.allocation (payment_id, invoice_id, amount, allocated_at) values (?, ?, ?, ?)")
                .params(paymentId, invoiceId, amount, Timestamp.from(now)).update();
    }

    void settle(long paymentId, Instant now) {
        jdbc.sql("update premiumflow.payment set status = 'SETTLED', settled_at = ? where id = ? and status = 'PENDING'")
                .params(Timestamp.from(now), paymentId).update();
    }

    /** The payment came back: it pays nothing any more, so its allocations are reversed. */
    boolean returned(long paymentId, String returnCode, Instant now) {
        int changed = jdbc.sql("""
                        update premiumflow.payment set status = 'RETURNED', return_code = ?, returned_at = ?
                        where id = ? and status <> 'RETURNED'""")
                .params(returnCode, Timestamp.from(now), paymentId).update();
        jdbc.sql("update premiumflow.allocation set reversed_at = ? where payment_id = ? and reversed_at is null")
                .params(Timestamp.from(now), paymentId).update();
        return changed == 1;
    }

    /**
     * Serializes changes to one member's ledger: allocations read balances and must not interleave.
     * Whoever also locks a payment method takes this lock first (a deadlock otherwise).
     */
    public void lock(String memberId) {
        jdbc.sql("select member_id from premiumflow.member where member_id = ? for update").param(memberId).query(String.class).list();
    }

    private static Invoice invoice(ResultSet row, int n) throws SQLException {
        return new Invoice(row.getLong("id"), row.getString("member_id"), row.getLong("enrollment_id"),
                YearMonth.from(row.getObject("coverage_month", LocalDate.class)), row.getBigDecimal("amount"),
                row.getObject("due_date", LocalDate.class), row.getTimestamp("issued_at").toInstant());
    }

    private static Payment payment(ResultSet row, int n) throws SQLException {
        long method = row.getLong("payment_method_id");
        Long paymentMethodId = row.wasNull() ? null : method;
        return new Payment(row.getLong("id"), row.getString("member_id"), row.getBigDecimal("amount"),
                Payment.Channel.valueOf(row.getString("channel")), paymentMethodId,
                row.getString("idempotency_key"), Payment.Status.valueOf(row.getString("status")),
                row.getString("processor_reference"), row.getString("return_code"), row.getTimestamp("received_at").toInstant(),
                row.getTimestamp("returned_at") == null ? null : row.getTimestamp("returned_at").toInstant());
    }
}
