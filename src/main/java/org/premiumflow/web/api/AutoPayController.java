package org.premiumflow.web.api;

import java.util.List;
import org.premiumflow.autopay.AutoPayAuthorization;
import org.premiumflow.autopay.AutoPayEnrollment;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A member's AutoPay: ask for it on one of their methods, see it, cancel it. */
@RestController
@RequestMapping("/api/members/{memberId}/autopay")
class AutoPayController {

    private final AutoPayEnrollment enrollment;

    AutoPayController(AutoPayEnrollment enrollment) {
        this.enrollment = enrollment;
    }

    @GetMapping
    List<MandateView> mandates(@PathVariable String memberId) {
        return enrollment.mandates(memberId).stream().map(MandateView::of).toList();
    }

    /** AutoPay on a verified method is active at once; on a method still being verified, once it is verified. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MandateView request(@PathVariable String memberId, @RequestBody NewPaymentMethodRequest.AutoPayRequest request) {
        FieldChecks checks = new FieldChecks();
        checks.require(request.paymentMethodId() != null, "paymentMethodId", "is required");
        AutoPayAuthorization authorization = checks.check(() -> new AutoPayAuthorization(request.authorizedBy(), request.agreedToTerms()));
        checks.throwIfAnyFailed();
        return MandateView.of(enrollment.request(memberId, request.paymentMethodId(), authorization));
    }

    @DeleteMapping
    List<MandateView> cancel(@PathVariable String memberId) {
        return enrollment.cancel(memberId).stream().map(MandateView::of).toList();
    }
}
