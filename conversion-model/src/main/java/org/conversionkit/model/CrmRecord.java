package org.conversionkit.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One record of a CRM feed: an order or lead with its latest status.
 *
 * <p>Fields outside the checked ones are kept in {@code extras}, in the order written, as JSON
 * values: {@link String}, {@link Long} or {@link java.math.BigInteger} for integers,
 * {@link BigDecimal} for other numbers, {@link Boolean}, {@code null}, and unmodifiable
 * {@link java.util.List}s and {@link Map}s for arrays and objects.
 *
 * @param id        the record's unique id (the value of the id field, {@code orderId} by default)
 * @param createdAt when the order or lead was created
 * @param updatedAt when its status last changed
 * @param currency  the ISO 4217 currency, or {@code null}
 * @param total     the total cost, or {@code null}
 * @param status    the latest status, or {@code null}
 * @param userId    the user's id, or {@code null}
 * @param extras    every other field, in order; copied
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
     * @param extras every other field, in order; copied
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
    }
}
