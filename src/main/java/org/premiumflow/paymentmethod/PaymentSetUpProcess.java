package org.premiumflow.paymentmethod;

import java.time.Duration;
import java.util.Map;
import org.premiumflow.workflow.WorkflowMessage;
import org.premiumflow.workflow.WorkflowMessages;
import org.springframework.stereotype.Component;

/**
 * Starts and informs the payment set-up process ({@code bpmn/enrollment-autopay.bpmn}), which
 * verifies a payment method and then activates AutoPay on it. One instance runs per member at a
 * time; its messages correlate by member id.
 */
@Component
public class PaymentSetUpProcess {

    static final String REQUESTED = "payment-set-up-requested";
    static final String AMOUNTS_CONFIRMED = "micro-deposits-confirmed";

    /** Long enough to wait for the member's running set-up to end before this one starts. */
    private static final Duration START_BUFFERED_FOR = Duration.ofDays(1);

    private final WorkflowMessages messages;

    PaymentSetUpProcess(WorkflowMessages messages) {
        this.messages = messages;
    }

    /** Starts the set-up of a method; {@code reason} makes the message unique (the method, or an AutoPay request). */
    public void start(PaymentMethod method, String reason) {
        messages.send(new WorkflowMessage(REQUESTED, method.memberId(), "payment-set-up:" + reason, START_BUFFERED_FOR,
                Map.of("memberId", method.memberId(), "paymentMethodId", method.id())));
    }

    /** Tells the waiting process how the member's confirmation of the micro-deposits ended. */
    void microDepositsConcluded(MicroDepositVerification verification, String memberId, Duration stillValidFor) {
        messages.send(new WorkflowMessage(AMOUNTS_CONFIRMED, memberId,
                "micro-deposits-concluded:method-" + verification.paymentMethodId(), stillValidFor,
                Map.of("verificationOutcome", verification.outcome().name(),
                        "verificationFailure", verification.failureReason())));
    }
}
