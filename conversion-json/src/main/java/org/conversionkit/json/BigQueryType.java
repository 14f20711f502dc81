package org.conversionkit.json;

/**
 * A BigQuery column type: the types schema inference predicts, and the others a table read with
 * {@link BigQuerySchema#read(java.io.Reader)} may hold. Names are the legacy ones {@code bq show --schema}
 * prints; {@link BigQuerySchema#read(java.io.Reader)} also takes the standard SQL ones ({@code INT64},
 * {@code FLOAT64}, {@code BOOL}, {@code STRUCT}).
 */
public enum BigQueryType {
    /** Text, and the type a mix of string forms (a date and a time, a date and text) widens to. */
    STRING,
    /** A JSON integer within 64 bits; with quoted values detected, also a quoted one ({@code "42"}). */
    INTEGER,
    /**
     * A JSON number with a fraction or an exponent, an integer beyond 64 bits, or integers and such numbers together.
     */
    FLOAT,
    /** {@code true} or {@code false}; with quoted values detected, also quoted ({@code "True"}). */
    BOOLEAN,
    /** Strings that are all dates {@code YYYY-[M]M-[D]D}. */
    DATE,
    /**
     * Strings that are all date-times without a time zone (a deliberate difference: BigQuery says TIMESTAMP);
     * for the SegmentStream target, also dates.
     */
    DATETIME,
    /** Strings that are all date-times with a time zone. */
    TIMESTAMP,
    /** A JSON object, with fields of its own. */
    RECORD,
    /** Strings that are all times of day {@code [H]H:[M]M:[S]S[.DDDDDD]}. */
    TIME,
    /** Binary data, base64 text in JSON: only ever read from a table's schema. */
    BYTES,
    /** An exact decimal number: only ever read from a table's schema. */
    NUMERIC,
    /** An exact decimal number of more digits: only ever read from a table's schema. */
    BIGNUMERIC,
    /** A geography, as text in JSON: only ever read from a table's schema. */
    GEOGRAPHY,
    /** Any JSON value: only ever read from a table's schema. */
    JSON,
    /** A duration, as text in JSON: only ever read from a table's schema. */
    INTERVAL
}
