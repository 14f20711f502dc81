package org.conversionkit.model.internal;

import java.util.Arrays;

/**
 * A set of 64-bit hashes in open-addressing tables of primitive {@code long}s: the memory behind
 * duplicate detection in files of millions of rows and feeds of millions of ids.
 *
 * <p>The set is cut into {@value #SEGMENTS} segments chosen by a key's top bits, each a
 * linear-probing table, its slot taken from the key's next bits, that doubles on its own when it
 * would be more than half full. A table at load at most 0.5 costs 16 to 32 bytes per key (16.8 at
 * the load of a full segment before it doubles); the filter below adds 1 to 2 bytes a key, and the
 * pending keys a fixed 256 KiB. Cutting it in segments keeps the peak of a doubling
 * to one segment's worth, not the whole set's, and keeps each array small: 2,000,000 keys take 256
 * arrays of 128 KiB, below G1's humongous-object threshold (half a region, 512 KiB in a small heap),
 * where 64 arrays of 512 KiB would each have taken a whole 1 MiB region and run out of a 64 MiB heap.
 * The key 0 is kept in a flag, as 0 marks an empty slot. Keys are expected to be well-mixed hashes
 * (a keyed {@link SipHash}).
 *
 * <p>A million keys take 16 MiB of tables, far more than the processor's caches, and each key
 * lands at random in them: probing the tables once per key would cost a cache miss and a page walk
 * per row, as much as the rest of a validating pass. So the set is probed rarely, and written in
 * order. A new key goes first to a small table of pending keys ({@value #PENDING_KEYS} at most,
 * 128 KiB, which stays in the cache) and, when that is full, to the segments all at once, grouped by
 * segment, so that the writes go to one segment's table after the other. A key is looked up in the pending table, then
 * in a Bloom filter of the keys in the segments (one 64-bit word per key, three bits of it, 8 bits a
 * key: about 1 MiB for a million keys, within the cache, rebuilt from the segments, in order, each
 * time their keys double), and in the segments only when the filter says it may be there (about 3%
 * of new keys). The answers are exact: a key is present if and only if it was added.
 *
 * <p>Not thread-safe.
 */
public final class LongHashSet {

    /** The result of {@link #add(long, long)}. */
    public enum Added {
        /** The key was not in the set and is now. */
        ADDED,
        /** The key was in the set already. */
        PRESENT,
        /** The key was not in the set and was not added: the set holds its limit. */
        FULL
    }

    private static final int SEGMENT_BITS = 8;
    private static final int SEGMENTS = 1 << SEGMENT_BITS;
    private static final int INITIAL_SEGMENT_SIZE = 16;
    /** Slots of the pending table: twice the pending keys, so its load stays at most 0.5. */
    private static final int PENDING_SLOTS = 1 << 14;
    /** The pending keys written to the segments at once. */
    private static final int PENDING_KEYS = PENDING_SLOTS / 2;
    /** The filter's words per key in the segments, at least: 8 bits a key. */
    private static final int BLOOM_KEYS_PER_WORD = 8;
    /** The longest array of the filter: 32 Ki words, 256 KiB, below G1's humongous threshold. */
    private static final int BLOOM_CHUNK_BITS = 15;

    private final long[][] tables = new long[SEGMENTS][];
    private final int[] counts = new int[SEGMENTS];
    private final long[] pending = new long[PENDING_SLOTS];
    /** The pending keys in the order added, for the flush. */
    private final long[] batch = new long[PENDING_KEYS];
    /** The pending keys grouped by segment, for the flush. */
    private final long[] grouped = new long[PENDING_KEYS];
    private int pendingCount;
    /** The Bloom filter of the keys in the segments, in chunks; its word count is a power of two. */
    private long[][] bloom = {new long[1 << 10]};
    private long bloomMask = (1 << 10) - 1;
    /** The keys in the segments. */
    private long stored;
    private boolean zero;
    private long size;

    /** Creates an empty set. */
    public LongHashSet() {
        for (int i = 0; i < SEGMENTS; i++) {
            tables[i] = new long[INITIAL_SEGMENT_SIZE];
        }
    }

    /**
     * Adds a key unless the set already holds it or holds {@code limit} keys.
     *
     * @param key   the key
     * @param limit the most keys the set may hold
     * @return what became of the key
     */
    public Added add(long key, long limit) {
        if (key == 0) {
            if (zero) {
                return Added.PRESENT;
            }
            if (size >= limit) {
                return Added.FULL;
            }
            zero = true;
            size++;
            return Added.ADDED;
        }
        int slot = pendingSlot(key);
        for (long existing = pending[slot]; existing != 0; existing = pending[slot]) {
            if (existing == key) {
                return Added.PRESENT;
            }
            slot = (slot + 1) & (PENDING_SLOTS - 1);
        }
        if (mayBeStored(key) && stores(key)) {
            return Added.PRESENT;
        }
        if (size >= limit) {
            return Added.FULL;
        }
        pending[slot] = key;
        batch[pendingCount++] = key;
        size++;
        if (pendingCount == PENDING_KEYS) {
            flush();
        }
        return Added.ADDED;
    }

