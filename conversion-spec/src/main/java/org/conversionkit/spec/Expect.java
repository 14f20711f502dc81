package org.conversionkit.spec;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Holds what came out of a test (a tree of maps, lists, strings, numbers, booleans and nulls, as the test renders
 * it) to what a case expects, by one rule everywhere:
 * <ul>
 *   <li>an object checks the keys it gives, each of which the actual map must have; a key it does not give is not
 *       checked; the key {@code message} checks that the actual text holds the expected one;</li>
 *   <li>a list checks every element: as many, in order;</li>
 *   <li>{@code null} checks {@code null}; a string an equal string; a boolean an equal boolean;</li>
 *   <li>a number checks the value and the type a JSON reader gives it: a literal with a fraction or an exponent a
 *       {@code BigDecimal} equal to it (scale included), a whole number a {@code Long} or {@code Integer}, or past 64
 *       bits a {@code BigInteger}.</li>
 * </ul>
 */
public final class Expect {

    private Expect() {
    }

    /**
     * Returns every way the actual tree misses the expected one.
     *
     * @param expected what the case expects
     * @param actual   what came out
     * @return the differences, each with the expectation's path; empty when it matches
     */
    public static List<String> differences(Node expected, @Nullable Object actual) {
        return differences(expected, actual, Set.of());
    }

    /**
     * Returns every way the actual tree misses the expected one, keys of objects that a level does not have
     * aside.
     *
     * @param expected what the case expects
     * @param actual   what came out
     * @param ignored  keys of expected objects not checked at this level (the extras of a record, which only a
     *                 typed reader keeps)
     * @return the differences; empty when it matches
     */
    public static List<String> differences(Node expected, @Nullable Object actual, Set<String> ignored) {
        List<String> differences = new ArrayList<>();
        compare(expected, actual, ignored, differences);
        return differences;
    }

    /**
     * Checks that the actual tree matches the expected one.
     *
     * @param expected what the case expects
     * @param actual   what came out
     * @throws AssertionError listing every difference, and the actual tree
     */
    public static void check(Node expected, @Nullable Object actual) {
        List<String> differences = differences(expected, actual);
        if (!differences.isEmpty()) {
            throw new AssertionError(String.join("\n", differences) + "\nactual: " + actual);
        }
    }

    /**
     * Returns a value as the plain tree {@link #differences} compares: a record as a map of its components (by
     * name, in order), an enum as its name, maps and lists element by element, strings, booleans, numbers and
     * {@code null} as they are, and anything else, or of the classes named, as its {@code toString()} (a date, a
     * record that is a value written as text).
     *
     * @param value  the value
     * @param asText classes whose values are their text
     * @return its plain form
     */
    public static @Nullable Object plain(@Nullable Object value, Class<?>... asText) {
        if (value != null && List.of(asText).contains(value.getClass())) {
            return value.toString();
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof java.lang.Number) {
            return value;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Record record) {
            Map<String, @Nullable Object> map = new LinkedHashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    map.put(component.getName(), plain(accessor.invoke(record), asText));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
            }
            return map;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, @Nullable Object> plain = new LinkedHashMap<>();
            map.forEach((key, element) -> plain.put(String.valueOf(key), plain(element, asText)));
            return plain;
        }
        if (value instanceof Collection<?> collection) {
            List<@Nullable Object> plain = new ArrayList<>();
            collection.forEach(element -> plain.add(plain(element, asText)));
            return plain;
        }
        return value.toString();
    }

    private static void compare(Node expected, @Nullable Object actual, Set<String> ignored, List<String> out) {
        if (expected.isNull()) {
            if (actual != null) {
                out.add(expected.path() + ": expected null, was " + actual);
            }
        } else if (expected.isObject()) {
            if (!(actual instanceof Map<?, ?> map)) {
                out.add(expected.path() + ": expected an object, was " + actual);
                return;
            }
            for (Map.Entry<String, Node> entry : expected.fields().entrySet()) {
                String key = entry.getKey();
                if (ignored.contains(key)) {
                    continue;
                }
                if (!map.containsKey(key)) {
                    out.add(entry.getValue().path() + ": no such value in " + actual);
                } else if (key.equals("message") && entry.getValue().isText()) {
                    Object message = map.get(key);
                    if (!(message instanceof String text) || !text.contains(entry.getValue().text())) {
                        out.add(entry.getValue().path() + ": expected a message holding '"
                                + entry.getValue().text() + "', was '" + message + "'");
                    }
                } else {
                    compare(entry.getValue(), map.get(key), ignored, out);
                }
            }
        } else if (expected.isList()) {
            if (!(actual instanceof List<?> list)) {
                out.add(expected.path() + ": expected a list, was " + actual);
                return;
            }
            List<Node> elements = expected.list();
            if (elements.size() != list.size()) {
                out.add(expected.path() + ": expected " + elements.size() + " elements, was " + list.size() + ": "
                        + list);
            }
            for (int i = 0; i < Math.min(elements.size(), list.size()); i++) {
                compare(elements.get(i), list.get(i), ignored, out);
            }
        } else if (expected.isNumber()) {
            if (!sameNumber(expected, actual)) {
                out.add(expected.path() + ": expected " + expected.literal() + ", was " + describe(actual));
            }
        } else if (expected.isBoolean()) {
            if (!(actual instanceof Boolean b) || b != expected.bool()) {
                out.add(expected.path() + ": expected " + expected.bool() + ", was " + describe(actual));
            }
        } else if (!expected.text().equals(actual)) {
            out.add(expected.path() + ": expected '" + expected.text() + "', was " + describe(actual));
        }
    }

    private static boolean sameNumber(Node expected, @Nullable Object actual) {
        String literal = expected.literal();
        BigDecimal value = expected.decimal();
        if (literal.indexOf('.') >= 0 || literal.indexOf('e') >= 0 || literal.indexOf('E') >= 0) {
            // The same value and the same scale: 1.50 is not 1.5.
            BigDecimal wanted = new BigDecimal(literal);
            return actual instanceof BigDecimal decimal && decimal.scale() == wanted.scale()
                    && decimal.compareTo(wanted) == 0;
        }
        BigInteger whole = value.toBigIntegerExact();
        if (whole.bitLength() < Long.SIZE) {
            return (actual instanceof Long || actual instanceof Integer) && ((java.lang.Number) actual).longValue()
                    == whole.longValue();
        }
        return actual instanceof BigInteger big && big.equals(whole);
    }

    private static String describe(@Nullable Object actual) {
        return actual == null ? "null" : actual instanceof String text ? "'" + text + "'"
                : actual + " (" + actual.getClass().getSimpleName() + ")";
    }
}
