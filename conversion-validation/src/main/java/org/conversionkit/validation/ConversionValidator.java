package org.conversionkit.validation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;
import org.conversionkit.model.ConversionMapper;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.ExportFileName;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.model.Profile;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.internal.PlainRowCheck;
import org.conversionkit.model.internal.PlainRowSkipping;
import org.conversionkit.validation.internal.ViolationCollector;
import org.jspecify.annotations.Nullable;

/**
 * Checks a daily conversion file (profile {@code conversions}) into a {@link ValidationReport}:
 * the file name's rules, every record's field rules, the rows' date against the file's date, and an
 * empty file.
 *
 * <p>For each file:
 * <ol>
 * <li>A named file is held to the name rules ({@link ExportFileName#parse(String)}:
 *     {@code FILENAME_NO_DATE}, {@code FILENAME_MULTIPLE_DATES}, {@code FILENAME_DATE_INVALID});
 *     standard input ({@code null} or {@code "-"}) has no name and no name rule.</li>
 * <li>The date rows are held to is the {@link Builder#date(LocalDate) date option} when set, else
 *     the name's date; when there is neither, rows are not compared with a date (no
 *     {@code DATE_MISMATCH}).</li>
 * <li>Every record is checked by a {@link ConversionMapper} with the {@link Builder#defaults(FieldDefaults)
 *     defaults} and that date; it is valid when it has no error (after strict promotion), and each
 *     record read is counted as valid or invalid.</li>
 * <li>A file without any record gets an {@code EMPTY_FILE} warning (line and record 0).</li>
 * </ol>
 * Violations are listed in the order found (file name, then records, then {@code EMPTY_FILE}), at
 * most {@link Builder#maxViolations(int)} of them; counting never stops.
 *
 * <p>The validator reads the source to its end but does not close it: the caller opened it and
 * closes it, typically with try-with-resources. An {@link java.io.UncheckedIOException} from the
 * source (a disk error) propagates. One record is in memory at a time.
 *
 * <p>Instances are immutable and thread-safe; each call to {@code validate} uses its own state.
 */
public final class ConversionValidator {

    private final FieldDefaults defaults;
    private final @Nullable LocalDate date;
    private final Strictness strictness;
    private final int maxViolations;

    private ConversionValidator(Builder builder) {
        this.defaults = builder.defaults;
        this.date = builder.date;
        this.strictness = builder.strictness;
        this.maxViolations = builder.maxViolations;
    }

    /**
     * Returns a builder. Defaults: no field defaults ({@link FieldDefaults#NONE}); no date option
     * (the file name's date applies); {@link Strictness#STANDARD}; at most
     * {@value Builder#DEFAULT_MAX_VIOLATIONS} violations listed.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks a file.
     *
     * @param fileName the file name or path as given, whose name rules apply; {@code null} or
     *                 {@code "-"} for standard input, which has none
     * @param source   the file's records; read to its end, not closed
     * @return the report
     * @throws java.io.UncheckedIOException if the source cannot be read
     */
    public ValidationReport validate(@Nullable String fileName, RecordSource source) {
        return run(fileName, source, null);
    }

    /**
     * Checks a file and hands each valid row to a consumer while reading it, so that a service gets
     * the typed rows and the report in one pass. A row is delivered when its record has no error
     * (after strict promotion), before the next record is read.
     *
     * @param fileName  the file name or path as given; {@code null} or {@code "-"} for standard input
     * @param source    the file's records; read to its end, not closed
     * @param validRows receives every valid row, in order
     * @return the report
     * @throws java.io.UncheckedIOException if the source cannot be read
     */
    public ValidationReport validate(@Nullable String fileName, RecordSource source,
            Consumer<? super ConversionRow> validRows) {
        return run(fileName, source, Objects.requireNonNull(validRows, "validRows"));
    }

