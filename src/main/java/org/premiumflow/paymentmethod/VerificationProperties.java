package org.premiumflow.paymentmethod;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a bank account is proven by micro-deposits. Nacha requires validating an account on first
 * use but sets none of these numbers: they are the exchange's choice (DOMAIN.md section 2).
 *
 * @param maxWrongAttempts wrong pairs of amounts after which a caseworker must review
 * @param reminderAfter    how long after sending the deposits the member is reminded
 * @param expiresAfter     how long after sending the deposits the member may confirm them
 */
@ConfigurationProperties("premiumflow.payment-methods.verification")
public record VerificationProperties(
        @DefaultValue("3") int maxWrongAttempts,
        @DefaultValue("P5D") Duration reminderAfter,
        @DefaultValue("P10D") Duration expiresAfter) {

    public VerificationProperties {
        if (maxWrongAttempts < 1) {
            throw new IllegalArgumentException("premiumflow.payment-methods.verification.max-wrong-attempts must be at least 1");
        }
        if (reminderAfter.isNegative() || !reminderAfter.minus(expiresAfter).isNegative()) {
            throw new IllegalArgumentException(
                    "premiumflow.payment-methods.verification.reminder-after must come before expires-after");
        }
    }
}
