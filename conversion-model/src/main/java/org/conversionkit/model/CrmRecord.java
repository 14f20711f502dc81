package org.conversionkit.model;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One record of a CRM feed: an order or lead with its latest status.
 *
 * <p>Fields outside the checked ones are kept in {@code extras}, in the order written, as JSON
 * values: {@link String}, {@link Long} or {@link java.math.BigInteger} for integers,
 * {@link BigDecimal} for other numbers, {@link Boolean}, {@code null}, and unmodifiable
 * {@link java.util.List}s and {@link Map}s for arrays and objects. Every field has a name, and every key of an
 * object within one is a name too: a {@code null} key, at any depth, is refused.
 *
 * @param id        the record's unique id (the value of the id field, {@code orderId} by default)
 * @param createdAt when the order or lead was created
 * @param updatedAt when its status last changed
 * @param currency  the ISO 4217 currency, or {@code null}
 * @param total     the total cost, or {@code null}
 * @param status    the latest status, or {@code null}
 * @param userId    the user's id, or {@code null}
 * @param extras    every other field, in order; copied (the map itself, not the lists and maps it holds)
 */
public record CrmRecord(
        String id,
        CrmDateTime createdAt,
        CrmDateTime updatedAt,
        @Nullable String currency,
        @Nullable BigDecimal total,
        @Nullable String status,
        @Nullable String userId,
        Map<String, @Nullable Object> extras) {

    /**
     * Checks the arguments.
     *
     * @param id the record's unique id (the value of the id field, {@code orderId} by default)
     * @param createdAt when the order or lead was created
     * @param updatedAt when its status last changed
     * @param currency the ISO 4217 currency, or {@code null}
     * @param total the total cost, or {@code null}
     * @param status the latest status, or {@code null}
     * @param userId the user's id, or {@code null}
     * @param extras every other field, in order; copied (the map itself, not the lists and maps it holds)
     * @throws NullPointerException     if {@code id}, {@code createdAt}, {@code updatedAt} or {@code extras} is
     *                                  {@code null}, or a key of {@code extras}, or of a map within one of its values
     * @throws IllegalArgumentException if {@code id} is blank
     */
    public CrmRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(extras, "extras");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        // LinkedHashMap rather than Map.copyOf: keep the order written, and allow JSON nulls.
        extras = extras.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        for (Map.Entry<String, @Nullable Object> extra : extras.entrySet()) {
            // A LinkedHashMap takes a null key, which no JSON text can write and no reader gives.
            if (extra.getKey() == null) {
                throw new NullPointerException("extras holds a null key: every field of a record has a name");
            }
            requireNamedKeys(extra.getKey(), extra.getValue());
        }
    }

    /**
     * Refuses a map with a null key within an extra's value, however deep. The lists and maps are walked with a stack
     * of their own, not by recursion, since a caller's value may nest deeper than the thread's stack reaches; and each
     * once, by identity, so that a map that holds itself ends the walk and a list that holds one map twice costs one
     * visit. Only {@link Map}s and {@link Collection}s are entered: another {@link Iterable} (a {@code Path}) may hand
     * out new objects without end. A value without lists or maps costs no allocation.
     */
    private static void requireNamedKeys(String name, @Nullable Object value) {
        if (!(value instanceof Map<?, ?>) && !(value instanceof Collection<?>)) {
            return;
        }
        ArrayDeque<Object> pending = new ArrayDeque<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.push(value);
        while (!pending.isEmpty()) {
            Object next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof Map<?, ?> map) {
                // Not containsKey(null), which Map.of's maps and a TreeMap answer with an exception of their own.
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (entry.getKey() == null) {
                        throw new NullPointerException("extras '" + name + "' holds an object with a null key: every"
                                + " key of a JSON object is a name");
                    }
                    push(pending, entry.getValue());
                }
            } else {
                for (Object item : (Collection<?>) next) {
                    push(pending, item);
                }
            }
        }
    }

    private static void push(ArrayDeque<Object> pending, @Nullable Object value) {
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            pending.push(value);
        }
    }
}
