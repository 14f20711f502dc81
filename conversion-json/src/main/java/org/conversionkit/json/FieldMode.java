package org.conversionkit.json;

/** The mode of a BigQuery column, as schema inference predicts it. */
public enum FieldMode {
    /** A single value that may be absent: every field that is not an array. */
    NULLABLE,
    /** An array: zero or more values of the field's type. */
    REPEATED
}
