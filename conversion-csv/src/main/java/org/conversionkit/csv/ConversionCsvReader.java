package org.conversionkit.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;
import org.conversionkit.csv.internal.CsvRecordSource;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.ConversionMapper;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.TypedReader;
import org.conversionkit.model.TypedReaderBuilder;
import org.conversionkit.model.internal.ConversionFileCheck;
import org.conversionkit.model.internal.FileInput;
import org.conversionkit.model.internal.ReaderSettings;
import org.conversionkit.model.internal.TypedRecordIterator;
import org.jspecify.annotations.Nullable;

/**
 * Reads a headerless CSV conversion export into typed {@link ConversionRow}s, one record in memory at a time.
 *
 * <pre>{@code
 * try (ConversionCsvReader reader = ConversionCsvReader.builder()
 *         .profile(ConversionProfile.builder().columns(ColumnLayout.parse("url,date,transactions")).build())
 *         .build(Path.of("conversion-export-2020-09-22.csv"))) {
 *     for (ConversionRow row : reader) {
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>What a record is mapped and checked by is the {@link ConversionProfile}: its column layout, field defaults,
 * strictness, and the date rows are held to ({@code DATE_MISMATCH}): the profile's date when set, else the one
 * date in the file's name ({@link ConversionProfile#dateFor(String)}), so that a reader built from
 * {@code conversion-export-2020-09-22.csv} delivers exactly the rows that {@code conversion-check validate}
 * counts as valid. File-level findings (the name rules, an empty file) concern the file, not a row: they are in
 * the report of a validator, never thrown by this reader. Under {@link Strictness#STRICT} a row with a warning
 * is invalid.
 *
 * <h2>What is read</h2>
 * <ul>
 *   <li>UTF-8, strictly: bytes that are not UTF-8 are an {@code ENCODING} error at the line of the record
 *       that holds them (the message gives their byte offset), never replaced. A byte order mark is skipped.
 *       Input starting with the gzip magic bytes ({@code 1F 8B}) is decompressed, whatever its name; a corrupt
 *       or truncated gzip stream is an {@code ENCODING} error too (it is bad data, not a failing disk).</li>
 *   <li>Line breaks LF, CRLF and CR, mixed as they come. {@code "} quotes a field, which may then hold the
 *       delimiter, line breaks and doubled quotes ({@code ""}); a quoted value is kept exactly, an unquoted
 *       one is trimmed ({@link String#strip()}). A quote after white space at a field's start opens a quoted
 *       value too ({@code https://domain.tld, "organic, paid"}), as Python's {@code csv} reads it with
 *       {@code skipinitialspace}; a quote inside an unquoted value is a character of it.</li>
 *   <li>Blank lines (empty or white space only) are skipped and counted, {@link #blankLines()}; everything
 *       else is a record, numbered from 1, located by the physical line where it starts.</li>
 * </ul>
 *
 * <h2>What a record is checked for</h2>
 * Before the field rules of {@link ConversionMapper}, in this order, each rejecting the record alone:
 * {@code COMMENT_LINE} (its first field, unquoted, begins with {@code #}, or with {@code //} and then white
 * space or nothing; {@code //cdn.domain.tld/p} is data); {@code HEADER_ROW} (record 1: no field shaped like a
 * date, and a known column name such as url, date, channel, page, source, revenue among its fields; a later
 * record, where a second report seems to start: no value of the layout shaped like a date, and two known names);
 * {@code FIELD_COUNT} (a field count other than the layout's); {@code RECORD_TOO_LARGE} (see
 * {@link CsvLimits}). Text after a closing quote ({@code "a"b}, {@code "a" ,b}) is {@code MALFORMED_CSV} of its
 * record, at the text, and reading goes on; an unterminated quote is {@code MALFORMED_CSV} at the line where
 * the field starts, and ends reading, as do {@code ENCODING} and a field too large for the parser's buffer.
 * After the field rules, a row with the url, date, channel and device of an earlier row of the file is a
 * {@code DUPLICATE_ROW} warning, as the validator reports it.
 *
 * <h2>Invalid records</h2>
 * With {@link InvalidRecordStrategy#FAIL} (the default) the first record with an error throws a
 * {@link ConversionDataException} that holds its line, record number, field and violations; with
 * {@link InvalidRecordStrategy#SKIP} it is skipped and counted in {@link #recordsSkipped()}. Warnings never
 * stop a record unless the profile is strict. To see every violation, hand {@link Builder#source(Path)} to a
 * validator.
 *
 * <p>A reader is single-use and not thread-safe. Nothing is read before the first row is asked for (or the
 * delimiter, which sniffing reads); iterating or streaming it reads the input once; closing it closes the
 * input. Only opening a {@link Path} throws a checked exception: a failing input later surfaces as an
 * {@link UncheckedIOException}.
 */
public final class ConversionCsvReader implements TypedReader<ConversionRow> {

    private final CsvRecordSource source;
    private final TypedRecordIterator<ConversionRow> rows;

    private ConversionCsvReader(CsvRecordSource source, InvalidRecordStrategy strategy) {
        this.source = source;
        ConversionProfile profile = source.profile();
        ConversionFileCheck check = new ConversionFileCheck(profile, source.name().orElse(null));
        this.rows = new TypedRecordIterator<>(source, check::map, strategy, profile.strictness());
    }

