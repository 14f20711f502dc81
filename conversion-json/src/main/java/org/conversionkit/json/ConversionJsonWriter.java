package org.conversionkit.json;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.conversionkit.json.internal.NdjsonOutput;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.ConversionMapper;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.ExportBuilder;
import org.conversionkit.model.ExportFileName;
import org.conversionkit.model.Field;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.ValueKind;
import org.conversionkit.model.WritePolicy;
import org.conversionkit.model.internal.ConversionFileCheck;
import org.conversionkit.model.internal.Unpaired;
import org.conversionkit.validation.ValidationReport;
import org.conversionkit.validation.internal.EmptyInput;
import org.conversionkit.validation.internal.ExportSession;
import org.conversionkit.validation.internal.WriteGate;
import org.jspecify.annotations.Nullable;

/**
 * Writes a day's conversion export as NDJSON, {@code conversion-export-YYYY-MM-DD.ndjson}: one JSON object a
 * line, with jackson-core's generator, every row checked as it is written by the rules {@code validate} applies
 * to the file. The JSON twin of {@code ConversionCsvWriter}, and the writer beside {@link ConversionJsonReader}.
 *
 * <pre>{@code
 * try (ConversionJsonWriter writer = ConversionJsonWriter.builder().build(folder, LocalDate.of(2020, 9, 22))) {
 *     writer.write(row);
 *     ValidationReport report = writer.finish();
 * }
 * }</pre>
 *
 * <p>A row is written as {@code {"url":"...","date":"YYYY-MM-DD","channel":"...","device":"...",
 * "transactions":3,"revenue":59.70}}: absent values are left out, numbers are JSON numbers (revenue as written,
 * {@link BigDecimal#toPlainString()}), slashes are not escaped. Before it is written, the row's values, of the
 * kinds the reader will see, are checked by the {@link ConversionMapper} of the profile and the day; a row with
 * an error is refused, left out or kept as the {@link WritePolicy} says (default {@link WritePolicy#REFUSE}: a
 * finished file is valid by construction). A value holding an unpaired surrogate cannot be written as UTF-8 and
 * is an {@code ENCODING} error under every policy, and a row that breaches the {@link JsonLimits} the file will be
 * read with is a {@code RECORD_TOO_LARGE} error under every policy. An empty text reads back as absent, as it does
 * from any conversion file.
 *
 * <p>The file is written as a hidden temporary file in the folder and appears under its final name only on
 * {@link #finish()}, which returns the report {@code validate} gives on it; {@link #close()} without it, a
 * failing disk or an exception leaves no file. A folder that already holds a file of the day with the same prefix
 * is refused unless the file is to be {@link Builder#replaceExisting(boolean) replaced}: one file a day.
 *
 * <p>A writer is single-use and not thread-safe.
 */
public final class ConversionJsonWriter implements Closeable {

    private static final int SLOTS = Field.values().length;

    private final ExportSession session;
    private final WriteGate gate;
    private final NdjsonOutput out;
    /** The field rules and the rule across rows (duplicate rows), as the validator applies them. */
    private final ConversionFileCheck fileCheck;
    private long given;

    private ConversionJsonWriter(Builder builder, ExportSession.Settings settings) throws IOException {
        ConversionProfile profile = builder.profile.toBuilder().date(settings.day()).build();
        this.fileCheck = new ConversionFileCheck(profile, null);
        this.session = ExportSession.open(settings, profile.strictness(), "json", null);
        this.gate = session.gate();
        this.out = new NdjsonOutput(session.stream(builder.decorator), builder.limits);
        fileCheck.reportLaterTo(gate.later());
        gate.settleWith(fileCheck::settle);
    }

    /**
     * Returns a builder. Defaults: {@link ConversionProfile#DEFAULT}, {@link WritePolicy#REFUSE}, no compression,
     * prefix {@value ExportFileName#DEFAULT_PREFIX}, an existing file of the day refused, at most 100 violations
     * listed per report.
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
     * @throws ConversionDataException for a row with an error under {@link WritePolicy#REFUSE}: it is not
     *                                 written, and the writer goes on
     * @throws UncheckedIOException    if writing fails; the writer is then unusable and leaves no file
     * @throws IllegalStateException   once finished, closed or failed
     */
    public boolean write(ConversionRow row) {
        Objects.requireNonNull(row, "row");
        session.checkOpen();
        long number = ++given;
        @Nullable String[] values = new String[SLOTS];
        @Nullable ValueKind[] kinds = new ValueKind[SLOTS];
        put(values, kinds, Field.URL, row.url(), ValueKind.STRING);
        put(values, kinds, Field.DATE, row.date().toString(), ValueKind.STRING);
        put(values, kinds, Field.CHANNEL, row.channel(), ValueKind.STRING);
        put(values, kinds, Field.DEVICE, row.device(), ValueKind.STRING);
        Long transactions = row.transactions();
        put(values, kinds, Field.TRANSACTIONS, transactions == null ? null : transactions.toString(),
                ValueKind.INTEGER);
        BigDecimal revenue = row.revenue();
        String revenueText = revenue == null ? null : revenue.toPlainString();
        put(values, kinds, Field.REVENUE, revenueText,
                revenueText != null && revenueText.indexOf('.') >= 0 ? ValueKind.DECIMAL : ValueKind.INTEGER);
        Unpaired.refuse(values, number);
        String breach = out.prepare(values, kinds);
        if (breach != null) {
            throw out.refusal(breach, number, false);
        }
        long record = gate.records() + 1;
        RawRecord checked = RawRecord.of(record, record, values, kinds, List.of(), null);
        fileCheck.checkToWrite(checked, gate.sink());
        if (!gate.admit(number)) {
            return false;
        }
        try {
            out.commit();
        } catch (RuntimeException e) {
            session.fail(out);
            throw e;
        }
        // Only a row written is a row of the file, for the duplicate-row rule.
        fileCheck.written(checked);
        return true;
    }

