package org.conversionkit.json;

/** The mode of a BigQuery column. */
public enum FieldMode {
    /** A single value that may be absent: every field that is not an array. */
    NULLABLE,
    /** An array: zero or more values of the field's type. */
    REPEATED,
    /** A single value that every row must have: only ever read from a table's schema, never inferred. */
    REQUIRED
}
