package org.conversionkit.model.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Severity;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.Violation;
import org.jspecify.annotations.Nullable;

/**
 * Iterates the typed records of a record source, applying a mapping, the profile's strictness and an
 * {@link InvalidRecordStrategy}: the one implementation behind every typed-record reader. Under
 * {@link Strictness#STRICT} a record with a warning is invalid, as a report would count it.
 *
 * @param <T> the typed record
 */
public final class TypedRecordIterator<T> implements Iterator<T> {

    /**
     * Maps a raw record to a typed one, reporting violations.
     *
     * @param <T> the typed record
     */
    @FunctionalInterface
    public interface Mapping<T> {
        /**
         * Maps a record.
         *
         * @param record the raw record
         * @param sink   receives its violations
         * @return the typed record, or {@code null} when the record has an error
         */
        @Nullable T map(RawRecord record, Consumer<? super Violation> sink);
    }

    private final RecordSource source;
    private final Mapping<T> mapping;
    private final InvalidRecordStrategy strategy;
    private final boolean strict;
    private final List<Violation> violations = new ArrayList<>();
    private @Nullable T next;
    private long nextLine;
    private long lastLine;
    private boolean done;
    private long records;
    private long skipped;

    /**
     * Creates the iterator.
     *
     * @param source   the raw records
     * @param mapping  the mapping to typed records
     * @param strategy   what to do with a record that has an error
     * @param strictness {@link Strictness#STRICT} to treat a record with a warning as one with an error
     */
    public TypedRecordIterator(RecordSource source, Mapping<T> mapping, InvalidRecordStrategy strategy,
            Strictness strictness) {
        this.source = Objects.requireNonNull(source, "source");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.strict = Objects.requireNonNull(strictness, "strictness") == Strictness.STRICT;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !done) {
            RawRecord record = source.next();
            if (record == null) {
                done = true;
                break;
            }
            records++;
            violations.clear();
            T mapped = mapping.map(record, violations::add);
            if (mapped != null && (!strict || violations.isEmpty())) {
                next = mapped;
                nextLine = record.line();
            } else if (strategy == InvalidRecordStrategy.FAIL) {
                done = true;
                throw new ConversionDataException(strict ? promoted(violations) : violations);
            } else {
                skipped++;
            }
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T result = Objects.requireNonNull(next);
        next = null;
        lastLine = nextLine;
        return result;
    }

    /** Every warning as an error, as strict checking reports it. */
    private static List<Violation> promoted(List<Violation> violations) {
        List<Violation> errors = new ArrayList<>(violations.size());
        for (Violation violation : violations) {
            errors.add(violation.withSeverity(Severity.ERROR));
        }
        return errors;
    }

    /**
     * Returns the line where the record of the row last returned by {@link #next()} starts.
     *
     * @return the 1-based line, or 0 before the first row
     */
    public long lastLine() {
        return lastLine;
    }

    /**
     * Returns the number of records read so far, delivered or not.
     *
     * @return the records read
     */
    public long records() {
        return records;
    }

    /**
     * Returns the number of records skipped for an error ({@link InvalidRecordStrategy#SKIP}).
     *
     * @return the records skipped
     */
    public long skipped() {
        return skipped;
    }

    /**
     * Returns a sequential stream over the remaining records that closes the source when closed.
     *
     * @return the stream
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(source::close);
    }
}
