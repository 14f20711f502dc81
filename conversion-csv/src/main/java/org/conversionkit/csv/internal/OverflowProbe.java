package org.conversionkit.csv.internal;

import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Finds out, once FastCSV's buffer has overflowed inside a field, what the field is: an unquoted
 * field too large for the buffer, or a quoted one, and then whether its quote is ever closed. An
 * unterminated quote must be {@code MALFORMED_CSV} at the line where it opens, not a field too
 * large, however much of the file it swallows; finding that out takes reading to the end of the
 * input, one small block at a time, never holding more than that block.
 *
 * <p>How the field starts is read from the parser's buffer at the overflow, which holds the field in
 * progress, possibly after the ends of earlier fields. The buffer begins at a field's start: the
 * parser moves the field in progress to the start of its buffer whenever it makes room. Parsing
 * the buffer forward from there with the parser's rules gives the state at its end. (A quoted
 * field with doubled quotes is unescaped in place by the parser once complete, which may leave its
 * characters shifted; a quote followed by anything but a quote, a delimiter or a line break, which
 * the parser would have refused, is thus taken as data.) Whatever the buffer holds, a delimiter or
 * line break past the parser's first read of {@value #READ_SIZE} characters can only be inside
 * quotes, as an unquoted field would have ended there.
 */
final class OverflowProbe {

    /** What the field in progress at an overflow turned out to be. */
    enum Outcome {
        /** An unquoted field larger than the buffer; the input after it is not read. */
        UNQUOTED,
        /** A quoted field whose quote is never closed: the rest of the input is inside it. */
        UNTERMINATED,
        /** A quoted field larger than the buffer, closed further on. */
        TERMINATED,
        /** A quoted field larger than the buffer, closed further on and followed by text. */
        TEXT_AFTER_QUOTE
    }

    /** The parser's read size: the start of the field in progress lies within it at an overflow. */
    static final int READ_SIZE = 8192;

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_CLOSED = 3;

    private OverflowProbe() {
    }

    /**
     * Probes the field in progress.
     *
     * @param buffer    the parser's buffer at the overflow, or {@code null} if nothing was read
     * @param length    the characters it holds
     * @param delimiter the field delimiter
     * @param rest      the input after the buffer; read to its end for a quoted field
     * @return the outcome
     * @throws IOException if the rest of the input cannot be read (an {@link InputFailure} for bad bytes)
     */
    static Outcome probe(char @Nullable [] buffer, int length, char delimiter, Reader rest) throws IOException {
        if (buffer == null || length <= 0) {
            return Outcome.UNQUOTED;
        }
        int state = FIELD_START;
        boolean separatorInTail = false;
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            boolean separator = c == delimiter || c == '\n' || c == '\r';
            separatorInTail |= separator && i >= READ_SIZE;
            state = step(state, c, separator);
        }
        if (state == UNQUOTED || state == FIELD_START) {
            if (!separatorInTail) {
                return Outcome.UNQUOTED;
            }
            // Only quotes hold a separator this far into a field: in quotes, closed by an odd run of them.
            int run = 0;
            while (run < length && buffer[length - 1 - run] == '"') {
                run++;
            }
            state = run % 2 == 1 ? QUOTE_CLOSED : QUOTED;
        }
        char[] block = new char[READ_SIZE];
        int read;
        while ((read = rest.read(block, 0, block.length)) >= 0) {
            for (int i = 0; i < read; i++) {
                char c = block[i];
                if (state == QUOTED) {
                    if (c == '"') {
                        state = QUOTE_CLOSED;
                    }
                } else if (c == '"') {
                    state = QUOTED;
                } else if (c == delimiter || c == '\n' || c == '\r') {
                    return Outcome.TERMINATED;
                } else {
                    return Outcome.TEXT_AFTER_QUOTE;
                }
            }
        }
        return state == QUOTED ? Outcome.UNTERMINATED : Outcome.TERMINATED;
    }

    /** One character of the parser's rules, lenient after a closing quote (see the class comment). */
    private static int step(int state, char c, boolean separator) {
        switch (state) {
            case FIELD_START:
                return c == '"' ? QUOTED : separator ? FIELD_START : UNQUOTED;
            case UNQUOTED:
                return separator ? FIELD_START : UNQUOTED;
            case QUOTED:
                return c == '"' ? QUOTE_CLOSED : QUOTED;
            default:
                return separator ? FIELD_START : QUOTED;
        }
    }
}
