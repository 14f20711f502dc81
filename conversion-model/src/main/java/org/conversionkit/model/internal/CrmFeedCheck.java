package org.conversionkit.model.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.conversionkit.model.CrmDateTime;
import org.conversionkit.model.CrmField;
import org.conversionkit.model.CrmMapper;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.FeedLimits;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.Severity;
import org.conversionkit.model.ValueKind;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.rules.IsoDateTimeRule;
import org.jspecify.annotations.Nullable;

/**
 * The check of one CRM feed's records, in order: every field rule of a record ({@link CrmMapper}), then the rules
 * across records of the profile's feed mode. One instance per feed, used by the typed reader and the feed
 * validator alike, so that a record the reader delivers is one the validator counts as valid.
 *
 * <ul>
 * <li>Snapshot feed: one record per id; an id seen before is a {@code DUPLICATE_RECORD} error on the later
 *     record.</li>
 * <li>Daily feed: every {@code updatedAt} falls on the feed's date, else {@code DATE_MISMATCH}: its date as
 *     written, or with the profile's feed zone the day it falls on in that zone
 *     ({@link CrmDateTime#dateIn(ZoneId)}); the same id with the same {@code updatedAt} twice is a
 *     {@code DUPLICATE_RECORD} warning on the later record.</li>
 * </ul>
 * With a {@link CrmFeedHistory}, each record is also checked against the earlier feeds of the history
 * ({@code CREATED_AT_CHANGED}, {@code UPDATED_BEFORE_PREVIOUS}).
 * These rules apply to every record the reader did not reject that has a usable id (and, for the daily rules,
 * a valid {@code updatedAt}; for the history, a valid {@code createdAt} or {@code updatedAt}), whatever else is
 * wrong with it. Duplicates are remembered as 64-bit keyed hashes ({@link IdHash}: SipHash under a key drawn at
 * random for the feed), at most {@link FeedLimits#maxTrackedIds()} of them; past the limit one
 * {@code RECORD_TOO_LARGE} error names it and duplicates are no longer detected. No id can be crafted to collide with
 * another, or to crowd the table: two distinct keys share a hash with the odds of random values, and the table probes
 * as for random keys.
 *
 * <p>Not thread-safe: it remembers the feed's keys.
 */
public final class CrmFeedCheck {

    private static final int ID = CrmField.ID.ordinal();
    private static final int CREATED_AT = CrmField.CREATED_AT.ordinal();
    private static final int UPDATED_AT = CrmField.UPDATED_AT.ordinal();

    private final CrmMapper mapper;
    private final @Nullable LocalDate feedDate;
    private final @Nullable ZoneId feedZone;
    private final FeedLimits limits;
    private final @Nullable CrmFeedHistory history;
    private @Nullable LongHashSet keys = new LongHashSet();
    /** The keyed hash of the feed's keys: a key drawn at random for this feed. */
    private final IdHash hash = new IdHash();
    /** The key of the record a writer checked last, remembered once it is written ({@link #written()}). */
    private long keyToRemember;
    private boolean toRemember;
    /**
     * Whether the record a writer checked last found the limit of ids reached: the tables are let go once it is
     * written ({@link #written()}), not before, since a record left out is no record of the feed.
     */
    private boolean fullWhenWritten;

    /**
     * Creates the check of one feed.
     *
     * @param profile the feed's profile
     */
    public CrmFeedCheck(CrmProfile profile) {
        this(profile, null);
    }

    /**
     * Creates the check of one feed of a history.
     *
     * @param profile the feed's profile
     * @param history the history the feed belongs to, its feed started ({@link CrmFeedHistory#startFeed}), or
     *                {@code null} for a feed checked on its own
     */
    public CrmFeedCheck(CrmProfile profile, @Nullable CrmFeedHistory history) {
        this.mapper = CrmMapper.of(profile);
        this.feedDate = profile.feedDate();
        this.feedZone = profile.feedZone();
        this.limits = profile.limits();
        this.history = history;
    }

