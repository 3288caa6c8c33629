package org.premiumflow.engine.api;

import java.net.URI;
import org.premiumflow.engine.ConditionalOnEmbeddedEngine;
import org.premiumflow.engine.InvalidArgumentException;
import org.premiumflow.engine.InvalidStateException;
import org.premiumflow.engine.NotFoundException;
import org.premiumflow.engine.deployment.InvalidDeploymentException;
import org.premiumflow.engine.runtime.AwaitTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Every error of the engine API as an RFC 9457 problem detail, with the status the Camunda
 * client expects: 400 for a request the engine cannot take, 404 for an unknown key, 409 for a
 * command the current state forbids. A 500 means a bug in the engine, never the caller.
 */
@RestControllerAdvice(basePackageClasses = ProblemResponses.class)
@ConditionalOnEmbeddedEngine
class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InvalidStateException.class)
    ResponseEntity<ProblemDetail> invalidState(InvalidStateException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler({InvalidArgumentException.class, InvalidDeploymentException.class})
    ResponseEntity<ProblemDetail> invalidArgument(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(AwaitTimeoutException.class)
    ResponseEntity<ProblemDetail> timedOut(AwaitTimeoutException e) {
        return problem(HttpStatus.GATEWAY_TIMEOUT, e.getMessage());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestPartException.class,
            MissingServletRequestParameterException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Engine API request failed unexpectedly", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error in the embedded engine: " + e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title(status));
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "NOT_FOUND";
            case CONFLICT -> "INVALID_STATE";
            case BAD_REQUEST -> "INVALID_ARGUMENT";
            case GATEWAY_TIMEOUT -> "DEADLINE_EXCEEDED";
            default -> status.name();
        };
    }
}
