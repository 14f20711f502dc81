package org.conversionkit.model.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import org.conversionkit.model.ConversionLimits;
import org.conversionkit.model.Field;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.model.RawRecord;
import org.jspecify.annotations.Nullable;

/**
 * The rows of one conversion file seen so far, by their url, date, channel and device, for {@code DUPLICATE_ROW}:
 * each row is remembered as a {@link SipHash} of those four values under a key drawn at random for the file, in a
 * {@link LongHashSet}, at most {@link ConversionLimits#maxTrackedRows()} of them.
 *
 * <p>The values are those the mapper gives the row: url and date as written, channel and device as written or,
 * when absent or empty, their defaults. They are hashed as one byte string that stands for exactly one tuple of
 * values: the date, the url, the channel and the device present, each as {@link SipHash.State#text(char[], int,
 * int)} absorbs it, then their lengths, which of them are absent and which were absorbed two bytes a character.
 * Every row of a daily file has the same date, so the state after the expected date is computed once.
 *
 * <p>A row is found as a duplicate when an earlier row of the file had the same 64-bit hash: with a keyed hash,
 * only by the chance of random values for distinct rows, about n<sup>2</sup>/2<sup>65</sup> for n rows
 * (2.7&nbsp;&times;&nbsp;10<sup>-8</sup> for a million), whatever the values are; and the table's probes cost
 * what they cost for random keys. Two ways in, that must give the same hash for the same row: the values a
 * reader held aside for a plain row ({@link #admitPlain(HeldValues)}), and a record's strings
 * ({@link #add(RawRecord)}).
 *
 * <p>Not thread-safe: one per file.
 */
public final class DuplicateRows {

    private static final int URL = Field.URL.ordinal();
    private static final int DATE = Field.DATE.ordinal();
    private static final int CHANNEL = Field.CHANNEL.ordinal();
    private static final int DEVICE = Field.DEVICE.ordinal();
    /** How many plain rows are looked up together. */
    static final int BATCH = 32;

    /** Where the duplicates among plain rows are reported, in order, when their batch is looked up. */
    public interface Found {

        /**
         * A plain row the file held before.
         *
         * @param line   its line
         * @param column the column of its url
         * @param record its record number
         * @param url    its url
         */
        void duplicate(long line, long column, long record, String url);

        /**
         * The plain row at which the limit was reached: from it on, rows are not remembered.
         *
         * @param line   its line
         * @param record its record number
         */
        void full(long line, long record);
    }

    private final SipHash hash;
    private final SipHash.State state;
    /** The state after the expected date, or {@code null} without one. */
    private final SipHash.@Nullable State afterDate;
    private final @Nullable String expectedDate;
    private final char @Nullable [] defaultChannel;
    private final char @Nullable [] defaultDevice;
    private final int limit;
    private @Nullable LongHashSet rows = new LongHashSet();
    /** The characters of a record's values, hashed as a reader's held values are. */
    private char[] chars = new char[256];
    private @Nullable Found found;
    /** The record {@link #lookUp(RawRecord)} hashed last, and its key. */
    private @Nullable RawRecord lookedUp;
    private long lookedUpKey;
    /** The plain rows taken and not yet looked up: their keys, where they are, and their urls' characters. */
    private final long[] pendingKeys = new long[BATCH];
    private final long[] pendingLines = new long[BATCH];
    private final long[] pendingRecords = new long[BATCH];
    private final long[] pendingColumns = new long[BATCH];
    private final int[] pendingUrlEnds = new int[BATCH];
    private char[] pendingUrls = new char[BATCH * 128];
    private int pending;

