package org.conversionkit.validation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.Profile;
import org.conversionkit.model.Severity;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.Violation;
import org.conversionkit.model.WritePolicy;
import org.conversionkit.validation.ValidationReport;
import org.jspecify.annotations.Nullable;

/**
 * The writers' side of a check: decides, row by row, what a checked row's violations make of it under a
 * {@link WritePolicy}, and keeps the report of what was written apart from that of what was left out.
 *
 * <p>A writer hands each row's violations, found by the same rule code as the validators, to {@link #sink()},
 * located where the row will be in the file, then asks {@link #admit(long)} whether to write it. A row with an
 * error (after strict promotion) is refused by a {@link ConversionDataException}, left out, or kept, by the
 * policy; a row refused or left out is located by its number among the rows given. The written rows' violations
 * and counts make the report {@code validate} gives on the finished file. Not thread-safe: one per writer.
 */
public final class WriteGate {

    private final WritePolicy policy;
    private final boolean strict;
    private final ViolationCollector written;
    private final ViolationCollector leftOut;
    private final List<Violation> row = new ArrayList<>(4);
    private final Consumer<Violation> sink = row::add;
    /** Reports what was found later about rows already written; run before anything else is reported. */
    private Runnable settle = () -> { };
    private long records;
    private long validRecords;
    private long leftOutRows;

    /**
     * Creates the gate of one file or feed.
     *
     * @param policy        what a row with an error does
     * @param strictness    whether warnings count as errors
     * @param maxViolations how many violations each report lists
     */
    public WriteGate(WritePolicy policy, Strictness strictness, int maxViolations) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.strict = strictness == Strictness.STRICT;
        this.written = new ViolationCollector(strictness, maxViolations);
        this.leftOut = new ViolationCollector(strictness, maxViolations);
    }

    /**
     * Returns the sink of the current row's violations, located where the row goes in the file.
     *
     * @return the sink; emptied by {@link #admit(long)}
     */
    public Consumer<Violation> sink() {
        return sink;
    }

    /**
     * Decides the current row: whether the writer writes it.
     *
     * @param given the row's number among the rows given to the writer, from 1
     * @return {@code true} to write the row, whose violations (warnings, or errors under {@link WritePolicy#KEEP})
     *         are now in the file's report; {@code false} for a row left out
     * @throws ConversionDataException under {@link WritePolicy#REFUSE}, for a row with an error
     */
    public boolean admit(long given) {
        if (!row.isEmpty()) {
            // What was found later about the rows before this one comes first.
            settle.run();
        }
        try {
            boolean error = false;
            for (Violation violation : row) {
                error |= violation.isError() || strict;
            }
            if (!error || policy == WritePolicy.KEEP) {
                records++;
                written.startRecord();
                row.forEach(written);
                if (!error) {
                    validRecords++;
                }
                return true;
            }
            List<Violation> located = new ArrayList<>(row.size());
            for (Violation violation : row) {
                Violation promoted = strict ? violation.withSeverity(Severity.ERROR) : violation;
                located.add(new Violation(promoted.code(), promoted.severity(), given, 0, given, promoted.field(),
                        promoted.value(), promoted.message()));
            }
            if (policy == WritePolicy.REFUSE) {
                throw new ConversionDataException(located);
            }
            leftOutRows++;
            located.forEach(leftOut);
            return false;
        } finally {
            row.clear();
        }
    }

    /**
     * Returns the rows written so far.
     *
     * @return the count
     */
    public long records() {
        return records;
    }

    /**
     * Returns the rows left out so far.
     *
     * @return the count
     */
    public long leftOutRows() {
        return leftOutRows;
    }

    /**
     * Sets what reports the findings about rows already written that are made later (the duplicate-row check looks
     * rows up in batches): run before a row's violations are counted, and before the report.
     *
     * @param settle reports the pending findings, to {@link #later()}
     */
    public void settleWith(Runnable settle) {
        this.settle = Objects.requireNonNull(settle, "settle");
    }

    /**
     * Returns where the findings made later about rows already written go: each a record of its own among those
     * written, a warning that changes no row's fate.
     *
     * @return the consumer
     */
    public Consumer<Violation> later() {
        return violation -> {
            written.startRecord();
            written.accept(violation);
        };
    }

    /**
     * Adds a file-level violation of the finished file, {@code EMPTY_FILE} of a file without rows, to its report.
     *
     * @param violation the violation, line and record 0
     * @throws ConversionDataException when it is an error (after strict promotion) and the policy is not
     *                                 {@link WritePolicy#KEEP}: such a file would not be valid
     */
    public void fileViolation(Violation violation) {
        Violation counted = strict ? violation.withSeverity(Severity.ERROR) : violation;
        if (counted.isError() && policy != WritePolicy.KEEP) {
            throw new ConversionDataException(List.of(counted));
        }
        written.accept(violation);
    }

    /**
     * Returns the report of what was written: the report {@code validate} gives on the finished file.
     *
     * @param file      the file's name as the validator names it
     * @param format    {@code "csv"} or {@code "json"}
     * @param delimiter the CSV delimiter, or {@code null}
     * @param profile   the rules
     * @param date      the day rows were held to, or {@code null}
     * @return the report
     */
    public ValidationReport report(String file, String format, @Nullable String delimiter, Profile profile,
            @Nullable LocalDate date) {
        settle.run();
        return new ValidationReport(file, format, delimiter, profile, date, written.errors() == 0, records,
                validRecords, records - validRecords, 0, written.errors(), written.warnings(), written.truncated(),
                written.violations());
    }

    /**
     * Returns the report of the rows left out: each one invalid, its violations located by its number among the
     * rows given.
     *
     * @param file      the file's name
     * @param format    {@code "csv"} or {@code "json"}
     * @param delimiter the CSV delimiter, or {@code null}
     * @param profile   the rules
     * @param date      the day rows were held to, or {@code null}
     * @return the report; valid, without records, when none was left out
     */
    public ValidationReport leftOutReport(String file, String format, @Nullable String delimiter, Profile profile,
            @Nullable LocalDate date) {
        return new ValidationReport(file, format, delimiter, profile, date, leftOut.errors() == 0, leftOutRows, 0,
                leftOutRows, 0, leftOut.errors(), leftOut.warnings(), leftOut.truncated(), leftOut.violations());
    }
}
