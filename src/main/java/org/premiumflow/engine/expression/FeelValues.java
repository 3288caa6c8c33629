package org.premiumflow.engine.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Turns what FEEL and DMN return into the plain values variables hold as JSON: maps, lists,
 * strings, numbers, booleans, null. Dates and durations become their ISO-8601 text, as in Zeebe.
 */
public final class FeelValues {

    private FeelValues() {
    }

    public static Object toJava(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof scala.Option<?> option) {
            return option.isDefined() ? toJava(option.get()) : null;
        }
        if (value instanceof scala.math.BigDecimal decimal) {
            return number(decimal.bigDecimal());
        }
        if (value instanceof BigDecimal decimal) {
            return number(decimal);
        }
        if (value instanceof BigInteger || value instanceof Long || value instanceof Integer
                || value instanceof Double || value instanceof Float || value instanceof Short) {
            return value;
        }
        if (value instanceof scala.collection.Map<?, ?> map) {
            return toJava(CollectionConverters.asJava(map));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, entry) -> copy.put(String.valueOf(key), toJava(entry)));
            return copy;
        }
        if (value instanceof scala.collection.Iterable<?> iterable) {
            return toJava(CollectionConverters.asJava(iterable));
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> copy = new ArrayList<>();
            iterable.forEach(entry -> copy.add(toJava(entry)));
            return copy;
        }
        if (value instanceof TemporalAccessor || value instanceof java.time.Duration || value instanceof java.time.Period) {
            return value.toString();
        }
        return value.toString();
    }

    /** Whole numbers stay whole (a retry count of 3, not 3.0); others keep every digit. */
    private static Number number(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            try {
                return stripped.longValueExact();
            } catch (ArithmeticException tooLarge) {
                return stripped.toBigIntegerExact();
            }
        }
        return decimal;
    }
}
