package org.conversionkit.json;

import java.util.Objects;
import org.conversionkit.model.Severity;
import org.jspecify.annotations.Nullable;

/**
 * Something about a feed that the inferred schema cannot take as it is, or that the user should know
 * before loading it into BigQuery: a conflict, a shape BigQuery cannot load, a name it refuses, a value
 * past its sample, a field an existing table cannot take. Each is reported once per field and kind, at
 * the first row where it appears.
 *
 * @param kind     what it is
 * @param severity {@link Severity#ERROR} when a load with the printed schema fails on some row (or the
 *                 file cannot be read), {@link Severity#WARNING} when every row loads; every finding is an
 *                 error under {@link SchemaInference.Builder#strict(boolean) strict} inference
 * @param field    the field's path, names joined by {@code .} ({@code dest_machine.port}), spelled as first
 *                 seen; {@code null} for a finding about a whole row or file
 * @param line     the 1-based line where the row starts ({@code 0} for the file as a whole)
 * @param record   the 1-based number of the row ({@code 0} for the file as a whole)
 * @param value    the value that shows it, shortened to at most {@value #MAX_VALUE_LENGTH} characters, or
 *                 {@code null}
 * @param message  what BigQuery would do, and how to fix the feed
 */
public record SchemaFinding(Kind kind, Severity severity, @Nullable String field, long line, long record,
        @Nullable String value, String message) {

    /** The longest value a finding keeps; longer ones end with an ellipsis. */
    public static final int MAX_VALUE_LENGTH = 200;

    /**
     * Checks the arguments and shortens the value.
     *
     * @param kind     what it is
     * @param severity error or warning
     * @param field    the field's path, or {@code null}
     * @param line     the row's line, or {@code 0}
     * @param record   the row's number, or {@code 0}
     * @param value    the value that shows it, or {@code null}
     * @param message  what BigQuery would do, and how to fix the feed
     * @throws IllegalArgumentException if the line or record is negative
     */
    public SchemaFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (line < 0 || record < 0) {
            throw new IllegalArgumentException("line and record must be 0 or more, were " + line + " and " + record);
        }
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            value = value.substring(0, MAX_VALUE_LENGTH - 1) + "…";
        }
    }

    /**
     * Creates a finding with its kind's default severity.
     *
     * @param kind    what it is
     * @param field   the field's path, or {@code null}
     * @param line    the row's line, or {@code 0}
     * @param record  the row's number, or {@code 0}
     * @param value   the value that shows it, or {@code null}
     * @param message what BigQuery would do, and how to fix the feed
     * @return the finding
     */
    public static SchemaFinding of(Kind kind, @Nullable String field, long line, long record, @Nullable String value,
            String message) {
        return new SchemaFinding(kind, kind.defaultSeverity(), field, line, record, value, message);
    }

    /** What a finding is about. */
    public enum Kind {
        /**
         * Values of two types no column holds together (an integer and text, a boolean and a number, a record
         * and a scalar): the field is left out of the schema.
         */
        TYPE_CONFLICT(Severity.ERROR),
        /** A field that is an array in some rows and a single value in others: left out of the schema. */
        MODE_CONFLICT(Severity.ERROR),
        /**
         * A record that is a single object in some rows and an array of objects in others: the schema makes it
         * {@code REPEATED}, which BigQuery's loader takes a single object for (as bigquery-schema-generator
         * models it), so every row loads.
         */
        RECORD_MADE_REPEATED(Severity.WARNING),
        /** One array whose elements have types no column holds together: left out of the schema. */
        MIXED_ARRAY(Severity.ERROR),
        /** An array inside an array, which BigQuery cannot hold: left out of the schema. */
        NESTED_ARRAY(Severity.ERROR),
        /** A {@code null} array element, which BigQuery refuses: the row does not load. */
        NULL_IN_ARRAY(Severity.ERROR),
        /**
         * A field that is only ever {@code null}, {@code []} or <code>{}</code> where no column can be typed
         * from it: an always-empty record gets a placeholder field, or an empty field is left out.
         */
        EMPTY_FIELD(Severity.WARNING),
        /** A name BigQuery refuses as a column name: the table cannot be created with it. */
        INVALID_NAME(Severity.ERROR),
        /** A row that names one field twice, in the same or another case: the row does not load. */
        DUPLICATE_NAME(Severity.ERROR),
        /**
         * A row after BigQuery's sample window that the table created from the sample cannot take: a new
         * field, another type, another mode. The load fails there.
         */
        BEYOND_SAMPLE(Severity.ERROR),
        /** A field the existing table has no column for. */
        UNKNOWN_COLUMN(Severity.ERROR),
        /** A value the existing table's column type cannot take. */
        INCOMPATIBLE_TYPE(Severity.ERROR),
        /** An array where the existing column is not {@code REPEATED}, or a single value where it is. */
        INCOMPATIBLE_MODE(Severity.ERROR),
        /** A row without a value for a {@code REQUIRED} column of the existing table. */
        REQUIRED_MISSING(Severity.ERROR),
        /** A row that is not a JSON object: skipped, and BigQuery cannot load it; once per file, with the count. */
        NOT_AN_OBJECT(Severity.ERROR),
        /**
         * A file that is not newline-delimited JSON (a JSON array of rows, or loose JSON): BigQuery loads NDJSON
         * only.
         */
        NOT_NDJSON(Severity.ERROR),
        /**
         * Input that cannot be read on (a syntax error, bytes that are not UTF-8, a breached limit): reading
         * stops, and the schema is of the rows before it.
         */
        UNREADABLE(Severity.ERROR);

        private final Severity defaultSeverity;

        Kind(Severity defaultSeverity) {
            this.defaultSeverity = defaultSeverity;
        }

        /**
         * Returns the severity a finding of this kind has unless inference is strict.
         *
         * @return error or warning
         */
        public Severity defaultSeverity() {
            return defaultSeverity;
        }
    }
}