    /**
     * Checks the next record of the feed.
     *
     * @param record the record
     * @param sink   receives its violations, in order
     * @return the typed record when the record has no error, else {@code null}
     */
    public @Nullable CrmRecord check(RawRecord record, Consumer<? super Violation> sink) {
        CrmRecord crm = mapper.map(record, sink);
        if (crm == null && record.isRejected()) {
            return null;
        }
        return acrossRecords(record, crm, sink, true) ? crm : null;
    }

    /**
     * Checks a record a writer is about to write, as {@link #check(RawRecord, Consumer)} does, but without
     * remembering its id: a record the writer leaves out is no record of the feed, and must not make a later one with
     * its id a duplicate. {@link #written()} remembers it, once written. A record past
     * {@link FeedLimits#maxTrackedIds()} gets its {@code RECORD_TOO_LARGE} error here, but the ids are let go only
     * when it is written: left out, it must not end the duplicate check of the records after it.
     *
     * @param record the record
     * @param sink   receives its violations, in order
     */
    public void checkToWrite(RawRecord record, Consumer<? super Violation> sink) {
        toRemember = false;
        fullWhenWritten = false;
        CrmRecord crm = mapper.map(record, sink);
        if (crm == null && record.isRejected()) {
            return;
        }
        acrossRecords(record, crm, sink, false);
    }

    /**
     * Remembers the id of the record last checked by {@link #checkToWrite(RawRecord, Consumer)}: it was written. If
     * that record was past the limit of ids, the ids are let go now, as a validator lets them go at that record.
     */
    public void written() {
        LongHashSet seen = keys;
        if (fullWhenWritten) {
            keys = null;
        } else if (toRemember && seen != null) {
            seen.add(keyToRemember, limits.maxTrackedIds());
        }
        toRemember = false;
        fullWhenWritten = false;
    }

    /** Applies the rules across records; returns whether they found no error. */
    private boolean acrossRecords(RawRecord record, @Nullable CrmRecord crm, Consumer<? super Violation> sink,
            boolean remember) {
        boolean ok = true;
        CrmDateTime updatedAt = null;
        if (feedDate != null) {
            updatedAt = crm != null ? crm.updatedAt() : dateTime(record, UPDATED_AT);
            if (updatedAt != null) {
                LocalDate day = feedZone == null ? updatedAt.date() : updatedAt.dateIn(feedZone);
                if (!day.equals(feedDate)) {
                    sink.accept(Violation.of(ViolationCode.DATE_MISMATCH, record.line(), record.record(),
                            CrmField.UPDATED_AT.defaultName(), record.value(UPDATED_AT),
                            dateMismatch(updatedAt, day, feedDate)));
                    ok = false;
                }
            }
        }
        LongHashSet seen = keys;
        String id = record.value(ID);
        ValueKind idKind = record.kind(ID);
        if (id == null || id.isBlank() || (idKind != ValueKind.STRING && idKind != ValueKind.INTEGER)) {
            return ok;
        }
        if (history != null) {
            // A history's feeds are daily feeds: updatedAt is read above.
            ok &= history.check(record, id, crm != null ? crm.createdAt() : dateTime(record, CREATED_AT), updatedAt,
                    sink);
        }
        if (seen == null || (feedDate != null && updatedAt == null)) {
            return ok;
        }
        long key = updatedAt == null ? hash.of(id) : duplicateKey(id, updatedAt);
        LongHashSet.Added added;
        if (remember) {
            added = seen.add(key, limits.maxTrackedIds());
        } else if (seen.contains(key)) {
            added = LongHashSet.Added.PRESENT;
        } else if (seen.size() >= limits.maxTrackedIds()) {
            added = LongHashSet.Added.FULL;
            fullWhenWritten = true;
        } else {
            added = LongHashSet.Added.ADDED;
            keyToRemember = key;
            toRemember = true;
        }
        switch (added) {
            case PRESENT -> {
                Violation duplicate = duplicate(record, id, updatedAt);
                sink.accept(duplicate);
                return ok && !duplicate.isError();
            }
            case FULL -> {
                if (remember) {
                    // Past the limit: let the tables go. A writer's record does it once written (written()).
                    keys = null;
                }
                sink.accept(Violation.of(ViolationCode.RECORD_TOO_LARGE, record.line(), record.record(),
                        mapper.idField(), id, "the feed holds more than " + limits.maxTrackedIds() + " distinct "
                                + mapper.idField() + (feedDate == null ? "s" : " and updatedAt pairs")
                                + ", the limit maxTrackedIds (" + limits.maxTrackedIds() + "): duplicates are not"
                                + " detected from this record on; raise FeedLimits.maxTrackedIds (16 to 32"
                                + " bytes each) or check the feed in parts"));
                return false;
            }
            default -> {
                return ok;
            }
        }
    }

