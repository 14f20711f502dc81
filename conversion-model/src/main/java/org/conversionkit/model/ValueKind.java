package org.conversionkit.model;

/**
 * What kind of value a reader found for a field. A CSV field is always {@link #STRING}; a JSON
 * value keeps its JSON kind, so that the mapper can tell {@code 2} from {@code "2"} and {@code 2.0}.
 * An absent value or JSON {@code null} has no kind: the field is absent.
 */
public enum ValueKind {
    /** Text: a CSV field or a JSON string. */
    STRING,
    /** A JSON number without fraction or exponent ({@code 2}, {@code -3}). */
    INTEGER,
    /** A JSON number with a fraction or an exponent ({@code 2.0}, {@code 1e3}). */
    DECIMAL,
    /** A JSON {@code true} or {@code false}. */
    BOOLEAN,
    /** A JSON object. */
    OBJECT,
    /** A JSON array. */
    ARRAY;

    /**
     * Returns whether the value is a JSON number.
     *
     * @return {@code true} for {@link #INTEGER} and {@link #DECIMAL}
     */
    public boolean isNumber() {
        return this == INTEGER || this == DECIMAL;
    }
}
