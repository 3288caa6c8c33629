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

    private final MandateActivation activation;
    private final PaymentMethodRegistration methods;

    AutoPayWorkers(MandateActivation activation, PaymentMethodRegistration methods) {
        this.activation = activation;
        this.methods = methods;
    }

    @JobWorker(type = "activate-autopay")
    public Map<String, Object> activate(@Variable String memberId, @Variable Long paymentMethodId) {
        AutoPayActivation activated = activation.activate(memberId, paymentMethodId);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("autopayOutcome", activated.outcome().name());
        if (activated.outcome() != AutoPayActivation.Outcome.NOT_REQUESTED) {
            result.put("mandateId", activated.mandateId());
            result.put("firstDraftDate", activated.firstDraftDate().toString());
            result.put("coverageMonth", activated.firstCoverageMonth().toString());
        }
        if (activated.previousPaymentMethodId() != null) {
            result.put("previousMethod", methods.find(memberId, activated.previousPaymentMethodId()).description());
        }
        return result;
    }

    @JobWorker(type = "withdraw-autopay-request")
    public void withdrawRequest(@Variable String memberId, @Variable Long paymentMethodId) {
        activation.withdrawRequest(memberId, paymentMethodId);
    }
}
