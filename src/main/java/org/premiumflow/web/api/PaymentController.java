package org.premiumflow.web.api;

import java.math.BigDecimal;
import java.util.Map;
import org.premiumflow.billing.OneTimePayments;
import org.premiumflow.billing.Payment;
import org.premiumflow.paymentmethod.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A one-time payment from one of the member's verified methods, applied to the oldest unpaid month first. */
@RestController
class PaymentController {

    private final OneTimePayments payments;

    PaymentController(OneTimePayments payments) {
        this.payments = payments;
    }

    record PaymentRequest(Long paymentMethodId, String amount) {
    }

    @PostMapping("/api/members/{memberId}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> pay(@PathVariable String memberId, @RequestHeader(name = "Idempotency-Key", required = false) String requestKey,
                            @RequestBody PaymentRequest request) {
        FieldChecks checks = new FieldChecks();
        checks.require(request.paymentMethodId() != null, "paymentMethodId", "is required");
        BigDecimal amount = checks.check(() -> amount(request.amount()));
        checks.throwIfAnyFailed();
        Payment payment = payments.pay(memberId, request.paymentMethodId(), amount, requestKey);
        return Map.of("paymentId", payment.id(), "amount", payment.amount(), "status", payment.status().name());
    }

    private static BigDecimal amount(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidFieldException("amount", "must be a dollar amount such as 211.25");
        }
    }
}
