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
import org.conversionkit.model.CrmMapper;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.internal.CrmFeedCheck;
import org.conversionkit.model.internal.FileInput;
import org.conversionkit.model.internal.ReaderSettings;
import org.conversionkit.model.internal.TypedRecordIterator;
import org.jspecify.annotations.Nullable;

/**
 * Reads the records of a CRM feed (orders, leads) in NDJSON, strictly: one JSON object a line. The loose forms that
 * {@link ConversionJsonReader} accepts for conversion rows are not a feed's: a line with single quotes, the escape
 * {@code \'}, a record spread over several lines (pretty-printed), an array of records, a comma between records or
 * two values is a {@code NOT_NDJSON} error of that line, a line with a syntax error a {@code MALFORMED_JSON} error
 * of that line, and reading goes on with the next line (lines are independent). {@link #form()} is
 * {@link JsonForm#NDJSON}.
 *
 * <pre>{@code
 * CrmProfile leads = CrmProfile.builder().idField("leadId").build();
 * try (CrmFeedReader reader = CrmFeedReader.builder().profile(leads).build(Path.of("feed.ndjson"))) {
 *     reader.stream().forEach(lead -> ...);
 * }
 * }</pre>
 *
 * <p>The checked fields go to their {@link CrmRecord} components, the id from the configured key;
 * every other key is kept in {@link CrmRecord#extras()}, in order: strings, {@link Long} or
 * {@link java.math.BigInteger} for integers, {@link java.math.BigDecimal} for other numbers,
 * booleans, {@code null}, and unmodifiable maps and lists for objects and arrays. Every field rule
 * is the {@link CrmMapper}'s, and the rules across records of the {@link CrmProfile}'s feed mode apply as the
 * feed validator applies them: in a snapshot feed an id seen before is an error, in a daily feed an
 * {@code updatedAt} on another day is one; so the reader delivers exactly the records a report counts as valid.
 * Bad bytes and breached limits are handled as by {@link ConversionJsonReader}: they end reading.
 *
 * <p>The reader is single-pass and not thread-safe: {@link #iterator()} returns the one iterator. Nothing is
 * read before the first record (or the {@link #form()}) is asked for.
 */
public final class CrmFeedReader implements Iterable<CrmRecord>, Closeable {

    private final JsonRecordSource source;
    private final TypedRecordIterator<CrmRecord> records;

    private CrmFeedReader(JsonRecordSource source, CrmProfile profile, InvalidRecordStrategy strategy) {
        this.source = source;
        this.records = new TypedRecordIterator<>(source, new CrmFeedCheck(profile)::check, strategy,
                profile.strictness());
    }

