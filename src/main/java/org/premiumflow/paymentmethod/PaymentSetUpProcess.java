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
class PaymentSetUpProcess {

    static final String REQUESTED = "payment-set-up-requested";
    static final String AMOUNTS_CONFIRMED = "micro-deposits-confirmed";

    /**
     * How long a start waits while the member's previous set-up finishes (its last notices, or an
     * incident an operator resolves): one method is verified at a time, so that is short, but a
     * start must never be lost to it.
     */
    private static final Duration START_BUFFERED_FOR = Duration.ofDays(30);

    private final WorkflowMessages messages;

    PaymentSetUpProcess(WorkflowMessages messages) {
        this.messages = messages;
    }

    /** Starts the set-up of a newly added method. */
    void start(PaymentMethod method) {
        messages.send(new WorkflowMessage(REQUESTED, method.memberId(), "payment-set-up:method-" + method.id(), START_BUFFERED_FOR,
                Map.of("memberId", method.memberId(), "paymentMethodId", method.id())));
    }

    /** Tells the waiting process how the member's confirmation of the micro-deposits ended. */
    void microDepositsConcluded(MicroDepositVerification verification, String memberId, Duration stillValidFor) {
        messages.send(new WorkflowMessage(AMOUNTS_CONFIRMED, memberId,
                "micro-deposits-concluded:method-" + verification.paymentMethodId(), stillValidFor,
                // Named apart from paymentMethodId: a late message about another method must not rename this instance's method.
                Map.of("confirmedMethodId", verification.paymentMethodId(),
                        "verificationOutcome", verification.outcome().name(),
                        "verificationFailure", verification.failureReason())));
    }
}
