package org.conversionkit.model.internal;

import static org.conversionkit.model.internal.Ascii.isDigit;

import java.time.LocalDate;
import java.util.Arrays;
import org.conversionkit.model.ConversionMapper;
import org.conversionkit.model.Field;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of {@link ConversionMapper#check} for the row nearly every record of a daily file is, as tests
 * on a reader's characters, so that a reader can tell such a row before it builds a single string: a
 * validator that only counts a row needs none of them.
 *
 * <p>A row is plain when it has a {@code url} and a {@code date} and the value of every slot present passes
 * {@link #isPlain(int, char[], int, int)}: the url a plain absolute http(s) URL, the date the expected date,
 * transactions a plain unsigned integer, revenue a plain unsigned amount, channel and device any text. Each
 * test is the character twin of a rule's own fast path ({@link PlainUrl}, {@code NumberRules}), held to it by
 * {@code RuleDifferentialTest}; so a plain row is one the mapper's fast path takes too, without a violation,
 * and {@code false} means "look closer", never "invalid". Without an expected date no row is plain.
 *
 * <p>A plain row is also remembered for the duplicate-row check: the check of a file's rows across records
 * ({@link ConversionFileCheck}) gives its {@link DuplicateRows}, and a reader that finds a row plain hands it to
 * {@link #admit(HeldValues, long, long)} last, which takes the row from the values held; it is looked up with the
 * plain rows after it, and a duplicate is reported from what was taken ({@link DuplicateRows.Found}).
 *
 * <p>The tests allocate nothing. Immutable but for the rows remembered, which belong to one file.
 */
public final class PlainRowCheck {

    /** The slots a plain row must have, as bits by {@link Field} ordinal. */
    private static final int REQUIRED_SLOTS = 1 << Field.URL.ordinal() | 1 << Field.DATE.ordinal();

    private static final int URL = Field.URL.ordinal();
    private static final int DATE = Field.DATE.ordinal();
    private static final int TRANSACTIONS = Field.TRANSACTIONS.ordinal();
    private static final int REVENUE = Field.REVENUE.ordinal();
    private static final int MAX_NUMBER_LENGTH = 18;

    private final char @Nullable [] date;
    private final @Nullable DuplicateRows rows;

    private PlainRowCheck(@Nullable LocalDate expectedDate, @Nullable DuplicateRows rows) {
        this.date = expectedDate == null ? null : expectedDate.toString().toCharArray();
        this.rows = rows;
    }

    /**
     * Returns the check of a mapper's fast path, for rows that are not checked across records.
     *
     * @param mapper the mapper whose expected date plain rows have
     * @return the check
     */
    public static PlainRowCheck of(ConversionMapper mapper) {
        return new PlainRowCheck(mapper.expectedDate().orElse(null), null);
    }

    /**
     * Returns the check of a mapper's fast path for the rows of one file, each also a row the file has not held
     * before.
     *
     * @param mapper the mapper whose expected date plain rows have
     * @param rows   the rows of the file
     * @return the check
     */
    public static PlainRowCheck of(ConversionMapper mapper, DuplicateRows rows) {
        return new PlainRowCheck(mapper.expectedDate().orElse(null), rows);
    }

    /**
     * Remembers a row that {@link #isPlain(HeldValues)} found plain, to be looked up with the plain rows after it
     * ({@link DuplicateRows#admitPlain(HeldValues, long, long)}): the last test of a plain row, the only one with
     * an effect.
     *
     * @param held   the values of a plain row
     * @param line   the row's line
     * @param record the row's record number
     * @return {@code true} when the row may be counted without being built
     */
    public boolean admit(HeldValues held, long line, long record) {
        DuplicateRows fileRows = rows;
        return fileRows == null || fileRows.admitPlain(held, line, record);
    }

    /**
     * Returns whether rows can be plain at all: only when the mapper expects a date.
     *
     * @return {@code true} when some row can pass
     */
    public boolean isUseful() {
        return date != null;
    }

    /**
     * Tests the text values a reader held aside: a plain row has a url and a date, and every value held passes
     * {@link #isPlain(int, char[], int, int)}.
     *
     * @param held the values of a record
     * @return {@code true} when they make a plain row
     */
    public boolean isPlain(HeldValues held) {
        if (!hasRequiredSlots(held)) {
            return false;
        }
        int slots = held.slots();
        // Slot by slot, not a loop over the slots held: this runs once a row. Channel and device: any text.
        char[] chars = held.chars();
        return isExpectedDate(chars, held.from(DATE), held.to(DATE))
                && ((slots & 1 << TRANSACTIONS) == 0
                        || isPlainCount(chars, held.from(TRANSACTIONS), held.to(TRANSACTIONS)))
                && ((slots & 1 << REVENUE) == 0 || isPlainAmount(chars, held.from(REVENUE), held.to(REVENUE)))
                && PlainUrl.isPlain(chars, held.from(URL), held.to(URL));
    }

    /**
     * Returns whether held values include those every plain row has: a url and a date.
     *
     * @param held the values of a record
     * @return {@code true} when both are held
     */
    public static boolean hasRequiredSlots(HeldValues held) {
        return (held.slots() & REQUIRED_SLOTS) == REQUIRED_SLOTS;
    }

    /**
     * Tests the text value of a slot, as characters.
     *
     * @param slot  the {@link Field} ordinal
     * @param chars the characters
     * @param from  the first character of the value
     * @param to    the end of the value, exclusive
     * @return {@code true} when the value is plain for its slot
     */
    public boolean isPlain(int slot, char[] chars, int from, int to) {
        if (slot == URL) {
            return PlainUrl.isPlain(chars, from, to);
        }
        if (slot == DATE) {
            return isExpectedDate(chars, from, to);
        }
        if (slot == TRANSACTIONS) {
            return isPlainCount(chars, from, to);
        }
        if (slot == REVENUE) {
            return isPlainAmount(chars, from, to);
        }
        // Channel and device: any text.
        return true;
    }

    private boolean isExpectedDate(char[] chars, int from, int to) {
        char[] expected = date;
        return expected != null && to - from == expected.length
                && Arrays.equals(chars, from, to, expected, 0, expected.length);
    }

    /**
     * The fast path of {@code NumberRules.checkInteger} for the common count: one to 18 ASCII digits,
     * no sign. Such a value is a valid integer, in range, and not negative; {@code false} means "look
     * closer", not "invalid".
     *
     * @param value the value as written
     * @return {@code true} for a plain unsigned count
     */
    public static boolean isPlainCount(String value) {
        int length = value.length();
        if (length == 0 || length > MAX_NUMBER_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The fast path of {@code NumberRules.checkDecimal} and {@code NumberRules.checkJsonNumber}
     * for the common amount: ASCII digits, optionally a point and more digits ({@code 12}, {@code 123.45}),
     * no sign, at most 18 characters. Such a value is a valid decimal and JSON number, in range, and not
     * negative; {@code false} means "look closer", not "invalid".
     *
     * @param value the value as written
     * @return {@code true} for a plain unsigned amount
     */
    public static boolean isPlainAmount(String value) {
        int length = value.length();
        if (length == 0 || length > MAX_NUMBER_LENGTH || !isDigit(value.charAt(0))
                || !isDigit(value.charAt(length - 1))) {
            return false;
        }
        // Between two digits: digits and at most one point. Without a branch per character (where the point
        // stands differs from row to row), and with a long index, which the JIT compiler does not unroll:
        // for a handful of characters a plain loop is the fastest.
        int other = 0;
        int points = 0;
        for (long i = 1; i < length - 1; i++) {
            int c = value.charAt((int) i);
            // 1 for '.', else 0, by arithmetic: a comparison here compiles to a branch.
            int isPoint = ((c ^ '.') - 1) >>> 31;
            other |= (c - '0' | '9' - c) >>> 31 & ~isPoint;
            points += isPoint;
        }
        return other == 0 && points <= 1;
    }

    /**
     * The fast path of the integer rule ({@link #isPlainCount(String)}) on characters: 1 to 18 ASCII
     * digits.
     *
     * @param chars the characters
     * @param from  the first character
     * @param to    the end, exclusive
     * @return {@code true} for a plain unsigned count
     */
    public static boolean isPlainCount(char[] chars, int from, int to) {
        int length = to - from;
        if (length == 0 || length > MAX_NUMBER_LENGTH) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The fast path of the decimal rule ({@link #isPlainAmount(String)}) on characters: at most 18 ASCII
     * digits with at most one point between two of them.
     *
     * @param chars the characters
     * @param from  the first character
     * @param to    the end, exclusive
     * @return {@code true} for a plain unsigned amount
     */
    public static boolean isPlainAmount(char[] chars, int from, int to) {
        int length = to - from;
        if (length == 0 || length > MAX_NUMBER_LENGTH || !isDigit(chars[from]) || !isDigit(chars[to - 1])) {
            return false;
        }
        // Branch-free, as isPlainAmount(String): where the point stands differs from row to row.
        int other = 0;
        int points = 0;
        for (long i = from + 1L; i < to - 1; i++) {
            int c = chars[(int) i];
            int isPoint = ((c ^ '.') - 1) >>> 31;
            other |= (c - '0' | '9' - c) >>> 31 & ~isPoint;
            points += isPoint;
        }
        return other == 0 && points <= 1;
    }
}
