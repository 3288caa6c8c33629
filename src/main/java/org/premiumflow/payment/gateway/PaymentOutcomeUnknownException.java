package org.premiumflow.payment.gateway;

/**
 * The processor did not answer (timeout, 5xx): the call may or may not have acted. Never repeat
 * such a call blind; ask {@link PaymentGateway#status} with the same key first.
 */
public class PaymentOutcomeUnknownException extends RuntimeException {

    private final IdempotencyKey key;

    public PaymentOutcomeUnknownException(IdempotencyKey key, String reason) {
        super("Outcome unknown for " + key + ": " + reason);
        this.key = key;
    }

    public IdempotencyKey key() {
        return key;
    }
}
