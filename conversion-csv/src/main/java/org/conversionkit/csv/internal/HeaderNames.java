package org.conversionkit.csv.internal;

import static org.conversionkit.model.internal.Ascii.isDigit;

import java.util.Locale;
import java.util.Set;

/**
 * The header-row heuristic: the first record is a header when no field has the shape of a date and at least
 * one field is a known column name.
 *
 * <p>A known column name is, trimmed and ignoring case, with {@code _} and {@code -} read as spaces: a field
 * name ({@code url}, {@code date}, {@code channel}, {@code device}, {@code transactions}, {@code revenue}) or a
 * common synonym, such as {@code page}, {@code landing page}, {@code uri}, {@code link}, {@code day},
 * {@code source}, {@code medium}, {@code conversions}, {@code transaction}, {@code # transactions},
 * {@code orders}, {@code sales}, {@code amount}, {@code value} (the full list is {@link #NAMES}).
 *
 * <p>A field has the shape of a date when, trimmed, it starts with a run of digits and the separators
 * {@code - / .} that holds at least six digits within its first ten characters: {@code 2020-09-22},
 * {@code 20200922}, {@code 22.09.2020}, {@code 2020-09-22T10:00}. A data row always has its date, so a data row
 * whose channel happens to be called {@code source} is not taken for a header; a header never holds a date.
 */
final class HeaderNames {

    /** The known column names, lower case, {@code _} and {@code -} replaced by spaces. */
    static final Set<String> NAMES = Set.of(
            // url
            "url", "urls", "uri", "page", "pages", "page url", "pageurl", "page path", "pagepath", "path",
            "landing page", "landingpage", "landing page url", "link", "address", "full url", "canonical",
            "canonical url",
            // date
            "date", "dates", "day", "conversion date", "transaction date", "order date", "ga:date",
            // channel
            "channel", "channels", "source", "medium", "source / medium", "source/medium", "channel grouping",
            "default channel grouping", "traffic source", "campaign",
            // device
            "device", "devices", "device type", "device category", "devicecategory", "platform",
            // transactions
            "transactions", "transaction", "# transactions", "#transactions", "nb transactions",
            "number of transactions", "conversions", "conversion", "goals", "goal completions", "orders", "order",
            "purchases", "sales",
            // revenue
            "revenue", "revenues", "amount", "value", "total", "sales amount", "turnover", "income");

    /** Fields longer than this are no column name. */
    private static final int MAX_NAME_LENGTH = 32;
    private static final int DATE_PREFIX = 10;
    private static final int MIN_DATE_DIGITS = 6;

    private HeaderNames() {
    }

    /**
     * Returns whether {@code text[from, to)}, trimmed, is a known column name.
     *
     * @param text the characters
     * @param from the first index
     * @param to   the index after the last
     * @return {@code true} for a known name
     */
    static boolean isKnownName(char[] text, int from, int to) {
        int start = Trim.start(text, from, to);
        int end = Trim.end(text, start, to);
        if (end - start == 0 || end - start > MAX_NAME_LENGTH) {
            return false;
        }
        String name = new String(text, start, end - start).toLowerCase(Locale.ROOT).replace('_', ' ')
                .replace('-', ' ');
        return NAMES.contains(name);
    }

    /**
     * Returns whether {@code text[from, to)}, trimmed, has the shape of a date.
     *
     * @param text the characters
     * @param from the first index
     * @param to   the index after the last
     * @return {@code true} for a date shape
     */
    static boolean isDateShaped(char[] text, int from, int to) {
        int start = Trim.start(text, from, to);
        int end = Math.min(Trim.end(text, start, to), start + DATE_PREFIX);
        if (start == end || !isDigit(text[start])) {
            return false;
        }
        int digits = 0;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (isDigit(c)) {
                digits++;
            } else if (c != '-' && c != '/' && c != '.') {
                break;
            }
        }
        return digits >= MIN_DATE_DIGITS;
    }

    /**
     * Returns whether a value, trimmed, is a known column name.
     *
     * @param value the value
     * @return {@code true} for a known name
     */
    static boolean isKnownName(String value) {
        return value.length() <= 2 * MAX_NAME_LENGTH && isKnownName(value.toCharArray(), 0, value.length());
    }

    /**
     * Returns whether a value, trimmed, has the shape of a date.
     *
     * @param value the value
     * @return {@code true} for a date shape
     */
    static boolean isDateShaped(String value) {
        int start = 0;
        while (start < value.length() && Trim.isWhitespace(value.charAt(start))) {
            start++;
        }
        int end = Math.min(value.strip().length() + start, start + DATE_PREFIX);
        if (start == end || !isDigit(value.charAt(start))) {
            return false;
        }
        int digits = 0;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (isDigit(c)) {
                digits++;
            } else if (c != '-' && c != '/' && c != '.') {
                break;
            }
        }
        return digits >= MIN_DATE_DIGITS;
    }
}
