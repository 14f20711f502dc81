package org.conversionkit.json.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Strict NDJSON, as a CRM feed must be: one JSON value a line. The filter between the input and the parser of a
 * {@link JsonRecordSource} that reads a feed: it follows each line's structure (strings, escapes, nesting, what
 * comes after the value) as it hands the line out, and numbers the lines itself, in 64 bits.
 *
 * <p>What is not NDJSON is a {@link Fault} of its line, found at the character that shows it: single quotes, the
 * escape {@code \'}, a value that goes on past the end of its line (pretty-printed JSON, a line break in a string,
 * a value cut short by the end of the input), an array of records ({@code [ {…}, {…} ]}), commas between records,
 * a second value on a line, a closing brace or a key with no object opened on the line. That character is not
 * handed out: the parser meets the end of its input there, and the record source reports the line, skips the rest
 * of it ({@link #skipThrough(long)}) and starts a new parser on the next one. Everything else (a syntax error
 * inside a line, a value that is not an object) is the parser's to find.
 *
 * <p>A read never crosses the end of a line (the LF of a CR LF comes alone), so that the parser never holds more
 * than the line it reads: a new parser started at the next line loses nothing. The parser's own line numbers are
 * 32-bit and restart with each parser; the lines here are counted in 64 bits, and an offset of the parser maps to
 * its line and column ({@link #lineAt(long)}, {@link #columnAt(long)}) as long as it is on the line being handed
 * out or the one before, which is where the parser stands.
 *
 * <p>Two kinds of input: {@link #bytes(InputStream, long)} and {@link #chars(Reader, long)}. Not thread-safe.
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
    }

    /** What a line holds so far: white space only. */
    private static final int BEFORE = 0;
    /** In an object or array that starts the line, outside its strings. */
    private static final int NESTED = 1;
    /** In a string. */
    private static final int STRING = 2;
    /** In a number or literal that starts the line. */
    private static final int SCALAR = 3;
    /** After the line's value. */
    private static final int AFTER = 4;
    /** After an opening bracket that starts the line, and white space. */
    private static final int BRACKET = 5;

    /** {@link #step(int)}: the character belongs to the line, which goes on. */
    private static final int GO = 0;
    /** {@link #step(int)}: the character ends the line (LF, or CR). */
    private static final int LINE_END = 1;
    /** {@link #step(int)}: the character shows the line is not NDJSON; it is not handed out. */
    private static final int HALT = 2;
    /** {@link #step(int)}: the LF of a CR LF, the end of the line before. */
    private static final int CR_LF = 3;

    /** The buffer's unread characters are those from {@code pos} to {@code end}. */
    int pos;
    int end;

    private int state = BEFORE;
    private int depth;
    private boolean escape;
    private boolean rootString;
    private boolean afterCr;
    private @Nullable Fault stepFault;
    private @Nullable Fault fault;
    private long faultLine;
    private long faultColumn;
    /** Whether the parser was handed the end of its input at the fault. */
    private boolean faultHandedOut;
    private boolean eof;
    private boolean endChecked;
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
    static Bytes bytes(InputStream in, long firstLine) {
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

    /** Reads more input into the buffer, from its start: the count read, or -1 at the end. */
    abstract int load() throws IOException;

    /**
     * Scans the next characters the parser may have, at most {@code max}: up to the end of the line, or up to the
     * character that shows a fault.
     *
     * @param max the most characters wanted, 1 or more
     * @return how many characters to hand out, the last {@code n} before {@link #pos}; -1 for the end of the input,
     *         or of what the parser may read (a fault)
     */
    final int next(int max) throws IOException {
        if (fault != null) {
            faultHandedOut = true;
            return -1;
        }
        // White space that starts a line, and blank lines, are counted here and not handed out: the parser needs
        // none of them, and a flood of blank lines costs no read of the parser each.
        while (pos >= end || (state == BEFORE && skipBlank())) {
            if (pos >= end && !fill()) {
                atEnd();
                if (fault != null) {
                    faultHandedOut = true;
                }
                return -1;
            }
        }
        int start = pos;
        int limit = Math.min(end, start + max);
        int i = start;
        int result = GO;
        while (i < limit) {
            int c = charAt(i);
            if (state == STRING && !escape && c != '"' && c != '\\' && c != '\n' && c != '\r') {
                // Most characters are in strings: no state to change.
                i++;
                continue;
            }
            result = step(c);
            if (result != GO) {
                break;
            }
            i++;
        }
        if (result == CR_LF) {
            // The end of the line before: handed out alone.
            pos = i + 1;
            handedOut++;
            return 1;
        }
        if (lineStart < 0 && (i > start || result == LINE_END)) {
            lineStart = handedOut;
            lineSkipped = lineChars;
        }
        if (result == HALT) {
            setFault(lineChars + (i - start) + 1);
            lineChars += i - start;
            pos = i;
            handedOut += i - start;
            if (i == start) {
                faultHandedOut = true;
                return -1;
            }
            return i - start;
        }
        if (result == LINE_END) {
            i++;
        }
        int n = i - start;
        pos = i;
        handedOut += n;
        if (result == LINE_END) {
            endLine();
        } else {
            lineChars += n;
        }
        return n;
    }

    /**
     * Skips the white space at the start of the current line, and the blank lines, in the buffer, without handing
     * them out.
     *
     * @return whether the buffer ran out first: more is to be read before the next character can be handed out
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
                if (!crLf) {
                    afterCr = c == '\r';
                    endLine();
                }
            } else {
                break;
            }
            i++;
        }
        pos = i;
        return i >= end;
    }

    /**
     * Checks the rest of a line that the parser does not need, without handing it out: after the value that
     * starts on the line, only white space may follow.
     *
     * @param valueLine the line of the value the parser read last
     */
    final void finishLine(long valueLine) throws IOException {
        while (fault == null && line == valueLine) {
            if (pos >= end && !fill()) {
                atEnd();
                return;
            }
            int result = step(charAt(pos));
            if (result == HALT) {
                setFault(lineChars + 1);
                return;
            }
            pos++;
            if (result == LINE_END) {
                endLine();
                return;
            }
            if (result == GO) {
                lineChars++;
            }
        }
    }

    /**
     * Skips what is left of the lines up to one, a fault's or a syntax error's, unread, and clears the fault: the
     * next line starts afresh.
     *
     * @param last the last line to skip
     */
    final void skipThrough(long last) throws IOException {
        while (line <= last) {
            if (pos >= end && !fill()) {
                break;
            }
            int c = charAt(pos++);
            if (afterCr) {
                afterCr = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n' || c == '\r') {
                afterCr = c == '\r';
                state = AFTER;
                endLine();
            } else {
                lineChars++;
            }
        }
        if (line <= last) {
            // The end of the input: what is left of the line is neither a fault nor a blank line.
            state = AFTER;
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

    /** At the end of the input: a value left open is a fault, a last line of white space a blank line. */
    private void atEnd() {
        if (endChecked) {
            return;
        }
        endChecked = true;
        if (state == NESTED || state == STRING || state == BRACKET) {
            stepFault = Fault.TRUNCATED;
            setFault(lineChars + 1);
        } else if (state == BEFORE && lineChars > 0) {
            blankLines++;
        }
    }

    private void setFault(long column) {
        fault = stepFault;
        faultLine = line;
        faultColumn = column;
    }

    /** Ends the current line: the next character starts the next one. */
    private void endLine() {
        if (state == BEFORE) {
            blankLines++;
        }
        previousLine = line;
        previousLineStart = lineStart < 0 ? handedOut : lineStart;
        previousLineSkipped = lineStart < 0 ? lineChars : lineSkipped;
        line++;
        lineChars = 0;
        lineStart = -1;
        lineSkipped = 0;
        state = BEFORE;
        depth = 0;
        escape = false;
    }

    /** Takes one character of the current line. */
    private int step(int c) {
        if (afterCr) {
            afterCr = false;
            if (c == '\n') {
                return CR_LF;
            }
        }
        switch (state) {
            case STRING:
                return inString(c);
            case NESTED:
                return nested(c);
            case BEFORE:
                return before(c);
            case SCALAR:
                if (c == ' ' || c == '\t') {
                    state = AFTER;
                    return GO;
                }
                return c == '"' || c == '{' || c == '[' ? halt(Fault.SECOND_VALUE) : afterValue(c, GO);
            case AFTER:
                return c == ' ' || c == '\t' ? GO : afterValue(c, HALT);
            default:
                // BRACKET: an array of records starts with an object, or is empty.
                if (c == ' ' || c == '\t') {
                    return GO;
                }
                if (c == '{' || c == ']' || c == '\n' || c == '\r') {
                    return halt(Fault.ARRAY);
                }
                state = NESTED;
                return nested(c);
        }
    }

    private int before(int c) {
        switch (c) {
            case ' ', '\t':
                return GO;
            case '\n', '\r':
                return lineEnd(c);
            case '{':
                state = NESTED;
                depth = 1;
                return GO;
            case '[':
                state = BRACKET;
                depth = 1;
                return GO;
            case '"':
                state = STRING;
                rootString = true;
                return GO;
            case '\'':
                return halt(Fault.SINGLE_QUOTE);
            case ',':
                return halt(Fault.COMMA);
            case ']':
                return halt(Fault.CLOSING_BRACKET);
            case '}':
                return halt(Fault.PART_OF_RECORD);
            default:
                state = SCALAR;
                return GO;
        }
    }

    private int nested(int c) {
        switch (c) {
            case '"':
                state = STRING;
                rootString = false;
                return GO;
            case '{', '[':
                depth++;
                return GO;
            case '}', ']':
                if (--depth == 0) {
                    state = AFTER;
                }
                return GO;
            case '\'':
                return halt(Fault.SINGLE_QUOTE);
            case '\n', '\r':
                return halt(Fault.SPANS_LINES);
            default:
                return GO;
        }
    }

    private int inString(int c) {
        if (c == '\n' || c == '\r') {
            return halt(Fault.SPANS_LINES);
        }
        if (escape) {
            escape = false;
            return c == '\'' ? halt(Fault.ESCAPED_QUOTE) : GO;
        }
        if (c == '\\') {
            escape = true;
        } else if (c == '"') {
            state = rootString ? AFTER : NESTED;
        }
        return GO;
    }

    /** A character after a value that starts the line, or in a number or literal ({@code other} for the rest). */
    private int afterValue(int c, int other) {
        switch (c) {
            case '\n', '\r':
                return lineEnd(c);
            case ',':
                return halt(Fault.COMMA);
            case ':':
                return halt(Fault.PART_OF_RECORD);
            case '\'':
                return halt(Fault.SINGLE_QUOTE);
            default:
                return other == HALT ? halt(Fault.SECOND_VALUE) : other;
        }
    }

    private int lineEnd(int c) {
        afterCr = c == '\r';
        return LINE_END;
    }

    private int halt(Fault found) {
        stepFault = found;
        return HALT;
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
        return lineChars + 1;
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
            return offset - start + 1 + (lineStart < 0 ? lineChars : lineSkipped);
        }
        return offset >= previousLineStart ? offset - previousLineStart + 1 + previousLineSkipped : 0;
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

        private final InputStream in;
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

        private Bytes(InputStream in, long firstLine) {
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
        int load() throws IOException {
            return in.read(buffer, 0, buffer.length);
        }

        @Override
        JsonParser create(JsonFactory factory) {
            return factory.createParser(ObjectReadContext.empty(), reader);
        }
    }
}
