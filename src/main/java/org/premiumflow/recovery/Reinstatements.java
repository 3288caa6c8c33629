package org.premiumflow.recovery;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.premiumflow.billing.BillingRun;
import org.premiumflow.billing.InvoiceCancellations;
import org.premiumflow.billing.InvoiceStatus;
import org.premiumflow.billing.Invoicing;
import org.premiumflow.billing.Ledger;
import org.premiumflow.billing.Payment;
import org.premiumflow.member.CoverageEndReason;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Members;
import org.premiumflow.member.Premium;
import org.premiumflow.member.UnknownMemberException;
import org.premiumflow.paymentmethod.InvalidFieldException;
import org.premiumflow.workflow.WorkflowMessage;
import org.premiumflow.workflow.WorkflowMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reinstatement after a termination for non-payment (DOMAIN.md section 4): within the days the
 * termination notice gives, a member who has paid the balance plus the next month asks, and the
 * delinquency process, waiting for that, restores the coverage. The request is checked here at
 * once, so the member hears what is missing; the process checks again before it reinstates.
 */
@Service
public class Reinstatements {

    private static final Logger log = LoggerFactory.getLogger(Reinstatements.class);
    private static final DateTimeFormatter PLAIN_DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

    static final String REINSTATEMENT_REQUESTED = "reinstatement-requested";
    /** Long enough for a process still sending its termination notice to reach its wait. */
    private static final Duration REQUEST_KEPT = Duration.ofDays(1);

    private final Members members;
    private final Enrollments enrollments;
    private final Ledger ledger;
    private final InvoiceCancellations cancellations;
    private final Invoicing invoicing;
    private final BillingRun billingRun;
    private final WorkflowMessages messages;
    private final Clock clock;

