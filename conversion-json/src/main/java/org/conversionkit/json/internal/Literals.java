package org.conversionkit.json.internal;

import static org.conversionkit.model.internal.Ascii.isDigit;

import org.conversionkit.model.rules.DateRule;

/**
 * Classifies the text of a JSON string as BigQuery's JSON loader reads it when it detects a schema:
 * a date, a time, a date-time with or without a time zone, a quoted integer, float or boolean, or
 * plain text. One pass over the parser's own characters, no allocation, no regular expression.
 *
 * <p>The forms, after Google's "Using schema auto-detection" page and the bigquery-schema-generator
 * project's model of it (see {@code docs/ARCHITECTURE.md}):
 * <ul>
 * <li>date: {@code YYYY-[M]M-[D]D}, a calendar date of the years 1 to 9999;</li>
 * <li>date-time: a date, {@code T} or one space, {@code [H]H:[M]M:[S]S}, optionally {@code .} and 1 to 6
 *     digits, optionally a zone ({@link #TIMESTAMP}) or none ({@link #DATETIME}). The zone is {@code Z},
 *     {@code UTC} or {@code (+|-)H[H][:M[M]]} (at most 14:59), optionally after one space;</li>
 * <li>time: {@code [H]H:[M]M:[S]S}, optionally {@code .} and 1 to 6 digits;</li>
 * <li>quoted integer: {@code [+-]digits} within 64 bits; beyond them it is a quoted float;</li>
 * <li>quoted float: {@code [+-]} then digits with an optional point and digits, or a point and digits, then
 *     an optional exponent {@code e[+-]digits} ({@code 1.}, {@code .5}, {@code 2.e-1});</li>
 * <li>quoted boolean: {@code true} or {@code false} in any case.</li>
 * </ul>
 * Hours are 0 to 23, minutes and seconds 0 to 59: a value BigQuery could not parse as the type is text.
 */
public final class Literals {

    /** Text that is none of the forms below. */
    public static final int STRING = 1;
    /** {@code YYYY-[M]M-[D]D}. */
    public static final int DATE = 1 << 1;
    /** {@code [H]H:[M]M:[S]S[.DDDDDD]}. */
    public static final int TIME = 1 << 2;
    /** A date-time without a time zone. */
    public static final int DATETIME = 1 << 3;
    /** A date-time with a time zone. */
    public static final int TIMESTAMP = 1 << 4;
    /** A quoted integer within 64 bits. */
    public static final int QUOTED_INTEGER = 1 << 5;
    /** A quoted float, or a quoted integer beyond 64 bits. */
    public static final int QUOTED_FLOAT = 1 << 6;
    /** A quoted {@code true} or {@code false}, in any case. */
    public static final int QUOTED_BOOLEAN = 1 << 7;

    private static final int MAX_FRACTION_DIGITS = 6;
    private static final int MAX_OFFSET_HOURS = 14;
    /** Decimal digits that always fit in a long, sign apart. */
    private static final int SAFE_LONG_DIGITS = 18;

    private Literals() {
    }

    /**
     * Classifies the text {@code chars[offset, offset + length)}.
     *
     * @param chars  the characters
     * @param offset where the text starts
     * @param length its length
     * @return one of the class constants
     */
    public static int classify(char[] chars, int offset, int length) {
        if (length == 0) {
            return STRING;
        }
        int end = offset + length;
        char first = chars[offset];
        if (isDigit(first)) {
            int dateEnd = date(chars, offset, end);
            if (dateEnd == end) {
                return DATE;
            }
            if (dateEnd > 0) {
                return dateTime(chars, dateEnd, end);
            }
            int timeEnd = time(chars, offset, end);
            if (timeEnd == end) {
                return TIME;
            }
        }
        if (first == 't' || first == 'T' || first == 'f' || first == 'F') {
            return isBoolean(chars, offset, length) ? QUOTED_BOOLEAN : STRING;
        }
        return number(chars, offset, end);
    }

    /**
     * Classifies a string.
     *
     * @param text the text
     * @return one of the class constants
     */
    public static int classify(String text) {
        return classify(text.toCharArray(), 0, text.length());
    }

    /**
     * Reads {@code YYYY-[M]M-[D]D} from {@code from}: returns the index after it, or -1 when there is no
     * calendar date there.
     */
    private static int date(char[] c, int from, int end) {
        if (end - from < 8 || !isDigit(c[from + 1]) || !isDigit(c[from + 2]) || !isDigit(c[from + 3])
                || c[from + 4] != '-') {
            return -1;
        }
        int year = (c[from] - '0') * 1000 + (c[from + 1] - '0') * 100 + (c[from + 2] - '0') * 10 + c[from + 3] - '0';
        int monthEnd = twoDigits(c, from + 5, end);
        if (monthEnd < 0 || monthEnd >= end || c[monthEnd] != '-') {
            return -1;
        }
        int dayEnd = twoDigits(c, monthEnd + 1, end);
        if (dayEnd < 0) {
            return -1;
        }
        int month = value(c, from + 5, monthEnd);
        int day = value(c, monthEnd + 1, dayEnd);
        if (year == 0 || month < 1 || month > 12 || day < 1 || day > DateRule.daysInMonth(year, month)) {
            return -1;
        }
        return dayEnd;
    }

    /** After a date that does not end the text: a date-time, or text. */
    private static int dateTime(char[] c, int from, int end) {
        if (c[from] != 'T' && c[from] != ' ') {
            return STRING;
        }
        int i = time(c, from + 1, end);
        if (i < 0) {
            return STRING;
        }
        if (i == end) {
            return DATETIME;
        }
        if (c[i] == ' ') {
            i++;
        }
        return zone(c, i, end) ? TIMESTAMP : STRING;
    }

