package org.premiumflow.billing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.premiumflow.notification.NoticeRequest;
import org.premiumflow.notification.NoticeTemplate;
import org.premiumflow.notification.Notices;
import org.springframework.stereotype.Component;

/**
 * The premium collection process's tasks, each one call of {@link InvoiceCollection}; a repeated
 * job answers the same. The process starts with the collection's plan (see {@link Invoicing}).
 */
@Component
public class CollectionWorkers {

    private final InvoiceCollection collection;
    private final Notices notices;
    private final Clock clock;

    CollectionWorkers(InvoiceCollection collection, Notices notices, Clock clock) {
        this.collection = collection;
        this.notices = notices;
        this.clock = clock;
    }

    @JobWorker(type = "check-invoice")
    public Map<String, Object> check(@Variable Long invoiceId) {
        InvoiceStatus invoice = collection.status(invoiceId);
        return Map.of("paidInFull", invoice.paidInFull(), "cancelled", invoice.cancelled(),
                "dueAmount", invoice.open().max(BigDecimal.ZERO).toPlainString());
    }

    /**
     * The first attempt. Besides the outcome it answers what payment recovery needs if the draft
     * fails: the method drafted, the decline code and the day of the first attempt, from which the
     * retry policy counts its days.
     */
    @JobWorker(type = "draft-autopay")
    public Map<String, Object> draft(@Variable Long invoiceId) {
        InvoiceCollection.DraftResult result = collection.draft(invoiceId, 1);
        Map<String, Object> variables = new HashMap<>(draftVariables(result));
        variables.put("firstAttemptDate", LocalDate.now(clock).toString());
        return variables;
    }

    /** A draft's outcome as process variables; the method and the code only where there are some. */
    public static Map<String, Object> draftVariables(InvoiceCollection.DraftResult result) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("draftOutcome", result.outcome());
        variables.put("paymentKey", result.paymentKey());
        variables.put("draftReason", result.reason());
        if (result.paymentMethodId() != null) {
            variables.put("paymentMethodId", result.paymentMethodId());
        }
        if (result.failureCode() != null) {
            variables.put("failureCode", result.failureCode());
        }
        return variables;
    }

    /**
     * Tells the member what was paid, once per invoice and attempt, and answers until when a bank
     * debit may still come back, which the process watches. Recovery's attempts after the first
     * get receipts of their own: a debit that came back after its receipt and was then paid by a
     * retry or a corrected debit is paid again, and the member is told so.
     *
     * @param attempt recovery's attempt that paid; none in the collection, whose draft is the first
     */
    @JobWorker(type = "send-receipt")
    public Map<String, Object> receipt(@Variable Long invoiceId, @Variable String memberId, @Variable String coverageMonth,
                                       @Variable Integer attempt) {
        InvoiceCollection.Receipt receipt = collection.receipt(invoiceId);
        String reference = "invoice-" + invoiceId + "-paid" + (attempt == null || attempt == 1 ? "" : "-attempt-" + attempt);
        notices.send(new NoticeRequest(memberId, NoticeTemplate.PAYMENT_RECEIPT, reference,
                Map.of("coverageMonth", coverageMonth, "paidAmount", receipt.paidAmount().toPlainString(),
                        "paidDate", receipt.paidDate().toString(), "method", receipt.method())));
        return Map.of("returnWindowEndsAt", receipt.returnWindowEndsAt().toString());
    }
}
