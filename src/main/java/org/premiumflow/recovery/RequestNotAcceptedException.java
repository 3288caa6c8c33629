package org.premiumflow.recovery;

/** A hardship waiver request or appeal the member's situation does not allow now (answered with 409). */
public class RequestNotAcceptedException extends RuntimeException {

    public RequestNotAcceptedException(String message) {
        super(message);
    }
}