    /**
     * Reads {@code [H]H:[M]M:[S]S[.DDDDDD]} from {@code from}: returns the index after it, or -1 when there
     * is no time of day there.
     */
    private static int time(char[] c, int from, int end) {
        int hourEnd = twoDigits(c, from, end);
        if (hourEnd < 0 || hourEnd >= end || c[hourEnd] != ':') {
            return -1;
        }
        int minuteEnd = twoDigits(c, hourEnd + 1, end);
        if (minuteEnd < 0 || minuteEnd >= end || c[minuteEnd] != ':') {
            return -1;
        }
        int i = twoDigits(c, minuteEnd + 1, end);
        if (i < 0 || value(c, from, hourEnd) > 23 || value(c, hourEnd + 1, minuteEnd) > 59
                || value(c, minuteEnd + 1, i) > 59) {
            return -1;
        }
        if (i < end && c[i] == '.') {
            int fractionStart = ++i;
            while (i < end && isDigit(c[i])) {
                i++;
            }
            int digits = i - fractionStart;
            if (digits == 0 || digits > MAX_FRACTION_DIGITS) {
                return -1;
            }
        }
        return i;
    }

    /** Reads one or two digits from {@code from}: returns the index after them, or -1 when there is none. */
    private static int twoDigits(char[] c, int from, int end) {
        if (from >= end || !isDigit(c[from])) {
            return -1;
        }
        return from + 1 < end && isDigit(c[from + 1]) ? from + 2 : from + 1;
    }

    /** The value of the one or two digits {@code c[from, to)}. */
    private static int value(char[] c, int from, int to) {
        return to - from == 1 ? c[from] - '0' : (c[from] - '0') * 10 + c[from + 1] - '0';
    }

    /** Whether {@code c[from, end)} is exactly a zone: {@code Z}, {@code UTC} or {@code (+|-)H[H][:M[M]]}. */
    private static boolean zone(char[] c, int from, int end) {
        int length = end - from;
        if (length == 1 && c[from] == 'Z') {
            return true;
        }
        if (length == 3 && c[from] == 'U' && c[from + 1] == 'T' && c[from + 2] == 'C') {
            return true;
        }
        if (length < 2 || (c[from] != '+' && c[from] != '-')) {
            return false;
        }
        int hourEnd = twoDigits(c, from + 1, end);
        if (hourEnd < 0 || value(c, from + 1, hourEnd) > MAX_OFFSET_HOURS) {
            return false;
        }
        if (hourEnd == end) {
            return true;
        }
        if (c[hourEnd] != ':') {
            return false;
        }
        int minuteEnd = twoDigits(c, hourEnd + 1, end);
        return minuteEnd == end && value(c, hourEnd + 1, minuteEnd) <= 59;
    }

    private static boolean isBoolean(char[] c, int from, int length) {
        return (length == 4 && (c[from] | 0x20) == 't' && (c[from + 1] | 0x20) == 'r' && (c[from + 2] | 0x20) == 'u'
                && (c[from + 3] | 0x20) == 'e')
                || (length == 5 && (c[from] | 0x20) == 'f' && (c[from + 1] | 0x20) == 'a'
                        && (c[from + 2] | 0x20) == 'l' && (c[from + 3] | 0x20) == 's' && (c[from + 4] | 0x20) == 'e');
    }

    /** A quoted integer, a quoted float or text. */
    private static int number(char[] c, int from, int end) {
        int i = from;
        if (c[i] == '+' || c[i] == '-') {
            i++;
        }
        int integerStart = i;
        while (i < end && isDigit(c[i])) {
            i++;
        }
        int integerDigits = i - integerStart;
        if (i == end) {
            if (integerDigits == 0) {
                return STRING;
            }
            return fitsInLong(c, from, integerStart, end) ? QUOTED_INTEGER : QUOTED_FLOAT;
        }
        int fractionDigits = 0;
        if (c[i] == '.') {
            i++;
            int fractionStart = i;
            while (i < end && isDigit(c[i])) {
                i++;
            }
            fractionDigits = i - fractionStart;
        }
        if (integerDigits == 0 && fractionDigits == 0) {
            return STRING;
        }
        if (i < end && (c[i] == 'e' || c[i] == 'E')) {
            i++;
            if (i < end && (c[i] == '+' || c[i] == '-')) {
                i++;
            }
            int exponentStart = i;
            while (i < end && isDigit(c[i])) {
                i++;
            }
            if (i == exponentStart) {
                return STRING;
            }
        }
        return i == end ? QUOTED_FLOAT : STRING;
    }

    /** Whether the integer {@code c[from, end)} (sign at {@code from} when {@code digits > from}) is a long. */
    private static boolean fitsInLong(char[] c, int from, int digits, int end) {
        int start = digits;
        while (start < end - 1 && c[start] == '0') {
            start++;
        }
        int length = end - start;
        if (length <= SAFE_LONG_DIGITS) {
            return true;
        }
        if (length > SAFE_LONG_DIGITS + 1) {
            return false;
        }
        String limit = digits > from && c[from] == '-' ? "9223372036854775808" : "9223372036854775807";
        for (int k = 0; k < length; k++) {
            char d = c[start + k];
            char l = limit.charAt(k);
            if (d != l) {
                return d < l;
            }
        }
        return true;
    }
}
