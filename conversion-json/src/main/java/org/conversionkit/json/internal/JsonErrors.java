package org.conversionkit.json.internal;

import java.io.IOException;
import org.conversionkit.json.JsonForm;
import org.conversionkit.json.JsonLimits;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.rules.Problem;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * Turns what jackson-core reports into our violations and messages: no Jackson type, feature name
 * or exception text of its own reaches a user unexplained.
 */
final class JsonErrors {

    private static final String PYTHON = "this looks like Python repr output; write JSON (true/false/null, strings in"
            + " double quotes), e.g. with json.dumps";

    private JsonErrors() {
    }

    /**
     * Returns the problem of an input that failed where the parser (or the filter of strict lines) stands, when the
     * failure is in the data: past {@code maxFileBytes}, corrupt gzip, bytes that are not UTF-8.
     *
     * @return the problem, or {@code null} for a failure of the input itself (a disk error), which is the caller's
     */
    static @Nullable Problem input(IOException cause, long line, long column) {
        if (cause instanceof InputTooLargeException) {
            return tooLarge(cause.getMessage() + "; split it", line, column);
        }
        if (cause instanceof CorruptGzipException gzip) {
            return gzip.problem();
        }
        if (cause instanceof InvalidUtf8Exception) {
            return new Problem(ViolationCode.ENCODING, "bytes that are not valid UTF-8 at line " + line + ", column "
                    + column + ": the " + cause.getMessage() + "; save the file as UTF-8");
        }
        return null;
    }

    /** A breached limit, with where reading stopped. */
    static Problem tooLarge(String message, long line, long column) {
        return new Problem(ViolationCode.RECORD_TOO_LARGE, message + " (at line " + line + ", column " + column + ")");
    }

    /**
     * Describes a limit breach the parser reported; the text names our limit. The parser says "string" for a number
     * past {@code maxStringLength} too, as it holds a number's text in the buffer it holds a string's in: a string
     * is read lazily, once the parser stands on it, while a number is read whole before its token is handed over,
     * so a breach while the parser stands on anything but a string is a number's.
     *
     * @param e       the breach
     * @param limits  the limits
     * @param current the token the parser stands on, or {@code null}
     */
    static String constraint(StreamConstraintsException e, JsonLimits limits, @Nullable JsonToken current) {
        String text = String.valueOf(e.getOriginalMessage());
        if (JacksonMessage.MAX_NESTING_DEPTH.in(text)) {
            return "objects and arrays are nested deeper than maxNestingDepth (" + limits.maxNestingDepth()
                    + ") allows";
        }
        if (JacksonMessage.MAX_STRING_LENGTH.in(text)) {
            return current == JsonToken.VALUE_STRING ? stringTooLong(limits) : numberTooLong(limits);
        }
        if (JacksonMessage.MAX_NUMBER_LENGTH.in(text)) {
            return numberTooLong(limits);
        }
        if (JacksonMessage.MAX_NAME_LENGTH.in(text)) {
            return nameTooLong(limits);
        }
        return "a parser limit was exceeded (" + clean(text) + ")";
    }

    private static String numberTooLong(JsonLimits limits) {
        return "a number is longer than maxNumberLength (" + limits.maxNumberLength() + " chars) allows";
    }

    static String nameTooLong(JsonLimits limits) {
        return "a key is longer than maxNameLength (" + limits.maxNameLength() + " chars) allows";
    }

    static String stringTooLong(JsonLimits limits) {
        return "a string is longer than maxStringLength (" + limits.maxStringLength() + " chars) allows";
    }

    /** Describes a syntax or encoding error the parser reported, with where it is (line and column, 0 unknown). */
    static Problem syntax(JacksonException e, long line, long column, JsonForm form, boolean inRoot) {
        String where = " at line " + line + ", column " + column;
        String text = String.valueOf(e.getOriginalMessage());
        if (JacksonMessage.INVALID_UTF8.in(text)) {
            return new Problem(ViolationCode.ENCODING, "bytes that are not valid UTF-8" + where + " (" + clean(text)
                    + "): save the file as UTF-8");
        }
        if (e instanceof UnexpectedEndOfInputException) {
            return new Problem(ViolationCode.MALFORMED_JSON, "the input ends inside a value" + where
                    + ": the file looks truncated; write every row whole");
        }
        return new Problem(ViolationCode.MALFORMED_JSON, "JSON syntax error" + where + ": " + explain(text, form,
                inRoot));
    }

