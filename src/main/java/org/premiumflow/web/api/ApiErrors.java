package org.premiumflow.web.api;

import java.util.List;
import java.util.Map;
import org.premiumflow.billing.PaymentDeclinedException;
import org.premiumflow.lifeevent.InvalidPersonException;
import org.premiumflow.lifeevent.LateReportException;
import org.premiumflow.lifeevent.LifeEventConflictException;
import org.premiumflow.lifeevent.UnknownLifeEventException;
import org.premiumflow.member.NoPhoneNumberException;
import org.premiumflow.member.UnknownMemberException;
import org.premiumflow.payment.gateway.PaymentOutcomeUnknownException;
import org.premiumflow.recovery.ReinstatementRefusedException;
import org.premiumflow.recovery.ReinstatementUnpaidException;
import org.premiumflow.paymentmethod.InvalidFieldException;
import org.premiumflow.paymentmethod.PaymentSetUpConflictException;
import org.premiumflow.paymentmethod.UnknownPaymentMethodException;
import org.premiumflow.recovery.RequestNotAcceptedException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mail.MailException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How the member API reports what went wrong: RFC 9457 problem details naming the field and the rule. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return invalidFields(e.problems());
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalid(InvalidFieldException e) {
        return invalidFields(List.of(e));
    }

    private static ProblemDetail invalidFields(List<InvalidFieldException> problems) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                String.join("; ", problems.stream().map(Throwable::getMessage).toList()));
        problem.setProperty("errors", problems.stream().map(p -> Map.of("field", p.field(), "rule", p.rule())).toList());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        // The parser's own message may quote the input, which may be an account number: never pass it on.
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request body is not valid JSON of the expected shape");
    }

    @ExceptionHandler({UnknownMemberException.class, UnknownPaymentMethodException.class,
            BillingRunController.NoBillingRunException.class, UnknownLifeEventException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(PaymentSetUpConflictException.class)
    ProblemDetail conflict(PaymentSetUpConflictException e) {
        return problem(HttpStatus.CONFLICT, "Not possible now", e.getMessage());
    }

    @ExceptionHandler(ReinstatementRefusedException.class)
    ProblemDetail reinstatementRefused(ReinstatementRefusedException e) {
        return problem(HttpStatus.CONFLICT, "Reinstatement not possible", e.getMessage());
    }

    /** Says how much more to pay, as a number too, so the member's screen can offer to pay exactly that. */
    @ExceptionHandler(ReinstatementUnpaidException.class)
    ProblemDetail reinstatementUnpaid(ReinstatementUnpaidException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Not enough paid to reinstate", e.getMessage());
        problem.setProperty("amountNeeded", e.amountNeeded());
        problem.setProperty("totalRequired", e.terms().total());
        return problem;
    }

    @ExceptionHandler(RequestNotAcceptedException.class)
    ProblemDetail notAccepted(RequestNotAcceptedException e) {
        return problem(HttpStatus.CONFLICT, "Not possible now", e.getMessage());
    }

    /** Names each person of {@code leaving} who is not of the member's household. */
    @ExceptionHandler(InvalidPersonException.class)
    ProblemDetail notOfHousehold(InvalidPersonException e) {
        return invalidFields(e.indexes().stream()
                .map(index -> new InvalidFieldException("leaving[" + index + "]", "must be the id of a person of the member's household"))
                .toList());
    }

    /**
     * Says when the event was and the last day it could have been reported, as dates too, so the
     * member's screen can point them to a caseworker.
     */
    @ExceptionHandler(LateReportException.class)
    ProblemDetail reportedLate(LateReportException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Reported too late", e.getMessage());
        problem.setProperty("eventDate", e.eventDate().toString());
        problem.setProperty("lastDayToReport", e.lastDay().toString());
        return problem;
    }

    @ExceptionHandler(LifeEventConflictException.class)
    ProblemDetail lifeEventConflict(LifeEventConflictException e) {
        return problem(HttpStatus.CONFLICT, "Not possible now", e.getMessage());
    }

    /** Names each choice of text messages in the request's own terms, so the member sees which to change. */
    @ExceptionHandler(NoPhoneNumberException.class)
    ProblemDetail noPhoneNumber(NoPhoneNumberException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "No phone number", e.getMessage());
        problem.setProperty("errors", e.choices().stream()
                .map(index -> Map.of("field", "preferences[" + index + "].channels",
                        "rule", "SMS needs a phone number on file; choose EMAIL instead"))
                .toList());
        return problem;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail concurrentChange(DataIntegrityViolationException e) {
        return problem(HttpStatus.CONFLICT, "Not possible now",
                "Another change to this member's payment set-up was made at the same time; look at it again and retry");
    }

    @ExceptionHandler(PaymentOutcomeUnknownException.class)
    ProblemDetail processorAway(PaymentOutcomeUnknownException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Payment processor unavailable",
                "The payment processor did not answer; nothing was saved, please try again");
    }

    @ExceptionHandler(PaymentDeclinedException.class)
    ProblemDetail declined(PaymentDeclinedException e) {
        return problem(HttpStatus.PAYMENT_REQUIRED, "Payment declined", e.getMessage());
    }

    @ExceptionHandler(MailException.class)
    ProblemDetail mailAway(MailException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Mail unavailable",
                "The confirmation e-mail could not be sent, so nothing was changed; please try again");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
