package org.conversionkit.model.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Consumer;
import org.conversionkit.model.CrmDateTime;
import org.conversionkit.model.CrmField;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;

/**
 * The rules across the daily feeds of one CRM feed, checked in date order (the source document: each change of an
 * order is a new record "with the new value of the updatedAt field and preserving the value of the createdAt
 * field"): a record whose id an earlier feed held keeps that feed's {@code createdAt} ({@code CREATED_AT_CHANGED}),
 * and its {@code updatedAt} is not before the latest {@code updatedAt} the earlier feeds gave the id
 * ({@code UPDATED_BEFORE_PREVIOUS}). Both are reported only when provable, as {@link CrmDateTime#isBefore} decides,
 * in the feed's zone when the profile sets one; records of one feed are compared with the earlier feeds only, never
 * with each other.
 *
 * <p><b>Memory.</b> For each id, its 64-bit key (an {@link IdHash}: SipHash under a key drawn at random for the
 * history, so that no id can be crafted to collide with another or to crowd the table), its {@code createdAt}, the
 * latest {@code updatedAt} of the earlier feeds and the latest of the current one, as 64-bit codes to the microsecond
 * (BigQuery's precision): 32 bytes a slot in open-addressing tables kept from half to three quarters full when they
 * grow, so 43 to 85 bytes an id, at most {@link org.conversionkit.model.FeedLimits#maxTrackedIds()} ids. An id past the
 * limit is not remembered: the first record of each feed that brings one gets a {@code RECORD_TOO_LARGE} error naming
 * the limit; the ids remembered are still checked. Times compared to the microsecond lose no provable order: a code is
 * the time floored to the microsecond, so two codes in order are two times in order; only differences below a
 * microsecond go unreported.
 *
 * <p>One instance per series of feeds; not thread-safe.
 */
public final class CrmFeedHistory {

    private static final int CREATED_AT = CrmField.CREATED_AT.ordinal();
    private static final int UPDATED_AT = CrmField.UPDATED_AT.ordinal();

    private final Table table = new Table();
    /** The keyed hash of the ids: a key drawn at random for this history. */
    private final IdHash hash = new IdHash();
    private @Nullable CrmProfile settings;
    private @Nullable LocalDate lastDate;
    private int feeds;
    private boolean fullReported;

    /** Creates an empty history. */
    public CrmFeedHistory() {
    }

    /**
     * Starts the next feed: its profile must be a daily feed's, dated after the last feed's, with the same settings as
     * the first feed's but for the date (id field, feed zone, strictness, limits).
     *
     * @param profile the next feed's profile
     * @throws IllegalArgumentException if the profile is not a daily feed's, is not after the last feed's date, or
     *                                  differs from the first feed's in another setting
     */
    public void startFeed(CrmProfile profile) {
        LocalDate date = profile.feedDate();
        if (date == null) {
            throw new IllegalArgumentException("a feed history is a series of daily feeds: give each feed's profile its"
                    + " date (CrmProfile.Builder.dailyFeed, --feed-date or the date in its file name)");
        }
        CrmProfile undated = profile.toBuilder().snapshotFeed().build();
        if (settings != null && !settings.equals(undated)) {
            throw new IllegalArgumentException("the feeds of a history share their settings but the date: the feed of "
                    + date + " has " + undated + ", the first had " + settings);
        }
        if (lastDate != null && !date.isAfter(lastDate)) {
            throw new IllegalArgumentException("the feeds of a history come in date order, one a day: the feed of "
                    + date + " comes after the feed of " + lastDate);
        }
        if (settings == null) {
            settings = undated;
        }
        lastDate = date;
        feeds++;
        fullReported = false;
        table.endFeed();
    }

    /**
     * Returns the number of feeds started.
     *
     * @return the feeds
     */
    public int feeds() {
        return feeds;
    }

    /**
     * Returns the date of the last feed started.
     *
     * @return the date, or {@code null} before the first feed
     */
    public @Nullable LocalDate lastDate() {
        return lastDate;
    }

    /**
     * Returns the number of ids remembered.
     *
     * @return the ids
     */
    public long trackedIds() {
        return table.size;
    }

