package org.conversionkit.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The fields of a conversion row, in the order of {@link ConversionRow}'s components.
 *
 * <p>{@code url} and {@code date} are required; the others are optional and take a configured
 * default (see {@link FieldDefaults}) when absent or empty.
 */
public enum Field {
    /** The absolute http(s) URL of the page the conversions are attributed to. Required. */
    URL("url", true),
    /** The day of the conversions, {@code YYYY-MM-DD}. Required. */
    DATE("date", true),
    /** Where the transactions came from (organic, social, ...). */
    CHANNEL("channel", false),
    /** The device the transactions were made on (desktop, mobile, app, ...). */
    DEVICE("device", false),
    /** The number of transactions or goals, an integer. */
    TRANSACTIONS("transactions", false),
    /** The money earned by the transactions, a decimal number. */
    REVENUE("revenue", false);

    private static final Field[] VALUES = values();

    private final String fieldName;
    private final boolean required;

    Field(String fieldName, boolean required) {
        this.fieldName = fieldName;
        this.required = required;
    }

    /**
     * Returns the name used in layouts, JSON rows and reports.
     *
     * @return the lower-case field name, e.g. {@code "transactions"}
     */
    public String fieldName() {
        return fieldName;
    }

    /**
     * Returns whether a row is invalid without this field.
     *
     * @return {@code true} for {@code url} and {@code date}
     */
    public boolean isRequired() {
        return required;
    }

    /**
     * Finds a field by its exact name.
     *
     * @param name a field name such as {@code "url"}
     * @return the field, or empty when the name is not one
     */
    public static Optional<Field> byName(String name) {
        for (Field field : VALUES) {
            if (field.fieldName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /**
     * Finds a field by its name, ignoring case and surrounding white space.
     *
     * @param name a field name such as {@code "URL "}
     * @return the field, or empty when the name is not one
     */
    public static Optional<Field> byNameIgnoreCase(String name) {
        return byName(name.strip().toLowerCase(Locale.ROOT));
    }
}
