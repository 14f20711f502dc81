package org.conversionkit.model.internal;

import java.util.Arrays;

/**
 * The text values of the record in progress, copied aside from the parser's buffer, which may move or be reused
 * before the record ends, with the record's line and number: what a reader hands over through
 * {@link HeldRecords}, and builds strings from only when asked for the record.
 *
 * <p>One instance per reader, reused from record to record; it grows to the largest record held and holds no
 * more, since readers hold only values within their size limits.
 */
public final class HeldValues {

    private char[] chars = new char[256];
    private final int[] from;
    private final int[] to;
    private final int[] columns;
    private int slots;
    private int length;
    private long line;
    private long record;

    /**
     * Creates an empty holder.
     *
     * @param slotCount the number of slots, at most 32
     */
    public HeldValues(int slotCount) {
        if (slotCount < 0 || slotCount > Integer.SIZE) {
            throw new IllegalArgumentException("slotCount must be 0 to 32, was " + slotCount);
        }
        this.from = new int[slotCount];
        this.to = new int[slotCount];
        this.columns = new int[slotCount];
    }

    /** Forgets the values of the last record. */
    public void clear() {
        slots = 0;
        length = 0;
    }

    /**
     * Sets where the record held is.
     *
     * @param line   its line
     * @param record its record number
     */
    public void place(long line, long record) {
        this.line = line;
        this.record = record;
    }

    /**
     * Returns the line of the record held.
     *
     * @return the line
     */
    public long line() {
        return line;
    }

    /**
     * Returns the number of the record held.
     *
     * @return the record number
     */
    public long record() {
        return record;
    }

    /**
     * Holds the value of a slot, replacing any held before.
     *
     * @param slot   the slot
     * @param buffer the characters
     * @param start  the first character of the value
     * @param end    the end of the value, exclusive
     * @param column the 1-based column where the value starts on its record's first line, 0 when unknown
     */
    public void hold(int slot, char[] buffer, int start, int end, int column) {
        int count = end - start;
        if (length + count > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + count));
        }
        System.arraycopy(buffer, start, chars, length, count);
        from[slot] = length;
        length += count;
        to[slot] = length;
        columns[slot] = column;
        slots |= 1 << slot;
    }

    /**
     * Holds a string as the value of a slot, replacing any held before: a writer's value, held as a reader holds
     * what it read, so that the row is tested by the same fast paths.
     *
     * @param slot   the slot
     * @param value  the value
     * @param column the 1-based column where the value starts on its record's first line, 0 when unknown
     */
    public void hold(int slot, String value, int column) {
        int count = value.length();
        if (length + count > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + count));
        }
        value.getChars(0, count, chars, length);
        from[slot] = length;
        length += count;
        to[slot] = length;
        columns[slot] = column;
        slots |= 1 << slot;
    }

    /**
     * Returns the slots held, as bits by slot.
     *
     * @return the slots
     */
    public int slots() {
        return slots;
    }

    /**
     * Returns whether a slot is held.
     *
     * @param slot the slot
     * @return {@code true} when held
     */
    public boolean has(int slot) {
        return (slots & 1 << slot) != 0;
    }

    /**
     * Returns the characters the values are held in: valid until the next {@link #hold} or {@link #clear()}.
     *
     * @return the characters
     */
    public char[] chars() {
        return chars;
    }

    /**
     * Returns where the value of a held slot begins in {@link #chars()}.
     *
     * @param slot the slot; must be held
     * @return the index of its first character
     */
    public int from(int slot) {
        return from[slot];
    }

    /**
     * Returns where the value of a held slot ends in {@link #chars()}.
     *
     * @param slot the slot; must be held
     * @return the index after its last character
     */
    public int to(int slot) {
        return to[slot];
    }

    /**
     * Returns the column a held value starts at on its record's first line.
     *
     * @param slot the slot
     * @return the 1-based column, or 0 when unknown
     */
    public int column(int slot) {
        return columns[slot];
    }

    /**
     * Builds the string of a held slot.
     *
     * @param slot the slot; must be held
     * @return the value
     */
    public String string(int slot) {
        if (!has(slot)) {
            throw new IllegalStateException("slot " + slot + " is not held");
        }
        return new String(chars, from[slot], to[slot] - from[slot]);
    }
}
