package org.conversionkit.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.conversionkit.csv.internal.CsvRecordRules;
import org.conversionkit.csv.internal.CsvRowWriter;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.ConversionMapper;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.ExportBuilder;
import org.conversionkit.model.ExportFileName;
import org.conversionkit.model.Field;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.Violation;
import org.conversionkit.model.WritePolicy;
import org.conversionkit.model.internal.ConversionFileCheck;
import org.conversionkit.model.internal.HeldValues;
import org.conversionkit.model.internal.PlainRowCheck;
import org.conversionkit.model.internal.Unpaired;
import org.conversionkit.validation.ValidationReport;
import org.conversionkit.validation.internal.EmptyInput;
import org.conversionkit.validation.internal.ExportSession;
import org.conversionkit.validation.internal.WriteGate;
import org.jspecify.annotations.Nullable;

/**
 * Writes a day's headerless CSV conversion export, {@code conversion-export-YYYY-MM-DD.csv}, checking every row
 * as it is written by the rules {@code validate} applies to the file: the writer beside
 * {@link ConversionCsvReader}, as FastCSV keeps its {@code CsvWriter} beside its {@code CsvReader}.
 *
 * <pre>{@code
 * try (ConversionCsvWriter writer = ConversionCsvWriter.builder().delimiter(';')
 *         .build(Path.of("exports"), LocalDate.of(2020, 9, 22))) {
 *     writer.write(new ConversionRow("https://shop.example/p/1", LocalDate.of(2020, 9, 22), "email", null, 3L,
 *             new BigDecimal("59.70")));
 *     ValidationReport report = writer.finish(); // exports/conversion-export-2020-09-22.csv is now there
 * }
 * }</pre>
 *
 * <h2>Every row is checked</h2>
 * A row becomes text as the file holds it (the date as {@code YYYY-MM-DD}, numbers plain, absent values empty),
 * and that text is checked by the {@link ConversionMapper} of the profile and the day: the same code, on the same
 * values, as the validator reading the file. A row that breaks a rule is refused, left out or kept as the
 * {@link WritePolicy} says; under {@link WritePolicy#REFUSE}, the default, a finished file is valid by
 * construction. Values are quoted where the reader needs it (the delimiter, a quote, a line break, white space
 * at either end, a value beginning with U+FEFF, a first value beginning with {@code #} or {@code /}, and with
 * U+FEFF as the delimiter an empty first value on the first line, which the reader would take for a byte order
 * mark), so that the reader reads back exactly the values written. A value that is not Unicode text (an unpaired
 * surrogate) cannot be written as UTF-8: it is an {@code ENCODING} error under every policy, {@code KEEP} included;
 * so is a row past the {@link CsvLimits} at which a reader with those limits stops reading the file
 * ({@code maxRecords}, and {@code maxFileBytes}, counted as the bytes of the file before compression:
 * {@code RECORD_TOO_LARGE}), since the reader would read neither that row nor any after it.
 *
 * <h2>Nothing half-written is visible</h2>
 * The rows go to a hidden temporary file in the folder ({@code .conversion-export-2020-09-22.csv.RANDOM.part}).
 * {@link #finish()} makes it the file under its final name, atomically, and returns the report of what was
 * written, which is the report {@code validate} gives on the file. {@link #close()} without {@code finish()}, a
 * failing disk or an exception thrown through a try-with-resources block removes the temporary file: no file
 * appears. (The report cannot come from {@code close()}: try-with-resources calls it on the way out of an
 * exception too, and it must not publish a half-written file then.)
 *
 * <h2>One file a day</h2>
 * Building the writer refuses a folder that already holds a file of that day with the same prefix, unless it
 * is the file about to be written and the builder was told to {@link Builder#replaceExisting(boolean) replace}
 * it; {@code finish()} refuses to replace a file that appeared meanwhile.
 *
 * <p>A writer is single-use and not thread-safe.
 */
public final class ConversionCsvWriter implements Closeable {

    private static final int SLOTS = Field.values().length;

