package org.premiumflow.recovery;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.premiumflow.billing.Invoice;
import org.premiumflow.billing.Ledger;
import org.premiumflow.member.CoverageEndReason;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Members;
import org.premiumflow.member.UnknownMemberException;
import org.premiumflow.workflow.WorkflowMessage;
import org.premiumflow.workflow.WorkflowMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a hardship waiver request or an appeal for a delinquent enrollment and hands it to that
 * enrollment's grace period, whose process instance opens the caseworker's task. Only an
 * enrollment still covered with a premium past due has a grace running or a termination held, so
 * only such an enrollment takes a request; one open request of a kind per enrollment, so a second
 * is refused while the first waits for its decision. After a termination for non-payment, an
 * appeal is still taken until the appeal-by day the termination notice gave (a waiver is not).
 */
@Service
public class RequestFiling {

    private static final Logger log = LoggerFactory.getLogger(RequestFiling.class);
    /** Long enough for a grace period the collection has not started yet (it finds the invoice unpaid after the due date). */
    private static final Duration REQUEST_MESSAGE_KEPT = Duration.ofDays(7);
    public static final int REASON_MAX_LENGTH = 1000;
    static final String TERMINATION_APPEALED = "termination-appealed";
    private static final DateTimeFormatter PLAIN_DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

    private final Members members;
    private final Enrollments enrollments;
    private final Delinquencies delinquencies;
    private final Ledger ledger;
    private final DelinquencyRequests requests;
    private final WorkflowMessages messages;
    private final Clock clock;

    RequestFiling(Members members, Enrollments enrollments, Delinquencies delinquencies, Ledger ledger, DelinquencyRequests requests,
                  WorkflowMessages messages, Clock clock) {
        this.members = members;
        this.enrollments = enrollments;
        this.delinquencies = delinquencies;
        this.ledger = ledger;
        this.requests = requests;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * @param enrollmentId which enrollment, needed only when more than one of the member's is past due
     * @param reason       the member's words, already checked for length by the caller
     */
    @Transactional
    public DelinquencyRequest file(String memberId, RequestKind kind, Long enrollmentId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > REASON_MAX_LENGTH) {
            throw new IllegalArgumentException("reason: must be 1 to " + REASON_MAX_LENGTH + " characters");
        }
        if (!members.existsById(memberId)) {
            throw new UnknownMemberException(memberId);
        }
        LocalDate today = LocalDate.now(clock);
        List<Delinquency> delinquent = enrollments.findByMemberMemberIdOrderByCoverageStart(memberId).stream()
                .filter(enrollment -> enrollment.coverageEnd().isEmpty())
                .filter(enrollment -> enrollmentId == null || enrollmentId.equals(enrollment.id()))
                .map(Enrollment::id)
                .map(id -> delinquencies.on(id, today))
                .filter(delinquency -> delinquency.graceMonth().isPresent())
                .toList();
        if (delinquent.isEmpty() && kind == RequestKind.APPEAL) {
            Optional<Enrollment> terminated = terminatedForNonPayment(memberId, enrollmentId);
            if (terminated.isPresent()) {
                return appealTermination(memberId, terminated.get(), today, reason.strip());
            }
        }
        if (delinquent.isEmpty()) {
            throw new RequestNotAcceptedException((kind == RequestKind.APPEAL ? "An appeal" : "A hardship waiver request")
                    + " can be filed only while a grace period runs or a "
                    + "termination is held, and " + (enrollmentId == null ? "member " + memberId + " has no covered enrollment"
                    : "enrollment " + enrollmentId + " of member " + memberId + " is not one")
                    + " with a premium past due whose grace has not concluded");
        }
        if (delinquent.size() > 1) {
            throw new RequestNotAcceptedException("More than one enrollment of member " + memberId
                    + " has a premium past due; name the one meant in enrollmentId");
        }
        Delinquency delinquency = delinquent.get(0);
        requests.open(delinquency.enrollmentId(), kind).ifPresent(open -> {
            throw new RequestNotAcceptedException("The " + kind.plainName() + " " + open.id() + " of enrollment "
                    + delinquency.enrollmentId() + " is still waiting for its decision; only one may be open at a time");
        });
        long invoiceId = graceInvoice(memberId, delinquency);
        DelinquencyRequest request = requests.file(kind, memberId, delinquency.enrollmentId(), invoiceId, reason.strip(),
                clock.instant());
        // The running grace is the invoice's of its first month: its process instance listens by that invoice.
        messages.send(new WorkflowMessage(kind.message(), "grace-invoice-" + invoiceId, kind.message() + ":" + request.id(),
                REQUEST_MESSAGE_KEPT, Map.of(kind == RequestKind.APPEAL ? "appealId" : "waiverRequestId", request.id())));
        log.info("{} {} filed for enrollment {} of member {}", kind, request.id(), delinquency.enrollmentId(), memberId);
        return request;
    }

