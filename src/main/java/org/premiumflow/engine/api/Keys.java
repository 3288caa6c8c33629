package org.premiumflow.engine.api;

import org.premiumflow.engine.InvalidArgumentException;

/** The API carries keys as strings of digits. */
final class Keys {

    private Keys() {
    }

    static String text(long key) {
        return Long.toString(key);
    }

    static String text(Long key) {
        return key == null ? null : Long.toString(key);
    }

    static long parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidArgumentException("No " + field + " provided");
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("The provided " + field + " '" + value + "' is not a valid key");
        }
    }
}
