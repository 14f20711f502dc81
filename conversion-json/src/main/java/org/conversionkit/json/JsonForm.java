package org.conversionkit.json;

/**
 * The form of a JSON input, detected from its first row: the user never says which.
 *
 * <p>The first value decides: an opening bracket {@code [} followed by an object (or {@code ]}) is
 * {@link #ARRAY}; an object written
 * with single quotes, or followed by a comma, is {@link #LOOSE}; anything else is {@link #NDJSON}.
 * A file is read in one form throughout: NDJSON rows after a first strict row may not use single
 * quotes or commas between rows. A CRM feed ({@link CrmFeedReader}) is always NDJSON, one object a line, and
 * checked line by line: the loose forms are conversion rows' only.
 */
public enum JsonForm {
    /**
     * Newline-delimited JSON: strict JSON values separated by white space, normally one object a
     * line. The only form that counts blank lines.
     */
    NDJSON,
    /**
     * The loose form of the Botify example: names and strings in single or double quotes, rows
     * separated by commas (on one line or across lines), an optional trailing comma, no enclosing
     * array.
     */
    LOOSE,
    /**
     * Rows in an enclosing JSON array {@code [ {...}, {...} ]}, single quotes and a trailing comma
     * allowed as in {@link #LOOSE}.
     */
    ARRAY
}