    private ValidationReport run(@Nullable String fileName, RecordSource source,
            @Nullable Consumer<? super ConversionRow> validRows) {
        Objects.requireNonNull(source, "source");
        boolean named = fileName != null && !fileName.equals("-");
        ViolationCollector collector = new ViolationCollector(strictness, maxViolations);
        LocalDate expected = date;
        if (named) {
            ExportFileName name = ExportFileName.parse(fileName);
            name.violations().forEach(collector);
            if (expected == null) {
                expected = name.date();
            }
        }
        ConversionMapper mapper = ConversionMapper.builder().defaults(defaults).expectedDate(expected).build();
        // A source that can tell plain rows on its characters counts them without building them: they have no
        // violation, so only their number matters here.
        PlainRowSkipping skipping = null;
        long skippedBefore = 0;
        if (validRows == null && source instanceof PlainRowSkipping plainRows) {
            PlainRowCheck check = PlainRowCheck.of(mapper);
            if (check.isUseful()) {
                plainRows.skipPlainRows(check);
                skipping = plainRows;
                skippedBefore = plainRows.plainRowsSkipped();
            }
        }
        long records = 0;
        long validRecords = 0;
        for (RawRecord record = source.next(); record != null; record = source.next()) {
            records++;
            collector.startRecord();
            if (validRows == null) {
                mapper.check(record, collector);
            } else {
                ConversionRow row = mapper.map(record, collector);
                if (row != null && !collector.recordHasError()) {
                    validRows.accept(row);
                }
            }
            if (!collector.recordHasError()) {
                validRecords++;
            }
        }
        if (skipping != null) {
            long skipped = skipping.plainRowsSkipped() - skippedBefore;
            records += skipped;
            validRecords += skipped;
        }
        long blankLines = source.blankLines();
        if (records == 0) {
            collector.accept(Violation.ofFile(ViolationCode.EMPTY_FILE, null, blankLines == 0
                    ? "the file holds no records: check that the export wrote its rows"
                    : "the file holds no records, only " + blankLines + " blank line" + (blankLines == 1 ? "" : "s")
                            + ": check that the export wrote its rows"));
        }
        return new ValidationReport(named ? fileName : null, source.format(), source.delimiter().orElse(null),
                Profile.CONVERSIONS, expected, collector.errors() == 0, records, validRecords,
                records - validRecords, blankLines, collector.errors(), collector.warnings(), collector.truncated(),
                collector.violations());
    }

    /**
     * Builds a {@link ConversionValidator}.
     *
     * <p>Defaults: no field defaults; no date option; {@link Strictness#STANDARD}; at most
     * {@value #DEFAULT_MAX_VIOLATIONS} violations listed per file.
     */
    public static final class Builder {

        /** How many violations a report lists unless told otherwise. */
        public static final int DEFAULT_MAX_VIOLATIONS = 100;

        private FieldDefaults defaults = FieldDefaults.NONE;
        private @Nullable LocalDate date;
        private Strictness strictness = Strictness.STANDARD;
        private int maxViolations = DEFAULT_MAX_VIOLATIONS;

        private Builder() {
        }

        /**
         * Sets the values absent optional fields take, e.g. channel {@code organic}.
         *
         * @param defaults the defaults
         * @return this builder
         */
        public Builder defaults(FieldDefaults defaults) {
            this.defaults = Objects.requireNonNull(defaults, "defaults");
            return this;
        }

        /**
         * Sets the date rows are held to (the command line's {@code --date}): needed for standard
         * input; with a named file it replaces the name's date, and the name rules still apply.
         *
         * @param date the date, or {@code null} to take the file name's
         * @return this builder
         */
        public Builder date(@Nullable LocalDate date) {
            this.date = date;
            return this;
        }

        /**
         * Sets whether warnings count as errors.
         *
         * @param strictness {@link Strictness#STRICT} to report every warning as an error
         * @return this builder
         */
        public Builder strictness(Strictness strictness) {
            this.strictness = Objects.requireNonNull(strictness, "strictness");
            return this;
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
