package org.conversionkit.model.internal;

/**
 * A set of 64-bit hashes in open-addressing tables of primitive {@code long}s: the memory behind
 * duplicate detection in feeds of millions of ids.
 *
 * <p>The set is cut into {@value #SEGMENTS} segments chosen by a key's top bits, each a
 * linear-probing table that doubles on its own when it would be more than half full. A table at
 * load at most 0.5 costs 16 to 32 bytes per key (16.8 at the load of a full segment before it
 * doubles). Cutting it in segments keeps the peak of a doubling to one segment's worth, not the
 * whole set's, and keeps each array small: 2,000,000 keys take 256 arrays of 128 KiB, below G1's
 * humongous-object threshold (half a region, 512 KiB in a small heap), where 64 arrays of 512 KiB
 * would each have taken a whole 1 MiB region and run out of a 64 MiB heap. The key 0 is kept in a
 * flag, as 0 marks an empty slot. Keys are keyed hashes ({@link IdHash}, {@link SipHash}) under a key drawn at
 * random for each set's owner: nobody can compute keys that share a segment and a slot, so each add probes as for
 * random keys, a few slots on average, and the cost of a feed stays linear whatever its ids.
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

    private final long[][] tables = new long[SEGMENTS][];
    private final int[] counts = new int[SEGMENTS];
    private boolean zero;
    private long size;
    /** What {@link #touch(long[], int)} read, kept only so that its loads stay. */
    @SuppressWarnings("unused")
    private long touched;

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
     * @return whether the key was added, present already, or refused because the set is full
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
        int segment = (int) (key >>> (Long.SIZE - SEGMENT_BITS));
        long[] table = tables[segment];
        int mask = table.length - 1;
        int slot = (int) key & mask;
        for (long existing = table[slot]; existing != 0; existing = table[slot]) {
            if (existing == key) {
                return Added.PRESENT;
            }
            slot = (slot + 1) & mask;
        }
        if (size >= limit) {
            return Added.FULL;
        }
        table[slot] = key;
        size++;
        if (++counts[segment] > table.length >>> 1) {
            tables[segment] = grow(table);
        }
        return Added.ADDED;
    }

    /**
     * Reads the first slot of each key, every load before any lookup: the loads do not depend on one another, so
     * the processor has their cache misses under way together, where lookups one after another (each branching on
     * what it read) wait for each miss in turn. Nothing changes; the lookups that follow find the lines cached.
     *
     * @param keys  the keys about to be added
     * @param count how many of them, from the first
     */
    public void touch(long[] keys, int count) {
        long seen = 0;
        for (int i = 0; i < count; i++) {
            long key = keys[i];
            long[] table = tables[(int) (key >>> (Long.SIZE - SEGMENT_BITS))];
            seen |= table[(int) key & (table.length - 1)];
        }
        // Kept, so that the compiler does not drop the loads.
        touched = seen;
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
        long[] table = tables[(int) (key >>> (Long.SIZE - SEGMENT_BITS))];
        int mask = table.length - 1;
        for (int slot = (int) key & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            if (table[slot] == key) {
                return true;
            }
        }
        return false;
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
     * @return 8 times the number of slots
     */
    public long tableBytes() {
        long slots = 0;
        for (long[] table : tables) {
            slots += table.length;
        }
        return slots * Long.BYTES;
    }

    private static long[] grow(long[] table) {
        long[] bigger = new long[table.length << 1];
        int mask = bigger.length - 1;
        for (long key : table) {
            if (key != 0) {
                int slot = (int) key & mask;
                while (bigger[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                bigger[slot] = key;
            }
        }
        return bigger;
    }
}