    /**
     * DOMAIN.md section 4: the termination notice names a day by which the member may appeal; the
     * delinquency process, waiting out the reinstatement window, opens the caseworker's task.
     */
    private DelinquencyRequest appealTermination(String memberId, Enrollment enrollment, LocalDate today, String reason) {
        LocalDate appealBy = enrollment.appealBy().orElseThrow();
        if (today.isAfter(appealBy)) {
            throw new RequestNotAcceptedException("The days to appeal the termination of enrollment " + enrollment.id()
                    + " ended on " + appealBy.format(PLAIN_DATE) + ": coverage stays ended");
        }
        requests.open(enrollment.id(), RequestKind.APPEAL).ifPresent(open -> {
            throw new RequestNotAcceptedException("The appeal " + open.id() + " of enrollment " + enrollment.id()
                    + " is still waiting for its decision; only one may be open at a time");
        });
        DelinquencyRequest request = requests.file(RequestKind.APPEAL, memberId, enrollment.id(), terminatedInvoice(memberId, enrollment),
                reason, clock.instant());
        // Its own message, per enrollment: the grace's appeal sub-process, listening by invoice, is not meant.
        messages.send(new WorkflowMessage(TERMINATION_APPEALED, "enrollment-" + enrollment.id(), TERMINATION_APPEALED + ":" + request.id(),
                REQUEST_MESSAGE_KEPT, Map.of("appealId", request.id())));
        log.info("APPEAL {} of the termination of enrollment {} of member {} filed", request.id(), enrollment.id(), memberId);
        return request;
    }

    private Optional<Enrollment> terminatedForNonPayment(String memberId, Long enrollmentId) {
        List<Enrollment> terminated = enrollments.findByMemberMemberIdOrderByCoverageStart(memberId).stream()
                .filter(enrollment -> enrollmentId == null || enrollmentId.equals(enrollment.id()))
                .filter(enrollment -> enrollment.endReason().filter(CoverageEndReason.NON_PAYMENT::equals).isPresent())
                .filter(enrollment -> enrollment.appealBy().isPresent())
                .toList();
        if (terminated.size() > 1) {
            throw new RequestNotAcceptedException("More than one enrollment of member " + memberId
                    + " ended for non-payment; name the one meant in enrollmentId");
        }
        return terminated.stream().findFirst();
    }

    /** The first month the termination cancelled, which the appeal is about; the last billed if none was. */
    private long terminatedInvoice(String memberId, Enrollment enrollment) {
        YearMonth lastCovered = YearMonth.from(enrollment.coverageEnd().orElseThrow());
        List<Invoice> billed = ledger.invoices(memberId).stream().map(status -> status.invoice())
                .filter(invoice -> invoice.enrollmentId() == enrollment.id()).toList();
        return billed.stream().filter(invoice -> invoice.coverageMonth().isAfter(lastCovered)).findFirst()
                .orElse(billed.get(billed.size() - 1)).id();
    }

    /** The member's requests of a kind, the first filed first. */
    @Transactional(readOnly = true)
    public List<DelinquencyRequest> filed(String memberId, RequestKind kind) {
        if (!members.existsById(memberId)) {
            throw new UnknownMemberException(memberId);
        }
        return requests.of(memberId, kind);
    }

    private long graceInvoice(String memberId, Delinquency delinquency) {
        // Not the oldest unpaid month when an older grace concluded with its months owed: its process has ended.
        YearMonth first = delinquency.graceMonth().orElseThrow();
        return ledger.invoices(memberId).stream()
                .map(status -> status.invoice())
                .filter(invoice -> invoice.enrollmentId() == delinquency.enrollmentId() && invoice.coverageMonth().equals(first))
                .findFirst().orElseThrow().id();
    }
}
