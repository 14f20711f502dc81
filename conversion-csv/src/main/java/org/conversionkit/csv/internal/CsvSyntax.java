package org.conversionkit.csv.internal;

/**
 * The quoting rules of the reader, as one state machine over characters, shared by the delimiter sniffer and by
 * the {@link QuoteFilter}, so that both split a text exactly as the reader does.
 *
 * <p>The rules are RFC 4180's, as FastCSV reads them, with one addition, Python {@code csv}'s
 * {@code skipinitialspace}: a quote that follows only white space at the start of a field opens a quoted field,
 * as the source document's own separator {@code ", "} puts white space before every field
 * ({@code https://domain.tld, "organic"}).
 * <ul>
 * <li>At the start of a field ({@link #FIELD_START}), white space is skipped (it is trimmed from an unquoted
 *     field, and dropped before a quoted one); a quote opens a quoted field; the delimiter or a line break ends
 *     the field; anything else starts an unquoted field.</li>
 * <li>In an unquoted field, a quote is a character like any other; the delimiter or a line break ends it.</li>
 * <li>In a quoted field, a quote is a closing quote or the first of a doubled one ({@link #QUOTE_SEEN}): a second
 *     quote is a quote in the value; the delimiter or a line break ends the field; anything else is text after
 *     the closing quote ({@link #JUNK}), an error of the record, which runs to the delimiter or a line break
 *     (quotes included).</li>
 * </ul>
 * White space is what {@link Trim} trims, the delimiter and line breaks excepted.
 */
final class CsvSyntax {

    /** At the start of a field, or in the white space before its first character. */
    static final int FIELD_START = 0;
    /** In an unquoted field. */
    static final int UNQUOTED = 1;
    /** In a quoted field. */
    static final int QUOTED = 2;
    /** Right after a quote inside a quoted field: its closing quote, or the first of a doubled quote. */
    static final int QUOTE_SEEN = 3;
    /** In text after a closing quote. */
    static final int JUNK = 4;

    private CsvSyntax() {
    }

    /**
     * Returns the state after a character. A line break or the delimiter outside quotes gives
     * {@link #FIELD_START}: the caller tells them apart by the character.
     *
     * @param state     the state before the character
     * @param c         the character
     * @param delimiter the delimiter
     * @return the state after it
     */
    static int next(int state, char c, char delimiter) {
        boolean ends = c == delimiter || c == '\n' || c == '\r';
        switch (state) {
            case FIELD_START:
                if (c == '"') {
                    return QUOTED;
                }
                return ends || isBlank(c, delimiter) ? FIELD_START : UNQUOTED;
            case UNQUOTED:
            case JUNK:
                return ends ? FIELD_START : state;
            case QUOTED:
                return c == '"' ? QUOTE_SEEN : QUOTED;
            default:
                if (c == '"') {
                    return QUOTED;
                }
                return ends ? FIELD_START : JUNK;
        }
    }

    /**
     * Returns whether a character is white space that may precede a field's value: what {@link Trim} trims,
     * neither the delimiter nor a line break.
     *
     * @param c         the character
     * @param delimiter the delimiter
     * @return {@code true} for white space
     */
    static boolean isBlank(char c, char delimiter) {
        return c != delimiter && c != '\n' && c != '\r' && Trim.isWhitespace(c);
    }
}
