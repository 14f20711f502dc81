package org.conversionkit.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.conversionkit.json.internal.JsonRecordSource;
import org.conversionkit.json.internal.SchemaCollector;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.Severity;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;

/**
 * Predicts the table BigQuery creates from an NDJSON feed with schema auto-detection, and says when a
 * feed will not load: streaming, only the field tree and a few numbers per field are kept, never a row.
 *
 * <pre>{@code
 * SchemaAnalysis analysis = SchemaInference.builder().build().analyze(Path.of("feed.ndjson"));
 * BigQuerySchema.write(analysis.schema(), System.out);
 * analysis.findings().forEach(f -> System.err.println(f.line() + " " + f.kind() + " " + f.message()));
 * }</pre>
 *
 * <p>Values are typed as BigQuery's loader reads them, for each field over its values:
 * <ul>
 * <li>a JSON integer is {@code INTEGER} (one beyond 64 bits is {@code FLOAT}), any other number
 *     {@code FLOAT}, integers and other numbers together {@code FLOAT}; {@code true}/{@code false} is
 *     {@code BOOLEAN}; an object is a {@code RECORD} of its own fields; an array makes the field
 *     {@code REPEATED} of its elements' type;</li>
 * <li>a string is {@code TIMESTAMP} when it is {@code YYYY-[M]M-[D]D( |T)[H]H:[M]M:[S]S[.DDDDDD]} and a
 *     time zone ({@code Z}, {@code UTC} or {@code (+|-)H[H][:M[M]]}, optionally after a space); without a
 *     zone it is {@code DATETIME} (difference 1, below); {@code DATE} when it is {@code YYYY-[M]M-[D]D};
 *     {@code TIME} when it is {@code [H]H:[M]M:[S]S[.DDDDDD]}; dates and times must exist (no
 *     {@code 2020-02-30}, no hour 24), more than 6 fraction digits, {@code +0200}, a decimal comma or a
 *     time without seconds are text; any other string is {@code STRING}, also one that looks like a
 *     number or a boolean (difference 2);</li>
 * <li>strings of different forms together (a date and a time, a date and text) are {@code STRING};</li>
 * <li>column names ignore case: two spellings are one field, spelled as first seen;</li>
 * <li>a field only ever {@code null} is {@code STRING}, one only ever {@code []} is {@code REPEATED STRING},
 *     as BigQuery's detection gives them; one only ever <code>{}</code> (BigQuery has no record without
 *     fields) gets a placeholder field {@code __unknown__ STRING} and an {@link SchemaFinding.Kind#EMPTY_FIELD}
 *     warning ({@link EmptyFields#OMIT} leaves all three out instead);</li>
 * <li>every field that is not an array is {@code NULLABLE}.</li>
 * </ul>
 *
 * <p>What BigQuery cannot load is a {@link SchemaFinding}, with the field, the first line where it appears
 * and what BigQuery would do: values of two types no column holds (an integer and text, a record and a
 * scalar, a boolean and a number: the field is left out of the schema), a field that is an array in some
 * rows and a single value in others (left out; for records the field becomes a {@code REPEATED RECORD},
 * a warning), mixed array elements, arrays of arrays, {@code null} array elements, names BigQuery refuses,
 * a name given twice in a row (in any case), rows that are not objects, a file that is not NDJSON,
 * and input that cannot be read on (the schema is then of the rows before it).
 *
 * <p><b>The sample window.</b> BigQuery detects the schema from the first {@value #DEFAULT_SAMPLE_ROWS} rows
 * of a file ({@link Builder#sampleRows(long)}). The schema is that of the window; every later row is held
 * to it, and a field first seen later, or a value of another type or shape, is a
 * {@link SchemaFinding.Kind#BEYOND_SAMPLE} error at its line: the load fails there.
 *
 * <p><b>An existing table.</b> With {@link Builder#against(List)} every row is held to the table's schema
 * instead: a field the table has no column for, a value its column's type cannot take, an array for a
 * column that is not {@code REPEATED} (or the reverse), a row without a {@code REQUIRED} column, each is
 * an error at its line. The schema is then the table's, with the feed's new fields added and {@code REQUIRED}
 * columns some row lacks relaxed to {@code NULLABLE}: what the table would need to take the feed.
 *
 * <p><b>Two deliberate differences from BigQuery</b>, each an option: <b>(1)</b> date-times without a
 * time zone are {@code DATETIME}, where BigQuery makes them {@code TIMESTAMP} read as UTC — a local time is not
 * an instant, and guessing UTC silently shifts data ({@link LocalDateTimes#TIMESTAMP} for BigQuery's way);
 * <b>(2)</b> a JSON string stays {@code STRING} even when it looks like a number or a boolean ({@code "00123"}
 * keeps its zeros), where BigQuery detects {@code INTEGER}, {@code FLOAT} or {@code BOOLEAN}
 * ({@link QuotedValues#DETECTED} for BigQuery's way). {@link Builder#bigQueryExact()} turns both off.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SchemaInference {

    /** The rows BigQuery's schema auto-detection reads from the start of a file. */
    public static final long DEFAULT_SAMPLE_ROWS = 500;

    /**
     * The longest key read by default, as {@link JsonLimits#maxNameLength()} counts it: the bytes of its UTF-8 in a
     * file (its chars from a {@code Reader}). {@link JsonLimits#DEFAULT_MAX_NAME_LENGTH} (256) is below the 300
     * characters of a BigQuery column name, so a feed with a valid 257-character name stopped as unreadable, and a
     * name past 300 never reached the {@code INVALID_NAME} rule. 1,200 takes every name BigQuery takes (300
     * characters are at most 1,200 bytes, letters past U+FFFF taking 4 each, and 600 chars) and still bounds a
     * hostile key.
     */
    private static final int DEFAULT_MAX_NAME_LENGTH = 1200;

    /** {@link JsonLimits#DEFAULTS} but for keys, which are as long as BigQuery's column names may be. */
    private static final JsonLimits DEFAULT_LIMITS = JsonLimits.DEFAULTS.toBuilder()
            .maxNameLength(DEFAULT_MAX_NAME_LENGTH).build();
    /** For {@link Builder#sampleRows(long)}: infer from every row, as for a table created before the load. */
    public static final long ALL_ROWS = Long.MAX_VALUE;

    /** How strings that look like numbers or booleans are typed. */
    public enum QuotedValues {
        /** They stay {@code STRING}: {@code "00123"} keeps its zeros (the default; a deliberate difference). */
        STRING,
        /**
         * As BigQuery detects them: {@code "42"} is {@code INTEGER}, {@code "4.2"} {@code FLOAT}, {@code "True"}
         * {@code BOOLEAN}.
         */
        DETECTED
    }

    /** How date-times without a time zone are typed. */
    public enum LocalDateTimes {
        /** {@code DATETIME}: a local time is not an instant (the default; a deliberate difference). */
        DATETIME,
        /** {@code TIMESTAMP}, read as UTC, as BigQuery detects them. */
        TIMESTAMP
    }

    /** Whose table is predicted. */
    public enum Target {
        /** BigQuery's schema auto-detection (the default). */
        BIGQUERY,
        /**
         * The table SegmentStream's JSON feed import documents for its sample CRM feed: dates are
         * {@code DATETIME} there, where BigQuery's detection gives {@code DATE}; everything else as BigQuery.
         */
        SEGMENTSTREAM
    }

    /** What becomes of fields only ever {@code null}, {@code []} or <code>{}</code>. */
    public enum EmptyFields {
        /**
         * Typed as BigQuery's detection gives them: {@code STRING}, {@code REPEATED STRING}, and a record with a
         * placeholder field (the default).
         */
        KEEP,
        /** Left out of the schema, with a warning: bigquery-schema-generator's default. */
        OMIT
    }

    /** Which column names BigQuery is taken to accept. */
    public enum ColumnNames {
        /** Letters, digits and underscores, not starting with a digit, at most 300 characters (the default). */
        STANDARD,
        /**
         * BigQuery's flexible column names: also dashes, spaces, letters of any script and
         * {@code & % = + : ' < > # |}.
         */
        FLEXIBLE
    }

    private final JsonLimits limits;
    private final long sampleRows;
    private final QuotedValues quotedValues;
    private final LocalDateTimes localDateTimes;
    private final Target target;
    private final EmptyFields emptyFields;
    private final ColumnNames columnNames;
    private final @Nullable List<SchemaField> table;
    private final boolean strict;

    private SchemaInference(Builder builder) {
        this.limits = builder.limits;
        this.sampleRows = builder.sampleRows;
        this.quotedValues = builder.quotedValues;
        this.localDateTimes = builder.localDateTimes;
        this.target = builder.target;
        this.emptyFields = builder.emptyFields;
        this.columnNames = builder.columnNames;
        this.table = builder.table;
        this.strict = builder.strict;
    }

    /**
     * Returns a builder. Defaults: {@link JsonLimits#DEFAULTS} with keys of up to 1,200 bytes (BigQuery's column
     * names have up to 300 characters), a sample window of {@value #DEFAULT_SAMPLE_ROWS}
     * rows, {@link QuotedValues#STRING}, {@link LocalDateTimes#DATETIME}, {@link Target#BIGQUERY},
     * {@link EmptyFields#KEEP}, {@link ColumnNames#STANDARD}, no existing table, not strict.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Analyzes a feed file, gzip-compressed or not.
     *
     * @param path the feed
     * @return the schema, the findings and the rows read
     * @throws IOException if the file cannot be opened or read
     */
    public SchemaAnalysis analyze(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        try {
            return run(collector -> JsonRecordSource.open(path, limits, collector), false);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Analyzes a feed read from a byte stream, gzip-compressed or not, and closes it.
     *
     * @param in the feed, UTF-8
     * @return the schema, the findings and the rows read
     * @throws UncheckedIOException if the input cannot be read
     */
    public SchemaAnalysis analyze(InputStream in) {
        Objects.requireNonNull(in, "in");
        return unchecked(collector -> JsonRecordSource.open(in, limits, collector), false);
    }

    /**
     * Analyzes a feed read from a char stream, and closes it.
     *
     * @param in the feed
     * @return the schema, the findings and the rows read
     * @throws UncheckedIOException if the input cannot be read
     */
    public SchemaAnalysis analyze(Reader in) {
        Objects.requireNonNull(in, "in");
        return unchecked(collector -> JsonRecordSource.open(in, limits, collector), false);
    }

    /**
     * Infers the schema of a feed file, gzip-compressed or not: {@link #analyze(Path)} without the findings,
     * failing on input that cannot be read.
     *
     * @param path the feed
     * @return the fields, in first-seen order; empty for a feed without records
     * @throws IOException             if the file cannot be opened or read
     * @throws ConversionDataException if a row is not an object or the input cannot be read on (a syntax
     *                                 error, bytes that are not UTF-8, a breached limit); says where
     */
    public List<SchemaField> infer(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        try {
            return run(collector -> JsonRecordSource.open(path, limits, collector), true).schema();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Infers the schema of a feed read from a byte stream, gzip-compressed or not, and closes it.
     *
     * @param in the feed, UTF-8
     * @return the fields, in first-seen order; empty for a feed without records
     * @throws UncheckedIOException    if the input cannot be read
     * @throws ConversionDataException if a row is not an object or the input cannot be read on; says where
     */
    public List<SchemaField> infer(InputStream in) {
        Objects.requireNonNull(in, "in");
        return unchecked(collector -> JsonRecordSource.open(in, limits, collector), true).schema();
    }

    /**
     * Infers the schema of a feed read from a char stream, and closes it.
     *
     * @param in the feed
     * @return the fields, in first-seen order; empty for a feed without records
     * @throws UncheckedIOException    if the input cannot be read
     * @throws ConversionDataException if a row is not an object or the input cannot be read on; says where
     */
    public List<SchemaField> infer(Reader in) {
        Objects.requireNonNull(in, "in");
        return unchecked(collector -> JsonRecordSource.open(in, limits, collector), true).schema();
    }

    /** Opens the record source of one input over a collector. */
    @FunctionalInterface
    private interface Opener {
        JsonRecordSource open(SchemaCollector collector) throws IOException;
    }

    private SchemaAnalysis unchecked(Opener opener, boolean failOnRejected) {
        try {
            return run(opener, failOnRejected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SchemaAnalysis run(Opener opener, boolean failOnRejected) throws IOException {
        SchemaCollector collector = collector();
        return analysis(opener.open(collector), collector, failOnRejected);
    }

    private SchemaCollector collector() {
        return new SchemaCollector(new SchemaCollector.Settings(limits, quotedValues == QuotedValues.DETECTED,
                localDateTimes == LocalDateTimes.TIMESTAMP, target == Target.SEGMENTSTREAM,
                emptyFields == EmptyFields.OMIT, columnNames == ColumnNames.FLEXIBLE, sampleRows, table));
    }

    private SchemaAnalysis analysis(JsonRecordSource source, SchemaCollector collector, boolean failOnRejected) {
        long rows = 0;
        try (source) {
            if (source.form() != JsonForm.NDJSON) {
                collector.add(SchemaFinding.of(SchemaFinding.Kind.NOT_NDJSON, null, 0, 0, null, "BigQuery loads"
                        + " newline-delimited JSON only, one object a line; this file is "
                        + (source.form() == JsonForm.ARRAY ? "a JSON array of rows" : "loose JSON (single quotes or"
                                + " rows separated by commas)") + ": the schema is of its rows, but bq load cannot"
                        + " read the file as it is; write one JSON object a line"));
            }
            RawRecord record;
            @Nullable Violation notAnObject = null;
            long notObjects = 0;
            while ((record = source.next()) != null) {
                rows = record.record();
                if (record.isRejected()) {
                    if (failOnRejected) {
                        throw new ConversionDataException(record.violations());
                    }
                    for (Violation violation : record.violations()) {
                        if (violation.code() != ViolationCode.NOT_AN_OBJECT) {
                            collector.add(unreadable(violation));
                        } else if (notObjects++ == 0) {
                            // Once per file, with a count: a feed of a billion arrays must not keep a billion findings.
                            notAnObject = violation;
                        }
                    }
                }
            }
            if (notAnObject != null) {
                collector.add(SchemaFinding.of(SchemaFinding.Kind.NOT_AN_OBJECT, null, notAnObject.line(),
                        notAnObject.record(), notAnObject.value(), notAnObject.message() + "; BigQuery cannot load the"
                                + " row" + (notObjects > 1
                                        ? " (" + notObjects + " rows are not objects, this is the first)" : "")));
            }
        }
        List<SchemaField> schema = collector.result();
        List<SchemaFinding> findings = collector.findings();
        if (strict) {
            List<SchemaFinding> errors = new ArrayList<>(findings.size());
            for (SchemaFinding f : findings) {
                errors.add(new SchemaFinding(f.kind(), Severity.ERROR, f.field(), f.line(), f.record(), f.value(),
                        f.message()));
            }
            findings = errors;
        }
        return new SchemaAnalysis(schema, findings, rows);
    }

    private static SchemaFinding unreadable(Violation violation) {
        return SchemaFinding.of(SchemaFinding.Kind.UNREADABLE, null, violation.line(), violation.record(),
                violation.value(), violation.code() + ": " + violation.message() + "; reading stopped there, and the"
                        + " schema is of the rows before it");
    }

    /**
     * Builds a {@link SchemaInference}.
     *
     * <p>Defaults: {@link JsonLimits#DEFAULTS} with keys of up to 1,200 bytes (BigQuery's column names have up to
     * 300 characters), a sample window of {@value #DEFAULT_SAMPLE_ROWS} rows,
     * {@link QuotedValues#STRING}, {@link LocalDateTimes#DATETIME}, {@link Target#BIGQUERY},
     * {@link EmptyFields#KEEP}, {@link ColumnNames#STANDARD}, no existing table, not strict.
     */
    public static final class Builder {

        private JsonLimits limits = DEFAULT_LIMITS;
        private long sampleRows = DEFAULT_SAMPLE_ROWS;
        private boolean sampleRowsSet;
        private QuotedValues quotedValues = QuotedValues.STRING;
        private LocalDateTimes localDateTimes = LocalDateTimes.DATETIME;
        private Target target = Target.BIGQUERY;
        private EmptyFields emptyFields = EmptyFields.KEEP;
        private ColumnNames columnNames = ColumnNames.STANDARD;
        private @Nullable List<SchemaField> table;
        private boolean strict;

        private Builder() {
        }

        /**
         * Sets the limits; {@link JsonLimits#maxSchemaFields()} bounds the field names kept (each spelling
         * counts), the columns of an existing table included.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder limits(JsonLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Sets the rows the schema is detected from, BigQuery's sample window; later rows are held to it.
         *
         * @param rows the rows, 1 or more; {@link #ALL_ROWS} for every row (a table created before the load)
         * @return this builder
         * @throws IllegalArgumentException if {@code rows} is less than 1
         */
        public Builder sampleRows(long rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("sampleRows must be 1 or more, was " + rows);
            }
            this.sampleRows = rows;
            this.sampleRowsSet = true;
            return this;
        }

        /**
         * Sets how strings that look like numbers or booleans are typed.
         *
         * @param quotedValues {@link QuotedValues#STRING} (default) or {@link QuotedValues#DETECTED}
         * @return this builder
         */
        public Builder quotedValues(QuotedValues quotedValues) {
            this.quotedValues = Objects.requireNonNull(quotedValues, "quotedValues");
            return this;
        }

        /**
         * Sets how date-times without a time zone are typed.
         *
         * @param localDateTimes {@link LocalDateTimes#DATETIME} (default) or {@link LocalDateTimes#TIMESTAMP}
         * @return this builder
         */
        public Builder localDateTimes(LocalDateTimes localDateTimes) {
            this.localDateTimes = Objects.requireNonNull(localDateTimes, "localDateTimes");
            return this;
        }

        /**
         * Turns both deliberate differences off, so that the schema is BigQuery's own:
         * {@link QuotedValues#DETECTED} and {@link LocalDateTimes#TIMESTAMP}. A later call of
         * {@link #quotedValues} or {@link #localDateTimes} overrides its half.
         *
         * @return this builder
         */
        public Builder bigQueryExact() {
            this.quotedValues = QuotedValues.DETECTED;
            this.localDateTimes = LocalDateTimes.TIMESTAMP;
            return this;
        }

        /**
         * Sets whose table is predicted.
         *
         * @param target {@link Target#BIGQUERY} (default) or {@link Target#SEGMENTSTREAM}
         * @return this builder
         */
        public Builder target(Target target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        /**
         * Sets what becomes of fields only ever {@code null}, {@code []} or <code>{}</code>.
         *
         * @param emptyFields {@link EmptyFields#KEEP} (default) or {@link EmptyFields#OMIT}
         * @return this builder
         */
        public Builder emptyFields(EmptyFields emptyFields) {
            this.emptyFields = Objects.requireNonNull(emptyFields, "emptyFields");
            return this;
        }

        /**
         * Sets which column names BigQuery is taken to accept.
         *
         * @param columnNames {@link ColumnNames#STANDARD} (default) or {@link ColumnNames#FLEXIBLE}
         * @return this builder
         */
        public Builder columnNames(ColumnNames columnNames) {
            this.columnNames = Objects.requireNonNull(columnNames, "columnNames");
            return this;
        }

        /**
         * Checks feeds against an existing table instead of predicting a new one: every row is held to the
         * table's schema, as {@code bq show --schema} prints it ({@link BigQuerySchema#read(Reader)}).
         *
         * @param table the table's columns
         * @return this builder
         * @throws IllegalArgumentException if two columns of one record have the same name ignoring case
         */
        public Builder against(List<SchemaField> table) {
            List<SchemaField> columns = List.copyOf(table);
            checkNames(columns);
            this.table = columns;
            return this;
        }

        private static void checkNames(List<SchemaField> columns) {
            Set<String> names = new HashSet<>();
            for (SchemaField column : columns) {
                if (!names.add(column.name().toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("the table names " + column.name()
                            + " twice: BigQuery column names ignore case");
                }
                checkNames(column.fields());
            }
        }

        /**
         * Sets whether every finding is an error, warnings included: the feed is then valid only without any.
         *
         * @param strict {@code true} for strict inference
         * @return this builder
         */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * Builds the inference.
         *
         * @return the inference
         * @throws IllegalStateException if both a sample window and an existing table are set: a table that
         *                               exists is not detected from a sample
         */
        public SchemaInference build() {
            if (sampleRowsSet && table != null) {
                throw new IllegalStateException("sampleRows does not apply to a check against an existing table:"
                        + " the table is not detected from a sample");
            }
            return new SchemaInference(this);
        }
    }
}
