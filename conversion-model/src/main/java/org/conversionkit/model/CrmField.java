package org.conversionkit.model;

/**
 * The fields of a CRM record that conversion-kit checks. Any other field is kept as it is.
 *
 * <p>The id field's name is configurable ({@code orderId} by default, {@code leadId}, ...); the
 * others have fixed names.
 */
public enum CrmField {
    /** The record's unique id; its name is configured, {@code orderId} by default. Required. */
    ID("orderId", true),
    /** When the order or lead was created, an RFC 3339 date-time or a date. Required. */
    CREATED_AT("createdAt", true),
    /** When its status last changed, an RFC 3339 date-time or a date. Required. */
    UPDATED_AT("updatedAt", true),
    /** The ISO 4217 currency of {@code total}. */
    CURRENCY("currency", false),
    /** The total cost, a JSON number. */
    TOTAL("total", false),
    /** The latest status (received, shipped, delivered, refunded, ...). */
    STATUS("status", false),
    /** The id of the user who ordered. */
    USER_ID("userId", false);

    /** The default name of the id field. */
    public static final String DEFAULT_ID_FIELD = "orderId";

    private final String defaultName;
    private final boolean required;

    CrmField(String defaultName, boolean required) {
        this.defaultName = defaultName;
        this.required = required;
    }

    /**
     * Returns the field's name in a feed; for {@link #ID}, the default name.
     *
     * @return e.g. {@code "createdAt"}
     */
    public String defaultName() {
        return defaultName;
    }

    /**
     * Returns whether a record is invalid without this field.
     *
     * @return {@code true} for the id, {@code createdAt} and {@code updatedAt}
     */
    public boolean isRequired() {
        return required;
    }
}