    /**
     * Creates the rows of one file.
     *
     * @param defaults     the field defaults, which absent or empty channels and devices take
     * @param expectedDate the date the file's rows are held to, or {@code null}
     * @param limits       the limits: how many rows to remember
     * @param hash         the keyed hash, one per file
     */
    public DuplicateRows(FieldDefaults defaults, @Nullable LocalDate expectedDate, ConversionLimits limits,
            SipHash hash) {
        this.hash = hash;
        this.state = hash.start();
        this.limit = limits.maxTrackedRows();
        String channel = defaults.get(Field.CHANNEL);
        String device = defaults.get(Field.DEVICE);
        this.defaultChannel = channel == null ? null : channel.toCharArray();
        this.defaultDevice = device == null ? null : device.toCharArray();
        this.expectedDate = expectedDate == null ? null : expectedDate.toString();
        if (this.expectedDate == null) {
            this.afterDate = null;
        } else {
            SipHash.State date = hash.start();
            char[] text = this.expectedDate.toCharArray();
            date.text(text, 0, text.length);
            this.afterDate = date;
        }
    }

    /**
     * Takes the row of a plain record, from the values a reader held aside, to be looked up with the plain rows that
     * follow it, at most {@value #BATCH} of them: their lookups, independent of one another, overlap their cache
     * misses, where one probe after another waits for each (a table of a million rows is 16 MiB, past the caches
     * while a file streams through them). A duplicate is reported to the listener ({@link #reportTo(Found)}) when
     * the batch is looked up: when it is full, and at {@link #settle()}, which the caller runs before anything else
     * it reports, so that the reports stay in the file's order.
     *
     * @param held the values of a plain row: a url, the expected date, channel and device if any; its line and
     *             record number
     * @return {@code true} when the row was taken (or rows are no longer remembered): the reader may count it
     *         without building it; {@code false} without an expected date, when no row is plain
     * @throws IllegalStateException if no listener was given
     */
    public boolean admitPlain(HeldValues held) {
        LongHashSet set = rows;
        SipHash.State date = afterDate;
        if (set == null) {
            return true;
        }
        if (date == null) {
            // No plain rows without an expected date.
            return false;
        }
        if (found == null) {
            throw new IllegalStateException("plain rows are looked up in batches: give a listener first");
        }
        state.set(date);
        char[] text = held.chars();
        int urlFrom = held.from(URL);
        int urlTo = held.to(URL);
        int flags = state.text(text, urlFrom, urlTo) ? 2 : 0;
        int channel = held.has(CHANNEL) ? held.to(CHANNEL) - held.from(CHANNEL) : 0;
        flags |= channel > 0 ? value(text, held.from(CHANNEL), held.to(CHANNEL), 4) : fallback(defaultChannel, 4);
        channel = channel > 0 ? channel + 1 : lengthPlusOne(defaultChannel);
        int device = held.has(DEVICE) ? held.to(DEVICE) - held.from(DEVICE) : 0;
        flags |= device > 0 ? value(text, held.from(DEVICE), held.to(DEVICE), 8) : fallback(defaultDevice, 8);
        device = device > 0 ? device + 1 : lengthPlusOne(defaultDevice);
        long key = finish(held.to(DATE) - held.from(DATE), urlTo - urlFrom, channel, device, flags);
        // The url's characters, for the report of a duplicate: the reader's buffer moves on.
        int start = take(key, held.line(), held.record(), held.column(URL), urlTo - urlFrom);
        System.arraycopy(text, urlFrom, pendingUrls, start, urlTo - urlFrom);
        if (pending == BATCH) {
            settle();
        }
        return true;
    }

    /**
     * Looks up the plain rows taken and not yet looked up, in order, and reports their duplicates (and the limit,
     * once) to the listener. Cheap when none are pending.
     */
    public void settle() {
        int count = pending;
        LongHashSet set = rows;
        Found listener = found;
        if (count == 0 || set == null || listener == null) {
            return;
        }
        pending = 0;
        set.touch(pendingKeys, count);
        for (int i = 0; i < count; i++) {
            switch (set.add(pendingKeys[i], limit)) {
                case PRESENT -> listener.duplicate(pendingLines[i], pendingColumns[i], pendingRecords[i],
                        new String(pendingUrls, i == 0 ? 0 : pendingUrlEnds[i - 1],
                                pendingUrlEnds[i] - (i == 0 ? 0 : pendingUrlEnds[i - 1])));
                case FULL -> {
                    // Past the limit, rows are no longer remembered: those after this one included.
                    stop();
                    listener.full(pendingLines[i], pendingRecords[i]);
                    return;
                }
                default -> {
                    // A row seen for the first time.
                }
            }
        }
    }