    /**
     * Returns a builder. Defaults: delimiter sniffed from the first records ({@code ,} {@code ;} tab
     * {@code |}); {@link ConversionProfile#DEFAULT} (layout {@code url,date,channel,transactions,revenue}, no
     * field defaults, rows held to the file name's date); {@link CsvLimits#DEFAULTS};
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

    /**
     * Returns the delimiter in use, given or sniffed; sniffing reads the start of the input.
     *
     * @return the delimiter as a one-character string, {@code "\t"} for tab
     * @throws UncheckedIOException if the input cannot be read
     */
    public String delimiter() {
        return source.delimiter().orElseThrow();
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

    @Override
    public void close() {
        source.close();
    }

    /**
     * Builds a {@link ConversionCsvReader}, or the {@link RecordSource} of raw records a validator consumes; as
     * every {@link TypedReaderBuilder}, a builder can build any number of them, and every setting applies to all.
     *
     * <p>Defaults:
     * <ul>
     *   <li>delimiter: sniffed ({@link #detectDelimiter()});</li>
     *   <li>profile: {@link ConversionProfile#DEFAULT};</li>
     *   <li>limits: {@link CsvLimits#DEFAULTS};</li>
     *   <li>invalid records: {@link InvalidRecordStrategy#FAIL}.</li>
     * </ul>
     */
    public static final class Builder implements TypedReaderBuilder<Builder, ConversionCsvReader> {

        private int delimiter = CsvRecordSource.DETECT;
        private ConversionProfile profile = ConversionProfile.DEFAULT;
        private CsvLimits limits = CsvLimits.DEFAULTS;
        private @Nullable InvalidRecordStrategy invalidRecords;

        private Builder() {
        }

        /**
         * Sets the field delimiter instead of sniffing it.
         *
         * @param delimiter any single character except {@code "}, CR, LF and a surrogate, e.g. {@code ','},
         *                  {@code ';'}, {@code '\t'}, {@code '|'}
         * @return this builder
         * @throws IllegalArgumentException if the delimiter is a quote, a line break or a surrogate
         */
        public Builder delimiter(char delimiter) {
            if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
                String name = delimiter == '"' ? "'\"' (the quote character)"
                        : delimiter == '\r' ? "CR (a line break)" : "LF (a line break)";
                throw new IllegalArgumentException("the delimiter cannot be " + name);
            }
            if (Character.isSurrogate(delimiter)) {
                // Half of a character past U+FFFF: a UTF-8 file holds none alone, so it would split such characters
                // (an emoji) in two, and the writer could not write it.
                throw new IllegalArgumentException(String.format("the delimiter cannot be U+%04X, a surrogate: half"
                        + " of a character, which no UTF-8 file can hold alone", (int) delimiter));
            }
            this.delimiter = delimiter;
            return this;
        }

        /**
         * Sniffs the delimiter from the first records (the default): of {@code ,} {@code ;} tab {@code |}, the
         * one that gives the layout's field count on the most of the first 100 records; if none does, the one
         * that gives one same field count above one on the most; ties in that order; {@code ,} if nothing
         * splits.
         *
         * @return this builder
         */
        public Builder detectDelimiter() {
            this.delimiter = CsvRecordSource.DETECT;
            return this;
        }

        /**
         * Sets the profile the rows are mapped and checked by: column layout, field defaults, the date rows are
         * held to, the file-name rule and strictness.
         *
         * @param profile the profile; default {@link ConversionProfile#DEFAULT}
         * @return this builder
         */
        public Builder profile(ConversionProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * Sets the limits.
         *
         * @param limits the limits; default {@link CsvLimits#DEFAULTS}
         * @return this builder
         */
        public Builder limits(CsvLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        @Override
        public Builder invalidRecords(InvalidRecordStrategy invalidRecords) {
            this.invalidRecords = Objects.requireNonNull(invalidRecords, "invalidRecords");
            return this;
        }

        @Override
        public ConversionCsvReader build(Path path) throws IOException {
            return reader(open(path));
        }

        @Override
        public ConversionCsvReader build(InputStream in) {
            return reader(CsvRecordSource.of(in, null, delimiter, profile, limits));
        }

        @Override
        public ConversionCsvReader build(String name, InputStream in) {
            return reader(CsvRecordSource.of(in, Objects.requireNonNull(name, "name"), delimiter, profile, limits));
        }

        @Override
        public ConversionCsvReader build(Reader in) {
            return reader(CsvRecordSource.of(in, null, delimiter, profile, limits));
        }

        @Override
        public RecordSource source(Path path) throws IOException {
            checkSource();
            return open(path);
        }

        @Override
        public RecordSource source(InputStream in) {
            checkSource();
            return CsvRecordSource.of(in, null, delimiter, profile, limits);
        }

        @Override
        public RecordSource source(String name, InputStream in) {
            checkSource();
            return CsvRecordSource.of(in, Objects.requireNonNull(name, "name"), delimiter, profile, limits);
        }

        @Override
        public RecordSource source(Reader in) {
            checkSource();
            return CsvRecordSource.of(in, null, delimiter, profile, limits);
        }

        private CsvRecordSource open(Path path) throws IOException {
            Objects.requireNonNull(path, "path");
            return CsvRecordSource.of(FileInput.open(path), path.toString(), delimiter, profile, limits);
        }

        private void checkSource() {
            ReaderSettings.checkSource(invalidRecords);
        }

        private ConversionCsvReader reader(CsvRecordSource source) {
            return new ConversionCsvReader(source, ReaderSettings.strategy(invalidRecords));
        }
    }
}
