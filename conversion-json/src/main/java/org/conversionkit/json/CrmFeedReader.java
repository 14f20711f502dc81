package org.conversionkit.json;

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
import org.conversionkit.model.CrmMapper;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.TypedReader;
import org.conversionkit.model.TypedReaderBuilder;
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
public final class CrmFeedReader implements TypedReader<CrmRecord> {

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

    @Override
    public Iterator<CrmRecord> iterator() {
        return records;
    }

    @Override
    public Stream<CrmRecord> stream() {
        return records.stream();
    }

    @Override
    public long lastLine() {
        return records.lastLine();
    }

    @Override
    public long recordsRead() {
        return records.records();
    }

    @Override
    public long recordsSkipped() {
        return records.skipped();
    }

    @Override
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

    @Override
    public void close() {
        source.close();
    }

    /**
     * Builds a {@link CrmFeedReader} or a {@link RecordSource} of CRM records; as every
     * {@link TypedReaderBuilder}, a builder can build any number of them, and every setting applies to all. The
     * records of a source hold no {@link CrmRecord#extras()}: a validator does not need them.
     *
     * <p>Defaults: {@link CrmProfile#DEFAULT}; {@link JsonLimits#DEFAULTS};
     * {@link InvalidRecordStrategy#FAIL}.
     */
    public static final class Builder implements TypedReaderBuilder<Builder, CrmFeedReader> {

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

        @Override
        public Builder invalidRecords(InvalidRecordStrategy invalidRecords) {
            this.invalidRecords = Objects.requireNonNull(invalidRecords, "invalidRecords");
            return this;
        }

        @Override
        public CrmFeedReader build(Path path) throws IOException {
            return reader(open(path, true));
        }

        @Override
        public CrmFeedReader build(InputStream in) {
            return reader(JsonRecordSource.ndjson(in, null, profile, limits, handler(true)));
        }

        @Override
        public CrmFeedReader build(String name, InputStream in) {
            return reader(JsonRecordSource.ndjson(in, Objects.requireNonNull(name, "name"), profile, limits,
                    handler(true)));
        }

        @Override
        public CrmFeedReader build(Reader in) {
            return reader(JsonRecordSource.ndjson(in, null, profile, limits, handler(true)));
        }

        @Override
        public RecordSource source(Path path) throws IOException {
            ReaderSettings.checkSource(invalidRecords);
            return open(path, false);
        }

        @Override
        public RecordSource source(InputStream in) {
            ReaderSettings.checkSource(invalidRecords);
            return JsonRecordSource.ndjson(in, null, profile, limits, handler(false));
        }

        @Override
        public RecordSource source(String name, InputStream in) {
            ReaderSettings.checkSource(invalidRecords);
            return JsonRecordSource.ndjson(in, Objects.requireNonNull(name, "name"), profile, limits, handler(false));
        }

        @Override
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
