package org.conversionkit.model;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.conversionkit.model.rules.NumberRules;
import org.conversionkit.model.rules.Problem;
import org.jspecify.annotations.Nullable;

/**
 * The values optional fields take when a row leaves them absent or empty, for example channel
 * {@code organic} for a file of organic conversions only.
 *
 * <p>Only optional fields have defaults: a row without {@code url} or {@code date} is invalid.
 * Each default is checked by its field's rule when it is set. Instances are immutable.
 */
public final class FieldDefaults {

    /** No defaults: absent optional fields stay empty. */
    public static final FieldDefaults NONE = new FieldDefaults(new String[Field.values().length]);

    private final @Nullable String[] values;

    private FieldDefaults(@Nullable String[] values) {
        this.values = values;
    }

    /**
     * Returns these defaults with one more, or one replaced.
     *
     * @param field an optional field
     * @param value its default value, checked by the field's rule
     * @return the new defaults
     * @throws IllegalArgumentException if the field is required or the value breaks its rule
     */
    public FieldDefaults with(Field field, String value) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        if (field.isRequired()) {
            throw new IllegalArgumentException("'" + field.fieldName()
                    + "' is required in every row and cannot have a default");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("the default of '" + field.fieldName() + "' must not be blank");
        }
        Problem problem = switch (field) {
            case TRANSACTIONS -> NumberRules.checkInteger(field.fieldName(), value);
            case REVENUE -> NumberRules.checkDecimal(field.fieldName(), value);
            default -> null;
        };
        if (problem != null) {
            throw new IllegalArgumentException("default: " + problem.message());
        }
        @Nullable String[] copy = values.clone();
        copy[field.ordinal()] = value;
        return new FieldDefaults(copy);
    }

    /**
     * Parses a default as the command line writes it, {@code FIELD=VALUE}, and adds it.
     *
     * @param assignment e.g. {@code channel=organic}
     * @return the new defaults
     * @throws IllegalArgumentException if the text is not {@code FIELD=VALUE}, names no optional
     *                                  field, or the value breaks the field's rule
     */
    public FieldDefaults with(String assignment) {
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("'" + assignment + "' is not FIELD=VALUE, e.g. channel=organic");
        }
        String name = assignment.substring(0, equals);
        Field field = Field.byNameIgnoreCase(name).orElseThrow(() -> new IllegalArgumentException(
                "'" + name + "' is not a field; defaults can be set for channel, device, transactions and revenue"));
        return with(field, assignment.substring(equals + 1).strip());
    }

    /**
     * Returns a field's default.
     *
     * @param field the field
     * @return the default, or {@code null} when it has none
     */
    public @Nullable String get(Field field) {
        return values[field.ordinal()];
    }

    /**
     * Returns the defaults that are set.
     *
     * @return an unmodifiable map, in field order
     */
    public Map<Field, String> asMap() {
        Map<Field, String> map = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            String value = values[field.ordinal()];
            if (value != null) {
                map.put(field, value);
            }
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof FieldDefaults defaults && Arrays.equals(values, defaults.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FieldDefaults" + asMap();
    }
}
