package org.conversionkit.model.internal;

import org.conversionkit.model.RecordSource;

/**
 * A record source that knows whether a record was asked of it: a validator refuses one that was, since its report
 * would count only the records after those already taken and call the file valid on what is left (a source
 * validated a second time would be "valid, 0 records").
 */
public interface ReadOnce {

    /**
     * Returns whether a record was asked of the source: by {@code next()}, or by a {@link HeldRecords} source's
     * {@code advance()}.
     *
     * @return {@code true} once the first record was asked for
     */
    boolean begun();

    /**
     * Refuses a source of the library that was read before: the report of a validator must count every record of
     * the file. A source of the caller's own making is taken as it is.
     *
     * @param source the source about to be validated
     * @throws IllegalStateException if the source was read before
     */
    static void requireUnread(RecordSource source) {
        if (source instanceof ReadOnce once && once.begun()) {
            throw new IllegalStateException("the record source was read before, so a report would miss the records"
                    + " already taken: a source is validated once, from its first record; build a new source for"
                    + " each check");
        }
    }
}
