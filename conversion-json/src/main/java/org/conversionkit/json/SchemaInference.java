package org.conversionkit.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.conversionkit.json.internal.JsonRecordSource;
import org.conversionkit.json.internal.SchemaCollector;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.RawRecord;

/**
 * Predicts the table a warehouse creates from a feed: BigQuery's schema auto-detection, applied
 * to every record of an NDJSON (or loose JSON) feed, streaming — only the schema is kept, never a
 * record.
 *
 * <pre>{@code
 * List<SchemaField> schema = SchemaInference.builder().build().infer(Path.of("feed.ndjson"));
 * BigQuerySchema.write(schema, System.out);
 * }</pre>
 *
 * <p>The rules, for each field, over all its values:
 * <ul>
 * <li>a JSON integer is {@code INTEGER} (one beyond 64 bits is {@code FLOAT}); any other number
 *     {@code FLOAT}; {@code INTEGER} and {@code FLOAT} together {@code FLOAT};</li>
 * <li>{@code true}/{@code false} is {@code BOOLEAN};</li>
 * <li>strings that are all {@code YYYY-MM-DD} calendar dates are {@code DATE}; ISO 8601
 *     date-times with an offset or {@code Z} are {@code TIMESTAMP}; without an offset
 *     {@code DATETIME}; any other string {@code STRING} (strings are classified by the model's
 *     {@link org.conversionkit.model.rules.DateRule} and
 *     {@link org.conversionkit.model.rules.IsoDateTimeRule});</li>
 * <li>an object is a {@code RECORD} whose fields are collected the same way, merged across
 *     records in first-seen order; objects that never hold a field are {@code STRING}, since
 *     BigQuery has no empty records;</li>
 * <li>an array makes the field {@code REPEATED}, of its elements' type ({@code null} elements are
 *     ignored); an array that was only ever empty is {@code REPEATED STRING};</li>
 * <li>{@code DATE}, {@code DATETIME} and {@code TIMESTAMP} in conflict, and any other mix of kinds
 *     (a string and a number, a record and a scalar, a boolean and a number), widen to
 *     {@code STRING}; {@code null} mixes with everything without changing it, and a field that is
 *     only ever {@code null} is {@code STRING};</li>
 * <li>a field that is an array in some records and a single value in others is {@code REPEATED}
 *     (the single value counts as an element: BigQuery would reject those rows, so fix the feed);
 *     an array of arrays is {@code REPEATED STRING}, since BigQuery has no arrays of arrays;</li>
 * <li>every field that is not an array is {@code NULLABLE}, as BigQuery's detection gives it.</li>
 * </ul>
 *
 * <p>Two deliberate differences from BigQuery: <b>(1)</b> date-times without an offset are
 * {@code DATETIME}, where BigQuery makes them {@code TIMESTAMP} read as UTC — a local time is not an
 * instant, and guessing UTC silently shifts data; <b>(2)</b> a JSON string stays {@code STRING}
 * even when it looks like a number ({@code "00123"} keeps its zeros), where BigQuery may detect
 * {@code INTEGER}.
 *
 * <p>Malformed input — a syntax error, bytes that are not UTF-8, a row that is not an object, a
 * breached {@link JsonLimits limit}, more distinct fields than
 * {@link JsonLimits#maxSchemaFields()} — throws a {@link ConversionDataException} with its line.
 * Instances are immutable and thread-safe.
 */
public final class SchemaInference {

    private final JsonLimits limits;

    private SchemaInference(Builder builder) {
        this.limits = builder.limits;
    }

    /**
     * Returns a builder. Defaults: {@link JsonLimits#DEFAULTS}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Infers the schema of a feed file, gzip-compressed or not.
     *
     * @param path the feed
     * @return the fields, in first-seen order; empty for a feed without records
     * @throws IOException             if the file cannot be opened or read
     * @throws ConversionDataException if the feed is malformed; says where
     */
    public List<SchemaField> infer(Path path) throws IOException {
        try {
            SchemaCollector collector = new SchemaCollector(limits);
            run(JsonRecordSource.open(path, limits, collector));
            return collector.result();
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
     * @throws ConversionDataException if the feed is malformed; says where
     */
    public List<SchemaField> infer(InputStream in) {
        SchemaCollector collector = new SchemaCollector(limits);
        run(JsonRecordSource.open(in, limits, collector));
        return collector.result();
    }

    /**
     * Infers the schema of a feed read from a char stream, and closes it.
     *
     * @param in the feed
     * @return the fields, in first-seen order; empty for a feed without records
     * @throws UncheckedIOException    if the input cannot be read
     * @throws ConversionDataException if the feed is malformed; says where
     */
    public List<SchemaField> infer(Reader in) {
        SchemaCollector collector = new SchemaCollector(limits);
        run(JsonRecordSource.open(in, limits, collector));
        return collector.result();
    }

    private static void run(JsonRecordSource source) {
        try (source) {
            RawRecord record;
            while ((record = source.next()) != null) {
                if (record.isRejected()) {
                    throw new ConversionDataException(record.violations());
                }
            }
        }
    }

    /**
     * Builds a {@link SchemaInference}.
     *
     * <p>Defaults: {@link JsonLimits#DEFAULTS}.
     */
    public static final class Builder {

        private JsonLimits limits = JsonLimits.DEFAULTS;

        private Builder() {
        }

        /**
         * Sets the limits; {@link JsonLimits#maxSchemaFields()} bounds the fields collected.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder limits(JsonLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Builds the inference.
         *
         * @return the inference
         */
        public SchemaInference build() {
            return new SchemaInference(this);
        }
    }
}
