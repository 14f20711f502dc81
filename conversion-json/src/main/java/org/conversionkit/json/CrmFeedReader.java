package org.conversionkit.json;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;
import org.conversionkit.json.internal.JsonRecordSource;
import org.conversionkit.json.internal.ObjectHandler;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.CrmField;
import org.conversionkit.model.CrmMapper;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.internal.TypedRecordIterator;

/**
 * Reads the records of a CRM feed (orders, leads) in NDJSON, or in the loose forms that
 * {@link ConversionJsonReader} accepts.
 *
 * <pre>{@code
 * try (CrmFeedReader reader = CrmFeedReader.builder().idField("leadId").build(Path.of("feed.ndjson"))) {
 *     reader.stream().forEach(lead -> ...);
 * }
 * }</pre>
 *
 * <p>The checked fields go to their {@link CrmRecord} components, the id from the configured key;
 * every other key is kept in {@link CrmRecord#extras()}, in order: strings, {@link Long} or
 * {@link java.math.BigInteger} for integers, {@link java.math.BigDecimal} for other numbers,
 * booleans, {@code null}, and unmodifiable maps and lists for objects and arrays. Every field rule
 * is the {@link CrmMapper}'s; rules across records (duplicates, the daily feed's date) belong to
 * the feed validator. Errors are handled as by {@link ConversionJsonReader}.
 *
 * <p>The reader is single-pass and not thread-safe: {@link #iterator()} returns the one iterator.
 */
public final class CrmFeedReader implements Iterable<CrmRecord>, Closeable {

    private final JsonRecordSource source;
    private final TypedRecordIterator<CrmRecord> records;

    private CrmFeedReader(JsonRecordSource source, CrmMapper mapper, InvalidRecordStrategy strategy) {
        this.source = source;
        this.records = new TypedRecordIterator<>(source, mapper::map, strategy);
    }

    /**
     * Returns a builder. Defaults: id field {@code orderId}; {@link JsonLimits#DEFAULTS};
     * {@link InvalidRecordStrategy#FAIL}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the iterator over the records; every call returns the same one.
     *
     * @return the records
     * @throws ConversionDataException from {@code hasNext()} for a record with an error, under
     *                                 {@link InvalidRecordStrategy#FAIL}
     * @throws UncheckedIOException    from {@code hasNext()} if the input cannot be read
     */
    @Override
    public Iterator<CrmRecord> iterator() {
        return records;
    }

    /**
     * Returns the remaining records as a sequential stream that closes this reader when closed.
     *
     * @return the records
     */
    public Stream<CrmRecord> stream() {
        return records.stream();
    }

    /**
     * Returns the number of records read so far, delivered or not.
     *
     * @return the records read
     */
    public long recordsRead() {
        return records.records();
    }

    /**
     * Returns the number of records skipped for an error ({@link InvalidRecordStrategy#SKIP}).
     *
     * @return the records skipped
     */
    public long recordsSkipped() {
        return records.skipped();
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
     * Returns the form detected from the first record.
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
     * Builds a {@link CrmFeedReader} or a {@link RecordSource} of CRM records.
     *
     * <p>Defaults: id field {@code orderId}; {@link JsonLimits#DEFAULTS};
     * {@link InvalidRecordStrategy#FAIL}.
     */
    public static final class Builder {

        private CrmMapper mapper = CrmMapper.standard();
        private JsonLimits limits = JsonLimits.DEFAULTS;
        private InvalidRecordStrategy invalidRecords = InvalidRecordStrategy.FAIL;

        private Builder() {
        }

        /**
         * Sets the key of the records' unique id.
         *
         * @param idField e.g. {@code leadId}; default {@value CrmField#DEFAULT_ID_FIELD}
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or names another CRM field
         */
        public Builder idField(String idField) {
            this.mapper = CrmMapper.of(idField);
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
        public CrmFeedReader build(Path path) throws IOException {
            return reader(JsonRecordSource.open(path, limits, handler(true)));
        }

        /**
         * Reads a byte stream, gzip-compressed or not; the reader closes it.
         *
         * @param in the bytes, UTF-8
         * @return the reader
         * @throws UncheckedIOException if the start of the input cannot be read
         */
        public CrmFeedReader build(InputStream in) {
            try {
                return reader(JsonRecordSource.open(in, limits, handler(true)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Reads a char stream; the reader closes it.
         *
         * @param in the text
         * @return the reader
         * @throws UncheckedIOException if the start of the input cannot be read
         */
        public CrmFeedReader build(Reader in) {
            try {
                return reader(JsonRecordSource.open(in, limits, handler(true)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Opens a file, gzip-compressed or not, as a record source for a validator (format
         * {@code "json"}). Its records hold no extras: a validator does not need them.
         *
         * @param path the file
         * @return the source
         * @throws IOException if the file cannot be opened or its start cannot be read
         */
        public RecordSource source(Path path) throws IOException {
            return JsonRecordSource.open(path, limits, handler(false));
        }

        /**
         * Reads a byte stream, gzip-compressed or not, as a record source without extras; the
         * source closes it.
         *
         * @param in the bytes, UTF-8
         * @return the source
         * @throws UncheckedIOException if the start of the input cannot be read
         */
        public RecordSource source(InputStream in) {
            try {
                return JsonRecordSource.open(in, limits, handler(false));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Reads a char stream as a record source without extras; the source closes it.
         *
         * @param in the text
         * @return the source
         * @throws UncheckedIOException if the start of the input cannot be read
         */
        public RecordSource source(Reader in) {
            try {
                return JsonRecordSource.open(in, limits, handler(false));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private ObjectHandler handler(boolean extras) {
            return ObjectHandler.crm(mapper.idField(), extras);
        }

        private CrmFeedReader reader(JsonRecordSource source) {
            return new CrmFeedReader(source, mapper, invalidRecords);
        }
    }
}