    /**
     * Sets where the duplicates among plain rows go ({@link #admitPlain(HeldValues)}).
     *
     * @param listener the listener
     */
    public void reportTo(Found listener) {
        this.found = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Adds the row of a record the reader did not reject that has a url and a date.
     *
     * @param record the record
     * @return {@link LongHashSet.Added#PRESENT} for a duplicate, {@link LongHashSet.Added#FULL} when the limit is
     *         reached (rows are then no longer remembered, once the caller has said so: {@link #stop()}), else
     *         {@link LongHashSet.Added#ADDED}, also for a record that is not a row of its own
     */
    public LongHashSet.Added add(RawRecord record) {
        // The plain rows before this record come first.
        settle();
        LongHashSet set = rows;
        if (set == null || !isRow(record)) {
            return LongHashSet.Added.ADDED;
        }
        return set.add(key(record), limit);
    }

    /**
     * Looks up the row of a record a writer is about to write, without remembering it ({@link #remember(RawRecord)}
     * does, once the row is written): a row left out of the file is no row of it. Nor does a row past the limit stop
     * the check here: only once it is written.
     *
     * @param record the record
     * @return {@link LongHashSet.Added#PRESENT} for a duplicate, {@link LongHashSet.Added#FULL} when remembering it
     *         would pass the limit, else {@link LongHashSet.Added#ADDED} (it would be added), also for a record that
     *         is not a row of its own
     */
    public LongHashSet.Added lookUp(RawRecord record) {
        settle();
        LongHashSet set = rows;
        if (set == null || !isRow(record)) {
            return LongHashSet.Added.ADDED;
        }
        long key = key(record);
        lookedUp = record;
        lookedUpKey = key;
        if (set.contains(key)) {
            return LongHashSet.Added.PRESENT;
        }
        return set.size() >= limit ? LongHashSet.Added.FULL : LongHashSet.Added.ADDED;
    }

    /**
     * Remembers the row of a record a writer wrote, looked up before ({@link #lookUp(RawRecord)}); a row past the limit,
     * written all the same, stops the check ({@link #stop()}), as {@link #add(RawRecord)} makes a reader's caller stop
     * at that row.
     *
     * @param record the record
     */
    public void remember(RawRecord record) {
        LongHashSet set = rows;
        // The record just looked up, as a writer does: its key is not hashed twice.
        if (set != null && isRow(record)
                && set.add(record == lookedUp ? lookedUpKey : key(record), limit) == LongHashSet.Added.FULL) {
            stop();
        }
        lookedUp = null;
    }

    /**
     * Takes the row of a record a writer wrote into the batch, as {@link #admitPlain(HeldValues)} takes a
     * plain row: it is looked up and remembered with the rows after it, and a duplicate (or the limit) is reported to
     * the listener then.
     *
     * @param record the record
     * @throws IllegalStateException if no listener was given
     */
    public void offer(RawRecord record) {
        LongHashSet set = rows;
        String url = record.value(URL);
        if (set == null || url == null || !isRow(record)) {
            return;
        }
        if (found == null) {
            throw new IllegalStateException("rows are looked up in batches: give a listener first");
        }
        int start = take(key(record), record.line(), record.record(), record.column(URL), url.length());
        url.getChars(0, url.length(), pendingUrls, start);
        if (pending == BATCH) {
            settle();
        }
    }

    /**
     * Takes a row into the batch (not yet full); returns where in {@link #pendingUrls} its url's characters go,
     * which the caller copies there before the batch is looked up.
     */
    private int take(long key, long line, long record, long column, int urlLength) {
        int n = pending;
        pendingKeys[n] = key;
        pendingLines[n] = line;
        pendingRecords[n] = record;
        pendingColumns[n] = column;
        int start = n == 0 ? 0 : pendingUrlEnds[n - 1];
        int end = start + urlLength;
        if (end > pendingUrls.length) {
            pendingUrls = Arrays.copyOf(pendingUrls, Math.max(end, 2 * pendingUrls.length));
        }
        pendingUrlEnds[n] = end;
        pending = n + 1;
        return start;
    }

    /** Whether a record is a row of its own: one the reader did not reject, with a url and a date. */
    private static boolean isRow(RawRecord record) {
        String url = record.value(URL);
        String date = record.value(DATE);
        return url != null && !url.isBlank() && date != null && !date.isBlank() && !record.isRejected();
    }

    /** The key of a row ({@link #isRow(RawRecord)}), from its strings. */
    private long key(RawRecord record) {
        String url = Objects.requireNonNull(record.value(URL));
        String date = Objects.requireNonNull(record.value(DATE));
        SipHash.State afterExpected = afterDate;
        int flags;
        if (afterExpected != null && date.equals(expectedDate)) {
            state.set(afterExpected);
            flags = 0;
        } else {
            state.reset(hash);
            flags = absorb(date, 1);
        }
        flags |= absorb(url, 2);
        String channel = record.value(CHANNEL);
        String device = record.value(DEVICE);
        int channelPlusOne;
        if (channel != null && !channel.isEmpty()) {
            flags |= absorb(channel, 4);
            channelPlusOne = channel.length() + 1;
        } else {
            flags |= fallback(defaultChannel, 4);
            channelPlusOne = lengthPlusOne(defaultChannel);
        }
        int devicePlusOne;
        if (device != null && !device.isEmpty()) {
            flags |= absorb(device, 8);
            devicePlusOne = device.length() + 1;
        } else {
            flags |= fallback(defaultDevice, 8);
            devicePlusOne = lengthPlusOne(defaultDevice);
        }
        return finish(date.length(), url.length(), channelPlusOne, devicePlusOne, flags);
    }

    /** Stops remembering rows, past the limit: the tables are let go, and plain rows not yet looked up. */
    public void stop() {
        rows = null;
        pending = 0;
    }

    /** Absorbs a value held in characters; returns {@code flag} when it was absorbed two bytes a character. */
    private int value(char[] text, int from, int to, int flag) {
        return state.text(text, from, to) ? flag : 0;
    }

    /** Absorbs a default, if any; returns {@code flag} when it was absorbed two bytes a character. */
    private int fallback(char @Nullable [] text, int flag) {
        return text != null && state.text(text, 0, text.length) ? flag : 0;
    }

    /** Absorbs a string through {@link #chars}; returns {@code flag} when it was absorbed two bytes a character. */
    private int absorb(String value, int flag) {
        int length = value.length();
        if (length > chars.length) {
            chars = new char[Math.max(length, 2 * chars.length)];
        }
        value.getChars(0, length, chars, 0);
        return state.text(chars, 0, length) ? flag : 0;
    }

    private static int lengthPlusOne(char @Nullable [] text) {
        return text == null ? 0 : text.length + 1;
    }

    /**
     * Absorbs the lengths and flags after the values, and ends the hash: one word when every length is small (its
     * top bit set), else three (its top bit clear), so that the bytes hashed stand for one tuple of values.
     */
    private long finish(int date, int url, int channelPlusOne, int devicePlusOne, int flags) {
        if (date < 1 << 12 && url < 1 << 20 && channelPlusOne < 1 << 13 && devicePlusOne < 1 << 13) {
            state.word(date | (long) url << 12 | (long) channelPlusOne << 32 | (long) devicePlusOne << 45
                    | (long) flags << 58 | 1L << 63);
        } else {
            state.word(date | (long) url << 32);
            state.word(channelPlusOne | (long) devicePlusOne << 32);
            state.word(flags);
        }
        return state.finish();
    }
}