    private final ExportSession session;
    private final WriteGate gate;
    private final CsvRowWriter out;
    private final ColumnLayout layout;
    /** The field rules and the rule across rows (duplicate rows), as the validator applies them. */
    private final ConversionFileCheck fileCheck;
    private final CsvRecordRules rules;
    private final String[] values;
    private final int[] columns;
    /**
     * The validator's fast path for plain rows, on the row's values held as a reader holds what it read; {@code
     * null} under {@code Strictness.STRICT}, where a duplicate row is an error the policy decides on before the row
     * is written, so every row goes through its record.
     */
    private final @Nullable PlainRowCheck plain;
    private final HeldValues held = new HeldValues(SLOTS);
    /** The row in progress, its values and columns by {@link Field} ordinal; copied into its record if one is made. */
    private final @Nullable String[] slotValues = new String[SLOTS];
    private final int[] slotColumns = new int[SLOTS];
    private long given;

    private ConversionCsvWriter(Builder builder, ExportSession.Settings settings) throws IOException {
        ConversionProfile profile = builder.profile.toBuilder().date(settings.day()).build();
        this.layout = profile.columns();
        this.fileCheck = new ConversionFileCheck(profile, null);
        this.rules = new CsvRecordRules(layout, builder.delimiter, builder.limits);
        this.values = new String[layout.size()];
        this.columns = new int[layout.size()];
        this.session = ExportSession.open(settings, profile.strictness(), "csv", String.valueOf(builder.delimiter));
        this.gate = session.gate();
        // Bytes are counted only against a limit: counting reads every value once more.
        this.out = new CsvRowWriter(session.stream(builder.decorator), builder.delimiter,
                builder.limits.maxFileBytes() != Long.MAX_VALUE);
        PlainRowCheck plainRows = fileCheck.plainRowCheck(gate.later());
        this.plain = profile.strictness() == Strictness.STRICT ? null : plainRows;
        gate.settleWith(fileCheck::settle);
    }

    /**
     * Returns a builder. Defaults: {@link ConversionProfile#DEFAULT} (layout
     * {@code url,date,channel,transactions,revenue}), delimiter {@code ,}, {@link WritePolicy#REFUSE}, no
     * compression, prefix {@value ExportFileName#DEFAULT_PREFIX}, an existing file of the day refused,
     * {@link CsvLimits#DEFAULTS}, at most 100 violations listed per report.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes a row, checked first.
     *
     * @param row the row
     * @return {@code true} when the row was written; {@code false} when it was left out
     *         ({@link WritePolicy#LEAVE_OUT})
     * @throws ConversionDataException  for a row with an error under {@link WritePolicy#REFUSE}, and under every
     *                                  policy for a row no reader would read (an unpaired surrogate, a row past
     *                                  {@code maxRecords} or {@code maxFileBytes}): it is not written, and the
     *                                  writer goes on
     * @throws IllegalArgumentException if the row has a value the column layout has no column for
     * @throws UncheckedIOException     if writing fails; the writer is then unusable and leaves no file
     * @throws IllegalStateException    once finished, closed or failed
     */
    public boolean write(ConversionRow row) {
        Objects.requireNonNull(row, "row");
        session.checkOpen();
        for (int i = 0; i < values.length; i++) {
            Field field = layout.field(i);
            values[i] = field == null ? "" : text(row, field);
        }
        checkAllWritten(row);
        return check(values);
    }

    /**
     * Writes a record of text values as the file will hold them, one per column of the layout, checked first:
     * for exporters whose values are text already.
     *
     * @param record the values, in the layout's column order; {@code null} is an empty value
     * @return {@code true} when the record was written; {@code false} when it was left out
     * @throws ConversionDataException  for a record with an error under {@link WritePolicy#REFUSE}, and under every
     *                                  policy for a record no reader would read, as {@link #write(ConversionRow)}
     * @throws IllegalArgumentException for a record without values
     * @throws UncheckedIOException     if writing fails; the writer is then unusable and leaves no file
     * @throws IllegalStateException   once finished, closed or failed
     */
    public boolean writeRecord(@Nullable String... record) {
        Objects.requireNonNull(record, "record");
        if (record.length == 0) {
            throw new IllegalArgumentException("a record without values would be a blank line, which the reader"
                    + " skips: give the layout's " + layout.size() + " values");
        }
        session.checkOpen();
        String[] text = new String[record.length];
        for (int i = 0; i < record.length; i++) {
            String value = record[i];
            text[i] = value == null ? "" : value;
        }
        return check(text);
    }

