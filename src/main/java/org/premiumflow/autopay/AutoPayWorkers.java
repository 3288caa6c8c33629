package org.premiumflow.autopay;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.premiumflow.paymentmethod.PaymentMethodRegistration;
import org.springframework.stereotype.Component;

/**
 * Activates AutoPay once the set-up process has a verified method, or withdraws the request when
 * the method failed; repeated, each answers the same.
 */
@Component
public class AutoPayWorkers {

    private final AutoPayEnrollment enrollment;
    private final PaymentMethodRegistration methods;

    AutoPayWorkers(AutoPayEnrollment enrollment, PaymentMethodRegistration methods) {
        this.enrollment = enrollment;
        this.methods = methods;
    }

    @JobWorker(type = "activate-autopay")
    public Map<String, Object> activate(@Variable String memberId, @Variable Long paymentMethodId) {
        AutoPayActivation activation = enrollment.activate(memberId, paymentMethodId);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("autopayOutcome", activation.outcome().name());
        if (activation.outcome() != AutoPayActivation.Outcome.NOT_REQUESTED) {
            result.put("mandateId", activation.mandateId());
            result.put("firstDraftDate", activation.firstDraftDate().toString());
            result.put("coverageMonth", activation.firstCoverageMonth().toString());
        }
        if (activation.previousPaymentMethodId() != null) {
            result.put("previousMethod", methods.find(memberId, activation.previousPaymentMethodId()).description());
        }
        return result;
    }

    @JobWorker(type = "withdraw-autopay-request")
    public void withdrawRequest(@Variable String memberId, @Variable Long paymentMethodId) {
        enrollment.withdrawRequest(memberId, paymentMethodId);
    }
}