    private static String explain(String text, JsonForm form, boolean inRoot) {
        if (JacksonMessage.DUPLICATE_PROPERTY.in(text)) {
            String key = JacksonMessage.DUPLICATE_PROPERTY.after(text);
            return duplicateKey(key.endsWith("\"") ? key.substring(0, key.length() - 1) : key);
        }
        if (JacksonMessage.UNRECOGNIZED_TOKEN.in(text)) {
            String token = quoted(JacksonMessage.UNRECOGNIZED_TOKEN.after(text));
            switch (token) {
                case "True", "False", "None":
                    return "'" + token + "' is not JSON: " + PYTHON;
                case "u", "b":
                    return token + "'…' is a Python string literal, not JSON: " + PYTHON;
                default:
                    return "unrecognized token '" + token + "': a value is a string in quotes, a number, true, false,"
                            + " null, an object or an array";
            }
        }
        if (JacksonMessage.HEXADECIMAL_NUMBER.in(text)) {
            return "a hexadecimal number (0x…) is not JSON: write the number in decimal";
        }
        if (JacksonMessage.NON_STANDARD_TOKEN.in(text)) {
            String token = quoted(JacksonMessage.NON_STANDARD_TOKEN.after(text));
            return "'" + token + "' is not a JSON number: write null, or leave the field out";
        }
        if (JacksonMessage.LEADING_ZEROS.in(text)) {
            return "a number with leading zeros: write 7, not 007 (or the string \"007\" to keep the zeros)";
        }
        if (JacksonMessage.COMMENT.in(text) || JacksonMessage.HASH.in(text)) {
            return "comments are not allowed in JSON; remove them";
        }
        if (JacksonMessage.SINGLE_QUOTE.in(text)) {
            return "a single quote: the first row is strict JSON, so the file is read as NDJSON, where names and"
                    + " strings take double quotes; write every row the same way";
        }
        if (JacksonMessage.PYTHON_UNICODE_NAME.in(text)) {
            return "a name must be in quotes; if the text is Python repr output (u'…'), " + PYTHON;
        }
        if (inRoot && JacksonMessage.COMMA.in(text)) {
            return form == JsonForm.NDJSON
                    ? "a comma between rows, but the first row is not followed by one, so the file is read as NDJSON"
                            + " (one object a line, no commas); separate every row the same way"
                    : "a comma with no row before it (two commas in a row, or a comma before the first row);"
                            + " remove it";
        }
        if (JacksonMessage.COMMA_FOR_VALUE.in(text)) {
            return "a comma where a value is expected: two commas in a row, or a comma right after an opening"
                    + " bracket; remove it";
        }
        if (inRoot && JacksonMessage.CLOSE_MARKER.in(text)) {
            return "a closing bracket with no opening one: " + clean(text);
        }
        if (JacksonMessage.CLOSE_MARKER.in(text)) {
            // "Unexpected close marker ']': expected '}' (for Object starting at [Source: …])"
            return JacksonMessage.FOR_OBJECT.in(text) ? "a closing bracket where the object that is open needs a }: "
                    + clean(text) : "a closing brace where the array that is open needs a ]: " + clean(text);
        }
        return clean(text);
    }

    static String duplicateKey(String key) {
        return "duplicate key '" + key + "': an object with two values for one key is ambiguous; keep one";
    }

    /**
     * Returns the {@code DUPLICATE_KEY} error of a record: valid JSON, but an ambiguous row. Like every violation of
     * a record it is at the record's line, with the repeated key's column when the key is on that line (else 0);
     * its message says where the key is.
     *
     * @param cursor the cursor, standing on the repeated key
     * @param line   the record's line
     * @param record the record's number
     * @param key    the key
     * @return the violation
     */
    static Violation duplicateKey(JsonCursor cursor, long line, long record, String key) {
        long keyLine = cursor.tokenLine();
        long keyColumn = cursor.tokenColumn();
        return new Violation(ViolationCode.DUPLICATE_KEY, ViolationCode.DUPLICATE_KEY.defaultSeverity(), line,
                keyLine == line ? keyColumn : 0, record, key, null, "the key '"
                        + Violation.shorten(key) + "' appears twice in this row (line " + keyLine + ", column "
                        + keyColumn + "): a row with two values for one key is ambiguous; keep one");
    }

    /** The token at the start of a text, up to {@code ':} (or the whole text). */
    private static String quoted(String text) {
        int end = text.indexOf("':");
        return end < 0 ? text : text.substring(0, end);
    }

    /**
     * Drops what only makes sense inside Jackson: advice about its own features, which a user of this library
     * cannot set, and its descriptions of locations ({@code [Source: REDACTED …; byte offset: #UNKNOWN]}), which
     * the violation gives as a line and a column. What is left is plain text: no Java or Jackson name in
     * backquotes.
     */
    static String clean(String text) {
        String result = text;
        int feature = result.indexOf(": enable `");
        if (feature >= 0) {
            result = result.substring(0, feature);
        }
        feature = result.indexOf(" (not recognized as one since Feature");
        if (feature >= 0) {
            result = result.substring(0, feature);
        }
        result = dropLocations(result);
        feature = result.indexOf(" require enabling `");
        if (feature >= 0) {
            result = result.substring(0, feature);
        }
        result = result.replace("`", "'");
        return result.isEmpty() ? result : Character.toLowerCase(result.charAt(0)) + result.substring(1);
    }

    /**
     * Drops every {@code [Source: …]} location, with the parenthesis that holds it
     * ({@code (for Object starting at …)}).
     */
    private static String dropLocations(String text) {
        String result = text;
        int source;
        while ((source = result.indexOf("[Source:")) >= 0) {
            int end = result.indexOf(']', source);
            end = end < 0 ? result.length() : end + 1;
            int open = result.lastIndexOf(" (", source);
            boolean enclosed = open >= 0 && end < result.length() && result.charAt(end) == ')'
                    && result.indexOf(')', open) >= source;
            result = enclosed ? result.substring(0, open) + result.substring(end + 1)
                    : result.substring(0, source) + result.substring(end);
        }
        return result.strip();
    }
}
