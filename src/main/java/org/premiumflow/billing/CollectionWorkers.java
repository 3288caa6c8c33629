package org.premiumflow.billing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The premium collection process's tasks, each one call of {@link InvoiceCollection}; a repeated job answers the same. */
@Component
public class CollectionWorkers {

    private final InvoiceCollection collection;

    CollectionWorkers(InvoiceCollection collection) {
        this.collection = collection;
    }

    @JobWorker(type = "look-up-invoice")
    public Map<String, Object> lookUp(@Variable Long invoiceId) {
        InvoiceCollection.Plan plan = collection.plan(invoiceId);
        Invoice invoice = plan.invoice().invoice();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("memberId", invoice.memberId());
        variables.put("coverageMonth", invoice.coverageMonth().toString());
        variables.put("dueAmount", plan.invoice().open().max(BigDecimal.ZERO).toPlainString());
        variables.put("dueDate", invoice.dueDate().toString());
        variables.put("paidInFull", plan.invoice().paidInFull());
        variables.put("reminderAt", plan.reminderAt().toString());
        variables.put("dueAt", plan.dueAt().toString());
        plan.draft().ifPresent(draft -> {
            variables.put("autopayDraftDate", draft.date().toString());
            variables.put("autopayMethod", draft.method());
            variables.put("draftAt", draft.at().toString());
        });
        return variables;
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

    @JobWorker(type = "prepare-receipt")
    public Map<String, Object> receipt(@Variable Long invoiceId) {
        InvoiceCollection.Receipt receipt = collection.receipt(invoiceId);
        return Map.of("paidAmount", receipt.paidAmount().toPlainString(), "paidDate", receipt.paidDate().toString(),
                "method", receipt.method(), "returnWindowEndsAt", receipt.returnWindowEndsAt().toString());
    }
}
