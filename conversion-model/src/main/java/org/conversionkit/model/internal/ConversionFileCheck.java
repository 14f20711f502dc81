package org.conversionkit.model.internal;

import java.util.Objects;
import java.util.function.Consumer;
import org.conversionkit.model.ConversionLimits;
import org.conversionkit.model.ConversionMapper;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.Field;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.Severity;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;

/**
 * The check of one conversion file's records, in order: every field rule of a record ({@link ConversionMapper}),
 * then the rule across records, one report per file: a row with the same url, date, channel and device as an
 * earlier row of the file is a {@code DUPLICATE_ROW} warning on the later row (the platform would count its
 * transactions and revenue twice; a file that stacks reports by segment looks like this). One instance per file,
 * used by the typed readers and the validator alike, so that a row a typed reader delivers is one the validator
 * counts as valid (under {@code Strictness.STRICT} the warning makes the row invalid for both).
 *
 * <p>The rule applies to every record the reader did not reject that has a url and a date, whatever else is wrong
 * with it, with the values the mapper gives the row: url and date as written, channel and device as written or
 * their defaults. Rows are remembered by a keyed hash ({@link DuplicateRows}), at most
 * {@link ConversionLimits#maxTrackedRows()} of them; past the limit one {@code RECORD_TOO_LARGE} warning names it
 * and duplicates are no longer detected.
 *
 * <p>A validator that only counts rows tests the values a reader holds with {@link #plainRowCheck(Consumer)}, which
 * remembers a plain row from those characters, so that every row is remembered once, in order, whichever way it is
 * read.
 *
 * <p>Not thread-safe: it remembers the file's rows.
 */
public final class ConversionFileCheck {

    private static final int URL = Field.URL.ordinal();

    private final ConversionMapper mapper;
    private final ConversionLimits limits;
    private final DuplicateRows rows;
    private final PlainRowCheck plainRowCheck;
    private final boolean strict;

    /**
     * Creates the check of one file.
     *
     * @param profile  the file's profile
     * @param fileName the file's name or path as given, or {@code null} for an input without a name
     */
    public ConversionFileCheck(ConversionProfile profile, @Nullable String fileName) {
        this.mapper = ConversionMapper.of(profile, fileName);
        this.limits = profile.limits();
        this.rows = new DuplicateRows(mapper.defaults(), mapper.expectedDate().orElse(null), limits,
                SipHash.withRandomKey());
        this.plainRowCheck = PlainRowCheck.of(mapper, rows);
        this.strict = profile.strictness() == Strictness.STRICT;
    }

    /**
     * Checks the next record of the file without building a row.
     *
     * @param record the record
     * @param sink   receives its violations, in order
     * @return {@code true} when the record has no error
     */
    public boolean check(RawRecord record, Consumer<? super Violation> sink) {
        boolean valid = mapper.check(record, sink);
        acrossRecords(record, sink);
        return valid;
    }

    /**
     * Maps the next record of the file to a row.
     *
     * @param record the record
     * @param sink   receives its violations, in order
     * @return the row when the record has no error, else {@code null}
     */
    public @Nullable ConversionRow map(RawRecord record, Consumer<? super Violation> sink) {
        ConversionRow row = mapper.map(record, sink);
        acrossRecords(record, sink);
        return row;
    }

    private void acrossRecords(RawRecord record, Consumer<? super Violation> sink) {
        report(rows.add(record), record, sink);
    }

    /** Reports what the duplicate-row check found for a record: a duplicate, or the limit reached there. */
    private void report(LongHashSet.Added found, RawRecord record, Consumer<? super Violation> sink) {
        switch (found) {
            case PRESENT -> sink.accept(duplicate(record.line(), record.column(URL), record.record(),
                    record.value(URL)));
            case FULL -> {
                rows.stop();
                sink.accept(full(record.line(), record.record()));
            }
            default -> {
                // A row seen for the first time, or not a row of its own.
            }
        }
    }

    private static Violation duplicate(long line, long column, long record, @Nullable String url) {
        return new Violation(ViolationCode.DUPLICATE_ROW, Severity.WARNING, line, column, record,
                Field.URL.fieldName(), url, "the row has the url, date, channel and device of an earlier row of the"
                        + " file: the platform would count its transactions and revenue twice; a file holds one"
                        + " report, so merge the rows, or remove the report that repeats them");
    }

