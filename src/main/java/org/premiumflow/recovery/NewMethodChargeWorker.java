package org.premiumflow.recovery;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.HashMap;
import java.util.Map;
import org.premiumflow.notification.NoticeRequest;
import org.premiumflow.notification.NoticeTemplate;
import org.premiumflow.notification.Notices;
import org.springframework.stereotype.Component;

/**
 * The delinquency process's task run when a member in grace sets AutoPay up on a new method:
 * charges the past-due premiums from it at once. A decline is told to the member, and the grace
 * goes on. The notice goes after the charge's transaction committed, never holding the ledger lock
 * while the mail server answers; its reference, per charge key, sends it once if the job runs again.
 */
@Component
public class NewMethodChargeWorker {

    private final NewMethodCharge charge;
    private final Notices notices;

    NewMethodChargeWorker(NewMethodCharge charge, Notices notices) {
        this.charge = charge;
        this.notices = notices;
    }

    @JobWorker(type = "charge-past-due-from-new-method")
    public Map<String, Object> charge(@Variable String memberId, @Variable Long enrollmentId, @Variable Long invoiceId) {
        NewMethodCharge.Result result = charge.charge(memberId, enrollmentId, invoiceId);
        if (result.outcome() == NewMethodCharge.Outcome.DECLINED) {
            notices.send(new NoticeRequest(memberId, NoticeTemplate.PAYMENT_FAILED, result.paymentKey() + "-declined", Map.of(
                    "coverageMonth", result.firstUnpaidMonth(), "dueAmount", result.amount().toPlainString(),
                    "method", result.method(), "failureCode", result.failureCode())));
        }
        // For whoever looks at the instance: what the latest new method's charge did.
        Map<String, Object> variables = new HashMap<>();
        variables.put("newMethodChargeOutcome", result.outcome().name());
        return variables;
    }
}
