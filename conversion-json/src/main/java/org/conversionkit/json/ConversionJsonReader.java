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
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.ConversionMapper;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.internal.ConversionFileCheck;
import org.conversionkit.model.internal.FileInput;
import org.conversionkit.model.internal.ReaderSettings;
import org.conversionkit.model.internal.TypedRecordIterator;
import org.jspecify.annotations.Nullable;

/**
 * Reads the typed rows of a daily conversion export in JSON: NDJSON, or the loose form of the
 * source's example (single quotes, rows separated by commas, a trailing comma, with or without an
 * enclosing array), detected from the first row.
 *
 * <pre>{@code
 * try (ConversionJsonReader reader = ConversionJsonReader.builder()
 *         .profile(ConversionProfile.builder().defaults(FieldDefaults.NONE.with(Field.CHANNEL, "organic")).build())
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
 * {@link ConversionMapper}'s, under the {@link ConversionProfile}: its field defaults, its strictness, and the
 * date rows are held to, the profile's or, for a file, the one date in its name
 * ({@link ConversionProfile#dateFor(String)}), as {@code conversion-check validate} holds them; a row with the
 * url, date, channel and device of an earlier row is a {@code DUPLICATE_ROW} warning, and a key twice in a row a
 * {@code DUPLICATE_KEY} error. A record with
 * an error is handled by the {@link InvalidRecordStrategy}: by default a {@link ConversionDataException} that
 * says where and what. A syntax error, bytes that are not UTF-8, or a breached {@link JsonLimits limit} end
 * reading after that record.
 *
 * <p>The reader is single-pass and not thread-safe: {@link #iterator()} returns the one iterator. Nothing is
 * read before the first row (or the {@link #form()}) is asked for.
 */
public final class ConversionJsonReader implements Iterable<ConversionRow>, Closeable {

    private final JsonRecordSource source;
    private final TypedRecordIterator<ConversionRow> rows;

    private ConversionJsonReader(JsonRecordSource source, ConversionProfile profile, InvalidRecordStrategy strategy) {
        this.source = source;
        ConversionFileCheck check = new ConversionFileCheck(profile, source.name().orElse(null));
        this.rows = new TypedRecordIterator<>(source, check::map, strategy, profile.strictness());
    }

