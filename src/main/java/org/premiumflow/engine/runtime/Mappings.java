package org.premiumflow.engine.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a mapping's value to its target, which may be a path into a context ({@code address.city}). */
final class Mappings {

    private Mappings() {
    }

    @SuppressWarnings("unchecked")
    static void put(Map<String, Object> variables, String target, Object value) {
        String[] path = target.split("\\.");
        Map<String, Object> current = variables;
        for (int i = 0; i < path.length - 1; i++) {
            Object next = current.get(path[i]);
            Map<String, Object> nested = next instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
            current.put(path[i], nested);
            current = nested;
        }
        current.put(path[path.length - 1], value);
    }
}
