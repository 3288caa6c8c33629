package org.premiumflow.web.api;

import java.util.Map;
import org.premiumflow.recovery.ReinstatementTerms;
import org.premiumflow.recovery.Reinstatements;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member whose coverage ended for non-payment asks to be reinstated, having paid the balance plus
 * the next month with a one-time payment beforehand. Accepted means the request is on its way to
 * the termination's process, which reinstates and sends the confirmation.
 */
@RestController
class ReinstatementController {

    private final Reinstatements reinstatements;

    ReinstatementController(Reinstatements reinstatements) {
        this.reinstatements = reinstatements;
    }

    /** @param enrollmentId needed only when more than one of the member's enrollments ended for non-payment */
    record ReinstatementRequest(Long enrollmentId) {
    }

    @PostMapping("/api/members/{memberId}/reinstatement")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> request(@PathVariable String memberId, @RequestBody(required = false) ReinstatementRequest request) {
        ReinstatementTerms terms = reinstatements.request(memberId, request == null ? null : request.enrollmentId());
        // What the member's payments cover: the balance plus the next month.
        return Map.of("enrollmentId", terms.enrollmentId(), "status", "REQUESTED", "reinstatementAmount", terms.total());
    }
}