    /**
     * Returns a builder. Defaults: {@link ConversionProfile#DEFAULT}; {@link JsonLimits#DEFAULTS};
     * {@link InvalidRecordStrategy#FAIL}.
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
     * Returns the line where the last row the iterator returned starts, for messages of your own about it.
     *
     * @return the 1-based line, or 0 before the first row
     */
    public long lastLine() {
        return rows.lastLine();
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
     * Returns the form detected from the first row; detecting it reads the start of the input.
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
     * Builds a {@link ConversionJsonReader} or a {@link RecordSource} of conversion rows. Every setting
     * applies to every reader and source it builds, or the builder refuses the combination:
     * {@link #invalidRecords(InvalidRecordStrategy)} decides what a typed reader does with a row, and a source,
     * which delivers every record, refuses it; a profile's column layout is for CSV, and JSON rows name their
     * fields, so {@link #profile(ConversionProfile)} refuses a layout other than {@link ColumnLayout#DEFAULT}.
     *
     * <p>Defaults: {@link ConversionProfile#DEFAULT}; {@link JsonLimits#DEFAULTS};
     * {@link InvalidRecordStrategy#FAIL}.
     */
    public static final class Builder {

        private ConversionProfile profile = ConversionProfile.DEFAULT;
        private JsonLimits limits = JsonLimits.DEFAULTS;
        private @Nullable InvalidRecordStrategy invalidRecords;

        private Builder() {
        }

        /**
         * Sets the profile the rows are mapped and checked by: field defaults, the date rows are held to, the
         * file-name rule and strictness.
         *
         * @param profile the profile; default {@link ConversionProfile#DEFAULT}
         * @return this builder
         * @throws IllegalArgumentException if the profile's column layout is not {@link ColumnLayout#DEFAULT}:
         *                                  a layout orders CSV columns, and JSON rows name their fields
         */
        public Builder profile(ConversionProfile profile) {
            Objects.requireNonNull(profile, "profile");
            if (!profile.columns().equals(ColumnLayout.DEFAULT)) {
                throw new IllegalArgumentException("the column layout " + profile.columns() + " orders the columns"
                        + " of a CSV file; JSON rows name their fields, so a JSON reader takes no layout: use a"
                        + " profile with the default layout");
            }
            this.profile = profile;
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
         * Opens a file, gzip-compressed or not, for reading; its name gives the date rows are held to.
         *
         * @param path the file
         * @return the reader
         * @throws IOException if the file cannot be opened
         */
        public ConversionJsonReader build(Path path) throws IOException {
            return reader(open(path));
        }

        /**
         * Reads a byte stream, gzip-compressed or not, without a name; the reader closes it.
         *
         * @param in the bytes, UTF-8
         * @return the reader
         */
        public ConversionJsonReader build(InputStream in) {
            return reader(JsonRecordSource.of(in, null, profile, limits, ObjectHandler.conversions()));
        }

        /**
         * Reads a named byte stream, gzip-compressed or not; the name gives the date rows are held to as a
         * file's would. The reader closes the stream.
         *
         * @param name the input's file name, as a path or a bare name
         * @param in   the bytes, UTF-8
         * @return the reader
         */
        public ConversionJsonReader build(String name, InputStream in) {
            return reader(JsonRecordSource.of(in, Objects.requireNonNull(name, "name"), profile, limits,
                    ObjectHandler.conversions()));
        }

        /**
         * Reads a char stream, without a name; the reader closes it.
         *
         * @param in the text
         * @return the reader
         */
        public ConversionJsonReader build(Reader in) {
            return reader(JsonRecordSource.of(in, null, profile, limits, ObjectHandler.conversions()));
        }

        /**
         * Opens a file, gzip-compressed or not, as a record source for a validator (format {@code "json"},
         * {@code name()} the path, {@code profile()} this builder's profile).
         *
         * @param path the file
         * @return the source
         * @throws IOException if the file cannot be opened
         * @throws IllegalStateException if {@link #invalidRecords(InvalidRecordStrategy)} was set
         */
        public RecordSource source(Path path) throws IOException {
            checkSource();
            return open(path);
        }

        /**
         * Reads a byte stream, gzip-compressed or not, as a record source without a name; the source closes
         * it.
         *
         * @param in the bytes, UTF-8
         * @return the source
         * @throws IllegalStateException if {@link #invalidRecords(InvalidRecordStrategy)} was set
         */
        public RecordSource source(InputStream in) {
            checkSource();
            return JsonRecordSource.of(in, null, profile, limits, ObjectHandler.conversions());
        }

        /**
         * Reads a named byte stream, gzip-compressed or not, as a record source; the source closes it.
         *
         * @param name the input's file name, as a path or a bare name
         * @param in   the bytes, UTF-8
         * @return the source
         * @throws IllegalStateException if {@link #invalidRecords(InvalidRecordStrategy)} was set
         */
        public RecordSource source(String name, InputStream in) {
            checkSource();
            return JsonRecordSource.of(in, Objects.requireNonNull(name, "name"), profile, limits,
                    ObjectHandler.conversions());
        }

        /**
         * Reads a char stream as a record source without a name; the source closes it.
         *
         * @param in the text
         * @return the source
         * @throws IllegalStateException if {@link #invalidRecords(InvalidRecordStrategy)} was set
         */
        public RecordSource source(Reader in) {
            checkSource();
            return JsonRecordSource.of(in, null, profile, limits, ObjectHandler.conversions());
        }

        private JsonRecordSource open(Path path) throws IOException {
            Objects.requireNonNull(path, "path");
            return JsonRecordSource.of(FileInput.open(path), path.toString(), profile, limits,
                    ObjectHandler.conversions());
        }

        private void checkSource() {
            ReaderSettings.checkSource(invalidRecords);
        }

        private ConversionJsonReader reader(JsonRecordSource source) {
            return new ConversionJsonReader(source, profile, ReaderSettings.strategy(invalidRecords));
        }
    }
}
