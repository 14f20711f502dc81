package org.conversionkit.json.internal;

import java.util.List;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.internal.HeldValues;

/**
 * Reads the object of one record, the cursor standing on its {@code START_OBJECT}: the
 * profile-specific part of a {@link JsonRecordSource}, which it reads through a {@link JsonCursor} only.
 */
public interface ObjectHandler {

    /**
     * What {@link #readObject(JsonCursor, long, long)} returns for a record whose values it holds
     * ({@link JsonCursor#holding()}): compared by identity.
     */
    RawRecord HELD = RawRecord.ofText(1, 1, new String[0], List.of());

    /**
     * Reads the object through its {@code END_OBJECT}.
     *
     * @param cursor what the object is read through: the parser's tokens and values, and their checks
     * @param line   the record's line
     * @param record the record's number
     * @return the record, or {@link #HELD} for a record whose values are held ({@link #held()})
     */
    RawRecord readObject(JsonCursor cursor, long line, long record);

    /**
     * Returns the values of the record handed over as {@link #HELD}, with its line and number.
     *
     * @return the values held
     * @throws IllegalStateException for a handler that holds nothing
     */
    default HeldValues held() {
        throw new IllegalStateException("this handler holds no values");
    }

    /**
     * Builds the record handed over as {@link #HELD}: the record {@link #readObject(JsonCursor, long, long)} would
     * have returned without holding.
     *
     * @return the record
     * @throws IllegalStateException for a handler that holds nothing
     */
    default RawRecord buildHeld() {
        throw new IllegalStateException("this handler holds no values");
    }

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