    private boolean check(String[] text) {
        long number = ++given;
        long line = out.line();
        long record = gate.records() + 1;
        int[] cols = text.length <= columns.length ? columns : new int[text.length];
        out.plan(text, cols);
        Violation stop = rules.stop(record, out.bytes(), out.planned(), number);
        if (stop != null) {
            // A row the reader would stop at is refused under every policy: no file holds rows validate cannot read.
            throw new ConversionDataException(List.of(stop));
        }
        // The values the layout keeps, as the reader stores them: those of its columns, however many there are;
        // held as characters too, as a reader holds a record's values, for the plain-row test.
        Arrays.fill(slotValues, null);
        Arrays.fill(slotColumns, 0);
        held.clear();
        held.place(line, record);
        for (int i = 0; i < Math.min(text.length, layout.size()); i++) {
            Field field = layout.field(i);
            if (field != null) {
                int slot = field.ordinal();
                slotValues[slot] = text[i];
                slotColumns[slot] = cols[i];
                held.hold(slot, text[i], cols[i]);
            }
        }
        Violation rejection = rules.rejection(text, slotValues, line, record);
        PlainRowCheck plainRows = plain;
        boolean plainRow = rejection == null && plainRows != null && plainRows.isPlain(held);
        if (!plainRow || mayHoldSurrogates(text)) {
            // A value no file can hold, an unpaired surrogate, is refused under every policy before anything is
            // reported; the first one named.
            Unpaired.refuse(text, number);
        }
        if (plainRow && plainRows != null) {
            // A row without a violation of its own, as the validator finds it: no record is built, and the gate
            // counts it written and valid, as it does every row without a violation.
            gate.admit(number);
            write(text);
            // Only a row written is a row of the file, for the duplicate-row check: looked up with those after it.
            plainRows.admit(held);
            return true;
        }
        RawRecord checked = null;
        if (rejection != null) {
            gate.sink().accept(rejection);
        } else {
            checked = RawRecord.ofText(line, record, slotValues.clone(), slotColumns.clone(), List.of());
            fileCheck.checkToWrite(checked, gate.sink());
        }
        if (!gate.admit(number)) {
            return false;
        }
        write(text);
        if (checked != null) {
            // Only a row written is a row of the file, for the duplicate-row check.
            fileCheck.written(checked);
        }
        return true;
    }

    /**
     * Whether a plain row holds an unpaired surrogate: only a value that may be any text can, a channel, a device or
     * a column the layout skips (or has not), since the url, date and numbers of a plain row are ASCII
     * ({@link PlainRowCheck}); so the long values of nearly every row are not read again for it.
     */
    private boolean mayHoldSurrogates(String[] text) {
        for (int i = 0; i < text.length; i++) {
            Field field = i < layout.size() ? layout.field(i) : null;
            if ((field == null || field == Field.CHANNEL || field == Field.DEVICE) && Unpaired.indexIn(text[i]) >= 0) {
                return true;
            }
        }
        return false;
    }

    private void write(String[] text) {
        try {
            out.write(text);
        } catch (RuntimeException e) {
            session.fail(out);
            throw e;
        }
    }

    /**
     * Finishes the file: flushes it, forces it to the device, and makes it visible under its final name.
     *
     * @return the report of what was written: the report {@code validate} gives on the file, with the same
     *         profile and delimiter
     * @throws ConversionDataException if the file would not be valid (no row under a strict profile) and the
     *                                 policy is not {@link WritePolicy#KEEP}; no file is written
     * @throws IOException             if the file cannot be completed or a file of that name appeared meanwhile;
     *                                 no file is written (an existing one stays as it was)
     * @throws IllegalStateException   once finished, closed or failed
     */
    public ValidationReport finish() throws IOException {
        return session.finish(out, EmptyInput.conversionFile(0));
    }

    /**
     * Returns the report of what was written so far; after {@link #finish()}, the file's report.
     *
     * @return the report, named by the file's final path
     */
    public ValidationReport report() {
        return session.report();
    }

    /**
     * Returns the report of the rows left out under {@link WritePolicy#LEAVE_OUT}: each one an invalid record,
     * its violations located by its number among the rows given (line and record alike).
     *
     * @return the report; without records under the other policies
     */
    public ValidationReport leftOut() {
        return session.leftOut();
    }

    /**
     * Returns the path the file has once finished.
     *
     * @return the folder and the export's name
     */
    public Path path() {
        return session.path();
    }

    /**
     * Closes the writer. Without a successful {@link #finish()} the temporary file is removed and no file
     * appears; after it, does nothing.
     */
    @Override
    public void close() {
        session.close(out);
    }

