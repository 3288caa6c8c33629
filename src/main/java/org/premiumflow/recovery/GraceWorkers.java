package org.premiumflow.recovery;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.premiumflow.billing.Invoice;
import org.premiumflow.billing.InvoiceCancellations;
import org.premiumflow.billing.Ledger;
import org.premiumflow.billing.Payment;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Enrollments;
import org.premiumflow.notification.NoticeDelivery;
import org.premiumflow.notification.NoticeRequest;
import org.premiumflow.notification.NoticeTemplate;
import org.premiumflow.notification.Notices;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delinquency process's tasks: the grace period after a premium was not paid, its warnings
 * and its end. Each may run again with the same effect: the look-ups only read, each warning is
 * one notice by its reference, and ending coverage again sets the same day.
 */
@Component
public class GraceWorkers {

    private static final DateTimeFormatter PLAIN_DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);
    private static final DateTimeFormatter PLAIN_MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.US);

    private final Ledger ledger;
    private final InvoiceCancellations cancellations;
    private final Enrollments enrollments;
    private final Delinquencies delinquencies;
    private final DelinquencyRequests requests;
    private final Notices notices;
    private final GraceProperties properties;
    private final Clock clock;

    GraceWorkers(Ledger ledger, InvoiceCancellations cancellations, Enrollments enrollments, Delinquencies delinquencies,
                 DelinquencyRequests requests, Notices notices, GraceProperties properties, Clock clock) {
        this.ledger = ledger;
        this.cancellations = cancellations;
        this.enrollments = enrollments;
        this.delinquencies = delinquencies;
        this.requests = requests;
        this.notices = notices;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What decision {@code grace-period} needs. Only the invoice of the oldest unpaid month starts a
     * grace period: later months unpaid meanwhile belong to that grace, whose warnings list them,
     * so a member gets one set of warnings however many invoices go unpaid. Months of a grace that
     * concluded with them still owed (an appeal upheld) had their grace: the oldest unpaid month
     * after them starts the next one.
     */
    @JobWorker(type = "look-up-delinquency")
    @Transactional(readOnly = true)
    public Map<String, Object> lookUp(@Variable Long invoiceId) {
        Invoice invoice = ledger.invoice(invoiceId).orElseThrow(() -> new IllegalArgumentException("invoiceId: no invoice " + invoiceId));
        Enrollment enrollment = enrollment(invoice.enrollmentId());
        Delinquency delinquency = delinquencies.on(enrollment.id(), today());
        Map<String, Object> variables = new HashMap<>();
        variables.put("enrollmentId", enrollment.id());
        variables.put("program", enrollment.program().name());
        variables.put("paidFullMonthThisBenefitYear", delinquencies.paidFullMonthIn(enrollment, invoice.coverageMonth().getYear()));
        variables.put("paymentKind", delinquencies.neverPaid(enrollment) ? "BINDER" : "RECURRING");
        variables.put("startsGrace", delinquency.graceMonth().filter(invoice.coverageMonth()::equals).isPresent()
                && enrollment.coverageEnd().isEmpty());
        variables.put("firstUnpaidMonth", invoice.coverageMonth().toString());
        return variables;
    }

    /**
     * Fixes the grace's dates from the decision: it ends with its last month, which is the pay-by
     * date of every warning; each warning goes early in its own month. The termination date counts
     * from this grace's own first month, also when older months of a concluded grace are still
     * owed: an appeal upheld kept coverage for them, and a later termination does not undo that.
     */
    @JobWorker(type = "plan-grace-period")
    @Transactional(readOnly = true)
    public Map<String, Object> plan(@Variable Long enrollmentId, @Variable String firstUnpaidMonth,
                                    @Variable Map<String, Object> graceDecision) {
        Enrollment enrollment = enrollment(enrollmentId);
        YearMonth first = YearMonth.parse(firstUnpaidMonth);
        int graceMonths = ((Number) graceDecision.get("graceMonths")).intValue();
        LocalDate payBy = first.plusMonths(graceMonths - 1L).atEndOfMonth();
        LocalDate lastDayCovered = TerminationEffective.valueOf((String) graceDecision.get("terminationEffective"))
                .lastDayCovered(enrollment.coverageStart(), first);
        Map<String, Object> variables = new HashMap<>();
        variables.put("payByDate", payBy.toString());
        // No grace (an unpaid binder): nothing to wait for, the decision on termination is due now.
        Instant graceEndsAt = graceMonths <= 0 ? clock.instant()
                : latest(payBy.plusDays(1).atStartOfDay(ExchangeClock.EXCHANGE_ZONE).toInstant());
        variables.put("graceEndsAt", graceEndsAt.toString());
        variables.put("terminationDate", lastDayCovered.toString());
        variables.put("warningsSent", 0);
        variables.put("nextWarningAt", warningAt(first, 0, graceMonths).toString());
        return variables;
    }

    /**
     * Sends the grace's next warning, listing the months unpaid on the day it goes (a part payment
     * meanwhile shows), plus the next month, which the member must pay besides to stay covered.
     */
    @JobWorker(type = "send-grace-warning")
    public Map<String, Object> warn(@Variable String memberId, @Variable Long enrollmentId, @Variable Long invoiceId,
                                    @Variable String firstUnpaidMonth, @Variable Map<String, Object> graceDecision,
                                    @Variable Integer warningsSent, @Variable String payByDate, @Variable String terminationDate) {
        List<?> warnings = (List<?>) graceDecision.get("notices");
        NoticeTemplate template = NoticeTemplate.named((String) warnings.get(warningsSent));
        Delinquency delinquency = delinquencies.on(enrollmentId, today());
        Map<String, Object> model = new HashMap<>();
        model.put("unpaidMonths", delinquency.unpaidMonths().stream()
                .map(month -> Map.of("month", month.month().toString(), "amount", month.amount().toPlainString())).toList());
        model.put("totalDueAmount", delinquency.totalDue().toPlainString());
        model.put("payByDate", payByDate);
        model.put("terminationDate", terminationDate);
        delinquency.nextMonth().ifPresent(next -> {
            model.put("nextMonth", next.month().toString());
            model.put("nextMonthAmount", next.amount().toPlainString());
        });
        NoticeDelivery delivery = notices.send(new NoticeRequest(memberId, template,
                "grace-invoice-" + invoiceId + "-warning-" + (warningsSent + 1), model));
        int sent = warningsSent + 1;
        Map<String, Object> variables = new HashMap<>();
        variables.put("noticeStatus", delivery.status().name());
        variables.put("warningsSent", sent);
        variables.put("nextWarningAt", sent < warnings.size()
                ? warningAt(YearMonth.parse(firstUnpaidMonth), sent, ((Number) graceDecision.get("graceMonths")).intValue()).toString()
                : null);
        return variables;
    }

    /**
     * What decision {@code termination} needs at the end of grace, and again once an appeal that
     * held it is decided: the amount still past due, and the enrollment's hardship waiver requests
     * and appeals as stored. A waiver approved, or an appeal upheld, at any time during this
     * delinquency counts; {@code pendingAppealId} is the appeal a held termination waits for.
     */
    @JobWorker(type = "look-up-amount-owed")
    public Map<String, Object> owed(@Variable String memberId, @Variable Long enrollmentId, @Variable Long invoiceId) {
        Delinquency delinquency = delinquencies.on(enrollmentId, today());
        List<DelinquencyRequest> standing = requests.forEnrollment(enrollmentId).stream()
                .filter(request -> request.invoiceId() == invoiceId).toList();
        Map<String, Object> variables = new HashMap<>(lastPayment(memberId));
        variables.put("graceExpired", true);
        variables.put("amountOutstanding", delinquency.totalDue());
        variables.put("paidInFullThreshold", properties.paidInFullThreshold());
        variables.put("appealPending", standing.stream().anyMatch(request -> request.kind() == RequestKind.APPEAL && request.pending()));
        variables.put("appealUpheld", standing.stream().anyMatch(request -> request.kind() == RequestKind.APPEAL && request.granted()));
        variables.put("hardshipWaiver", standing.stream()
                .anyMatch(request -> request.kind() == RequestKind.HARDSHIP_WAIVER && request.granted()));
        variables.put("pendingAppealId", standing.stream().filter(request -> request.kind() == RequestKind.APPEAL && request.pending())
                .map(DelinquencyRequest::id).findFirst().orElse(null));
        return variables;
    }

    /**
     * Ends the enrollment's coverage on the day the rule gives, usually in the past, cancels the
     * months billed after it, and says what the termination notice needs: the day, the reason in
     * plain words, and the days by which the member may ask to be reinstated or appeal, counted
     * from the notice. Run again, it keeps the reinstate-by and appeal-by days it set first.
     */
    @JobWorker(type = "end-coverage-for-non-payment")
    @Transactional
    public Map<String, Object> endCoverage(@Variable Long enrollmentId, @Variable String terminationDate,
                                           @Variable String firstUnpaidMonth, @Variable String payByDate,
                                           @Variable Map<String, Object> graceDecision) {
        Enrollment enrollment = enrollment(enrollmentId);
        LocalDate lastDay = LocalDate.parse(terminationDate);
        LocalDate today = today();
        LocalDate reinstateBy = enrollment.reinstateBy().orElse(today.plusDays(properties.reinstateDays()));
        LocalDate appealBy = enrollment.appealBy().orElse(today.plusDays(properties.appealDays()));
        enrollment.endForNonPayment(lastDay, reinstateBy, appealBy);
        enrollments.save(enrollment);
        cancellations.cancelUncovered(enrollment.member().memberId(), enrollment.id(), enrollment.coverageStart(), lastDay,
                "coverage ended on " + lastDay.format(PLAIN_DATE) + " for non-payment");
        String month = YearMonth.parse(firstUnpaidMonth).format(PLAIN_MONTH);
        String reason = ((Number) graceDecision.get("graceMonths")).intValue() <= 0
                ? "your first premium, for " + month + ", was not paid, so your coverage did not begin"
                : "your premium for " + month + " was not paid in full by the end of your grace period on "
                        + LocalDate.parse(payByDate).format(PLAIN_DATE);
        return Map.of("coverageEndDate", lastDay.toString(), "reason", reason,
                "reinstateByDate", reinstateBy.toString(),
                // The window closes as the reinstate-by day ends at the exchange.
                "reinstateWindowEndsAt", reinstateBy.plusDays(1).atStartOfDay(ExchangeClock.EXCHANGE_ZONE).toInstant().toString(),
                "appealByDate", appealBy.toString());
    }

    /**
     * A one-month grace would be half over before the next month began, so its one warning goes at
     * once; the warnings of a longer grace go early in their own months, or at once if that is past.
     */
    private Instant warningAt(YearMonth firstUnpaidMonth, int warning, int graceMonths) {
        if (graceMonths <= 1) {
            return clock.instant();
        }
        return latest(firstUnpaidMonth.plusMonths(warning).atDay(properties.warningDayOfMonth()).atTime(properties.warningTime())
                .atZone(ExchangeClock.EXCHANGE_ZONE).toInstant());
    }

    private Instant latest(Instant planned) {
        Instant now = clock.instant();
        return planned.isBefore(now) ? now : planned;
    }

    private Map<String, Object> lastPayment(String memberId) {
        List<Payment> payments = ledger.payments(memberId).stream().filter(payment -> payment.status() != Payment.Status.RETURNED).toList();
        if (payments.isEmpty()) {
            return Map.of("paidAmount", BigDecimal.ZERO.setScale(2).toPlainString(), "paidDate", today().toString());
        }
        Payment last = payments.get(payments.size() - 1);
        return Map.of("paidAmount", last.amount().toPlainString(),
                "paidDate", LocalDate.ofInstant(last.receivedAt(), ExchangeClock.EXCHANGE_ZONE).toString());
    }

    private Enrollment enrollment(long enrollmentId) {
        return enrollments.findById(enrollmentId).orElseThrow(() -> new IllegalArgumentException("enrollmentId: no enrollment " + enrollmentId));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
