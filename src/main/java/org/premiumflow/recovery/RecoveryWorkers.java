package org.premiumflow.recovery;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.premiumflow.billing.CollectionProperties;
import org.premiumflow.billing.CollectionWorkers;
import org.premiumflow.billing.InvoiceCollection;
import org.premiumflow.billing.InvoiceStatus;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.paymentmethod.PaymentMethod;
import org.premiumflow.paymentmethod.PaymentMethodRegistration;
import org.springframework.stereotype.Component;

/**
 * The payment recovery process's tasks. Each may run again after a crash or a timeout with the
 * same effect: the look-up only reads, the method actions are idempotent, and a retried draft
 * carries the idempotency key of its attempt, so the member is charged once per attempt.
 */
@Component
public class RecoveryWorkers {

    private final InvoiceCollection collection;
    private final PaymentMethodRegistration methods;
    private final PaymentMethodActions actions;
    private final UnauthorizedReturnReview review;
    private final CollectionProperties properties;
    private final Clock clock;

    RecoveryWorkers(InvoiceCollection collection, PaymentMethodRegistration methods, PaymentMethodActions actions,
                    UnauthorizedReturnReview review, CollectionProperties properties, Clock clock) {
        this.collection = collection;
        this.methods = methods;
        this.actions = actions;
        this.review = review;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What the retry policy and the member's notice need to know about the failed payment, read
     * afresh before each decision: the days since the first attempt count on the business clock,
     * and the amount still open may have changed by a part payment meanwhile. {@code failedOn}, the
     * day the failure came, starts the days a corrected entry may still go after an R11 return.
     */
    @JobWorker(type = "look-up-failed-payment")
    public Map<String, Object> lookUp(@Variable Long invoiceId, @Variable String memberId, @Variable Long paymentMethodId,
                                      @Variable String firstAttemptDate) {
        PaymentMethod method = methods.find(memberId, paymentMethodId);
        InvoiceStatus invoice = collection.status(invoiceId);
        LocalDate today = LocalDate.now(clock);
        long days = ChronoUnit.DAYS.between(LocalDate.parse(firstAttemptDate), today);
        return Map.of("paymentMethodKind", method.kind().name(), "method", method.description(),
                "daysSinceFirstAttempt", days, "dueAmount", invoice.open().max(BigDecimal.ZERO).toPlainString(),
                "failedOn", today.toString());
    }

    /**
     * Does to the payment method what the decision says and, for a retry, fixes when it goes: the
     * wait's last day at the time AutoPay drafts, so the member's notice can name that day.
     */
    @JobWorker(type = "apply-retry-decision")
    public Map<String, Object> apply(@Variable String memberId, @Variable Long paymentMethodId, @Variable String failureCode,
                                     @Variable Map<String, Object> retryDecision) {
        actions.apply(memberId, paymentMethodId, MethodAction.valueOf((String) retryDecision.get("methodAction")), failureCode);
        Map<String, Object> variables = new HashMap<>();
        if (Boolean.TRUE.equals(retryDecision.get("retry"))) {
            Instant retryAt = retryAt((String) retryDecision.get("retryAfter"));
            variables.put("retryAt", retryAt.toString());
            variables.put("retryDate", LocalDate.ofInstant(retryAt, ExchangeClock.EXCHANGE_ZONE).toString());
        }
        return variables;
    }

    private Instant retryAt(String retryAfter) {
        try {
            LocalDate day = LocalDate.now(clock).plus(Period.parse(retryAfter));
            return day.atTime(properties.draftTime()).atZone(ExchangeClock.EXCHANGE_ZONE).toInstant();
        } catch (DateTimeParseException notInDays) {
            // A wait in hours (issuer unavailable and the like) goes when it is over, whatever the time of day.
            return clock.instant().plus(Duration.parse(retryAfter));
        }
    }

    /**
     * Acts on the caseworker's review of an unauthorized return: {@code reviewAction}
     * {@code CORRECTED_ENTRY} (AutoPay restored, the corrected debit is the next attempt) or
     * {@code AUTOPAY_STOPPED} (the member is asked to set up payment again).
     */
    @JobWorker(type = "act-on-return-review")
    public Map<String, Object> actOnReview(@Variable String memberId, @Variable Long paymentMethodId, @Variable String failureCode,
                                           @Variable String failedOn, @Variable String authorizationOnFile,
                                           @Variable Boolean correctedEntry) {
        UnauthorizedReturnReview.Action action = review.act(memberId, paymentMethodId, failureCode, authorizationOnFile,
                Boolean.TRUE.equals(correctedEntry), LocalDate.parse(failedOn));
        return Map.of("reviewAction", action.name());
    }

    /**
     * Drafts the invoice again as the next attempt, from the method AutoPay drafts from now: at the
     * retry date, at once when the member set up a new method, or as the corrected entry after a
     * review. {@code paymentKey} is the payment that failed last: a debit returned for insufficient
     * or uncollected funds is re-presented at its own amount or not at all ({@code PART_PAID}).
     * The attempt number is part of the draft's idempotency key, so a repeated job finds the
     * payment it made and charges nothing more, and a charge whose answer never came is reconciled
     * with the processor under that key, never made again blind.
     */
    @JobWorker(type = "retry-draft")
    public Map<String, Object> retry(@Variable Long invoiceId, @Variable Integer attempt, @Variable String paymentKey) {
        int next = attempt + 1;
        Map<String, Object> variables = new HashMap<>(CollectionWorkers.draftVariables(collection.retry(invoiceId, next, paymentKey)));
        variables.put("attempt", next);
        return variables;
    }
}