    private Violation full(long line, long record) {
        return new Violation(ViolationCode.RECORD_TOO_LARGE, Severity.WARNING, line, 0, record, null, null,
                "the file holds more than " + limits.maxTrackedRows() + " distinct rows, the limit maxTrackedRows"
                        + " of the duplicate-row check: repeated rows are not detected from this record on; raise"
                        + " ConversionLimits.maxTrackedRows (16 to 32 bytes a row) or check the file in parts");
    }

    /**
     * Reports the duplicates among the plain rows taken and not yet looked up
     * ({@link #plainRowCheck(Consumer)}), in order. A caller that counts records runs it before each record it
     * is handed and at the end of the file, so that every report is in the file's order.
     */
    public void settle() {
        rows.settle();
    }

    /**
     * Returns the plain-row check of the file: the mapper's fast path, and the duplicate-row check of a plain row,
     * which is looked up with the plain rows after it, in batches: a duplicate among them is reported to
     * {@code plainRowReports} when its batch is looked up (when it is full, or at {@link #settle()}), with
     * the limit of remembered rows if it is reached there. Each report is a record of its own, a row that was
     * counted without being built.
     *
     * @param plainRowReports receives the reports on plain rows, in order
     * @return the check
     */
    public PlainRowCheck plainRowCheck(Consumer<? super Violation> plainRowReports) {
        reportLaterTo(plainRowReports);
        return plainRowCheck;
    }

    /**
     * Checks a record a writer is about to write: every field rule; under {@code Strictness.STRICT}, where a
     * {@code DUPLICATE_ROW} makes the row an error that the writer refuses or leaves out, the duplicate-row rule too,
     * as a look-up. Nothing is remembered: a row the writer leaves out is no row of the file, so only
     * {@link #written(RawRecord)} remembers one. For the same reason a row past
     * {@link ConversionLimits#maxTrackedRows()} gets its {@code RECORD_TOO_LARGE} here (strict, an error the writer
     * decides on), but the rows are let go only when it is written: left out, it must not end the check of the rows
     * after it.
     *
     * @param record the record
     * @param sink   receives its violations, in order
     */
    public void checkToWrite(RawRecord record, Consumer<? super Violation> sink) {
        mapper.check(record, sink);
        if (strict) {
            LongHashSet.Added found = rows.lookUp(record);
            if (found == LongHashSet.Added.FULL) {
                // Not rows.stop(): the row may yet be left out (written(), through remember, stops once it is not).
                sink.accept(full(record.line(), record.record()));
            } else {
                report(found, record, sink);
            }
        }
    }

    /**
     * Remembers the row of a record the writer wrote ({@link #checkToWrite(RawRecord, Consumer)}). Not strict, the
     * row is looked up here, in a batch with the rows written after it ({@link DuplicateRows#offer(RawRecord)}),
     * and a duplicate (or the limit reached) is reported to {@code reportLaterTo}'s consumer when the batch is, a
     * warning that changes no row's fate; the writer settles ({@link #settle()}) before it reports anything else, so
     * that the reports stay in the file's order. Strict, a row written past the limit (under {@code KEEP}) lets the
     * rows go now, as the validator does at that row.
     *
     * @param record the record written
     * @throws IllegalStateException if not strict and no consumer was given ({@link #reportLaterTo(Consumer)})
     */
    public void written(RawRecord record) {
        if (strict) {
            rows.remember(record);
        } else {
            rows.offer(record);
        }
    }

    /**
     * Sets where the duplicates found in batches are reported, each a record of its own: those of the plain rows a
     * reader counts, and those of the rows a writer wrote.
     *
     * @param reports receives the reports, in order
     */
    public void reportLaterTo(Consumer<? super Violation> reports) {
        Objects.requireNonNull(reports, "reports");
        rows.reportTo(new DuplicateRows.Found() {
            @Override
            public void duplicate(long line, long column, long record, String url) {
                reports.accept(ConversionFileCheck.duplicate(line, column, record, url));
            }

            @Override
            public void full(long line, long record) {
                reports.accept(ConversionFileCheck.this.full(line, record));
            }
        });
    }

    /**
     * Returns the mapper of the file's rows.
     *
     * @return the mapper
     */
    public ConversionMapper mapper() {
        return mapper;
    }
}
