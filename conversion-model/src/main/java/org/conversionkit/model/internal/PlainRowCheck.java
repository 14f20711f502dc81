package org.conversionkit.model.internal;

import static org.conversionkit.model.internal.Ascii.isDigit;

import java.time.LocalDate;
import java.util.Objects;
import org.conversionkit.model.ConversionMapper;
import org.conversionkit.model.Field;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of {@link ConversionMapper#check} for the row nearly every record of a daily file is, as tests
 * on the characters a reader read ({@link HeldRecords}), so that a validator can tell such a row before a single
 * string is built: one that only counts a row needs none of them.
 *
 * <p>A row is plain when it has a {@code url} and a {@code date} and the value of every slot present passes
 * {@link #isPlain(int, char[], int, int)}: the url a plain absolute http(s) URL ({@link PlainUrl}), the date the
 * expected date, transactions a plain unsigned integer, revenue a plain unsigned amount, channel and device any
 * text. Each is its rule's fast path, written once for characters and strings alike ({@link Ascii#at}), and held
 * to the rule as written by {@code RuleDifferentialTest}; the row test that combines them is written once too,
 * for held characters ({@link #isPlain(HeldValues)}, the validator's) and for a record's strings
 * ({@link #isPlain(String[])}, the mapper's). So {@code true} is exact: such a row passes every rule without a
 * violation; {@code false} means "look closer", never "invalid". Without an expected date no row is plain. The
 * url, date, transactions and revenue of a plain row are ASCII: a writer looks for unpaired surrogates, which no
 * file can hold, only in the other values of a row found plain.
 *
 * <p>A plain row is also remembered for the duplicate-row check: the check of a file's rows across records
 * ({@link ConversionFileCheck}) gives its {@link DuplicateRows}, and a validator that finds a row plain hands it to
 * {@link #admit(HeldValues)} last, which takes the row from the values held; it is looked up with the
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
    private static final int SLOTS = Field.values().length;

    private final char @Nullable [] date;
    private final @Nullable DuplicateRows rows;

    private PlainRowCheck(@Nullable LocalDate expectedDate, @Nullable DuplicateRows rows) {
        this.date = expectedDate == null ? null : expectedDate.toString().toCharArray();
        this.rows = rows;
    }

    /**
     * Returns the check of a mapper's fast path, for rows that are not checked across records.
     *
     * @param expectedDate the date plain rows have, or {@code null}: then no row is plain
     * @return the check
     */
    public static PlainRowCheck of(@Nullable LocalDate expectedDate) {
        return new PlainRowCheck(expectedDate, null);
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
     * ({@link DuplicateRows#admitPlain(HeldValues)}): the last test of a plain row, the only one with an effect.
     *
     * @param held the values of a plain row, with its line and record number
     * @return {@code true} when the row may be counted without being built
     */
    public boolean admit(HeldValues held) {
        DuplicateRows fileRows = rows;
        return fileRows == null || fileRows.admitPlain(held);
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
        return isPlainRow(held.slots(), held.chars(), null, held);
    }

    /**
     * Tests the values of a record, as strings, as {@link #isPlain(HeldValues)} tests held characters: the test of
     * the mapper's fast path, which adds its own of the values' JSON kinds.
     *
     * @param values the values by {@link Field} ordinal, {@code null} where absent; one per field at least
     * @return {@code true} when they make a plain row
     */
    public boolean isPlain(@Nullable String[] values) {
        int slots = 0;
        for (int slot = 0; slot < SLOTS; slot++) {
            if (values[slot] != null) {
                slots |= 1 << slot;
            }
        }
        return isPlainRow(slots, null, values, null);
    }

    /**
     * The plain-row test, once: the values are held characters ({@code chars} and {@code held}) or strings.
     * Slot by slot, not a loop over the slots: this runs once a row. Channel and device: any text.
     */
    private boolean isPlainRow(int slots, char @Nullable [] chars, @Nullable String @Nullable [] strings,
            @Nullable HeldValues held) {
        return (slots & REQUIRED_SLOTS) == REQUIRED_SLOTS
                && isPlainValue(DATE, chars, strings, held)
                && ((slots & 1 << TRANSACTIONS) == 0 || isPlainValue(TRANSACTIONS, chars, strings, held))
                && ((slots & 1 << REVENUE) == 0 || isPlainValue(REVENUE, chars, strings, held))
                && isPlainValue(URL, chars, strings, held);
    }

    /** Tests one value present, held or as a string ({@link #isPlainRow}). */
    private boolean isPlainValue(int slot, char @Nullable [] chars, @Nullable String @Nullable [] strings,
            @Nullable HeldValues held) {
        if (held != null) {
            return isPlain(slot, chars, "", held.from(slot), held.to(slot));
        }
        String string = Objects.requireNonNull(Objects.requireNonNull(strings)[slot]);
        return isPlain(slot, null, string, 0, string.length());
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
        return isPlain(slot, chars, "", from, to);
    }

    /**
     * Tests a value by its slot's rule: each rule's fast path written once, for characters ({@code chars}) and for
     * a string ({@code chars} {@code null}) alike.
     */
    private boolean isPlain(int slot, char @Nullable [] chars, String string, int from, int to) {
        if (slot == URL) {
            return PlainUrl.isPlain(chars, string, from, to);
        }
        if (slot == DATE) {
            return isExpectedDate(chars, string, from, to);
        }
        if (slot == TRANSACTIONS) {
            return isPlainCount(chars, string, from, to);
        }
        if (slot == REVENUE) {
            return isPlainAmount(chars, string, from, to);
        }
        // Channel and device: any text.
        return true;
    }

    private boolean isExpectedDate(char @Nullable [] chars, String string, int from, int to) {
        char[] expected = date;
        if (expected == null || to - from != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (Ascii.at(chars, string, from + i) != expected[i]) {
                return false;
            }
        }
        return true;
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
        return isPlainCount(null, value, 0, value.length());
    }

    /**
     * The same test as {@link #isPlainCount(String)}, on characters.
     *
     * @param chars the characters
     * @param from  the first character
     * @param to    the end, exclusive
     * @return {@code true} for a plain unsigned count
     */
    public static boolean isPlainCount(char[] chars, int from, int to) {
        return isPlainCount(chars, "", from, to);
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
        return isPlainAmount(null, value, 0, value.length());
    }

    /**
     * The same test as {@link #isPlainAmount(String)}, on characters.
     *
     * @param chars the characters
     * @param from  the first character
     * @param to    the end, exclusive
     * @return {@code true} for a plain unsigned amount
     */
    public static boolean isPlainAmount(char[] chars, int from, int to) {
        return isPlainAmount(chars, "", from, to);
    }

    /**
     * The count test, once, on {@code chars} or, when it is {@code null}, on {@code string}: the same for every
     * character of a call, a test the JIT compiler takes out of the loop (as {@code PlainUrl} does).
     */
    private static boolean isPlainCount(char @Nullable [] chars, String string, int from, int to) {
        int length = to - from;
        if (length == 0 || length > MAX_NUMBER_LENGTH) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = Ascii.at(chars, string, i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The amount test, once, on {@code chars} or, when it is {@code null}, on {@code string}. */
    private static boolean isPlainAmount(char @Nullable [] chars, String string, int from, int to) {
        int length = to - from;
        if (length == 0 || length > MAX_NUMBER_LENGTH || !isDigit(Ascii.at(chars, string, from))
                || !isDigit(Ascii.at(chars, string, to - 1))) {
            return false;
        }
        // Between two digits: digits and at most one point. Without a branch per character (where the point
        // stands differs from row to row), and with a long index, which the JIT compiler does not unroll:
        // for a handful of characters a plain loop is the fastest.
        int other = 0;
        int points = 0;
        for (long i = from + 1L; i < to - 1; i++) {
            int c = Ascii.at(chars, string, (int) i);
            // 1 for '.', else 0, by arithmetic: a comparison here compiles to a branch.
            int isPoint = ((c ^ '.') - 1) >>> 31;
            other |= (c - '0' | '9' - c) >>> 31 & ~isPoint;
            points += isPoint;
        }
        return other == 0 && points <= 1;
    }

}
