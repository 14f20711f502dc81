package org.conversionkit.json.internal;

/**
 * The state machine of the loose-form filter: it follows strings (single and double quotes,
 * backslash escapes) and nesting, and blanks out, one character for one, what separates rows —
 * commas between rows, and the brackets of an enclosing array — so that the parser reads the rows
 * as white-space-separated root values with every line and column unchanged.
 *
 * <p>Only a comma that follows a row is blanked: a second comma in a row, or a comma before the
 * first row, stays, and the parser reports it where it is. The enclosing array's closing bracket
 * is remembered by offset, so that content after it, or a missing one, can be reported.
 */
final class LooseScanner {

    private final boolean array;
    private long position;
    private int depth;
    private int quote;
    private boolean escape;
    private boolean valueSeen;
    private boolean opened;
    private long closedAt = -1;

    LooseScanner(boolean array) {
        this.array = array;
    }

    /** Returns the character the parser gets for {@code c}: {@code c} itself or a space. */
    int next(int c) {
        long at = position++;
        if (quote != 0) {
            if (escape) {
                escape = false;
            } else if (c == '\\') {
                escape = true;
            } else if (c == quote) {
                quote = 0;
                if (depth == 0) {
                    valueSeen = true;
                }
            }
            return c;
        }
        switch (c) {
            case ' ', '\n', '\r', '\t':
                return c;
            case '"', '\'':
                quote = c;
                return c;
            case '{':
                depth++;
                return c;
            case '[':
                if (array && !opened && depth == 0) {
                    opened = true;
                    return ' ';
                }
                depth++;
                return c;
            case '}':
                if (depth > 0 && --depth == 0) {
                    valueSeen = true;
                }
                return c;
            case ']':
                if (depth > 0) {
                    if (--depth == 0) {
                        valueSeen = true;
                    }
                    return c;
                }
                if (opened && closedAt < 0) {
                    closedAt = at;
                    valueSeen = false;
                    return ' ';
                }
                return c;
            case ',':
                if (depth == 0 && valueSeen && closedAt < 0) {
                    valueSeen = false;
                    return ' ';
                }
                return c;
            default:
                if (depth == 0) {
                    valueSeen = true;
                }
                return c;
        }
    }

    /** Returns whether a root value at the offset comes after the enclosing array's closing bracket. */
    boolean isAfterClose(long offset) {
        return closedAt >= 0 && offset > closedAt;
    }

    /** Returns whether an enclosing array was opened and never closed. */
    boolean isUnclosed() {
        return opened && closedAt < 0;
    }
}
