package org.premiumflow.web.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.premiumflow.paymentmethod.InvalidFieldException;

/**
 * Checks every field of a request before any is used, so the member hears of all mistakes at
 * once and nothing is stored from a request that has one.
 */
final class FieldChecks {

    private final List<InvalidFieldException> problems = new ArrayList<>();

    /** The value built from a field, or null when the field breaks a rule (which is then noted). */
    <T> T check(Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidFieldException problem) {
            problems.add(problem);
            return null;
        }
    }

    void require(boolean holds, String field, String rule) {
        if (!holds) {
            problems.add(new InvalidFieldException(field, rule));
        }
    }

    boolean passed() {
        return problems.isEmpty();
    }

    void throwIfAnyFailed() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
