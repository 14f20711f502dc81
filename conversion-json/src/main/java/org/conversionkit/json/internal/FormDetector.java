package org.conversionkit.json.internal;

import org.conversionkit.json.JsonForm;

/**
 * Detects the form of a JSON input from its first value, looking ahead at most a bounded number
 * of characters.
 *
 * <p>{@code [} followed by <code>{</code> or {@code ]} is {@link JsonForm#ARRAY}; a first object that uses
 * single quotes, or is
 * followed by a comma, is {@link JsonForm#LOOSE}; anything else, and a first value longer than the
 * look-ahead, is {@link JsonForm#NDJSON}. A failure to read within the look-ahead ends it, as the end of the input
 * would: the reading meets the failure where it is, after the rows before it ({@link ReadAhead#peekBeforeFailure}).
 */
final class FormDetector {

    private FormDetector() {
    }

    static JsonForm detect(ReadAhead input, int lookAhead) {
        int i = skipWhiteSpace(input, 0, lookAhead);
        if (i >= lookAhead) {
            return JsonForm.NDJSON;
        }
        int c = input.peekBeforeFailure(i);
        if (c == '[') {
            // An array of rows holds objects; a first line such as [1, 2] is a row that is not an object.
            int first = input.peekBeforeFailure(skipWhiteSpace(input, i + 1, lookAhead));
            return first == '{' || first == ']' ? JsonForm.ARRAY : JsonForm.NDJSON;
        }
        if (c == '\'') {
            return JsonForm.LOOSE;
        }
        if (c != '{') {
            return JsonForm.NDJSON;
        }
        int depth = 0;
        int quote = 0;
        boolean escape = false;
        while (i < lookAhead) {
            c = input.peekBeforeFailure(i++);
            if (c < 0) {
                return JsonForm.NDJSON;
            }
            if (quote != 0) {
                if (escape) {
                    escape = false;
                } else if (c == '\\') {
                    escape = true;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '"':
                    quote = c;
                    break;
                case '\'':
                    return JsonForm.LOOSE;
                case '{':
                case '[':
                    depth++;
                    break;
                case '}':
                case ']':
                    if (--depth == 0) {
                        return input.peekBeforeFailure(skipWhiteSpace(input, i, lookAhead)) == ',' ? JsonForm.LOOSE
                                : JsonForm.NDJSON;
                    }
                    break;
                default:
                    break;
            }
        }
        return JsonForm.NDJSON;
    }

    /** Returns the index of the first character that is not white space, or {@code limit}. */
    private static int skipWhiteSpace(ReadAhead input, int from, int limit) {
        int i = from;
        while (i < limit && isWhiteSpace(input.peekBeforeFailure(i))) {
            i++;
        }
        return i;
    }

    static boolean isWhiteSpace(int c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
