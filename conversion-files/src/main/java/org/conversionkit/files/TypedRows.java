package org.conversionkit.files;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.LongSupplier;

/**
 * The typed rows (or records) of one file, read as a {@link FileChecker} reads it: iterate them, ask for the line
 * of the one last returned, count those left out for an error, close.
 *
 * @param <T> {@link org.conversionkit.model.ConversionRow} or {@link org.conversionkit.model.CrmRecord}
 */
public final class TypedRows<T> implements Iterable<T>, Closeable {

    private final Iterable<T> rows;
    private final Closeable reader;
    private final LongSupplier lastLine;
    private final LongSupplier skipped;

    private TypedRows(Iterable<T> rows, Closeable reader, LongSupplier lastLine, LongSupplier skipped) {
        this.rows = rows;
        this.reader = reader;
        this.lastLine = lastLine;
        this.skipped = skipped;
    }

    static <T, R extends Iterable<T> & Closeable> TypedRows<T> of(R reader, LongSupplier lastLine,
            LongSupplier skipped) {
        return new TypedRows<>(reader, reader, lastLine, skipped);
    }

    /**
     * Returns the iterator over the rows; every call returns the same one.
     *
     * @return the rows
     */
    @Override
    public Iterator<T> iterator() {
        return rows.iterator();
    }

    /**
     * Returns the line where the row last returned starts.
     *
     * @return the 1-based line, or 0 before the first row
     */
    public long lastLine() {
        return lastLine.getAsLong();
    }

    /**
     * Returns the records left out so far because they have an error: the report's invalid records.
     *
     * @return the records skipped
     */
    public long skipped() {
        return skipped.getAsLong();
    }

    /** Closes the input. */
    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
