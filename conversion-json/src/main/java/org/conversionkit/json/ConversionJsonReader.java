package org.conversionkit.json;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;
import org.conversionkit.json.internal.JsonRecordSource;
import org.conversionkit.json.internal.ObjectHandler;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.ConversionMapper;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.internal.TypedRecordIterator;
import org.jspecify.annotations.Nullable;

/**
 * Reads the typed rows of a daily conversion export in JSON: NDJSON, or the loose form of the
 * source's example (single quotes, rows separated by commas, a trailing comma, with or without an
 * enclosing array), detected from the first row.
 *
 * <pre>{@code
 * try (ConversionJsonReader reader = ConversionJsonReader.builder()
 *         .defaults(FieldDefaults.NONE.with(Field.CHANNEL, "organic"))
 *         .expectedDate(LocalDate.of(2020, 9, 22))
 *         .build(Path.of("conversion-export-2020-09-22.json"))) {
 *     for (ConversionRow row : reader) {
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Keys are matched exactly ({@code url}, {@code date}, {@code channel}, {@code device},
 * {@code transactions}, {@code revenue}); another key is an {@code UNKNOWN_FIELD} warning and its
 * value is skipped. JSON {@code null} is an absent field. Every field rule is the
 * {@link ConversionMapper}'s. A record with an error is handled by the {@link InvalidRecordStrategy}:
 * by default a {@link ConversionDataException} that says where and what. A syntax error, bytes
 * that are not UTF-8, or a breached {@link JsonLimits limit} end reading after that record.
 *
 * <p>The reader is single-pass and not thread-safe: {@link #iterator()} returns the one iterator.
 */
public final class ConversionJsonReader implements Iterable<ConversionRow>, Closeable {

    private final JsonRecordSource source;
    private final TypedRecordIterator<ConversionRow> rows;

    private ConversionJsonReader(JsonRecordSource source, ConversionMapper mapper, InvalidRecordStrategy strategy) {
        this.source = source;
        this.rows = new TypedRecordIterator<>(source, mapper::map, strategy);
    }

    /**
     * Returns a builder. Defaults: no field defaults ({@link FieldDefaults#NONE}); no expected date;
     * {@link JsonLimits#DEFAULTS}; {@link InvalidRecordStrategy#FAIL}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the iterator over the rows; every call returns the same one.
     *
     * @return the rows
     * @throws ConversionDataException from {@code hasNext()} for a record with an error, under
     *                                 {@link InvalidRecordStrategy#FAIL}
     * @throws UncheckedIOException    from {@code hasNext()} if the input cannot be read
     */
    @Override
    public Iterator<ConversionRow> iterator() {
        return rows;
    }

    /**
     * Returns the remaining rows as a sequential stream that closes this reader when closed.
     *
     * @return the rows
     */
    public Stream<ConversionRow> stream() {
        return rows.stream();
    }

    /**
     * Returns the number of records read so far, delivered or not.
     *
     * @return the records read
     */
    public long recordsRead() {
        return rows.records();
    }

    /**
     * Returns the number of records skipped for an error ({@link InvalidRecordStrategy#SKIP}).
     *
     * @return the records skipped
     */
    public long recordsSkipped() {
        return rows.skipped();
    }

    /**
     * Returns the number of blank lines read so far (NDJSON only; 0 for the other forms).
     *
     * @return the blank lines
     */
    public long blankLines() {
        return source.blankLines();
    }

    /**
     * Returns the form detected from the first row.
     *
     * @return the form
     */
    public JsonForm form() {
        return source.form();
    }

    /**
     * Closes the input.
     *
     * @throws UncheckedIOException if closing fails
     */
    @Override
    public void close() {
        source.close();
    }

    /**
     * Builds a {@link ConversionJsonReader} or a {@link RecordSource} of conversion rows.
     *
     * <p>Defaults: no field defaults ({@link FieldDefaults#NONE}); no expected date;
     * {@link JsonLimits#DEFAULTS}; {@link InvalidRecordStrategy#FAIL}.
     */
    public static final class Builder {

        private FieldDefaults defaults = FieldDefaults.NONE;
        private @Nullable LocalDate expectedDate;
        private JsonLimits limits = JsonLimits.DEFAULTS;
        private InvalidRecordStrategy invalidRecords = InvalidRecordStrategy.FAIL;

        private Builder() {
        }

        /**
         * Sets the values absent optional fields take.
         *
         * @param defaults the defaults
         * @return this builder
         */
        public Builder defaults(FieldDefaults defaults) {
            this.defaults = Objects.requireNonNull(defaults, "defaults");
            return this;
        }

        /**
         * Sets the date every row must have (the file's date): another is {@code DATE_MISMATCH}.
         *
         * @param expectedDate the date, or {@code null} for none
         * @return this builder
         */
        public Builder expectedDate(@Nullable LocalDate expectedDate) {
            this.expectedDate = expectedDate;
            return this;
        }

        /**
         * Sets the limits.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder limits(JsonLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Sets what the reader does with a record that has an error.
         *
         * @param invalidRecords the strategy
         * @return this builder
         */
        public Builder invalidRecords(InvalidRecordStrategy invalidRecords) {
            this.invalidRecords = Objects.requireNonNull(invalidRecords, "invalidRecords");
            return this;
        }

        /**
         * Opens a file, gzip-compressed or not, for reading.
         *
         * @param path the file
         * @return the reader
         * @throws IOException if the file cannot be opened or its start cannot be read
         */
        public ConversionJsonReader build(Path path) throws IOException {
            return reader(JsonRecordSource.open(path, limits, ObjectHandler.conversions()));
        }

        /**
         * Reads a byte stream, gzip-compressed or not; the reader closes it.
         *
         * @param in the bytes, UTF-8
         * @return the reader
         * @throws UncheckedIOException if the start of the input cannot be read
         */
        public ConversionJsonReader build(InputStream in) {
            return reader(open(in));
        }

        /**
         * Reads a char stream; the reader closes it.
         *
         * @param in the text
         * @return the reader
         * @throws UncheckedIOException if the start of the input cannot be read
         */
        public ConversionJsonReader build(Reader in) {
            return reader(open(in));
        }

        /**
         * Opens a file, gzip-compressed or not, as a record source for a validator (format
         * {@code "json"}); the defaults, expected date and strategy do not apply to it.
         *
         * @param path the file
         * @return the source
         * @throws IOException if the file cannot be opened or its start cannot be read
         */
        public RecordSource source(Path path) throws IOException {
            return JsonRecordSource.open(path, limits, ObjectHandler.conversions());
        }

        /**
         * Reads a byte stream, gzip-compressed or not, as a record source; the source closes it.
         *
         * @param in the bytes, UTF-8
         * @return the source
         * @throws UncheckedIOException if the start of the input cannot be read
         */
        public RecordSource source(InputStream in) {
            return open(in);
        }

        /**
         * Reads a char stream as a record source; the source closes it.
         *
         * @param in the text
         * @return the source
         * @throws UncheckedIOException if the start of the input cannot be read
         */
        public RecordSource source(Reader in) {
            return open(in);
        }

        private JsonRecordSource open(InputStream in) {
            try {
                return JsonRecordSource.open(in, limits, ObjectHandler.conversions());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private JsonRecordSource open(Reader in) {
            try {
                return JsonRecordSource.open(in, limits, ObjectHandler.conversions());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private ConversionJsonReader reader(JsonRecordSource source) {
            ConversionMapper mapper = ConversionMapper.builder().defaults(defaults).expectedDate(expectedDate).build();
            return new ConversionJsonReader(source, mapper, invalidRecords);
        }
    }
}
