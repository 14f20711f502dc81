package org.conversionkit.json.internal;

import org.jspecify.annotations.Nullable;

/**
 * The state machine of the loose-form filter: it follows strings (single and double quotes,
 * backslash escapes) and nesting, and blanks out, one character for one, what separates rows —
 * commas between rows, and the brackets of an enclosing array — so that the parser reads the rows
 * as white-space-separated root values with every line and column unchanged.
 *
 * <p>Only a comma that follows a row is blanked: a second comma in a row, or a comma before the
 * first row, stays, and the parser reports it where it is. The enclosing array's closing bracket
 * is remembered by offset, so that content after it, or a missing one, can be reported.
 *
 * <p>The parser reads root values with nothing between them ({@code {…}{…}}) as two, and the brackets it never
 * sees, so what separates rows is checked here: a row must be separated from the one before by white space or a
 * comma, and inside an enclosing array by a comma. The first row that is not is remembered by offset
 * ({@link #separatorProblem(long)}).
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
    /** Whether the last character, at depth 0, ended a value: a closing quote, brace or bracket. */
    private boolean justEnded;
    /** Whether the last character, at depth 0, was part of a bare scalar (a number, true, …). */
    private boolean inScalar;
    /** The offset of the first row not separated from the one before as it must be, or -1. */
    private long separatorAt = -1;
    private @Nullable String separatorProblem;

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
                    justEnded = true;
                }
            }
            return c;
        }
        boolean wasEnded = justEnded;
        boolean wasScalar = inScalar;
        justEnded = false;
        inScalar = false;
        switch (c) {
            case ' ', '\n', '\r', '\t':
                return c;
            case '"', '\'':
                rowStart(at, wasEnded || wasScalar);
                quote = c;
                return c;
            case '{':
                rowStart(at, wasEnded || wasScalar);
                depth++;
                return c;
            case '[':
                if (array && !opened && depth == 0) {
                    opened = true;
                    return ' ';
                }
                rowStart(at, wasEnded || wasScalar);
                depth++;
                return c;
            case '}':
                if (depth > 0 && --depth == 0) {
                    valueSeen = true;
                    justEnded = true;
                }
                return c;
            case ']':
                if (depth > 0) {
                    if (--depth == 0) {
                        valueSeen = true;
                        justEnded = true;
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
                    if (!wasScalar) {
                        rowStart(at, wasEnded);
                    }
                    valueSeen = true;
                    inScalar = true;
                }
                return c;
        }
    }

    /** Checks what separates a value that starts at depth 0 from the row before it. */
    private void rowStart(long at, boolean touching) {
        if (depth != 0 || separatorAt >= 0 || closedAt >= 0) {
            return;
        }
        if (touching) {
            separatorAt = at;
            separatorProblem = "two rows with nothing between them: a row must be followed by a comma or a line"
                    + " break; separate the rows";
        } else if (array && valueSeen) {
            separatorAt = at;
            separatorProblem = "two rows of the array that holds the rows are not separated by a comma: an"
                    + " array's values are; add the comma";
        }
    }

    /**
     * Returns what is wrong with the separation of the row that starts at an offset, or of a row before it.
     *
     * @param offset where a root value starts
     * @return the problem, or {@code null} when the rows up to there are separated as they must be
     */
    @Nullable String separatorProblem(long offset) {
        return separatorAt >= 0 && offset >= separatorAt ? separatorProblem : null;
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