    private static void put(@Nullable String[] values, @Nullable ValueKind[] kinds, Field field,
            @Nullable String value, ValueKind kind) {
        if (value != null) {
            values[field.ordinal()] = value;
            kinds[field.ordinal()] = kind;
        }
    }

    /**
     * Finishes the file: flushes it, forces it to the device, and makes it visible under its final name.
     *
     * @return the report of what was written: the report {@code validate} gives on the file
     * @throws ConversionDataException if the file would not be valid (no row under a strict profile) and the
     *                                 policy is not {@link WritePolicy#KEEP}; no file is written
     * @throws IOException             if the file cannot be completed or a file of that name appeared meanwhile;
     *                                 no file is written
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
     * Returns the report of the rows left out under {@link WritePolicy#LEAVE_OUT}, located by their numbers among
     * the rows given.
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

    /** Closes the writer; without a successful {@link #finish()} no file appears. */
    @Override
    public void close() {
        session.close(out);
    }

    /** Builds a {@link ConversionJsonWriter}; every setting applies to the file it builds. */
    public static final class Builder extends ExportBuilder<Builder> {

        private ConversionProfile profile = ConversionProfile.DEFAULT;
        private UnaryOperator<OutputStream> decorator = UnaryOperator.identity();
        private JsonLimits limits = JsonLimits.DEFAULTS;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the profile rows are checked by: field defaults and strictness (a JSON file has no column layout).
         * Its date, if any, must be the day written.
         *
         * @param profile the profile; default {@link ConversionProfile#DEFAULT}
         * @return this builder
         * @throws IllegalArgumentException if the profile has a column layout other than the default, which JSON
         *                                  files do not use
         */
        public Builder profile(ConversionProfile profile) {
            Objects.requireNonNull(profile, "profile");
            if (!profile.columns().equals(ConversionProfile.DEFAULT.columns())) {
                throw new IllegalArgumentException("a JSON export names its fields; the column layout "
                        + profile.columns().spec() + " is for CSV files");
            }
            this.profile = profile;
            return this;
        }

        /**
         * Sets the limits of the reader the file will be read with: a row that breaches one (a string or number too
         * long, a field name longer than {@code maxNameLength}, a row too large, a row or byte too many) would stop
         * that reader, so it is refused under every policy with a {@code RECORD_TOO_LARGE} error. A row is one
         * object, within any {@code maxNestingDepth}; {@link JsonLimits#maxSchemaFields()} bounds schema inference,
         * not the reading of rows, and as for the reader it does not apply.
         *
         * @param limits default {@link JsonLimits#DEFAULTS}, the readers' default
         * @return this builder
         */
        public Builder limits(JsonLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Wraps the file's stream, for tests that make the disk fail. */
        Builder decorate(UnaryOperator<OutputStream> decorator) {
            this.decorator = Objects.requireNonNull(decorator, "decorator");
            return this;
        }

        /**
         * Opens the export of a day in a folder: {@code folder/PREFIX + YYYY-MM-DD + .ndjson} (or
         * {@code .ndjson.gz}), a hidden temporary file until {@link ConversionJsonWriter#finish()}.
         *
         * @param folder the folder; it must exist
         * @param day    the day every row must have
         * @return the writer; finish it, and close it
         * @throws IllegalArgumentException if the profile holds another date than {@code day}
         * @throws java.nio.file.FileAlreadyExistsException if the folder holds a file of that day already
         * @throws IOException              if the folder cannot be listed or written
         */
        public ConversionJsonWriter build(Path folder, LocalDate day) throws IOException {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(day, "day");
            checkDay(profile, day);
            return new ConversionJsonWriter(this, new ExportSession.Settings(folder, prefix(), day, "ndjson", gzip(),
                    replaceExisting(), policy(), maxViolations()));
        }
    }
}
