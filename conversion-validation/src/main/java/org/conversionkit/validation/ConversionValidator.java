package org.conversionkit.validation;

import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Consumer;
import org.conversionkit.model.ConversionMapper;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.ExportFileName;
import org.conversionkit.model.FileNameRule;
import org.conversionkit.model.Profile;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.model.internal.ConversionFileCheck;
import org.conversionkit.model.internal.HeldRecords;
import org.conversionkit.model.internal.ReadOnce;
import org.conversionkit.model.internal.HeldValues;
import org.conversionkit.model.internal.PlainRowCheck;
import org.conversionkit.validation.internal.EmptyInput;
import org.conversionkit.validation.internal.ViolationCollector;
import org.jspecify.annotations.Nullable;

/**
 * Checks a daily conversion file (profile {@code conversions}) into a {@link ValidationReport}: the file name's
 * rules, every record's field rules, the rows' date against the file's date, and an empty file.
 *
 * <p>The settings of the check come from the source: its {@link ConversionProfile} (field defaults, the date
 * rows are held to, the file-name rule, strictness) and its {@link RecordSource#name() name}. A source of
 * another profile is refused. For each file:
 * <ol>
 * <li>Under {@link FileNameRule#CHECK}, a named source is held to the name rules
 *     ({@link ExportFileName#parse(String)}: {@code FILENAME_NO_DATE}, {@code FILENAME_MULTIPLE_DATES},
 *     {@code FILENAME_DATE_INVALID}); a source without a name (standard input, a stream) has no name rule.</li>
 * <li>The date rows are held to is {@link ConversionProfile#dateFor(String)}: the profile's date when set,
 *     else the name's date; when there is neither, rows are not compared with a date (no
 *     {@code DATE_MISMATCH}).</li>
 * <li>Every record is checked by the {@link ConversionMapper} of that profile and date; it is valid when it
 *     has no error (after strict promotion), and each record read is counted as valid or invalid.</li>
 * <li>A row with the same url, date, channel and device as an earlier row of the file gets a
 *     {@code DUPLICATE_ROW} warning: a file holds one report. Rows are remembered as keyed hashes, at most the
 *     profile's {@link org.conversionkit.model.ConversionLimits#maxTrackedRows()} (past it, one
 *     {@code RECORD_TOO_LARGE} warning); the typed readers apply the same rule.</li>
 * <li>A file without any record gets an {@code EMPTY_FILE} warning (line and record 0).</li>
 * </ol>
 * Violations are listed in the order found (file name, then records, then {@code EMPTY_FILE}), at
 * most {@link Builder#maxViolations(int)} of them; counting never stops.
 *
 * <p>The validator reads the source to its end but does not close it: the caller opened it and
 * closes it, typically with try-with-resources. A source that fails part of the way (an
 * {@link java.io.UncheckedIOException} from {@code next()}, a disk error) does not lose the result: the report
 * keeps the records read before and gets a {@code FILE_UNREADABLE} error, listed even past
 * {@code maxViolations}. One record is in memory at a time.
 *
 * <p>Instances are immutable and thread-safe; each call to {@code validate} uses its own state.
 */
public final class ConversionValidator {

    private final int maxViolations;

    private ConversionValidator(Builder builder) {
        this.maxViolations = builder.maxViolations;
    }

    /**
     * Returns a builder. Default: at most {@value Builder#DEFAULT_MAX_VIOLATIONS} violations listed.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks a file.
     *
     * @param source the file's records, of profile {@code conversions}; read to its end, not closed
     * @return the report
     * @throws IllegalArgumentException     if the source's profile is not a {@link ConversionProfile}
     * @throws IllegalStateException        if the source, one of the library's, was read before: the report
     *                                      counts every record of the file
     */
    public ValidationReport validate(RecordSource source) {
        return run(source, null);
    }

    /**
     * Checks a file and hands each valid row to a consumer while reading it, so that a service gets
     * the typed rows and the report in one pass. A row is delivered when its record has no error
     * (after strict promotion), before the next record is read.
     *
     * @param source    the file's records, of profile {@code conversions}; read to its end, not closed
     * @param validRows receives every valid row, in order
     * @return the report
     * @throws IllegalArgumentException     if the source's profile is not a {@link ConversionProfile}
     * @throws IllegalStateException        if the source, one of the library's, was read before: the report
     *                                      counts every record of the file
     */
    public ValidationReport validate(RecordSource source, Consumer<? super ConversionRow> validRows) {
        return run(source, Objects.requireNonNull(validRows, "validRows"));
    }

