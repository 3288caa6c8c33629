package org.premiumflow.payment.gateway;

/**
 * Names one intended action at the processor, derived from its business identity (for example
 * {@code micro-deposits:method-42} or {@code debit:invoice-7:attempt-1}), so that any retry of the
 * same action carries the same key.
 */
public record IdempotencyKey(String value) {

    public IdempotencyKey {
        if (value == null || value.isBlank() || value.length() > 255) {
            throw new IllegalArgumentException("An idempotency key must be 1 to 255 characters");
        }
    }

    public static IdempotencyKey of(String action, Object... identity) {
        StringBuilder key = new StringBuilder(action);
        for (Object part : identity) {
            key.append(':').append(part);
        }
        return new IdempotencyKey(key.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
