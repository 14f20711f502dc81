package org.conversionkit.files;

import java.io.Closeable;
import java.util.Iterator;
import org.conversionkit.model.TypedReader;

/**
 * The typed rows (or records) of one file, read as a {@link FileChecker} reads it: iterate them, ask for the line
 * of the one last returned, count those left out for an error, close.
 *
 * @param <T> {@link org.conversionkit.model.ConversionRow} or {@link org.conversionkit.model.CrmRecord}
 */
public final class TypedRows<T> implements Iterable<T>, Closeable {

    private final TypedReader<T> reader;

    private TypedRows(TypedReader<T> reader) {
        this.reader = reader;
    }

    static <T> TypedRows<T> of(TypedReader<T> reader) {
        return new TypedRows<>(reader);
    }

    /**
     * Returns the iterator over the rows; every call returns the same one.
     *
     * @return the rows
     */
    @Override
    public Iterator<T> iterator() {
        return reader.iterator();
    }

    /**
     * Returns the line where the row last returned starts.
     *
     * @return the 1-based line, or 0 before the first row
     */
    public long lastLine() {
        return reader.lastLine();
    }

    /**
     * Returns the records left out so far because they have an error: the report's invalid records.
     *
     * @return the records skipped
     */
    public long skipped() {
        return reader.recordsSkipped();
    }

    /** Closes the input. */
    @Override
    public void close() {
        reader.close();
    }
}