    /**
     * Checks a record of the current feed against the earlier feeds, and remembers its times.
     *
     * @param record    the record, for the violations' location and values
     * @param id        the record's usable id
     * @param createdAt its valid {@code createdAt}, or {@code null}
     * @param updatedAt its valid {@code updatedAt}, or {@code null}
     * @param sink      receives the violations
     * @return whether the history found no error
     */
    public boolean check(RawRecord record, String id, @Nullable CrmDateTime createdAt, @Nullable CrmDateTime updatedAt,
            Consumer<? super Violation> sink) {
        CrmProfile profile = Objects.requireNonNull(settings, "startFeed first");
        ZoneId zone = profile.feedZone();
        long key = idKey(id);
        int slot = table.find(key);
        long created = createdAt == null ? Table.NONE : encode(createdAt);
        long updated = updatedAt == null ? Table.NONE : encode(updatedAt);
        if (slot < 0) {
            if (created == Table.NONE || updated == Table.NONE) {
                return true;
            }
            if (table.size >= profile.limits().maxTrackedIds()) {
                if (fullReported) {
                    return true;
                }
                fullReported = true;
                sink.accept(Violation.of(ViolationCode.RECORD_TOO_LARGE, record.line(), record.record(),
                        profile.idField(), id, "the feed history holds more than " + profile.limits().maxTrackedIds()
                                + " distinct " + profile.idField() + "s, the limit maxTrackedIds: the ids new from this"
                                + " record on are not compared with later feeds; raise FeedLimits.maxTrackedIds (43 to"
                                + " 85 bytes an id) or check a shorter history"));
                return false;
            }
            table.add(key, created, updated);
            return true;
        }
        boolean ok = true;
        boolean regressed = false;
        long earlierUpdated = table.updated(slot);
        if (earlierUpdated != Table.NONE) {
            // The id came in an earlier feed.
            long earlierCreated = table.created(slot);
            if (created != Table.NONE && earlierCreated != created) {
                CrmDateTime was = decode(earlierCreated);
                CrmDateTime now = decode(created);
                if (before(now, was, zone) || before(was, now, zone)) {
                    sink.accept(Violation.of(ViolationCode.CREATED_AT_CHANGED, record.line(), record.record(),
                            CrmField.CREATED_AT.defaultName(), record.value(CREATED_AT), "createdAt "
                                    + Violation.shorten(record.value(CREATED_AT)) + " differs from " + was + ", the"
                                    + " createdAt an earlier feed gave " + profile.idField() + " '"
                                    + Violation.shorten(id)
                                    + "': each change of a record comes with the new updatedAt and the same createdAt;"
                                    + " find why it changed"));
                    ok = false;
                }
            }
            if (updated != Table.NONE) {
                CrmDateTime latest = decode(earlierUpdated);
                if (before(decode(updated), latest, zone)) {
                    regressed = true;
                    sink.accept(Violation.of(ViolationCode.UPDATED_BEFORE_PREVIOUS, record.line(), record.record(),
                            CrmField.UPDATED_AT.defaultName(), record.value(UPDATED_AT), "updatedAt "
                                    + Violation.shorten(record.value(UPDATED_AT)) + " is earlier than " + latest
                                    + ", the updatedAt an earlier feed gave " + profile.idField() + " '"
                                    + Violation.shorten(id) + "': a later feed holds later changes; check the feeds'"
                                    + " dates and the timestamps' offsets"));
                    ok = false;
                }
            }
        }
        if (updated != Table.NONE && !regressed) {
            // The latest updatedAt of the current feed, for the feeds after it.
            long pending = table.pending(slot);
            if (pending == Table.NONE || !before(decode(updated), decode(pending), zone)) {
                table.setPending(slot, updated);
            }
        }
        return ok;
    }

    private static boolean before(CrmDateTime a, CrmDateTime b, @Nullable ZoneId zone) {
        return zone == null ? a.isBefore(b) : a.isBefore(b, zone);
    }

    /** The key an id is remembered by: its keyed hash, never 0 (which marks an empty slot). */
    private long idKey(String id) {
        long key = hash.of(id);
        return key == Table.NONE ? 0x9e3779b97f4a7c15L : key;
    }

    // Codes: a time floored to the microsecond, its kind in the two low bits (0 is no time).
    private static final long DATE = 1;
    private static final long LOCAL = 2;
    private static final long INSTANT = 3;
    /** Seconds from the epoch to a day before 0000-01-01: every wall time and instant of a value is after it. */
    private static final long FIRST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86_400 - 2 * 86_400;
    private static final long FIRST_DAY = LocalDate.of(0, 1, 1).toEpochDay() - 2;
    private static final long MICROS = 1_000_000;

