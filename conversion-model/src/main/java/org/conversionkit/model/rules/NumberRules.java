package org.conversionkit.model.rules;

import static org.conversionkit.model.internal.Ascii.isDigit;

import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;

/**
 * The number rules of conversion rows, on values written as text (CSV fields, JSON strings).
 *
 * <p>An integer is {@code [+-]?[0-9]+} within the range of a {@code long}; a decimal is a plain
 * decimal with a point, {@code [+-]?[0-9]+(\.[0-9]+)?} ({@code 10}, {@code 10.0}, {@code -3.5}).
 * Anything else is {@code FIELD_TYPE}, with a hint when a decimal comma, a thousands separator or
 * a currency sign is the likely cause. The checks scan the characters once and allocate nothing
 * for a good value.
 *
 * <p>Decimals and JSON numbers must also lie within the range of a 64-bit floating-point number,
 * the warehouse's {@code FLOAT64}: a magnitude above about 1.8e308 would be infinite there, and a
 * non-zero one below about 4.9e-324 would become 0. Besides, such values make
 * {@link java.math.BigDecimal} arithmetic downstream allocate without bound ({@code 1e999999999}
 * plus 1 has a billion digits). Only values longer than {@value #SHORT_LENGTH} characters, or
 * with an exponent, need the range check: anything shorter lies within range.
 */
public final class NumberRules {

    private static final String LONG_MAX = "9223372036854775807";
    /** Plain decimals up to this length lie within a double's range whatever their digits. */
    private static final int SHORT_LENGTH = 300;
    private static final int MAX_EXPONENT_DIGITS = 9;

    private NumberRules() {
    }

    /**
     * Checks an integer field such as {@code transactions}.
     *
     * @param field the field's name, for the message
     * @param value the value as written; not blank
     * @return {@code null} for a valid integer, else a {@code FIELD_TYPE} problem
     */
    public static @Nullable Problem checkInteger(String field, String value) {
        int length = value.length();
        int start = length > 0 && (value.charAt(0) == '+' || value.charAt(0) == '-') ? 1 : 0;
        if (start == length || !digits(value, start, length)) {
            return new Problem(ViolationCode.FIELD_TYPE, integerMessage(field, value));
        }
        if (!fitsLong(value, start, length)) {
            return new Problem(ViolationCode.FIELD_TYPE, field + " " + Violation.shorten(value)
                    + " is out of range: it must lie between -9223372036854775808 and " + LONG_MAX);
        }
        return null;
    }

