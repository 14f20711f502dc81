package org.conversionkit.json.internal;

import org.conversionkit.model.RawRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads the object of one record, the cursor standing on its {@code START_OBJECT}: the
 * profile-specific part of a {@link JsonRecordSource}, which it reads through a {@link JsonCursor} only.
 */
public interface ObjectHandler {

    /**
     * Reads the object through its {@code END_OBJECT}.
     *
     * @param cursor what the object is read through: the parser's tokens and values, and their checks
     * @param line   the record's line
     * @param record the record's number
     * @return the record, or {@code null} for a plain row the source skips ({@link JsonCursor#plainCheck()})
     */
    @Nullable RawRecord readObject(JsonCursor cursor, long line, long record);

    /**
     * Returns whether the handler finds duplicate keys itself; else the parser's strict duplicate
     * detection is on, at every level.
     *
     * @return {@code true} when the handler reports duplicates
     */
    default boolean detectsDuplicates() {
        return false;
    }

    /**
     * Returns a handler of conversion rows, for one source: the six fields by exact key,
     * {@code UNKNOWN_FIELD} for any other key, whose value is skipped.
     *
     * @return the handler
     */
    static ObjectHandler conversions() {
        return new ConversionObjects();
    }

    /**
     * Returns a handler of CRM records.
     *
     * @param idField the key of the id slot
     * @param extras  whether to keep every other key as an extra; when not, their values are skipped
     * @return the handler
     */
    static ObjectHandler crm(String idField, boolean extras) {
        return new CrmObjects(idField, extras);
    }
}