    /** The code of a value: kind and time, floored to the microsecond. */
    static long encode(CrmDateTime value) {
        LocalTime time = value.time();
        if (time == null) {
            return (value.date().toEpochDay() - FIRST_DAY) << 2 | DATE;
        }
        ZoneOffset offset = value.offset();
        long second = value.date().toEpochDay() * 86_400 + time.toSecondOfDay()
                - (offset == null ? 0 : offset.getTotalSeconds());
        long micros = time.toNanoOfDay() % 1_000_000_000 / 1_000;
        long code = ((second - FIRST_SECOND) * 2 + (value.leapSecond() ? 1 : 0)) * MICROS + micros;
        return code << 2 | (offset == null ? LOCAL : INSTANT);
    }

    /** The value of a code: a date, a wall time, or an instant at {@code Z}. */
    static CrmDateTime decode(long code) {
        long kind = code & 3;
        long value = code >>> 2;
        if (kind == DATE) {
            return new CrmDateTime(LocalDate.ofEpochDay(value + FIRST_DAY), null, null);
        }
        long micros = value % MICROS;
        long seconds = value / MICROS;
        boolean leap = (seconds & 1) == 1;
        LocalDateTime wall = LocalDateTime.ofEpochSecond(seconds / 2 + FIRST_SECOND, (int) micros * 1_000,
                ZoneOffset.UTC);
        return new CrmDateTime(wall.toLocalDate(), wall.toLocalTime(), kind == INSTANT ? ZoneOffset.UTC : null, leap,
                "");
    }

    /**
     * The ids and their times: segments of open-addressing tables, four longs a slot (key, createdAt, the latest
     * updatedAt of the earlier feeds, the latest of the current feed), each doubling on its own when three quarters
     * full, so that no array grows past 64 KiB at the default limit (a humongous object for G1 in a small heap).
     */
    private static final class Table {

        static final long NONE = 0;
        private static final int SEGMENT_BITS = 11;
        private static final int SEGMENTS = 1 << SEGMENT_BITS;
        private static final int INITIAL_SLOTS = 8;
        private static final int STRIDE = 4;

        private final long[][] segments = new long[SEGMENTS][];
        private final int[] counts = new int[SEGMENTS];
        private long size;
        /** The slot found last: its segment. */
        private int segment;

        Table() {
            for (int i = 0; i < SEGMENTS; i++) {
                segments[i] = new long[INITIAL_SLOTS * STRIDE];
            }
        }

        /** Finds a key: its slot's index in the current segment, or -1. */
        int find(long key) {
            segment = (int) (key >>> (Long.SIZE - SEGMENT_BITS));
            long[] table = segments[segment];
            int mask = table.length / STRIDE - 1;
            for (int slot = (int) key & mask; ; slot = (slot + 1) & mask) {
                long existing = table[slot * STRIDE];
                if (existing == key) {
                    return slot * STRIDE;
                }
                if (existing == NONE) {
                    return -1;
                }
            }
        }

        /** Adds a key that {@link #find} did not find, with its times. */
        void add(long key, long created, long updated) {
            long[] table = segments[segment];
            int mask = table.length / STRIDE - 1;
            int slot = (int) key & mask;
            while (table[slot * STRIDE] != NONE) {
                slot = (slot + 1) & mask;
            }
            table[slot * STRIDE] = key;
            table[slot * STRIDE + 1] = created;
            table[slot * STRIDE + 3] = updated;
            size++;
            if (++counts[segment] * 4L > (mask + 1) * 3L) {
                segments[segment] = grow(table);
            }
        }

        long created(int at) {
            return segments[segment][at + 1];
        }

        long updated(int at) {
            return segments[segment][at + 2];
        }

        long pending(int at) {
            return segments[segment][at + 3];
        }

        void setPending(int at, long code) {
            segments[segment][at + 3] = code;
        }

        /** Ends a feed: the latest updatedAt of the current feed becomes the earlier feeds'. */
        void endFeed() {
            for (long[] table : segments) {
                for (int at = 0; at < table.length; at += STRIDE) {
                    if (table[at] != NONE && table[at + 3] != NONE) {
                        // check() kept the pending value only when it is not provably before the earlier one.
                        table[at + 2] = table[at + 3];
                        table[at + 3] = NONE;
                    }
                }
            }
        }

        private static long[] grow(long[] table) {
            long[] bigger = new long[table.length * 2];
            int mask = bigger.length / STRIDE - 1;
            for (int at = 0; at < table.length; at += STRIDE) {
                long key = table[at];
                if (key != NONE) {
                    int slot = (int) key & mask;
                    while (bigger[slot * STRIDE] != NONE) {
                        slot = (slot + 1) & mask;
                    }
                    System.arraycopy(table, at, bigger, slot * STRIDE, STRIDE);
                }
            }
            return bigger;
        }
    }
}
