package org.premiumflow.engine.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.premiumflow.engine.EngineJson;
import org.premiumflow.engine.InvalidArgumentException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body read the way the engine keeps values: decimals as exact decimals, so a premium
 * of 412.37 is never a binary double on its way into a variable.
 */
final class JsonBody {

    private static final JsonMapper JSON = EngineJson.mapper();

    private final Map<String, Object> fields;

    private JsonBody(Map<String, Object> fields) {
        this.fields = fields;
    }

    @SuppressWarnings("unchecked")
    static JsonBody read(String body) {
        if (body == null || body.isBlank()) {
            return new JsonBody(Map.of());
        }
        try {
            Object parsed = JSON.readValue(body, Object.class);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new InvalidArgumentException("Expected a JSON object as request body");
            }
            return new JsonBody((Map<String, Object>) map);
        } catch (JacksonException e) {
            throw new InvalidArgumentException("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Absent, null, or an empty list or object: what a client sends for a filter it does not use. */
    boolean isEmpty(String name) {
        Object value = fields.get(name);
        return value == null || (value instanceof java.util.Collection<?> list && list.isEmpty())
                || (value instanceof Map<?, ?> map && map.isEmpty());
    }

    /** The names of the fields present. */
    java.util.Set<String> names() {
        return fields.keySet();
    }

    String text(String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }

    Long key(String name) {
        String value = text(name);
        return value == null ? null : Keys.parse(name, value);
    }

    Integer integer(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        throw new InvalidArgumentException("Expected " + name + " to be a number, but was '" + value + "'");
    }

    Long number(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new InvalidArgumentException("Expected " + name + " to be a number, but was '" + value + "'");
    }

    /** A boolean field that may be absent (null). */
    Object flagOrNull(String name) {
        Object value = fields.get(name);
        if (value == null || value instanceof Boolean) {
            return value;
        }
        throw new InvalidArgumentException("Expected " + name + " to be true or false, but was '" + value + "'");
    }

    boolean flag(String name) {
        return Boolean.TRUE.equals(fields.get(name));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (value instanceof Map<?, ?> map) {
            return new LinkedHashMap<>((Map<String, Object>) map);
        }
        throw new InvalidArgumentException("Expected " + name + " to be a JSON object, but was '" + value + "'");
    }

    JsonBody nested(String name) {
        return new JsonBody(object(name));
    }

    List<String> strings(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        throw new InvalidArgumentException("Expected " + name + " to be a list of strings, but was '" + value + "'");
    }

    /** A list of JSON objects, such as a search request's sort fields. */
    @SuppressWarnings("unchecked")
    List<JsonBody> objects(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
            return list.stream().map(item -> new JsonBody((Map<String, Object>) item)).toList();
        }
        throw new InvalidArgumentException("Expected " + name + " to be a list of JSON objects, but was '" + value + "'");
    }

    /** A search filter field: a plain value, or an advanced filter object with {@code $eq}. */
    String filterValue(String name) {
        Object value = fields.get(name);
        if (value instanceof Map<?, ?> advanced) {
            Object equals = advanced.get("$eq");
            return equals == null ? null : equals.toString();
        }
        return value == null ? null : value.toString();
    }
}