    /**
     * Returns whether the set holds a key.
     *
     * @param key the key
     * @return {@code true} when present
     */
    public boolean contains(long key) {
        if (key == 0) {
            return zero;
        }
        for (int slot = pendingSlot(key); pending[slot] != 0; slot = (slot + 1) & (PENDING_SLOTS - 1)) {
            if (pending[slot] == key) {
                return true;
            }
        }
        return mayBeStored(key) && stores(key);
    }

    /** The pending table's slot: bits of the key the segments and the filter do not start from. */
    private static int pendingSlot(long key) {
        return (int) (key >>> 24) & (PENDING_SLOTS - 1);
    }

    /** The slot of a key in a segment's table of {@code 1 << bits} slots: the bits after the segment's. */
    private static int slot(long key, int bits) {
        return (int) (key << SEGMENT_BITS >>> (Long.SIZE - bits));
    }

    /** Whether the segments hold the key. */
    private boolean stores(long key) {
        long[] table = tables[(int) (key >>> (Long.SIZE - SEGMENT_BITS))];
        int mask = table.length - 1;
        for (int slot = slot(key, Integer.numberOfTrailingZeros(table.length)); table[slot] != 0;
                slot = (slot + 1) & mask) {
            if (table[slot] == key) {
                return true;
            }
        }
        return false;
    }

    /** Whether the filter lets the key be in the segments: one word, three of its bits. */
    private boolean mayBeStored(long key) {
        long word = key & bloomMask;
        long bits = bloomBits(key);
        return (bloom[(int) (word >>> BLOOM_CHUNK_BITS)][(int) word & ((1 << BLOOM_CHUNK_BITS) - 1)] & bits) == bits;
    }

    private static long bloomBits(long key) {
        return 1L << (key >>> 40) | 1L << (key >>> 46) | 1L << (key >>> 52);
    }

    private void remember(long key) {
        long word = key & bloomMask;
        bloom[(int) (word >>> BLOOM_CHUNK_BITS)][(int) word & ((1 << BLOOM_CHUNK_BITS) - 1)] |= bloomBits(key);
    }

    /**
     * Writes the pending keys to the segments, grouped by segment (a counting sort on the top bits) so that the
     * writes go to one segment's table after the other, each small enough to stay in the cache meanwhile.
     */
    private void flush() {
        int count = pendingCount;
        int[] starts = new int[SEGMENTS + 1];
        for (int i = 0; i < count; i++) {
            starts[(int) (batch[i] >>> (Long.SIZE - SEGMENT_BITS)) + 1]++;
        }
        for (int segment = 0; segment < SEGMENTS; segment++) {
            starts[segment + 1] += starts[segment];
        }
        long[] grouped = this.grouped;
        for (int i = 0; i < count; i++) {
            long key = batch[i];
            grouped[starts[(int) (key >>> (Long.SIZE - SEGMENT_BITS))]++] = key;
        }
        for (int i = 0; i < count; i++) {
            store(grouped[i]);
        }
        stored += count;
        if (stored > (bloomMask + 1) * BLOOM_KEYS_PER_WORD) {
            rebuildBloom();
        } else {
            for (int i = 0; i < count; i++) {
                remember(grouped[i]);
            }
        }
        Arrays.fill(pending, 0);
        pendingCount = 0;
    }

    private void store(long key) {
        int segment = (int) (key >>> (Long.SIZE - SEGMENT_BITS));
        long[] table = tables[segment];
        int mask = table.length - 1;
        int slot = slot(key, Integer.numberOfTrailingZeros(table.length));
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = key;
        if (++counts[segment] > table.length >>> 1) {
            tables[segment] = grow(table);
        }
    }

    /**
     * Sizes the filter for the keys in the segments, 8 to 16 bits a key, and fills it from them, table after table:
     * once each time their number doubles, so each key is filtered in again a bounded number of times.
     */
    private void rebuildBloom() {
        long words = Long.highestOneBit(Math.max(1, stored / BLOOM_KEYS_PER_WORD - 1)) << 1;
        int chunk = 1 << BLOOM_CHUNK_BITS;
        int chunks = (int) Math.max(1, words / chunk);
        long[][] filter = new long[chunks][];
        for (int i = 0; i < chunks; i++) {
            filter[i] = new long[(int) Math.min(words, chunk)];
        }
        bloom = filter;
        bloomMask = words - 1;
        for (long[] table : tables) {
            for (long key : table) {
                if (key != 0) {
                    remember(key);
                }
            }
        }
    }

    /**
     * Returns the number of keys held.
     *
     * @return the size
     */
    public long size() {
        return size;
    }

    /**
     * Returns the bytes the tables take, for measuring the cost per key.
     *
     * @return 8 times the slots of the segments' tables, the pending keys' table and list, and the filter
     */
    public long tableBytes() {
        long slots = (long) pending.length + batch.length + grouped.length;
        for (long[] table : tables) {
            slots += table.length;
        }
        for (long[] chunk : bloom) {
            slots += chunk.length;
        }
        return slots * Long.BYTES;
    }

    private static long[] grow(long[] table) {
        long[] bigger = new long[table.length << 1];
        int mask = bigger.length - 1;
        int bits = Integer.numberOfTrailingZeros(bigger.length);
        for (long key : table) {
            if (key != 0) {
                int slot = slot(key, bits);
                while (bigger[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                bigger[slot] = key;
            }
        }
        return bigger;
    }
}