    /**
     * The key of an id and {@code updatedAt} in a daily feed: the same when date, time and offset are equal as
     * written, a leap second and the digits past the nanosecond included.
     */
    private long duplicateKey(String id, CrmDateTime updatedAt) {
        LocalTime time = updatedAt.time();
        ZoneOffset offset = updatedAt.offset();
        String digits = updatedAt.extraFractionDigits();
        long offsetPart = offset == null ? Long.MIN_VALUE : offset.getTotalSeconds();
        if (updatedAt.leapSecond() || !digits.isEmpty()) {
            // Rare: the offset part, which fits in 18 bits, takes them in its high bits.
            offsetPart ^= (updatedAt.leapSecond() ? 1L << 32 : 0) ^ ((long) digits.hashCode() << 33);
        }
        return hash.of(id, updatedAt.date().toEpochDay(), time == null ? -1 : time.toNanoOfDay(), offsetPart);
    }

    /** The message of an {@code updatedAt} on another day than the feed's. */
    private String dateMismatch(CrmDateTime updatedAt, LocalDate day, LocalDate date) {
        String where = feedZone == null ? "updatedAt " + day
                : "updatedAt " + Violation.shorten(updatedAt.toString()) + " falls on " + day + " in " + feedZone
                        + ", which";
        // A timestamp with an offset a day off may be the feed's day in the zone the feed is cut by.
        String hint = feedZone == null && updatedAt.offset() != null
                && Math.abs(day.toEpochDay() - date.toEpochDay()) == 1
                ? " (its date as written; if the feed holds the day of a zone, set the profile's feed zone,"
                        + " --feed-zone on the command line, e.g. UTC)" : "";
        return where + " is not the feed's date " + date + ": a daily feed holds only the records updated that day;"
                + " leave this one to the feed of " + day + hint;
    }

    private Violation duplicate(RawRecord record, String id, @Nullable CrmDateTime updatedAt) {
        String idField = mapper.idField();
        if (updatedAt == null) {
            return Violation.of(ViolationCode.DUPLICATE_RECORD, record.line(), record.record(), idField, id,
                    idField + " '" + Violation.shorten(id) + "' appears more than once: a snapshot feed holds each"
                            + " record once, with its latest status; keep only the latest");
        }
        return new Violation(ViolationCode.DUPLICATE_RECORD, Severity.WARNING, record.line(), record.column(ID),
                record.record(), idField, id, idField + " '" + Violation.shorten(id) + "' with updatedAt "
                        + record.value(UPDATED_AT) + " appears more than once: a daily feed holds one record per"
                        + " status change; drop the repeated one");
    }

    /** Returns the valid createdAt or updatedAt of a record the mapper refused for another reason, or null. */
    private static @Nullable CrmDateTime dateTime(RawRecord record, int slot) {
        String value = record.value(slot);
        if (value == null || record.kind(slot) != ValueKind.STRING) {
            return null;
        }
        return IsoDateTimeRule.parse("value", value, problem -> { });
    }

    /**
     * Returns the mapper of the feed's records.
     *
     * @return the mapper
     */
    public CrmMapper mapper() {
        return mapper;
    }
}
