package org.premiumflow.web.api;

import java.time.Instant;
import java.util.List;
import org.premiumflow.recovery.DelinquencyRequest;
import org.premiumflow.recovery.RequestFiling;
import org.premiumflow.recovery.RequestKind;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hardship waiver requests and appeals, filed by the member or a caseworker for them while a grace
 * period runs or a termination is held, and read back with their decisions. A second request of a
 * kind while one is open is refused with 409 naming the open one.
 */
@RestController
class DelinquencyRequestController {

    private final RequestFiling filing;

    DelinquencyRequestController(RequestFiling filing) {
        this.filing = filing;
    }

    /**
     * @param enrollmentId needed only when more than one of the member's enrollments is past due
     * @param reason       the member's words, 1 to 1000 characters
     */
    record NewRequest(Long enrollmentId, String reason) {
    }

    record RequestView(long id, long enrollmentId, String reason, String status, Instant filedAt, String decidedBy,
                       Instant decidedAt, String decisionNote) {

        static RequestView of(DelinquencyRequest request) {
            return new RequestView(request.id(), request.enrollmentId(), request.reason(), request.status(), request.filedAt(),
                    request.decidedBy().orElse(null), request.decidedAt().orElse(null), request.decisionNote().orElse(null));
        }
    }

    @PostMapping("/api/members/{memberId}/hardship-waivers")
    @ResponseStatus(HttpStatus.CREATED)
    RequestView requestWaiver(@PathVariable String memberId, @RequestBody NewRequest request) {
        return file(memberId, RequestKind.HARDSHIP_WAIVER, request);
    }

    @GetMapping("/api/members/{memberId}/hardship-waivers")
    List<RequestView> waivers(@PathVariable String memberId) {
        return filing.filed(memberId, RequestKind.HARDSHIP_WAIVER).stream().map(RequestView::of).toList();
    }

    @PostMapping("/api/members/{memberId}/appeals")
    @ResponseStatus(HttpStatus.CREATED)
    RequestView appeal(@PathVariable String memberId, @RequestBody NewRequest request) {
        return file(memberId, RequestKind.APPEAL, request);
    }

    @GetMapping("/api/members/{memberId}/appeals")
    List<RequestView> appeals(@PathVariable String memberId) {
        return filing.filed(memberId, RequestKind.APPEAL).stream().map(RequestView::of).toList();
    }

    private RequestView file(String memberId, RequestKind kind, NewRequest request) {
        FieldChecks checks = new FieldChecks();
        String reason = request.reason() == null ? "" : request.reason().strip();
        checks.require(!reason.isEmpty(), "reason", "is required");
        checks.require(reason.length() <= RequestFiling.REASON_MAX_LENGTH, "reason",
                "must be at most " + RequestFiling.REASON_MAX_LENGTH + " characters");
        checks.require(request.enrollmentId() == null || request.enrollmentId() > 0, "enrollmentId", "must be a positive number");
        checks.throwIfAnyFailed();
        return RequestView.of(filing.file(memberId, kind, request.enrollmentId(), reason));
    }
}
