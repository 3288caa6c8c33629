package org.premiumflow.recovery;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.premiumflow.billing.InvoiceStatus;
import org.premiumflow.billing.Ledger;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Enrollments;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads an enrollment's delinquency from the ledger. A month is delinquent once its due date has
 * come and it is not paid in full (956 CMR 12.12); payments apply oldest month first, so the
 * delinquent months are always the oldest unpaid ones. Months of a grace that concluded with them
 * still owed stay delinquent, but the next grace runs from the oldest month after them.
 */
@Component
public class Delinquencies {

    private final Ledger ledger;
    private final Enrollments enrollments;
    private final ConcludedGraces concludedGraces;

    Delinquencies(Ledger ledger, Enrollments enrollments, ConcludedGraces concludedGraces) {
        this.ledger = ledger;
        this.enrollments = enrollments;
        this.concludedGraces = concludedGraces;
    }

    /** The enrollment's delinquency on the day, read in a transaction of its own: its premiums load lazily. */
    @Transactional(readOnly = true)
    public Delinquency on(long enrollmentId, LocalDate today) {
        Enrollment enrollment = enrollments.findById(enrollmentId)
                .orElseThrow(() -> new IllegalArgumentException("enrollmentId: no enrollment " + enrollmentId));
        List<InvoiceStatus> unpaid = invoices(enrollment).stream().filter(InvoiceStatus::owed).toList();
        List<Delinquency.UnpaidMonth> delinquent = unpaid.stream()
                .filter(invoice -> !invoice.invoice().dueDate().isAfter(today))
                .map(invoice -> new Delinquency.UnpaidMonth(invoice.invoice().coverageMonth(), invoice.open()))
                .toList();
        YearMonth next = delinquent.isEmpty() ? YearMonth.from(today).plusMonths(1)
                : delinquent.get(delinquent.size() - 1).month().plusMonths(1);
        List<ConcludedGrace> concluded = concludedGraces.of(enrollment.id());
        Optional<YearMonth> graceMonth = delinquent.stream().map(Delinquency.UnpaidMonth::month)
                .filter(month -> concluded.stream().noneMatch(grace -> grace.covers(month))).findFirst();
        return new Delinquency(enrollment.id(), delinquent, graceMonth, nextMonth(enrollment, unpaid, next));
    }

    /** The next month as billed, or as it will be billed when its invoice is not issued yet. */
    private static Optional<Delinquency.UnpaidMonth> nextMonth(Enrollment enrollment, List<InvoiceStatus> unpaid, YearMonth month) {
        Optional<Delinquency.UnpaidMonth> billed = unpaid.stream().filter(invoice -> invoice.invoice().coverageMonth().equals(month))
                .findFirst().map(invoice -> new Delinquency.UnpaidMonth(month, invoice.open()));
        if (billed.isPresent()) {
            return billed;
        }
        return enrollment.premiumFor(month).filter(premium -> !premium.isZero())
                .map(premium -> new Delinquency.UnpaidMonth(month, premium.memberResponsibility()));
    }

    /** No month of the enrollment was ever paid in full: the missed payment is the binder, which starts coverage. */
    public boolean neverPaid(Enrollment enrollment) {
        return invoices(enrollment).stream().noneMatch(InvoiceStatus::paidInFull);
    }

    /** The benefit year is the calendar year of the coverage month (DOMAIN.md section 4). */
    public boolean paidFullMonthIn(Enrollment enrollment, int benefitYear) {
        return invoices(enrollment).stream()
                .anyMatch(invoice -> invoice.paidInFull() && invoice.invoice().coverageMonth().getYear() == benefitYear);
    }

    private List<InvoiceStatus> invoices(Enrollment enrollment) {
        return ledger.invoices(enrollment.member().memberId()).stream()
                .filter(invoice -> invoice.invoice().enrollmentId() == enrollment.id()).toList();
    }
}