    /**
     * Checks a decimal field such as {@code revenue}.
     *
     * @param field the field's name, for the message
     * @param value the value as written; not blank
     * @return {@code null} for a valid plain decimal, else a {@code FIELD_TYPE} problem
     */
    public static @Nullable Problem checkDecimal(String field, String value) {
        int length = value.length();
        int start = length > 0 && (value.charAt(0) == '+' || value.charAt(0) == '-') ? 1 : 0;
        // One pass: digits, and at most one point with digits on both sides.
        int point = -1;
        int i = start;
        for (; i < length; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                continue;
            }
            if (c != '.' || point >= 0) {
                break;
            }
            point = i;
        }
        boolean ok = i == length && (point < 0 ? start < length : point > start && point < length - 1);
        if (!ok) {
            return new Problem(ViolationCode.FIELD_TYPE, decimalMessage(field, value));
        }
        return length > SHORT_LENGTH ? checkRange(field, value) : null;
    }

    /**
     * Checks the text of a JSON number (as a JSON parser gives it): a number
     * ({@code [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?}, the forms
     * {@link java.math.BigDecimal} reads, so that a lenient parser's {@code NaN} is refused), with an
     * exponent of at most nine digits, within the range of a 64-bit floating-point number.
     *
     * @param field the field's name, for the message
     * @param value the JSON number's text
     * @return {@code null} when the number can be held, else a {@code FIELD_TYPE} problem
     */
    public static @Nullable Problem checkJsonNumber(String field, String value) {
        int length = value.length();
        int i = length > 0 && (value.charAt(0) == '+' || value.charAt(0) == '-') ? 1 : 0;
        int mantissaDigits = 0;
        while (i < length && isDigit(value.charAt(i))) {
            i++;
            mantissaDigits++;
        }
        if (i < length && value.charAt(i) == '.') {
            i++;
            while (i < length && isDigit(value.charAt(i))) {
                i++;
                mantissaDigits++;
            }
        }
        if (mantissaDigits == 0) {
            return notANumber(field, value);
        }
        if (i == length) {
            return length > SHORT_LENGTH ? checkRange(field, value) : null;
        }
        if (value.charAt(i) != 'e' && value.charAt(i) != 'E') {
            return notANumber(field, value);
        }
        i++;
        if (i < length && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            i++;
        }
        if (i == length || !digits(value, i, length)) {
            return notANumber(field, value);
        }
        while (i < length - 1 && value.charAt(i) == '0') {
            i++;
        }
        if (length - i > MAX_EXPONENT_DIGITS) {
            return new Problem(ViolationCode.FIELD_TYPE, field + " " + Violation.shorten(value)
                    + " is out of range: its exponent is too large for a decimal number");
        }
        return checkRange(field, value);
    }

    /**
     * Returns whether a number that passed its check, or a JSON number's text, is below zero.
     *
     * @param value the number as written
     * @return {@code true} when it has a minus sign and a non-zero digit before any exponent
     */
    public static boolean isNegative(String value) {
        return !value.isEmpty() && value.charAt(0) == '-' && hasNonZeroDigitBeforeExponent(value);
    }

    /**
     * Returns the value of an integer that passed {@link #checkInteger(String, String)}.
     *
     * @param value the integer as written
     * @return its value
     * @throws NumberFormatException if it is not a valid integer
     */
    public static long parseInteger(String value) {
        return Long.parseLong(value.charAt(0) == '+' ? value.substring(1) : value);
    }

    /** Checks a number's magnitude against the range of a double; the text is a valid number. */
    private static @Nullable Problem checkRange(String field, String value) {
        double d = Double.parseDouble(value);
        if (Double.isInfinite(d)) {
            return new Problem(ViolationCode.FIELD_TYPE, field + " " + Violation.shorten(value)
                    + " is out of range: its magnitude"
                    + " exceeds the largest 64-bit floating-point number (about 1.8e308), which the warehouse's"
                    + " FLOAT columns hold");
        }
        if (d == 0 && hasNonZeroDigitBeforeExponent(value)) {
            return new Problem(ViolationCode.FIELD_TYPE, field + " " + Violation.shorten(value)
                    + " is out of range: it is so close"
                    + " to zero that a 64-bit floating-point number holds it as 0");
        }
        return null;
    }

    private static boolean hasNonZeroDigitBeforeExponent(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static Problem notANumber(String field, String value) {
        return new Problem(ViolationCode.FIELD_TYPE, field + " must be a number, not '"
                + Violation.shorten(value) + "'");
    }

    private static boolean digits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean fitsLong(String value, int from, int to) {
        while (from < to - 1 && value.charAt(from) == '0') {
            from++;
        }
        int digits = to - from;
        if (digits != LONG_MAX.length()) {
            return digits < LONG_MAX.length();
        }
        int cmp = value.substring(from, to).compareTo(LONG_MAX);
        return cmp <= 0 || (cmp == 1 && value.charAt(0) == '-' && value.endsWith("8")
                && value.substring(from, to - 1).equals(LONG_MAX.substring(0, LONG_MAX.length() - 1)));
    }

    private static String integerMessage(String field, String value) {
        if (looksLikeDecimal(value)) {
            return field + " must be a whole number, but '" + Violation.shorten(value)
                    + "' has a fraction: write e.g. 3";
        }
        return field + " must be a whole number such as 3, not '" + Violation.shorten(value) + "'" + hint(value);
    }

    private static String decimalMessage(String field, String value) {
        return field + " must be a plain decimal number with a point, such as 10.5, not '"
                + Violation.shorten(value) + "'"
                + hint(value);
    }

    private static boolean looksLikeDecimal(String value) {
        int point = value.indexOf('.');
        return point >= 0 && checkDecimal("", value) == null;
    }

    private static String hint(String value) {
        int comma = value.indexOf(',');
        if (comma > 0) {
            int sign = value.charAt(0) == '+' || value.charAt(0) == '-' ? 1 : 0;
            boolean oneComma = value.indexOf(',', comma + 1) < 0 && value.indexOf('.') < 0
                    && comma > sign && digits(value, sign, comma) && comma < value.length() - 1
                    && digits(value, comma + 1, value.length());
            if (oneComma) {
                return ": a decimal comma is the likely cause; write " + Violation.shorten(value.replace(',', '.'))
                        + " (or " + Violation.shorten(value.replace(",", "")) + " if the comma separates thousands)";
            }
            return ": remove the thousands separators and use a point for decimals, as in "
                    + Violation.shorten(value.replace(",", ""));
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.getType(value.charAt(i)) == Character.CURRENCY_SYMBOL) {
                return ": remove the currency sign";
            }
        }
        if (value.indexOf(' ') >= 0 || value.indexOf('\u00A0') >= 0) {
            return ": remove the spaces";
        }
        if (isExponentForm(value)) {
            return ": write it without an exponent";
        }
        return "";
    }

    /**
     * Returns whether a value is a number written with an exponent ({@code 1e3}, {@code -2.5E-4}): the hint
     * about exponents is for those, not for every value with an {@code e} ({@code one}, {@code free}).
     */
    private static boolean isExponentForm(String value) {
        int e = Math.max(value.indexOf('e'), value.indexOf('E'));
        if (e < 0 || e == value.length() - 1) {
            return false;
        }
        int sign = value.charAt(0) == '+' || value.charAt(0) == '-' ? 1 : 0;
        int point = value.indexOf('.');
        // At least one digit in the mantissa, before or after its point.
        boolean mantissa = point < 0 ? e > sign && digits(value, sign, e)
                : point < e && e - sign > 1 && digits(value, sign, point) && digits(value, point + 1, e);
        int exponent = value.charAt(e + 1) == '+' || value.charAt(e + 1) == '-' ? e + 2 : e + 1;
        return mantissa && exponent < value.length() && digits(value, exponent, value.length());
    }
}
