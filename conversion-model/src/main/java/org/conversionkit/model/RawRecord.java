package org.conversionkit.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One record as a reader delivers it, before mapping: where it starts, the value of each of the
 * profile's fields as written, and what reading it found wrong.
 *
 * <p>Values are held by slot: the ordinal of {@link Field} for conversion rows, of
 * {@link CrmField} for CRM records. A {@code null} value is an absent field. The violations are the
 * reader's own ({@code FIELD_COUNT}, {@code HEADER_ROW}, {@code MALFORMED_JSON}, ...); when one of
 * them is an error the record is not mapped and gets only those violations.
 *
 * <p>Records are created once per record read, on the hot path: the factories take the arrays
 * they are given without copying them, and the reader must not change them afterwards.
 */
public final class RawRecord {

    private static final ValueKind[] ALL_STRINGS = filled(Math.max(Field.values().length, CrmField.values().length));

    private final long line;
    private final long record;
    private final @Nullable String[] values;
    private final @Nullable ValueKind[] kinds;
    private final int @Nullable [] columns;
    private final List<Violation> violations;
    private final @Nullable Map<String, @Nullable Object> extras;

    private RawRecord(long line, long record, @Nullable String[] values, @Nullable ValueKind[] kinds,
            int @Nullable [] columns, List<Violation> violations, @Nullable Map<String, @Nullable Object> extras) {
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, was " + line);
        }
        if (record < 1) {
            throw new IllegalArgumentException("record must be 1 or more, was " + record);
        }
        if (kinds.length < values.length) {
            throw new IllegalArgumentException("a kind is needed for every value");
        }
        this.line = line;
        this.record = record;
        this.values = values;
        this.kinds = kinds;
        this.columns = columns;
        this.violations = violations;
        this.extras = extras;
    }

    /**
     * Creates a record of text values, as a CSV reader reads them.
     *
     * @param line       the 1-based line where the record starts
     * @param record     the 1-based record number
     * @param values     the values by slot, {@code null} for absent; taken, not copied
     * @param violations what reading the record found wrong, usually {@link List#of()}
     * @return the record
     */
    public static RawRecord ofText(long line, long record, @Nullable String[] values, List<Violation> violations) {
        return ofText(line, record, values, null, violations);
    }

    /**
     * Creates a record of text values with the column where each starts on the record's first line, as a CSV
     * reader reads them.
     *
     * @param line       the 1-based line where the record starts
     * @param record     the 1-based record number
     * @param values     the values by slot, {@code null} for absent; taken, not copied
     * @param columns    the 1-based column of each slot's value on line {@code line}, 0 where unknown, or
     *                   {@code null} when none is known; taken, not copied
     * @param violations what reading the record found wrong, usually {@link List#of()}
     * @return the record
     */
    public static RawRecord ofText(long line, long record, @Nullable String[] values, int @Nullable [] columns,
            List<Violation> violations) {
        if (values.length > ALL_STRINGS.length) {
            throw new IllegalArgumentException("too many slots: " + values.length);
        }
        return new RawRecord(line, record, Objects.requireNonNull(values, "values"), ALL_STRINGS, columns,
                copy(violations), null);
    }

    /**
     * Creates a record of typed values, as a JSON reader reads them.
     *
     * @param line       the 1-based line where the record starts
     * @param record     the 1-based record number
     * @param values     the values by slot as written, {@code null} for absent; taken, not copied
     * @param kinds      the kind of each value, {@code null} for absent; taken, not copied
     * @param violations what reading the record found wrong, usually {@link List#of()}
     * @param extras     fields outside the profile's slots, in order, or {@code null} when not kept;
     *                   taken, not copied
     * @return the record
     */
    public static RawRecord of(long line, long record, @Nullable String[] values, @Nullable ValueKind[] kinds,
            List<Violation> violations, @Nullable Map<String, @Nullable Object> extras) {
        return new RawRecord(line, record, Objects.requireNonNull(values, "values"),
                Objects.requireNonNull(kinds, "kinds"), null, copy(violations),
                extras == null ? null : Collections.unmodifiableMap(extras));
    }

    /**
     * Creates a record that could not be read into values: it holds only what was found wrong
     * (a header row, a field-count error, malformed input).
     *
     * @param line       the 1-based line where the record starts
     * @param record     the 1-based record number
     * @param violations what is wrong with it; not empty
     * @return the record
     */
    public static RawRecord rejected(long line, long record, List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rejected record needs its violations");
        }
        return new RawRecord(line, record, new String[0], ALL_STRINGS, null, List.copyOf(violations), null);
    }

    /**
     * Returns the 1-based physical line where the record starts (for a JSON row, the line of its
     * opening brace).
     *
     * @return the line
     */
    public long line() {
        return line;
    }

    /**
     * Returns the 1-based number of the record, blank lines not counted.
     *
     * @return the record number
     */
    public long record() {
        return record;
    }

    /**
     * Returns a value as written.
     *
     * @param slot the slot: a {@link Field} or {@link CrmField} ordinal
     * @return the value, or {@code null} when absent
     */
    public @Nullable String value(int slot) {
        return slot < values.length ? values[slot] : null;
    }

    /**
     * Returns the kind of a value.
     *
     * @param slot the slot: a {@link Field} or {@link CrmField} ordinal
     * @return the kind, or {@code null} when the value is absent
     */
    public @Nullable ValueKind kind(int slot) {
        return slot < values.length && values[slot] != null ? kinds[slot] : null;
    }

    /**
     * Returns the column where a value starts on the record's first line.
     *
     * @param slot the slot: a {@link Field} or {@link CrmField} ordinal
     * @return the 1-based column, or 0 when unknown (the reader does not know it, the value is absent or
     *         starts on a later line)
     */
    public long column(int slot) {
        int[] known = columns;
        return known != null && slot < known.length && slot < values.length && values[slot] != null
                ? known[slot] : 0;
    }

    /**
     * Returns the values array itself, for the mapper's fast path in this package: not to be changed.
     *
     * @return the values by slot
     */
    @Nullable String[] values() {
        return values;
    }

    /**
     * Returns the kinds array itself, for the mapper's fast path in this package: not to be changed.
     *
     * @return the kinds by slot
     */
    @Nullable ValueKind[] kinds() {
        return kinds;
    }

    /**
     * Returns what reading the record found wrong, in the order found.
     *
     * @return the reader's violations, usually empty
     */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * Returns whether reading the record found an error, in which case it is not mapped.
     *
     * @return {@code true} when a reader violation is an error
     */
    public boolean isRejected() {
        for (Violation violation : violations) {
            if (violation.isError()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the fields outside the profile's slots, in the order written (CRM records).
     *
     * @return the extra fields; empty when none were kept
     */
    public Map<String, @Nullable Object> extras() {
        return extras == null ? Map.of() : extras;
    }

    @Override
    public String toString() {
        return "RawRecord[line=" + line + ", record=" + record + ", values=" + Arrays.toString(values)
                + ", violations=" + violations + (extras == null ? "" : ", extras=" + new LinkedHashMap<>(extras))
                + "]";
    }

    /** Copies the reader's violations; the common empty list costs nothing. */
    private static List<Violation> copy(List<Violation> violations) {
        return violations.isEmpty() ? List.of() : List.copyOf(violations);
    }

    private static ValueKind[] filled(int size) {
        ValueKind[] kinds = new ValueKind[size];
        Arrays.fill(kinds, ValueKind.STRING);
        return kinds;
    }
}
