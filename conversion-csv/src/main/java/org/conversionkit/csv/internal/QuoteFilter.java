package org.conversionkit.csv.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites CSV text, character by character, into what FastCSV's strict parser reads as {@link CsvSyntax} says:
 * the white space before a quote that opens a field is dropped ({@code a, "b,c"} becomes {@code a,"b,c"}), and
 * text after a closing quote is dropped and remembered as an {@link Event} of its record
 * ({@code "a" ,b} becomes {@code "a",b}), which the record handler reports as {@code MALFORMED_CSV} of that
 * record alone. Everything else passes unchanged, line breaks included, so that lines stay where they are.
 *
 * <p>A step per character costs more than FastCSV's own scan: the record source reads through a filter only
 * from the first record that needs it on. White space before a field is held until what follows it is known,
 * at most {@code maxBlanks} characters (past it, the field is too large anyway, and its white space is passed
 * on: a quote after it is then a character of an unquoted field).
 */
final class QuoteFilter extends ParserInput {

    /**
     * Text after the closing quote of a field.
     *
     * @param line   the 1-based line of its first character
     * @param column the 1-based column of its first character
     * @param field  the 1-based number of the field in its record
     */
    record Event(long line, long column, long field) {
    }

    private static final int CHUNK = 8192;

    private final Reader in;
    private final char delimiter;
    private final int maxBlanks;
    private final char[] chunk = new char[CHUNK];
    /** What is ready to hand out: {@code out[outStart, outEnd)}. */
    private char[] out = new char[CHUNK];
    private int outStart;
    private int outEnd;
    /** White space at the start of a field, held until what follows it is known. */
    private final StringBuilder blanks = new StringBuilder();
    private int state = CsvSyntax.FIELD_START;
    private long line;
    private long column = 1;
    private boolean afterCarriageReturn;
    private long field = 1;
    private final ArrayDeque<Event> events = new ArrayDeque<>();
    private boolean inputEnded;

    /**
     * Creates the filter.
     *
     * @param in        the text, from the start of a record
     * @param delimiter the delimiter
     * @param line      the line the text starts at
     * @param maxBlanks the most white space held before a field
     */
    QuoteFilter(Reader in, char delimiter, long line, int maxBlanks) {
        this.in = in;
        this.delimiter = delimiter;
        this.line = line;
        this.maxBlanks = maxBlanks;
    }

    @Override
    public int read(char[] target, int offset, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        while (outStart == outEnd) {
            if (inputEnded) {
                end();
                return -1;
            }
            outStart = 0;
            outEnd = 0;
            int read = in.read(chunk, 0, CHUNK);
            if (read < 0) {
                inputEnded = true;
                flushBlanks();
            } else {
                filter(read);
            }
        }
        int copied = Math.min(count, outEnd - outStart);
        System.arraycopy(out, outStart, target, offset, copied);
        outStart += copied;
        filled(target, offset + copied);
        return copied;
    }

    private void filter(int count) {
        for (int i = 0; i < count; i++) {
            char c = chunk[i];
            int after = CsvSyntax.next(state, c, delimiter);
            if (state == CsvSyntax.FIELD_START && after == CsvSyntax.FIELD_START && CsvSyntax.isBlank(c, delimiter)) {
                // White space before a field's value: dropped if a quote follows.
                if (blanks.length() < maxBlanks) {
                    blanks.append(c);
                } else {
                    // Too much to hold: passed on, and the field is an unquoted one.
                    flushBlanks();
                    emit(c);
                    state = CsvSyntax.UNQUOTED;
                }
            } else if (after == CsvSyntax.JUNK) {
                if (state == CsvSyntax.QUOTE_SEEN) {
                    events.add(new Event(line, column, field));
                }
                state = after;
            } else {
                if (state == CsvSyntax.FIELD_START) {
                    if (after == CsvSyntax.QUOTED) {
                        blanks.setLength(0);
                    } else {
                        flushBlanks();
                    }
                }
                emit(c);
                if (after == CsvSyntax.FIELD_START) {
                    field = c == delimiter ? field + 1 : 1;
                }
                state = after;
            }
            advance(c);
        }
    }

    private void emit(char c) {
        if (outEnd == out.length) {
            out = Arrays.copyOf(out, 2 * out.length);
        }
        out[outEnd++] = c;
    }

    /** Moves the position past a character: CR, LF and CR LF end a line. */
    private void advance(char c) {
        if (c == '\r') {
            line++;
            column = 1;
            afterCarriageReturn = true;
        } else if (c == '\n') {
            if (!afterCarriageReturn) {
                line++;
            }
            column = 1;
            afterCarriageReturn = false;
        } else {
            column++;
            afterCarriageReturn = false;
        }
    }

    private void flushBlanks() {
        int held = blanks.length();
        if (held > 0) {
            if (outEnd + held > out.length) {
                out = Arrays.copyOf(out, Math.max(2 * out.length, outEnd + held));
            }
            blanks.getChars(0, held, out, outEnd);
            outEnd += held;
            blanks.setLength(0);
        }
    }

    /**
     * Returns whether text after a closing quote was found up to a line.
     *
     * @param lastLine the last line of a record
     * @return {@code true} when an event is held at or before that line
     */
    boolean hasEvent(long lastLine) {
        Event first = events.peekFirst();
        return first != null && first.line() <= lastLine;
    }

    /**
     * Takes the events up to a line, the last line of a record, and returns the first of them.
     *
     * @param lastLine the last line of the record
     * @return the record's first event, or {@code null} for none
     */
    @Nullable Event take(long lastLine) {
        Event first = null;
        while (hasEvent(lastLine)) {
            Event event = events.pollFirst();
            if (first == null) {
                first = event;
            }
        }
        return first;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
