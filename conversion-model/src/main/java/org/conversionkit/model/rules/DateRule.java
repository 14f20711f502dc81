package org.conversionkit.model.rules;

import java.time.LocalDate;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;

/**
 * The date rule of conversion rows and export file names: exactly {@code YYYY-MM-DD} (ISO 8601
 * calendar date, ASCII digits), and a day that exists.
 *
 * <p>Absent or blank is {@code FIELD_MISSING}; any other shape ({@code 20200922},
 * {@code 22-09-2020}, {@code 2020-9-22}, a time part) is {@code DATE_FORMAT}; the right shape but
 * no such day ({@code 2020-02-30}, {@code 2020-22-09}) is {@code DATE_INVALID}. The check is a
 * fixed-position scan: no regular expression, no {@link java.time.format.DateTimeFormatter}.
 */
public final class DateRule {

    /** The length of a {@code YYYY-MM-DD} date. */
    public static final int LENGTH = 10;

    private DateRule() {
    }

    /**
     * Checks a conversion row's date.
     *
     * @param value the date as written, or {@code null} when absent
     * @return {@code null} for a valid date, else the problem
     */
    public static @Nullable Problem check(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return new Problem(ViolationCode.FIELD_MISSING,
                    "the date is missing: every row needs its day as YYYY-MM-DD, e.g. 2020-09-22");
        }
        if (!hasIsoShape(value, 0, value.length())) {
            return new Problem(ViolationCode.DATE_FORMAT, formatMessage(value));
        }
        String invalid = invalidReason(value, 0);
        return invalid == null ? null : new Problem(ViolationCode.DATE_INVALID, invalid);
    }

    /**
     * Returns the date a valid value stands for.
     *
     * @param value a value that {@link #check(String)} accepts
     * @return the date
     * @throws IllegalArgumentException if the value is not a valid {@code YYYY-MM-DD} date
     */
    public static LocalDate parse(String value) {
        Problem problem = check(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem.message());
        }
        return toDate(value, 0);
    }

    /**
     * Returns whether {@code text[from, to)} has exactly the shape {@code DDDD-DD-DD} in ASCII digits.
     *
     * @param text the text
     * @param from the first index
     * @param to   the index after the last
     * @return {@code true} for the right shape, whatever the digits
     */
    public static boolean hasIsoShape(CharSequence text, int from, int to) {
        if (to - from != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(from + i);
            if ((i == 4 || i == 7) ? c != '-' : c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns why a {@code YYYY-MM-DD}-shaped text at {@code from} is not a calendar date.
     *
     * @param text a text with {@link #hasIsoShape(CharSequence, int, int) the shape} at {@code from}
     * @param from where the date starts
     * @return {@code null} when the date exists, else the reason, for a person
     */
    public static @Nullable String invalidReason(CharSequence text, int from) {
        int year = number(text, from, 4);
        int month = number(text, from + 5, 2);
        int day = number(text, from + 8, 2);
        String date = text.subSequence(from, from + LENGTH).toString();
        if (month < 1 || month > 12) {
            String hint = day >= 1 && day <= 12
                    ? "; if it is written YYYY-DD-MM, swap day and month: " + text.subSequence(from, from + 5)
                            + text.subSequence(from + 8, from + 10) + "-" + text.subSequence(from + 5, from + 7)
                    : "";
            return date + " is not a calendar date: there is no month " + month + hint;
        }
        int days = daysInMonth(year, month);
        if (day < 1 || day > days) {
            return date + " is not a calendar date: " + java.time.Month.of(month).getDisplayName(
                    java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + year + " has " + days + " days";
        }
        return null;
    }

    /**
     * Returns the date a valid {@code YYYY-MM-DD} text at {@code from} stands for.
     *
     * @param text a text holding a valid date at {@code from}
     * @param from where the date starts
     * @return the date
     */
    public static LocalDate toDate(CharSequence text, int from) {
        return LocalDate.of(number(text, from, 4), number(text, from + 5, 2), number(text, from + 8, 2));
    }

    /**
     * Returns the number of days of a month of the proleptic Gregorian calendar.
     *
     * @param year  the year
     * @param month the month, 1 to 12
     * @return 28 to 31
     */
    public static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
                return leap ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    static int number(CharSequence text, int from, int digits) {
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static String formatMessage(String value) {
        String fix = "write the date as YYYY-MM-DD, e.g. 2020-09-22";
        int length = value.length();
        String inner = value.strip();
        if (inner.length() == LENGTH && length > LENGTH && hasIsoShape(inner, 0, LENGTH)) {
            // A quoted CSV value or a JSON string keeps its spaces: '2020-09-22 ' has no time part to drop.
            return "'" + Violation.shorten(value) + "' has white space around the date: remove it, write "
                    + inner;
        }
        if (length > LENGTH && hasIsoShape(value, 0, LENGTH)) {
            return "'" + Violation.shorten(value) + "' has a time part: write the date alone as YYYY-MM-DD, "
                    + value.substring(0, LENGTH);
        }
        if (length == 8 && allDigits(value, 0, 8)) {
            return "'" + value + "' has no separators: write the date as YYYY-MM-DD, " + value.substring(0, 4) + "-"
                    + value.substring(4, 6) + "-" + value.substring(6, 8) + " if it is year, month, day";
        }
        if (length == LENGTH && allDigits(value, 0, 2) && allDigits(value, 3, 5) && allDigits(value, 6, 10)
                && value.charAt(2) == value.charAt(5) && !Character.isLetterOrDigit(value.charAt(2))) {
            return "'" + Violation.shorten(value) + "' puts the year last: " + fix;
        }
        if (length >= 8 && length < LENGTH && allDigits(value, 0, 4) && value.charAt(4) == '-') {
            return "'" + Violation.shorten(value) + "' does not pad month and day to two digits: " + fix;
        }
        return "'" + Violation.shorten(value) + "' is not a YYYY-MM-DD date: " + fix;
    }

    private static boolean allDigits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
