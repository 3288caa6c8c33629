package org.premiumflow.recovery;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.premiumflow.billing.Invoice;
import org.premiumflow.billing.InvoiceCancellations;
import org.premiumflow.calendar.ExchangeClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A grace that ends with coverage kept by an approved hardship waiver writes off the enrollment's
 * months past due at that moment (DOMAIN.md section 1: a ConnectorCare hardship waives the
 * premium). All of them, not only the grace's own month: later months unpaid meanwhile ended in this
 * grace, so left owed they would never run a grace of their own, and the oldest one, left owed,
 * would keep every later month in "the grace of an older month" for good. Months due later stay
 * owed and, unpaid, start a grace of their own. The write-off is a waiver on the ledger
 * ({@link InvoiceCancellations#waivePastDue}); run again the same day it waives nothing more.
 */
@Component
public class HardshipWaiverWriteOff {

    private static final Logger log = LoggerFactory.getLogger(HardshipWaiverWriteOff.class);
    private static final DateTimeFormatter PLAIN_DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

    private final DelinquencyRequests requests;
    private final InvoiceCancellations cancellations;
    private final Clock clock;

    HardshipWaiverWriteOff(DelinquencyRequests requests, InvoiceCancellations cancellations, Clock clock) {
        this.requests = requests;
        this.cancellations = cancellations;
        this.clock = clock;
    }

    @JobWorker(type = "waive-months-past-due")
    public void waive(@Variable String memberId, @Variable Long enrollmentId, @Variable Long invoiceId) {
        // The termination decision read the same requests: the first approved waiver of this grace is the one that kept coverage.
        DelinquencyRequest waiver = requests.forEnrollment(enrollmentId).stream()
                .filter(request -> request.invoiceId() == invoiceId && request.kind() == RequestKind.HARDSHIP_WAIVER && request.granted())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No approved hardship waiver for the grace of invoice " + invoiceId
                        + " of enrollment " + enrollmentId));
        LocalDate approved = LocalDate.ofInstant(waiver.decidedAt().orElseThrow(), ExchangeClock.EXCHANGE_ZONE);
        String reason = "premium waived for hardship (request " + waiver.id() + ", approved " + approved.format(PLAIN_DATE) + ")";
        List<Invoice> waived = cancellations.waivePastDue(memberId, enrollmentId, LocalDate.now(clock), reason);
        log.info("Hardship waiver {} of enrollment {}: months past due waived now: {}", waiver.id(), enrollmentId,
                waived.stream().map(Invoice::coverageMonth).toList());
    }
}
