package org.premiumflow.paymentmethod;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.UserTask;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The payment set-up process's verification tasks, each a thin adapter from job variables to one
 * call of {@link PaymentMethodVerification} or {@link PaymentMethodRegistration}. A job delivered
 * twice gets the same answer and changes nothing the second time.
 */
@Component
public class VerificationWorkers {

    private final PaymentMethodRegistration registration;
    private final PaymentMethodVerification verification;
    private final CamundaClient client;

    VerificationWorkers(PaymentMethodRegistration registration, PaymentMethodVerification verification, CamundaClient client) {
        this.registration = registration;
        this.verification = verification;
        this.client = client;
    }

    @JobWorker(type = "register-payment-method")
    public Map<String, Object> lookUp(@Variable String memberId, @Variable Long paymentMethodId) {
        PaymentMethod method = registration.find(memberId, paymentMethodId);
        return Map.of("methodKind", method.kind().name(), "method", method.description(), "methodStatus", method.status().name(),
                "rejectionReason", verification.whyNotUsable(method));
    }

    @JobWorker(type = "send-micro-deposits")
    public Map<String, Object> sendMicroDeposits(@Variable Long paymentMethodId) {
        PaymentMethodVerification.MicroDepositsSent result = verification.sendMicroDeposits(paymentMethodId);
        if (!result.sent()) {
            return Map.of("microDeposits", "REJECTED", "rejectionReason", result.rejectionReason());
        }
        return Map.of("microDeposits", "SENT",
                "reminderAt", result.remindAt().toString(),
                "expiresAt", result.expiresAt().toString(),
                "confirmByDate", result.confirmBy().toString());
    }

    @JobWorker(type = "verify-card")
    public Map<String, Object> authorizeCard(@Variable Long paymentMethodId) {
        PaymentMethodVerification.Verdict verdict = verification.authorizeCard(paymentMethodId);
        return Map.of("verificationOutcome", verdict.outcome(), "rejectionReason", verdict.reason());
    }

    @JobWorker(type = "expire-micro-deposits")
    public Map<String, Object> expireMicroDeposits(@Variable Long paymentMethodId) {
        PaymentMethodVerification.Verdict verdict = verification.expireMicroDeposits(paymentMethodId);
        return Map.of("verificationOutcome", verdict.outcome(), "verificationFailure", verdict.reason());
    }

    @JobWorker(type = "record-verification-review")
    public Map<String, Object> recordReview(ActivatedJob job, @Variable Long paymentMethodId, @Variable String reviewDecision,
                                            @Variable String reviewNote) {
        if (!"APPROVE".equals(reviewDecision) && !"REJECT".equals(reviewDecision)) {
            throw new IllegalArgumentException("reviewDecision must be APPROVE or REJECT, but was " + reviewDecision);
        }
        PaymentMethodVerification.Verdict verdict = verification.recordReview(paymentMethodId, "APPROVE".equals(reviewDecision),
                reviewer(job), reviewNote == null ? "" : reviewNote);
        return Map.of("verificationOutcome", verdict.outcome(), "rejectionReason", verdict.reason());
    }

    /**
     * Who completed the review task, for the audit trail: the task's assignee. A cluster's search
     * may not show the completed task yet; the job then fails and is tried again.
     */
    private String reviewer(ActivatedJob job) {
        UserTask review = client.newUserTaskSearchRequest()
                .filter(filter -> filter.processInstanceKey(job.getProcessInstanceKey()).elementId("review-verification"))
                .send().join().items().stream()
                .reduce((first, later) -> later)
                .orElseThrow(() -> new IllegalStateException("The review task of process instance "
                        + job.getProcessInstanceKey() + " is not searchable yet"));
        String assignee = review.getAssignee();
        return assignee == null || assignee.isBlank() ? "(unassigned)" : assignee;
    }
}
