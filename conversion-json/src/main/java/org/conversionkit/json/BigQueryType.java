package org.conversionkit.json;

/** A BigQuery column type, as schema inference predicts it. */
public enum BigQueryType {
    /** Text, and the type every conflict widens to. */
    STRING,
    /** A JSON integer within 64 bits. */
    INTEGER,
    /** A JSON number with a fraction or an exponent, or an integer beyond 64 bits. */
    FLOAT,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Strings that are all {@code YYYY-MM-DD} calendar dates. */
    DATE,
    /** Strings that are all ISO 8601 date-times without an offset. */
    DATETIME,
    /** Strings that are all ISO 8601 date-times with an offset or {@code Z}. */
    TIMESTAMP,
    /** A JSON object, with fields of its own. */
    RECORD
}