    Reinstatements(Members members, Enrollments enrollments, Ledger ledger, InvoiceCancellations cancellations, Invoicing invoicing,
                   BillingRun billingRun, WorkflowMessages messages, Clock clock) {
        this.members = members;
        this.enrollments = enrollments;
        this.ledger = ledger;
        this.cancellations = cancellations;
        this.invoicing = invoicing;
        this.billingRun = billingRun;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The member asks to be reinstated. When they may and have paid enough, the delinquency process
     * is told; a repeated request with no new payment tells it nothing new.
     *
     * @param enrollmentId which enrollment, needed only when more than one ended for non-payment
     * @throws UnknownMemberException        no such member
     * @throws ReinstatementRefusedException no coverage ended for non-payment, or the days to ask are over
     * @throws ReinstatementUnpaidException  not enough paid: names the amount still needed
     */
    @Transactional
    public ReinstatementTerms request(String memberId, Long enrollmentId) {
        if (!members.existsById(memberId)) {
            throw new UnknownMemberException(memberId);
        }
        Enrollment enrollment = endedForNonPayment(memberId, enrollmentId);
        LocalDate reinstateBy = enrollment.reinstateBy().orElseThrow();
        if (today().isAfter(reinstateBy)) {
            throw new ReinstatementRefusedException("The days to ask for reinstatement ended on " + reinstateBy.format(PLAIN_DATE)
                    + ": coverage stays ended");
        }
        ReinstatementTerms terms = terms(enrollment);
        if (terms.stillNeeded().signum() > 0) {
            throw new ReinstatementUnpaidException(terms);
        }
        // One request per state of the member's payments: a double click adds nothing, while a new
        // payment after a failed reinstatement (a debit came back) lets the member ask again.
        long lastPayment = ledger.payments(memberId).stream().filter(payment -> payment.status() != Payment.Status.RETURNED)
                .mapToLong(Payment::id).max().orElse(0);
        messages.send(new WorkflowMessage(REINSTATEMENT_REQUESTED, "enrollment-" + enrollment.id(),
                REINSTATEMENT_REQUESTED + ":" + enrollment.id() + ":" + lastPayment, REQUEST_KEPT,
                Map.of("reinstatementAmount", terms.total().toPlainString())));
        log.info("Member {} asked to reinstate enrollment {}", memberId, enrollment.id());
        return terms;
    }

    /**
     * Restores the coverage: the end cleared, the cancelled months owed again and paid from the
     * credit, oldest first, and months that went unbilled while coverage was ended billed now. Run
     * again after it succeeded, it changes nothing.
     *
     * @throws ReinstatementUnpaidException the credit no longer pays the balance plus the next month (a payment came back)
     */
    @Transactional
    public void reinstate(long enrollmentId) {
        Enrollment enrollment = enrollments.findById(enrollmentId)
                .orElseThrow(() -> new IllegalArgumentException("enrollmentId: no enrollment " + enrollmentId));
        if (enrollment.coverageEnd().isEmpty()) {
            return;
        }
        ReinstatementTerms terms = terms(enrollment);
        if (!cancellations.restore(enrollment.member().memberId(), enrollmentId, terms.total(), "coverage reinstated")) {
            throw new ReinstatementUnpaidException(terms);
        }
        restore(enrollment, terms, "reinstated");
    }

    /**
     * Restores the coverage after an appeal of its termination was upheld: as a reinstatement, but
     * nothing need be paid first; the cancelled months are owed again, paid from any credit. Run
     * again after it succeeded, it changes nothing.
     */
    @Transactional
    public void restoreOnAppeal(long enrollmentId) {
        Enrollment enrollment = enrollments.findById(enrollmentId)
                .orElseThrow(() -> new IllegalArgumentException("enrollmentId: no enrollment " + enrollmentId));
        if (enrollment.coverageEnd().isEmpty()) {
            return;
        }
        ReinstatementTerms terms = terms(enrollment);
        cancellations.restore(enrollment.member().memberId(), enrollmentId, BigDecimal.ZERO, "termination appeal upheld");
        restore(enrollment, terms, "restored on appeal");
    }

    private void restore(Enrollment enrollment, ReinstatementTerms terms, String how) {
        String memberId = enrollment.member().memberId();
        enrollment.reinstate();
        enrollments.save(enrollment);
        YearMonth current = YearMonth.from(today());
        // The billing runs skipped the months while coverage was ended; the next month too, if its run is under way.
        YearMonth lastBilled = billingRun.progress(terms.nextMonth()).isPresent() ? terms.nextMonth() : current;
        List<YearMonth> billed = invoices(enrollment).stream().map(invoice -> invoice.invoice().coverageMonth()).toList();
        for (YearMonth month = terms.firstUnpaidMonth(); !month.isAfter(lastBilled); month = month.plusMonths(1)) {
            if (!billed.contains(month) && enrollment.premiumFor(month).isPresent()) {
                invoicing.issue(enrollment, month);
            }
        }
        log.info("Enrollment {} of member {} {} from {}", enrollment.id(), memberId, how, terms.firstUnpaidMonth());
    }

    /** The terms of reinstating an enrollment whose coverage ended, as of today. */
    @Transactional(readOnly = true)
    public ReinstatementTerms terms(Enrollment enrollment) {
        List<InvoiceStatus> invoices = invoices(enrollment);
        YearMonth afterEnd = YearMonth.from(enrollment.coverageEnd().orElseThrow().plusDays(1));
        YearMonth firstUnpaid = invoices.stream().filter(InvoiceStatus::owed).map(invoice -> invoice.invoice().coverageMonth())
                .findFirst().filter(month -> month.isBefore(afterEnd)).orElse(afterEnd);
        YearMonth current = YearMonth.from(today());
        BigDecimal balance = BigDecimal.ZERO.setScale(2);
        for (YearMonth month = firstUnpaid; !month.isAfter(current); month = month.plusMonths(1)) {
            balance = balance.add(owedHadCoverageGoneOn(enrollment, invoices, month));
        }
        YearMonth next = current.plusMonths(1);
        return new ReinstatementTerms(enrollment.id(), enrollment.reinstateBy().orElse(null), firstUnpaid, balance, next,
                owedHadCoverageGoneOn(enrollment, invoices, next), cancellations.credit(enrollment.member().memberId()));
    }

    /**
     * A billed month's amount less what pays it now (nothing, once cancelled), or the premium of a
     * month not billed; nothing for a month waived for hardship, which reinstating does not owe again.
     */
    private static BigDecimal owedHadCoverageGoneOn(Enrollment enrollment, List<InvoiceStatus> invoices, YearMonth month) {
        Optional<InvoiceStatus> billed = invoices.stream().filter(invoice -> invoice.invoice().coverageMonth().equals(month)).findFirst();
        if (billed.filter(invoice -> invoice.cancelled() && invoice.cancellation().waived()).isPresent()) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (billed.isPresent()) {
            return billed.get().invoice().amount().subtract(billed.get().paid()).max(BigDecimal.ZERO);
        }
        return enrollment.premiumFor(month).map(Premium::memberResponsibility).orElse(BigDecimal.ZERO.setScale(2));
    }

    private Enrollment endedForNonPayment(String memberId, Long enrollmentId) {
        List<Enrollment> ofMember = enrollments.findByMemberMemberIdOrderByCoverageStart(memberId);
        if (enrollmentId != null) {
            Enrollment named = ofMember.stream().filter(enrollment -> enrollment.id().equals(enrollmentId)).findFirst()
                    .orElseThrow(() -> new InvalidFieldException("enrollmentId", "is not an enrollment of member " + memberId));
            if (!endedForNonPayment(named)) {
                throw new ReinstatementRefusedException("The coverage of enrollment " + enrollmentId + " did not end for non-payment");
            }
            return named;
        }
        List<Enrollment> ended = ofMember.stream().filter(Reinstatements::endedForNonPayment).toList();
        if (ended.isEmpty()) {
            throw new ReinstatementRefusedException("No coverage of member " + memberId + " ended for non-payment");
        }
        if (ended.size() > 1) {
            throw new InvalidFieldException("enrollmentId", "is required: more than one enrollment of the member ended for non-payment ("
                    + String.join(", ", ended.stream().map(enrollment -> enrollment.id().toString()).toList()) + ")");
        }
        return ended.get(0);
    }

    private static boolean endedForNonPayment(Enrollment enrollment) {
        return enrollment.endReason().filter(CoverageEndReason.NON_PAYMENT::equals).isPresent() && enrollment.reinstateBy().isPresent();
    }

    private List<InvoiceStatus> invoices(Enrollment enrollment) {
        return ledger.invoices(enrollment.member().memberId()).stream()
                .filter(invoice -> invoice.invoice().enrollmentId() == enrollment.id()).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
