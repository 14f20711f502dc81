package org.conversionkit.json.internal;

/**
 * The parser's line and column numbers, read past 32 bits. jackson-core counts lines and columns in {@code int}s,
 * which wrap: after 2,147,483,647 lines its line number is negative, and a column past 2,147,483,647 characters
 * of a line is negative or, further on, wrong. Lines are read here in 64 bits, each as the number nearest to the one
 * read before that has the parser's 32 bits: exact as long as fewer than 2^31 lines pass between two readings
 * (every record reads one, so only 2 GiB of line breaks without a record between them could mislead it). A column
 * that cannot be read is 0, unknown.
 *
 * <p>Not thread-safe: one per record source.
 */
final class LineNumbers {

    private static final long WRAP = 1L << 32;
    private static final long HALF = 1L << 31;

    private long last = 1;

    /**
     * Returns the line the parser means by a line number: the 64-bit number nearest to the last one read that
     * agrees with it in its low 32 bits.
     *
     * @param parserLine the parser's line number
     * @return the line, 1 or more
     */
    long line(int parserLine) {
        long line = (last & -WRAP) | Integer.toUnsignedLong(parserLine);
        if (line < last - HALF) {
            line += WRAP;
        } else if (line > last + HALF && line >= WRAP) {
            line -= WRAP;
        }
        if (line < 1) {
            line = 1;
        }
        last = line;
        return line;
    }

    /**
     * Returns the column the parser means by a column number, or 0 when it has wrapped past 32 bits.
     *
     * @param parserColumn the parser's column
     * @return the column, or 0 when unknown
     */
    static long column(int parserColumn) {
        return Math.max(0, parserColumn);
    }
}
