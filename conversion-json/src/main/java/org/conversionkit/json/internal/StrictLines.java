package org.conversionkit.json.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Strict NDJSON, as a CRM feed must be: one JSON value a line. The filter between the input and the parser of a
 * {@link JsonRecordSource} that reads a feed: it hands the parser one line at a time, keeps a record to its line,
 * checks what follows the record on it, and numbers the lines itself, in 64 bits.
 *
 * <p>What is not NDJSON is a {@link Fault} of its line. The parser, which reads strict JSON, finds most of them as it
 * reads the value (single quotes, the escape {@code \'}, a line break in a string, a comma or a closing bracket
 * between values: {@link Fault#of}); this filter finds the rest. While the record source reads a record's value
 * ({@link #hold(long)}), the parser may read its line but not the next one: past the end of the line the parser meets
 * the end of its input ({@link Fault#SPANS_LINES}, pretty-printed JSON; {@link Fault#TRUNCATED} at the end of the
 * input). After the value only white space may follow it on its line ({@link #finishLine(long, long)}: a comma, a
 * second value, a colon are faults). The record source then reports the line, skips the rest of it
 * ({@link #skipThrough(long)}) and, when the parser cannot go on, starts a new parser on the next line.
 *
 * <p>A read never crosses the end of a line, so that the parser never holds more than the line it reads: a new parser
 * started at the next line loses nothing. White space that starts a line, and blank lines, are counted and never
 * handed out. The parser's own line numbers are 32-bit and restart with each parser; the lines here are counted in 64
 * bits, and an offset of the parser maps to its line and column ({@link #lineAt(long)}, {@link #columnAt(long)}) as
 * long as it is on the line being handed out or the one before, which is where the parser stands. The work per
 * character is finding the line ends, eight bytes at a time; the parser does the rest, as it would anyway.
 *
 * <p>Two kinds of input: {@link #bytes(Utf8CheckingInputStream, long)} and {@link #chars(Reader, long)}. Not
 * thread-safe.
 */
abstract class StrictLines {

    /** What makes a line not NDJSON; {@code NOT_NDJSON}'s messages. */
    enum Fault {
        /** A single quote outside a string. */
        SINGLE_QUOTE("a single quote: a CRM feed is NDJSON, strict JSON, where names and strings take double quotes"
                + " ({\"orderId\": \"N1\"}); write them so"),
        /** The escape {@code \'} in a string. */
        ESCAPED_QUOTE("the escape \\' is not JSON: inside double quotes a single quote needs no escape; write ' alone"),
        /** A line that ends inside its value. */
        SPANS_LINES("the record goes on past the end of its line (pretty-printed JSON, or a line break inside a"
                + " value): a CRM feed is NDJSON, one whole JSON object a line; write each record on one line (jq -c"
                + " does)"),
        /** The input ends inside a value. */
        TRUNCATED("the input ends inside the record: the file looks truncated; a CRM feed is NDJSON, one whole JSON"
                + " object a line"),
        /** An opening bracket of an array of records. */
        ARRAY("an array of records ([ {…}, {…} ]): a CRM feed is NDJSON, one JSON object a line, with no enclosing"
                + " brackets and no commas between records; write each record on a line of its own"),
        /** A closing bracket with nothing opened on the line. */
        CLOSING_BRACKET("the closing bracket of an array of records: a CRM feed is NDJSON, one JSON object a line,"
                + " with no enclosing brackets; remove it"),
        /** A comma before or after the value. */
        COMMA("a comma between records: in a CRM feed, NDJSON, a line break alone separates records; remove the"
                + " comma"),
        /** A second value after the first. */
        SECOND_VALUE("a second value after the record on this line: a CRM feed is NDJSON, one JSON object a line;"
                + " put each record on a line of its own"),
        /** A closing brace or a key with no object opened on the line. */
        PART_OF_RECORD("part of a record spread over several lines (pretty-printed JSON): a CRM feed is NDJSON, one"
                + " whole JSON object a line; write each record on one line (jq -c does)");

        private final String message;

        Fault(String message) {
            this.message = message;
        }

        /**
         * Returns what is wrong and how to fix it.
         *
         * @return the message
         */
        String message() {
            return message;
        }

        /**
         * Returns the fault a parser's error shows, or {@code null} for a plain syntax error: single quotes and the
         * escape {@code \'} anywhere; a line break in a string; at the root (between values), a comma, a closing
         * bracket or brace, and a second value.
         *
         * @param message the parser's message, without location
         * @param inRoot  whether the parser stood between values
         * @return the fault, or {@code null}
         */
        static @Nullable Fault of(String message, boolean inRoot) {
            if (JacksonMessage.SINGLE_QUOTE.in(message)) {
                return SINGLE_QUOTE;
            }
            if (JacksonMessage.ESCAPED_SINGLE_QUOTE.in(message)) {
                return ESCAPED_QUOTE;
            }
            if (JacksonMessage.LINE_FEED_IN_STRING.in(message)
                    || JacksonMessage.CARRIAGE_RETURN_IN_STRING.in(message)) {
                return SPANS_LINES;
            }
            if (JacksonMessage.NO_SPACE_AFTER_ROOT_VALUE.in(message)) {
                // A number or literal, and right after it something else than white space.
                return JacksonMessage.COMMA.in(message) ? COMMA
                        : JacksonMessage.COLON.in(message) ? PART_OF_RECORD : SECOND_VALUE;
            }
            if (!inRoot) {
                return null;
            }
            if (JacksonMessage.COMMA.in(message)) {
                return COMMA;
            }
            if (JacksonMessage.CLOSE_BRACKET.in(message)) {
                return CLOSING_BRACKET;
            }
            return JacksonMessage.CLOSE_BRACE.in(message) ? PART_OF_RECORD : null;
        }
    }


    /** The buffer's unread characters are those from {@code pos} to {@code end}. */
    int pos;
    int end;

    private boolean afterCr;
    /** Whether a character of the current line other than white space was handed out. */
    private boolean content;
    private @Nullable Fault fault;
    private long faultLine;
    private long faultColumn;
    /** Whether the parser was handed the end of its input at the fault. */
    private boolean faultHandedOut;
    private boolean eof;
    private boolean endChecked;
    /** The line of the record being read, which the parser may not leave; 0 for none. */
    private long heldLine;
    /** The characters of the line before, its end not counted. */
    private long previousLength;
    private long line;
    /** Characters of the current line consumed so far, handed out or skipped. */
    private long lineChars;
    private long blankLines;
    /** Characters handed to the current parser. */
    private long handedOut;
    /** The parser's offset of the first character of the current line handed out, -1 before it is. */
    private long lineStart = -1;
    /** The characters of the current line skipped before its first one handed out: white space. */
    private long lineSkipped;
    private long previousLine;
    private long previousLineStart;
    private long previousLineSkipped;
    /** The input's characters (bytes, for byte input) loaded before the buffer's first one. */
    private long loadedBefore;
    /** Where the current line's first character is in the input, and the line before's: for {@link #characters}. */
    private long inputLineStart;
    private long previousInputLineStart;

    private StrictLines(long firstLine) {
        this.line = firstLine;
        this.previousLine = firstLine;
    }

    /**
     * Returns the filter of a byte stream.
     *
     * @param in        the bytes, well-formed UTF-8
     * @param firstLine the number of the first line: 1, but in tests of counts past 32 bits
     * @return the filter
     */
    static Bytes bytes(Utf8CheckingInputStream in, long firstLine) {
        return new Bytes(in, firstLine);
    }

    /**
     * Returns the filter of a char stream.
     *
     * @param in        the text
     * @param firstLine the number of the first line: 1, but in tests
     * @return the filter
     */
    static Chars chars(Reader in, long firstLine) {
        return new Chars(in, firstLine);
    }

    /** Returns the character at an index of the buffer. */
    abstract int charAt(int index);

    /**
     * Returns a column of a line in characters, as a {@code Reader} counts them; the filter counts its own units,
     * bytes for byte input.
     *
     * @param inputStart where the line's first character is in the input
     * @param column     the 1-based column in the filter's units, or 0 when unknown
     * @return the column in characters, or 0 when unknown
     */
    abstract long characters(long inputStart, long column);

    /** Reads more input into the buffer, from its start: the count read, or -1 at the end. */
    abstract int load() throws IOException;

    /** Returns the index of the first LF or CR from {@code from}, or {@code limit}. */
    int lineEnd(int from, int limit) {
        for (int i = from; i < limit; i++) {
            int c = charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return limit;
    }

    /**
     * Hands out the next characters of the current line the parser may have, at most {@code max}, up to and with the
     * line's end.
     *
     * @param max the most characters wanted, 1 or more
     * @return how many characters to hand out, the last {@code n} before {@link #pos}; -1 for the end of the input,
     *         or of what the parser may read (a fault; a record that would go on to the next line)
     */
    final int next(int max) throws IOException {
        if (fault != null) {
            faultHandedOut = true;
            return -1;
        }
        while (true) {
            if (heldLine > 0 && line > heldLine) {
                // The record goes on past the end of its line.
                setFault(Fault.SPANS_LINES, heldLine, characters(previousInputLineStart, previousLength + 1));
                faultHandedOut = true;
                return -1;
            }
            if (pos >= end && !fill()) {
                atEnd();
                faultHandedOut = fault != null;
                return -1;
            }
            if (content || !skipBlank()) {
                break;
            }
        }
        int start = pos;
        int limit = Math.min(end, start + max);
        int i = lineEnd(start, limit);
        if (lineStart < 0) {
            lineStart = handedOut;
            lineSkipped = lineChars;
        }
        if (i < limit) {
            // The end of the line: handed out with it.
            afterCr = charAt(i) == '\r';
            lineChars += i - start;
            i++;
            handedOut += i - start;
            pos = i;
            endLine(i);
            return i - start;
        }
        lineChars += limit - start;
        handedOut += limit - start;
        pos = limit;
        return limit - start;
    }

    /**
     * Skips the white space at the start of the current line, and the blank lines, in the buffer, without handing
     * them out; stops at the end of a line while a record is held to it.
     *
     * @return whether nothing can be handed out yet: the buffer ran out, or a held record's line ended
     */
    private boolean skipBlank() {
        int i = pos;
        while (i < end) {
            int c = charAt(i);
            // The LF of a CR LF is the end of the line before.
            boolean crLf = afterCr && c == '\n';
            afterCr = false;
            if (c == ' ' || c == '\t') {
                lineChars++;
            } else if (c == '\n' || c == '\r') {
                if (crLf) {
                    // Not a character of the line it starts.
                    inputLineStart = loadedBefore + i + 1;
                } else {
                    afterCr = c == '\r';
                    endLine(i + 1);
                    if (heldLine > 0) {
                        pos = i + 1;
                        return true;
                    }
                }
            } else {
                content = true;
                break;
            }
            i++;
        }
        pos = i;
        return !content;
    }

    /**
     * Keeps the parser on a line while it reads the record that starts there: past its end, the parser meets the end
     * of its input.
     *
     * @param recordLine the record's line
     */
    final void hold(long recordLine) {
        heldLine = recordLine;
    }

    /** Lets the parser read on, the record read. */
    final void release() {
        heldLine = 0;
    }

    /**
     * Checks the rest of a record's line, after its value: only white space may follow it. What the parser was handed
     * and did not read, from its offset, is still in the buffer (a read never crosses a line's end, and the parser
     * reads again only when it has read everything); what it was not handed is read here, not handed out.
     *
     * @param valueLine  the line of the value
     * @param afterValue the parser's offset after the value
     */
    final void finishLine(long valueLine, long afterValue) throws IOException {
        if (fault != null) {
            return;
        }
        int from = (int) (pos - (handedOut - afterValue));
        for (int i = Math.max(0, from); i < pos; i++) {
            int c = charAt(i);
            if (c == '\n' || c == '\r') {
                return;
            }
            if (c != ' ' && c != '\t') {
                setFault(afterValue(c), valueLine, columnAt(afterValue + i - from));
                return;
            }
        }
        while (line == valueLine) {
            if (pos >= end && !fill()) {
                atEnd();
                return;
            }
            int c = charAt(pos);
            if (c == '\n' || c == '\r') {
                pos++;
                afterCr = c == '\r';
                endLine(pos);
                return;
            }
            if (c != ' ' && c != '\t') {
                setFault(afterValue(c), valueLine, characters(inputLineStart, lineChars + 1));
                return;
            }
            pos++;
            lineChars++;
        }
    }

    /** The fault of a character after a line's value. */
    private static Fault afterValue(int c) {
        return switch (c) {
            case ',' -> Fault.COMMA;
            case ':' -> Fault.PART_OF_RECORD;
            case '\'' -> Fault.SINGLE_QUOTE;
            default -> Fault.SECOND_VALUE;
        };
    }

    /**
     * Sets the fault of a line that the record source found where the parser stands.
     *
     * @param found  the fault
     * @param at     its line
     * @param column its column
     */
    final void fault(Fault found, long at, long column) {
        setFault(found, at, column);
    }

    /**
     * Skips what is left of the lines up to one, a fault's or a syntax error's, unread, and clears the fault: the
     * next line starts afresh.
     *
     * @param last the last line to skip
     */
    final void skipThrough(long last) throws IOException {
        heldLine = 0;
        while (line <= last) {
            if (pos >= end && !fill()) {
                break;
            }
            int c = charAt(pos++);
            if (afterCr) {
                afterCr = false;
                if (c == '\n') {
                    inputLineStart = loadedBefore + pos;
                    continue;
                }
            }
            if (c == '\n' || c == '\r') {
                afterCr = c == '\r';
                content = true;
                endLine(pos);
            } else {
                lineChars++;
            }
        }
        if (line <= last) {
            // The end of the input: what is left of the line is not a blank line.
            content = true;
        }
        fault = null;
        faultHandedOut = false;
    }

    /**
     * Starts a parser that reads from here, the start of a line: the first, or a new one after a parser that met the
     * end of its input at a fault or failed. Its offsets count from 0.
     *
     * @param factory the factory of the parsers
     * @return the parser
     */
    final JsonParser newParser(JsonFactory factory) {
        handedOut = 0;
        lineStart = -1;
        previousLineStart = 0;
        previousLineSkipped = 0;
        return create(factory);
    }

    /** Creates a parser over the filter. */
    abstract JsonParser create(JsonFactory factory);

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        loadedBefore += end;
        int n;
        do {
            n = load();
        } while (n == 0);
        pos = 0;
        if (n < 0) {
            eof = true;
            end = 0;
            return false;
        }
        end = n;
        return true;
    }

    /** At the end of the input: a record left open is a fault, a last line of white space a blank line. */
    private void atEnd() {
        if (endChecked) {
            return;
        }
        endChecked = true;
        if (heldLine > 0 && heldLine == line) {
            setFault(Fault.TRUNCATED, line, characters(inputLineStart, lineChars + 1));
        } else if (!content && lineChars > 0) {
            blankLines++;
        }
    }

    private void setFault(Fault found, long at, long column) {
        fault = found;
        faultLine = at;
        faultColumn = column;
    }

    /** Ends the current line: the next character, at {@code next} in the buffer, starts the next one. */
    private void endLine(int next) {
        previousInputLineStart = inputLineStart;
        inputLineStart = loadedBefore + next;
        if (!content) {
            blankLines++;
        }
        previousLine = line;
        previousLength = lineChars;
        previousLineStart = lineStart < 0 ? handedOut : lineStart;
        previousLineSkipped = lineStart < 0 ? lineChars : lineSkipped;
        line++;
        lineChars = 0;
        lineStart = -1;
        lineSkipped = 0;
        content = false;
    }

    /**
     * Returns the fault of the line, if one was found and not skipped yet.
     *
     * @return the fault, or {@code null}
     */
    final @Nullable Fault fault() {
        return fault;
    }

    /** Returns the line of the fault. */
    final long faultLine() {
        return faultLine;
    }

    /** Returns the 1-based column of the character that shows the fault. */
    final long faultColumn() {
        return faultColumn;
    }

    /** Returns whether the parser was handed the end of its input at the fault: it cannot go on. */
    final boolean faultHandedOut() {
        return faultHandedOut;
    }

    /** Returns the number of the line the next character belongs to. */
    final long line() {
        return line;
    }

    /** Returns the 1-based column of the next character of the current line. */
    final long nextColumn() {
        return characters(inputLineStart, lineChars + 1);
    }

    /** Returns the lines of white space only, so far. */
    final long blankLines() {
        return blankLines;
    }

    /**
     * Returns the line of an offset of the current parser: the line being handed out, or the one before.
     *
     * @param offset the parser's offset
     * @return the line
     */
    final long lineAt(long offset) {
        return offset >= (lineStart < 0 ? handedOut : lineStart) ? line : previousLine;
    }

    /**
     * Returns the 1-based column of an offset of the current parser, on its {@link #lineAt(long) line}.
     *
     * @param offset the parser's offset
     * @return the column, or 0 when unknown
     */
    final long columnAt(long offset) {
        long start = lineStart < 0 ? handedOut : lineStart;
        if (offset >= start) {
            return characters(inputLineStart, offset - start + 1 + (lineStart < 0 ? lineChars : lineSkipped));
        }
        return offset >= previousLineStart
                ? characters(previousInputLineStart, offset - previousLineStart + 1 + previousLineSkipped) : 0;
    }

    /**
     * Hands the parser what {@link #next(int)} allows, copied from the buffer.
     *
     * @param target the parser's buffer: a {@code byte[]} or {@code char[]}, as the filter's own
     * @param offset where to copy to
     * @param length the most to copy
     * @return the count copied, or -1
     */
    final int copy(Object target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = next(length);
        if (n > 0) {
            System.arraycopy(buffer(), pos - n, target, offset, n);
        }
        return n;
    }

    /** Returns the buffer, a {@code byte[]} or a {@code char[]}. */
    abstract Object buffer();

    /** The filter of a byte stream. */
    static final class Bytes extends StrictLines {

        private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class,
                ByteOrder.LITTLE_ENDIAN);
        private static final long ONES = 0x0101010101010101L;
        private static final long HIGH_BITS = 0x8080808080808080L;
        private static final long LFS = ONES * '\n';
        private static final long CRS = ONES * '\r';

        private final Utf8CheckingInputStream in;
        private final byte[] buffer = new byte[8192];
        private final InputStream stream = new InputStream() {

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return copy(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return copy(b, off, len);
            }

            @Override
            public void close() {
                // The record source closes the input: parsers come and go.
            }
        };

        private Bytes(Utf8CheckingInputStream in, long firstLine) {
            super(firstLine);
            this.in = in;
        }

        @Override
        Object buffer() {
            return buffer;
        }

        @Override
        int charAt(int index) {
            return buffer[index] & 0xFF;
        }

        @Override
        long characters(long inputStart, long column) {
            return column <= 0 ? column : in.charColumn(inputStart + column - 1, column);
        }

        /** Eight bytes at a time while none of them is LF or CR (UTF-8 bytes never are). */
        @Override
        int lineEnd(int from, int limit) {
            byte[] bytes = buffer;
            int i = from;
            for (; i + Long.BYTES <= limit; i += Long.BYTES) {
                long word = (long) WORDS.get(bytes, i);
                long found = zeroByte(word ^ LFS) | zeroByte(word ^ CRS);
                if (found != 0) {
                    // The lowest flag marks the first such byte: flags above it may be borrows.
                    return i + (Long.numberOfTrailingZeros(found) >>> 3);
                }
            }
            return super.lineEnd(i, limit);
        }

        /** Flags (the top bit of a byte) the lowest zero byte of a word; flags above it may be false. */
        private static long zeroByte(long word) {
            return (word - ONES) & ~word & HIGH_BITS;
        }

        @Override
        int load() throws IOException {
            return in.read(buffer, 0, buffer.length);
        }

        @Override
        JsonParser create(JsonFactory factory) {
            return factory.createParser(ObjectReadContext.empty(), stream);
        }
    }

    /** The filter of a char stream. */
    static final class Chars extends StrictLines {

        private final Reader in;
        private final char[] buffer = new char[8192];
        private final Reader reader = new Reader() {

            @Override
            public int read(char[] b, int off, int len) throws IOException {
                return copy(b, off, len);
            }

            @Override
            public void close() {
                // The record source closes the input: parsers come and go.
            }
        };

        private Chars(Reader in, long firstLine) {
            super(firstLine);
            this.in = in;
        }

        @Override
        Object buffer() {
            return buffer;
        }

        @Override
        int charAt(int index) {
            return buffer[index];
        }

        @Override
        long characters(long inputStart, long column) {
            return column;
        }

        @Override
        int load() throws IOException {
            return in.read(buffer, 0, buffer.length);
        }

        @Override
        JsonParser create(JsonFactory factory) {
            return factory.createParser(ObjectReadContext.empty(), reader);
        }
    }
}