    /**
     * Returns a builder. Defaults: {@link CrmProfile#DEFAULT} (id field {@code orderId}, a snapshot feed);
     * {@link JsonLimits#DEFAULTS}; {@link InvalidRecordStrategy#FAIL}.
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
     * Returns the line where the last record the iterator returned starts, for messages of your own about it.
     *
     * @return the 1-based line, or 0 before the first record
     */
    public long lastLine() {
        return records.lastLine();
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
     * Returns the number of blank lines (white space only) read so far.
     *
     * @return the blank lines
     */
    public long blankLines() {
        return source.blankLines();
    }

    /**
     * Returns the form of a feed: {@link JsonForm#NDJSON}, always (kept for the readers' common shape).
     *
     * @return the form
     * @throws UncheckedIOException if the input cannot be read
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
     * Builds a {@link CrmFeedReader} or a {@link RecordSource} of CRM records. Every setting applies to every
     * reader and source it builds, or the builder refuses the combination:
     * {@link #invalidRecords(InvalidRecordStrategy)} decides what a typed reader does with a record, and a
     * source, which delivers every record, refuses it.
     *
     * <p>Defaults: {@link CrmProfile#DEFAULT}; {@link JsonLimits#DEFAULTS};
     * {@link InvalidRecordStrategy#FAIL}.
     */
    public static final class Builder {

        private CrmProfile profile = CrmProfile.DEFAULT;
        private JsonLimits limits = JsonLimits.DEFAULTS;
        private @Nullable InvalidRecordStrategy invalidRecords;

        private Builder() {
        }

        /**
         * Sets the profile the records are mapped and checked by: id field, feed mode, strictness and the limits
         * of the checks across records.
         *
         * @param profile the profile; default {@link CrmProfile#DEFAULT}
         * @return this builder
         */
        public Builder profile(CrmProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
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
         * Sets what a typed reader does with a record that has an error. A source delivers every record: once
         * this is set, {@code source(...)} refuses to build one.
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
         * @throws IOException if the file cannot be opened
         */
        public CrmFeedReader build(Path path) throws IOException {
            return reader(open(path, true));
        }

        /**
         * Reads a byte stream, gzip-compressed or not; the reader closes it.
         *
         * @param in the bytes, UTF-8
         * @return the reader
         */
        public CrmFeedReader build(InputStream in) {
            return reader(JsonRecordSource.ndjson(in, null, profile, limits, handler(true)));
        }

        /**
         * Reads a named byte stream, gzip-compressed or not; the reader closes it.
         *
         * @param name the input's file name, as a path or a bare name
         * @param in   the bytes, UTF-8
         * @return the reader
         */
        public CrmFeedReader build(String name, InputStream in) {
            return reader(JsonRecordSource.ndjson(in, Objects.requireNonNull(name, "name"), profile, limits,
                    handler(true)));
        }

        /**
         * Reads a char stream; the reader closes it.
         *
         * @param in the text
         * @return the reader
         */
        public CrmFeedReader build(Reader in) {
            return reader(JsonRecordSource.ndjson(in, null, profile, limits, handler(true)));
        }

        /**
         * Opens a file, gzip-compressed or not, as a record source for a validator (format {@code "json"},
         * {@code name()} the path, {@code profile()} this builder's profile). Its records hold no extras: a
         * validator does not need them.
         *
         * @param path the file
         * @return the source
         * @throws IOException if the file cannot be opened
         * @throws IllegalStateException if {@link #invalidRecords(InvalidRecordStrategy)} was set
         */
        public RecordSource source(Path path) throws IOException {
            ReaderSettings.checkSource(invalidRecords);
            return open(path, false);
        }

        /**
         * Reads a byte stream, gzip-compressed or not, as a record source without a name or extras; the source
         * closes it.
         *
         * @param in the bytes, UTF-8
         * @return the source
         * @throws IllegalStateException if {@link #invalidRecords(InvalidRecordStrategy)} was set
         */
        public RecordSource source(InputStream in) {
            ReaderSettings.checkSource(invalidRecords);
            return JsonRecordSource.ndjson(in, null, profile, limits, handler(false));
        }

        /**
         * Reads a named byte stream, gzip-compressed or not, as a record source without extras; the source
         * closes it.
         *
         * @param name the input's file name, as a path or a bare name
         * @param in   the bytes, UTF-8
         * @return the source
         * @throws IllegalStateException if {@link #invalidRecords(InvalidRecordStrategy)} was set
         */
        public RecordSource source(String name, InputStream in) {
            ReaderSettings.checkSource(invalidRecords);
            return JsonRecordSource.ndjson(in, Objects.requireNonNull(name, "name"), profile, limits, handler(false));
        }

        /**
         * Reads a char stream as a record source without a name or extras; the source closes it.
         *
         * @param in the text
         * @return the source
         * @throws IllegalStateException if {@link #invalidRecords(InvalidRecordStrategy)} was set
         */
        public RecordSource source(Reader in) {
            ReaderSettings.checkSource(invalidRecords);
            return JsonRecordSource.ndjson(in, null, profile, limits, handler(false));
        }

        private JsonRecordSource open(Path path, boolean extras) throws IOException {
            Objects.requireNonNull(path, "path");
            return JsonRecordSource.ndjson(FileInput.open(path), path.toString(), profile, limits, handler(extras));
        }

        private ObjectHandler handler(boolean extras) {
            return ObjectHandler.crm(profile.idField(), extras);
        }

        private CrmFeedReader reader(JsonRecordSource source) {
            return new CrmFeedReader(source, profile, ReaderSettings.strategy(invalidRecords));
        }
    }
}