    private static String text(ConversionRow row, Field field) {
        return switch (field) {
            case URL -> row.url();
            case DATE -> row.date().toString();
            case CHANNEL -> orEmpty(row.channel());
            case DEVICE -> orEmpty(row.device());
            case TRANSACTIONS -> row.transactions() == null ? "" : Long.toString(row.transactions());
            case REVENUE -> row.revenue() == null ? "" : Objects.requireNonNull(row.revenue()).toPlainString();
        };
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private void checkAllWritten(ConversionRow row) {
        for (Field field : Field.values()) {
            if (layout.indexOf(field) < 0 && hasValue(row, field)) {
                throw new IllegalArgumentException("the row has a " + field.fieldName() + ", and the column layout "
                        + layout.spec() + " has no " + field.fieldName() + " column: add one to the profile's"
                        + " layout, or leave " + field.fieldName() + " null");
            }
        }
    }

    private static boolean hasValue(ConversionRow row, Field field) {
        return switch (field) {
            case URL, DATE -> true;
            case CHANNEL -> row.channel() != null;
            case DEVICE -> row.device() != null;
            case TRANSACTIONS -> row.transactions() != null;
            case REVENUE -> row.revenue() != null;
        };
    }

    /**
     * Builds a {@link ConversionCsvWriter}: one builder, every setting applies to the file it builds.
     */
    public static final class Builder extends ExportBuilder<Builder> {

        private ConversionProfile profile = ConversionProfile.DEFAULT;
        private char delimiter = ',';
        private CsvLimits limits = CsvLimits.DEFAULTS;
        private UnaryOperator<OutputStream> decorator = UnaryOperator.identity();

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the profile rows are checked by: its column layout, field defaults and strictness. Its date, if
         * any, must be the day written; its file-name rule does not apply (the writer names the file).
         *
         * @param profile the profile; default {@link ConversionProfile#DEFAULT}
         * @return this builder
         */
        public Builder profile(ConversionProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * Sets the field delimiter.
         *
         * @param delimiter any single character the reader takes ({@link ConversionCsvReader.Builder#delimiter(char)}),
         *                  that is any except {@code "}, CR and LF, {@code #} and {@code /} included, and that UTF-8
         *                  can write: not a surrogate; default {@code ,}
         * @return this builder
         * @throws IllegalArgumentException if the delimiter is a quote, a line break or a surrogate
         */
        public Builder delimiter(char delimiter) {
            // The reader's own check, so that the writer refuses exactly the delimiters the reader refuses (a
            // surrogate among them: FastCSV's encoder would write '?' for it).
            ConversionCsvReader.builder().delimiter(delimiter);
            this.delimiter = delimiter;
            return this;
        }

        /**
         * Sets the limits the reader will hold the file to. A row past a limit of one record ({@code maxFieldSize},
         * {@code maxRecordSize}, {@code maxFieldsPerRecord}) has the {@code RECORD_TOO_LARGE} error
         * {@code validate} reports, which the policy decides on; a row past {@code maxRecords}, or one whose bytes
         * would take the file past {@code maxFileBytes} (before compression, as the reader counts them after it),
         * where the reader stops, is refused under every policy. A later row that fits is written.
         *
         * @param limits default {@link CsvLimits#DEFAULTS}
         * @return this builder
         */
        public Builder limits(CsvLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Wraps the file's stream, for tests that make the disk fail. */
        Builder decorate(UnaryOperator<OutputStream> decorator) {
            this.decorator = Objects.requireNonNull(decorator, "decorator");
            return this;
        }

        /**
         * Opens the export of a day in a folder: {@code folder/PREFIX + YYYY-MM-DD + .csv} (or {@code .csv.gz}),
         * written as a hidden temporary file until {@link ConversionCsvWriter#finish()}.
         *
         * @param folder the folder; it must exist
         * @param day    the day every row must have
         * @return the writer; finish it, and close it
         * @throws IllegalArgumentException   if the profile holds another date than {@code day}
         * @throws java.nio.file.FileAlreadyExistsException if the folder holds a file of that day already
         * @throws IOException                if the folder cannot be listed or written
         */
        public ConversionCsvWriter build(Path folder, LocalDate day) throws IOException {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(day, "day");
            checkDay(profile, day);
            return new ConversionCsvWriter(this, new ExportSession.Settings(folder, prefix(), day, "csv", gzip(),
                    replaceExisting(), policy(), maxViolations()));
        }
    }
}
