package org.conversionkit.validation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.conversionkit.model.Severity;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.Violation;

/**
 * Counts the violations of one input, lists the first of them, and tells whether the current record
 * has an error: the sink every validator hands to the mappers.
 *
 * <p>In strict mode a warning is turned into an error before it is counted. Counting never stops;
 * only the list is capped, so that a file with millions of bad rows gives a report of bounded size.
 * Not thread-safe: one instance per input.
 */
public final class ViolationCollector implements Consumer<Violation> {

    private final boolean strict;
    private final int maxViolations;
    private final List<Violation> listed = new ArrayList<>();
    private long errors;
    private long warnings;
    private boolean recordError;

    /**
     * Creates a collector.
     *
     * @param strictness    whether warnings count as errors
     * @param maxViolations how many violations to list, 0 or more
     */
    public ViolationCollector(Strictness strictness, int maxViolations) {
        Objects.requireNonNull(strictness, "strictness");
        if (maxViolations < 0) {
            throw new IllegalArgumentException("maxViolations must be 0 or more, was " + maxViolations);
        }
        this.strict = strictness == Strictness.STRICT;
        this.maxViolations = maxViolations;
    }

    /**
     * Counts a violation, turning a warning into an error in strict mode, and lists it while the
     * list is not full.
     *
     * @param violation the violation
     */
    @Override
    public void accept(Violation violation) {
        Violation counted = count(violation);
        if (listed.size() < maxViolations) {
            listed.add(counted);
        }
    }

    /**
     * Counts and lists a violation even when the list is full: for the one violation a report must always
     * show, an input that could not be read to its end ({@code FILE_UNREADABLE}).
     *
     * @param violation the violation
     */
    public void acceptAlways(Violation violation) {
        listed.add(count(violation));
    }

    private Violation count(Violation violation) {
        Violation counted = strict && !violation.isError() ? violation.withSeverity(Severity.ERROR) : violation;
        if (counted.isError()) {
            errors++;
            recordError = true;
        } else {
            warnings++;
        }
        return counted;
    }

    /**
     * Returns whether another violation would still be listed; when not, a caller that would create
     * many violations may {@link #countOnly(Severity, long) count} them instead.
     *
     * @return {@code true} while the list is not full
     */
    public boolean listsMore() {
        return listed.size() < maxViolations;
    }

    /**
     * Counts violations that are not listed because the list is full.
     *
     * @param severity their severity before strict promotion
     * @param count    how many
     * @throws IllegalStateException if the list is not full
     */
    public void countOnly(Severity severity, long count) {
        if (listsMore()) {
            throw new IllegalStateException("list violations while the list is not full");
        }
        if (strict || severity == Severity.ERROR) {
            errors += count;
            recordError |= count > 0;
        } else {
            warnings += count;
        }
    }

    /** Starts a record: forgets whether the previous one had an error. */
    public void startRecord() {
        recordError = false;
    }

    /**
     * Returns whether the current record has had an error since {@link #startRecord()}, after strict
     * promotion.
     *
     * @return {@code true} when the record is invalid
     */
    public boolean recordHasError() {
        return recordError;
    }

    /**
     * Returns the number of errors counted, strict promotions included.
     *
     * @return the errors
     */
    public long errors() {
        return errors;
    }

    /**
     * Returns the number of warnings counted.
     *
     * @return the warnings
     */
    public long warnings() {
        return warnings;
    }

    /**
     * Returns whether more violations were counted than listed.
     *
     * @return {@code true} when the list is incomplete
     */
    public boolean truncated() {
        return errors + warnings > listed.size();
    }

    /**
     * Returns the violations listed, in the order found.
     *
     * @return the list itself; the report copies it
     */
    public List<Violation> violations() {
        return listed;
    }
}
