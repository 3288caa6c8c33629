package org.premiumflow.billing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.math.BigDecimal;
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

    CollectionWorkers(InvoiceCollection collection, Notices notices) {
        this.collection = collection;
        this.notices = notices;
    }

    @JobWorker(type = "check-invoice")
    public Map<String, Object> check(@Variable Long invoiceId) {
        InvoiceStatus invoice = collection.status(invoiceId);
        return Map.of("paidInFull", invoice.paidInFull(), "dueAmount", invoice.open().max(BigDecimal.ZERO).toPlainString());
    }

    @JobWorker(type = "draft-autopay")
    public Map<String, Object> draft(@Variable Long invoiceId) {
        InvoiceCollection.DraftResult result = collection.draft(invoiceId, 1);
        return Map.of("draftOutcome", result.outcome(), "paymentKey", result.paymentKey(), "draftReason", result.reason());
    }

    /**
     * Tells the member what was paid, once per invoice, and answers until when a bank debit may
     * still come back, which the process watches.
     */
    @JobWorker(type = "send-receipt")
    public Map<String, Object> receipt(@Variable Long invoiceId, @Variable String memberId, @Variable String coverageMonth) {
        InvoiceCollection.Receipt receipt = collection.receipt(invoiceId);
        notices.send(new NoticeRequest(memberId, NoticeTemplate.PAYMENT_RECEIPT, "invoice-" + invoiceId + "-paid",
                Map.of("coverageMonth", coverageMonth, "paidAmount", receipt.paidAmount().toPlainString(),
                        "paidDate", receipt.paidDate().toString(), "method", receipt.method())));
        return Map.of("returnWindowEndsAt", receipt.returnWindowEndsAt().toString());
    }
}
