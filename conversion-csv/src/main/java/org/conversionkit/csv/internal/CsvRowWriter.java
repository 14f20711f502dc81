package org.conversionkit.csv.internal;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes records with FastCSV's {@link CsvWriter} so that {@link RecordHandler} reads back exactly the values
 * written, and tells where each value starts, as the reader locates it.
 *
 * <p>FastCSV quotes a value that holds the delimiter, the quote or a line break. The reader also trims unquoted
 * values and takes a first field beginning with {@code #} or {@code //} for a comment, a record of one empty value,
 * or of empty values with a white-space delimiter, for a blank line, and U+FEFF at the start of the file for a byte
 * order mark; so such values are quoted too. The decision is
 * made here, once, and handed to FastCSV as its quote strategy, so that the columns computed here are those of the
 * file: the reader knows a value's column up to the first quoted value of a line, and so does this class.
 *
 * <p>Lines end with LF. When asked to, it also counts the UTF-8 bytes of each planned record as FastCSV will write it
 * (quotes and doubled quotes included), so that a writer can hold the file to the reader's {@code maxFileBytes}
 * before the record is written. Not thread-safe.
 */
public final class CsvRowWriter implements Closeable {

    private final CsvWriter csv;
    private final char delimiter;
    private final boolean whitespaceDelimiter;
    /** Whether {@link #plan(String[], int[])} counts the planned record's bytes: only a limit needs them. */
    private final boolean countBytes;
    /** Whether each value of the record in progress is quoted: FastCSV asks per value, in order. */
    private boolean[] quoted = new boolean[8];
    /** The line the next record starts on. */
    private long line = 1;
    /** The bytes of the records written, when counted. */
    private long bytes;
    /** The bytes of the planned record, when counted. */
    private long planned;

    /**
     * Creates a writer of UTF-8 records.
     *
     * @param out        the stream; closed with the writer
     * @param delimiter  the field delimiter, not a surrogate
     * @param countBytes whether to count the bytes of each record ({@link #planned()}, {@link #bytes()})
     */
    public CsvRowWriter(OutputStream out, char delimiter, boolean countBytes) {
        this.delimiter = delimiter;
        this.whitespaceDelimiter = Trim.isWhitespace(delimiter);
        this.countBytes = countBytes;
        // No comment is ever written, but FastCSV wants a comment character other than the delimiter, and quotes a
        // first value beginning with it: '#' or '/', which plan() quotes anyway, whichever is not the delimiter.
        char comment = delimiter == '#' ? '/' : '#';
        this.csv = CsvWriter.builder().fieldSeparator(delimiter).quoteCharacter('"').commentCharacter(comment)
                .lineDelimiter(LineDelimiter.LF).quoteStrategy(new Decided()).build(out, StandardCharsets.UTF_8);
    }

    /**
     * Decides, for a record about to be written, which values are quoted, and fills in where each value will
     * start: the 1-based column on the record's first line, 0 from the first quoted value on.
     *
     * @param values  the record's values, none {@code null}
     * @param columns receives each value's column; at least as long as {@code values}
     */
    public void plan(String[] values, int[] columns) {
        if (quoted.length < values.length) {
            quoted = new boolean[Math.max(values.length, quoted.length * 2)];
        }
        boolean allEmpty = true;
        for (String value : values) {
            allEmpty &= value.isEmpty();
        }
        // The reader skips a byte order mark at the start of the file: with U+FEFF as the delimiter, the first line
        // must not begin with it, so an empty first value there is quoted (a value beginning with one always is).
        boolean markFirst = line == 1 && delimiter == '\uFEFF';
        long column = 1;
        for (int i = 0; i < values.length; i++) {
            String value = values[i];
            // A record of empty values reads as a blank line when it is one value, or with a white-space delimiter.
            boolean quote = needsQuotes(value, i == 0) || (allEmpty && (whitespaceDelimiter || values.length == 1))
                    || (i == 0 && markFirst && value.isEmpty());
            quoted[i] = quote;
            columns[i] = column > Integer.MAX_VALUE ? 0 : (int) column;
            column = column == 0 || quote ? 0 : column + value.length() + 1;
        }
        if (countBytes) {
            planned = size(values);
        }
    }

    /** The UTF-8 bytes of a planned record as FastCSV writes it: values, quotes, delimiters and the LF. */
    private long size(String[] values) {
        long size = (values.length - 1L) * utf8Length(delimiter) + 1;
        for (int i = 0; i < values.length; i++) {
            String value = values[i];
            for (int j = 0; j < value.length(); j++) {
                char c = value.charAt(j);
                // A surrogate is half of a four-byte character (an unpaired one is refused before it is written).
                size += Character.isSurrogate(c) ? 2 : utf8Length(c);
                if (c == '"' && quoted[i]) {
                    size++;
                }
            }
            if (quoted[i]) {
                size += 2;
            }
        }
        return size;
    }

    private static int utf8Length(char c) {
        return c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }

    /**
     * Writes a record planned by {@link #plan(String[], int[])} with the same values.
     *
     * @param values the record's values
     * @throws java.io.UncheckedIOException if the stream fails
     */
    public void write(String[] values) {
        csv.writeRecord(values);
        bytes += planned;
        long breaks = 0;
        for (int i = 0; i < values.length; i++) {
            if (quoted[i]) {
                breaks += lineBreaks(values[i]);
            }
        }
        line += 1 + breaks;
    }

    /**
     * Returns the line the next record starts on.
     *
     * @return the 1-based line
     */
    public long line() {
        return line;
    }

    /**
     * Returns the bytes of the record planned last, as it will be written, when bytes are counted.
     *
     * @return the bytes, LF included; 0 when not counted
     */
    public long planned() {
        return planned;
    }

    /**
     * Returns the bytes of the records written so far, when bytes are counted: the file's size before compression.
     *
     * @return the bytes; 0 when not counted
     */
    public long bytes() {
        return bytes;
    }

    /**
     * Flushes and closes the stream.
     *
     * @throws IOException if the stream fails
     */
    @Override
    public void close() throws IOException {
        csv.close();
    }

    private boolean needsQuotes(String value, boolean first) {
        int length = value.length();
        if (length == 0) {
            return false;
        }
        char start = value.charAt(0);
        if (Trim.isWhitespace(start) || Trim.isWhitespace(value.charAt(length - 1)) || start == '\uFEFF'
                || (first && (start == '#' || start == '/'))) {
            return true;
        }
        // Four scans by String.indexOf, which the JIT compiles to vector instructions, take less than one loop over
        // the characters comparing each four times.
        return value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
    }

    /** Counts line breaks as the reader does: CRLF, CR and LF are one each. */
    private static long lineBreaks(String value) {
        long breaks = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n') {
                breaks++;
            } else if (c == '\r') {
                breaks++;
                if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                    i++;
                }
            }
        }
        return breaks;
    }

    /** Hands FastCSV the quoting decided in {@link #plan(String[], int[])}. */
    private final class Decided implements QuoteStrategy {
        @Override
        public boolean quoteEmpty(int lineNo, int fieldIdx) {
            return fieldIdx < quoted.length && quoted[fieldIdx];
        }

        @Override
        public boolean quoteValue(int lineNo, int fieldIdx, String value) {
            return fieldIdx < quoted.length && quoted[fieldIdx];
        }
    }
}
