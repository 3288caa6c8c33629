package org.premiumflow.payment.gateway;

/**
 * The key was already used for a different request. Acting on it would make a retry of either
 * request return the other's result, so the processor refuses: it is a bug in how the caller
 * derives its keys. The message names the key only, never what either request carried.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

    private final IdempotencyKey key;

    public IdempotencyKeyReusedException(IdempotencyKey key) {
        super("Idempotency key " + key + " was already used for a different request");
        this.key = key;
    }

    public IdempotencyKey key() {
        return key;
    }
}
