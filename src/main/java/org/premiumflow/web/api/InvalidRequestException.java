package org.premiumflow.web.api;

import java.util.List;
import java.util.stream.Collectors;
import org.premiumflow.paymentmethod.InvalidFieldException;

/** A request with one or more fields that break their rules; each is named with its rule, never its value. */
class InvalidRequestException extends RuntimeException {

    private final List<InvalidFieldException> problems;

    InvalidRequestException(List<InvalidFieldException> problems) {
        super(problems.stream().map(Throwable::getMessage).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    List<InvalidFieldException> problems() {
        return problems;
    }
}
