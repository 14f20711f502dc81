package org.conversionkit.model.internal;

import org.conversionkit.model.RawRecord;
import org.jspecify.annotations.Nullable;

/**
 * A record source that hands over a record's values as the characters it read, before it builds the record: what
 * a validator that only counts valid rows reads through, so that a row it finds plain on those characters
 * ({@link PlainRowCheck}) costs no string. The source checks nothing of a row's values itself: it only says
 * whether it holds the record's values as text (every value a string, or a number of a kind its field takes, and
 * nothing the reader reports on the record), and builds the record when asked.
 *
 * <p>Until the first {@link #advance()}, the record source's {@code next()} builds every record as it reads it;
 * from then on the source holds records, and {@code next()} is {@code advance()} then {@link #record()}.
 */
public interface HeldRecords {

    /**
     * Reads the next record: its values held ({@link #held()}), or the record built ({@link #record()}).
     *
     * @return {@code false} at the end of the records
     */
    boolean advance();

    /**
     * Returns the values of the record read last, when the source holds them as text and has nothing to report on
     * the record: valid until the next {@link #advance()}.
     *
     * @return the values held, with the record's line and number; {@code null} for a record the source built
     */
    @Nullable HeldValues held();

    /**
     * Returns the record read last, built from its held values if need be: the record {@code next()} would have
     * returned.
     *
     * @return the record
     * @throws IllegalStateException before the first {@link #advance()} or after the end
     */
    RawRecord record();
}
