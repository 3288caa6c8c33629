package org.premiumflow.engine.runtime;

import java.util.List;
import java.util.Map;

/** Names a value's type as FEEL and Zeebe's messages do. */
final class FeelTypes {

    private FeelTypes() {
    }

    static String of(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof String) {
            return "STRING";
        }
        if (value instanceof Number) {
            return "NUMBER";
        }
        if (value instanceof Boolean) {
            return "BOOLEAN";
        }
        if (value instanceof Map<?, ?>) {
            return "CONTEXT";
        }
        if (value instanceof List<?>) {
            return "LIST";
        }
        return value.getClass().getSimpleName().toUpperCase();
    }
}
