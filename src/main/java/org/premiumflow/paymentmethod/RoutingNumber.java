package org.premiumflow.paymentmethod;

/**
 * An ABA routing transit number: nine digits whose check digit makes 3·d1 + 7·d2 + d3 + 3·d4 + …
 * a multiple of ten. It names a bank, not an account, so it may be shown.
 */
public record RoutingNumber(String value) {

    private static final int[] WEIGHTS = {3, 7, 1};

    public RoutingNumber {
        if (value == null || !value.matches("\\d{9}")) {
            throw new InvalidFieldException("routingNumber", "must be exactly 9 digits");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += WEIGHTS[i % 3] * (value.charAt(i) - '0');
        }
        if (sum % 10 != 0) {
            throw new InvalidFieldException("routingNumber", "is not a valid ABA routing number (its check digit does not match)");
        }
    }
}
