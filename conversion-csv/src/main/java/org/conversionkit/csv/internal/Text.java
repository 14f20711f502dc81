package org.conversionkit.csv.internal;

import java.util.Locale;

/** Formatting for messages; only used on error paths. */
final class Text {

    private Text() {
    }

    /**
     * Formats a count with thousands separators, independent of the default locale.
     *
     * @param value the count
     * @return e.g. {@code "65,536"}
     */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /**
     * Returns a count with its noun, singular or plural.
     *
     * @param value the count
     * @param noun  the singular noun; the plural adds an s
     * @return e.g. {@code "1 field"}, {@code "4 fields"}
     */
    static String count(long value, String noun) {
        return count(value) + " " + noun + (value == 1 ? "" : "s");
    }

    /**
     * Returns how a delimiter is named in messages.
     *
     * @param delimiter the delimiter
     * @return e.g. {@code "','"}, {@code "tab"}
     */
    static String delimiterName(char delimiter) {
        return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
    }
}