    private ValidationReport run(RecordSource source, @Nullable Consumer<? super ConversionRow> validRows) {
        Objects.requireNonNull(source, "source");
        if (!(source.profile() instanceof ConversionProfile profile)) {
            throw new IllegalArgumentException("a ConversionValidator checks conversion files, and this source reads"
                    + " records of profile " + source.profile().kind().label() + ": check it with a FeedValidator,"
                    + " or build the source with a ConversionProfile");
        }
        ReadOnce.requireUnread(source);
        String fileName = source.name().orElse(null);
        ViolationCollector collector = new ViolationCollector(profile.strictness(), maxViolations);
        if (fileName != null && profile.fileNames() == FileNameRule.CHECK) {
            ExportFileName.parse(fileName).violations().forEach(collector);
        }
        ConversionFileCheck fileCheck = new ConversionFileCheck(profile, fileName);
        ConversionMapper mapper = fileCheck.mapper();
        // A source that hands over a record's values as the characters it read (HeldRecords) lets a row be found
        // plain on them, before any string is built: such a row has no violation of its own, so only its number
        // matters here. It is remembered for the duplicate-row check, which looks plain rows up in batches and
        // reports a duplicate (a record of its own, counted valid so far) when the batch is looked up: when it is
        // full, or when the check settles before the next built record is counted, so that the reports stay in
        // the file's order.
        PlainRowReports plainRowReports = new PlainRowReports(collector);
        PlainRowCheck check = fileCheck.plainRowCheck(plainRowReports);
        HeldRecords held = validRows == null && check.isUseful() && source instanceof HeldRecords heldRecords
                ? heldRecords : null;
        long records = 0;
        long validRecords = 0;
        UncheckedIOException failure = null;
        try {
            while (true) {
                RawRecord record;
                if (held != null) {
                    if (!held.advance()) {
                        break;
                    }
                    HeldValues values = held.held();
                    if (values != null && check.isPlain(values) && check.admit(values)) {
                        records++;
                        validRecords++;
                        continue;
                    }
                    record = held.record();
                } else {
                    record = source.next();
                    if (record == null) {
                        break;
                    }
                }
                fileCheck.settle();
                records++;
                collector.startRecord();
                if (validRows == null) {
                    fileCheck.check(record, collector);
                } else {
                    ConversionRow row = fileCheck.map(record, collector);
                    if (row != null && !collector.recordHasError()) {
                        validRows.accept(row);
                    }
                }
                if (!collector.recordHasError()) {
                    validRecords++;
                }
            }
        } catch (UncheckedIOException e) {
            failure = e;
        }
        // The plain rows read before the end, or before the failure, are reported before either; a duplicate among
        // them makes a row counted valid invalid.
        fileCheck.settle();
        validRecords -= plainRowReports.invalid;
        long blankLines = source.blankLines();
        if (failure != null) {
            collector.acceptAlways(Unreadable.violation(failure, records));
        } else if (records == 0) {
            collector.accept(EmptyInput.conversionFile(blankLines));
        }
        return new ValidationReport(fileName == null ? ValidationReport.NO_NAME : fileName, source.format(),
                source.delimiter().orElse(null),
                Profile.CONVERSIONS, mapper.expectedDate().orElse(null), collector.errors() == 0, records, validRecords,
                records - validRecords, blankLines, collector.errors(), collector.warnings(), collector.truncated(),
                collector.violations());
    }

    /**
     * The reports on rows a source counted without building them (duplicates, found a batch at a time): each a
     * record of its own, invalid when the report is an error (a warning under {@code Strictness.STRICT}).
     */
    private static final class PlainRowReports implements Consumer<Violation> {

        private final ViolationCollector collector;
        /** The rows counted as valid that a report made invalid. */
        long invalid;

        PlainRowReports(ViolationCollector collector) {
            this.collector = collector;
        }

        @Override
        public void accept(Violation violation) {
            collector.startRecord();
            collector.accept(violation);
            if (collector.recordHasError()) {
                invalid++;
            }
        }
    }

    /**
     * Builds a {@link ConversionValidator}.
     *
     * <p>Default: at most {@value #DEFAULT_MAX_VIOLATIONS} violations listed per file. Everything else
     * comes with the source, in its profile.
     */
    public static final class Builder {

        /** How many violations a report lists unless told otherwise. */
        public static final int DEFAULT_MAX_VIOLATIONS = 100;

        private int maxViolations = DEFAULT_MAX_VIOLATIONS;

        private Builder() {
        }

        /**
         * Sets how many violations a report lists; the rest are counted only.
         *
         * @param maxViolations 0 or more; 0 lists none
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxViolations(int maxViolations) {
            if (maxViolations < 0) {
                throw new IllegalArgumentException("maxViolations must be 0 or more, was " + maxViolations);
            }
            this.maxViolations = maxViolations;
            return this;
        }

        /**
         * Builds the validator.
         *
         * @return the validator
         */
        public ConversionValidator build() {
            return new ConversionValidator(this);
        }
    }
}
