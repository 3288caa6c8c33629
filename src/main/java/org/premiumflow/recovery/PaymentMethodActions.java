package org.premiumflow.recovery;

import org.premiumflow.autopay.AutoPayEnrollment;
import org.premiumflow.autopay.MandateStatus;
import org.premiumflow.paymentmethod.PaymentMethodRegistration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out on a member's payment method and AutoPay what the retry policy decided after a
 * failed payment. Each action may be applied again with no further effect, as a retried job does.
 */
@Service
public class PaymentMethodActions {

    private final AutoPayEnrollment autopay;
    private final PaymentMethodRegistration methods;

    PaymentMethodActions(AutoPayEnrollment autopay, PaymentMethodRegistration methods) {
        this.autopay = autopay;
        this.methods = methods;
    }

    /** @param failureCode the return or decline code of the failed payment, kept in the audit trail */
    @Transactional
    public void apply(String memberId, long paymentMethodId, MethodAction action, String failureCode) {
        String reason = "a payment came back with code " + failureCode;
        // AutoPay first: it locks the member before the method, the order an AutoPay draft takes them in.
        switch (action) {
            case KEEP -> {
            }
            case SUSPEND_AUTOPAY -> autopay.stopDraftingFrom(memberId, paymentMethodId, MandateStatus.SUSPENDED, reason);
            case INVALIDATE_METHOD -> {
                autopay.stopDraftingFrom(memberId, paymentMethodId, MandateStatus.SUSPENDED, reason);
                methods.invalidate(memberId, paymentMethodId, reason);
            }
            case REVOKE_MANDATE -> autopay.stopDraftingFrom(memberId, paymentMethodId, MandateStatus.REVOKED, reason);
        }
    }
}
