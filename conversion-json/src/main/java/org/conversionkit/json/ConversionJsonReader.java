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
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.ConversionMapper;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.TypedReader;
import org.conversionkit.model.TypedReaderBuilder;
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
public final class ConversionJsonReader implements TypedReader<ConversionRow> {

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

    @Override
    public Iterator<ConversionRow> iterator() {
        return rows;
    }

    @Override
    public Stream<ConversionRow> stream() {
        return rows.stream();
    }

    @Override
    public long lastLine() {
        return rows.lastLine();
    }

    @Override
    public long recordsRead() {
        return rows.records();
    }

    @Override
    public long recordsSkipped() {
        return rows.skipped();
    }

    @Override
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

    @Override
    public void close() {
        source.close();
    }

    /**
     * Builds a {@link ConversionJsonReader} or a {@link RecordSource} of conversion rows; as every
     * {@link TypedReaderBuilder}, a builder can build any number of them, and every setting applies to all, or the
     * builder refuses it: a profile's column layout is for CSV, and JSON rows name their fields, so
     * {@link #profile(ConversionProfile)} refuses a layout other than {@link ColumnLayout#DEFAULT}.
     *
     * <p>Defaults: {@link ConversionProfile#DEFAULT}; {@link JsonLimits#DEFAULTS};
     * {@link InvalidRecordStrategy#FAIL}.
     */
    public static final class Builder implements TypedReaderBuilder<Builder, ConversionJsonReader> {

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

        @Override
        public Builder invalidRecords(InvalidRecordStrategy invalidRecords) {
            this.invalidRecords = Objects.requireNonNull(invalidRecords, "invalidRecords");
            return this;
        }

        @Override
        public ConversionJsonReader build(Path path) throws IOException {
            return reader(open(path));
        }

        @Override
        public ConversionJsonReader build(InputStream in) {
            return reader(JsonRecordSource.of(in, null, profile, limits, ObjectHandler.conversions()));
        }

        @Override
        public ConversionJsonReader build(String name, InputStream in) {
            return reader(JsonRecordSource.of(in, Objects.requireNonNull(name, "name"), profile, limits,
                    ObjectHandler.conversions()));
        }

        @Override
        public ConversionJsonReader build(Reader in) {
            return reader(JsonRecordSource.of(in, null, profile, limits, ObjectHandler.conversions()));
        }

        @Override
        public RecordSource source(Path path) throws IOException {
            checkSource();
            return open(path);
        }

        @Override
        public RecordSource source(InputStream in) {
            checkSource();
            return JsonRecordSource.of(in, null, profile, limits, ObjectHandler.conversions());
        }

        @Override
        public RecordSource source(String name, InputStream in) {
            checkSource();
            return JsonRecordSource.of(in, Objects.requireNonNull(name, "name"), profile, limits,
                    ObjectHandler.conversions());
        }

        @Override
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
