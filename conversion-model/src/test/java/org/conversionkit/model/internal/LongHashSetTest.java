package org.conversionkit.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The set behind duplicate detection: correctness, and the memory it takes per key. */
class LongHashSetTest {

    @Test
    void addsOnceAndRefusesPastTheLimit() {
        LongHashSet set = new LongHashSet();
        assertThat(set.add(42, 3)).isEqualTo(LongHashSet.Added.ADDED);
        assertThat(set.add(42, 3)).isEqualTo(LongHashSet.Added.PRESENT);
        assertThat(set.add(0, 3)).isEqualTo(LongHashSet.Added.ADDED);
        assertThat(set.add(0, 3)).isEqualTo(LongHashSet.Added.PRESENT);
        assertThat(set.add(-1, 3)).isEqualTo(LongHashSet.Added.ADDED);
        assertThat(set.add(7, 3)).isEqualTo(LongHashSet.Added.FULL);
        assertThat(set.add(42, 3)).as("a present key is found at the limit").isEqualTo(LongHashSet.Added.PRESENT);
        assertThat(set.size()).isEqualTo(3);
        assertThat(set.contains(0)).isTrue();
        assertThat(set.contains(7)).isFalse();
    }

    @Test
    void agreesWithAHashSetOnCollidingAndRandomKeys() {
        LongHashSet set = new LongHashSet();
        Set<Long> reference = new HashSet<>();
        SplittableRandom random = new SplittableRandom(20200922);
        for (int i = 0; i < 200_000; i++) {
            // Keys that share their segment bits and low bits exercise probing and growth.
            long key = random.nextInt(4) == 0 ? (random.nextLong(64) << 56 | random.nextLong(64)) : random.nextLong();
            boolean added = set.add(key, Long.MAX_VALUE) == LongHashSet.Added.ADDED;
            assertThat(added).isEqualTo(reference.add(key));
        }
        assertThat(set.size()).isEqualTo(reference.size());
        for (long key : reference) {
            assertThat(set.contains(key)).isTrue();
        }
        for (int i = 0; i < 10_000; i++) {
            long key = random.nextLong();
            assertThat(set.contains(key)).isEqualTo(reference.contains(key));
        }
    }

    @Test
    void aMillionIdsTakeAbout18BytesEachAndNeverMoreThan36() {
        LongHashSet set = new LongHashSet();
        long worst = 0;
        for (int i = 1; i <= 1_000_000; i++) {
            if (set.add(Hash64.of("N" + i), Long.MAX_VALUE) != LongHashSet.Added.ADDED) {
                throw new AssertionError("N" + i + " taken for a duplicate");
            }
            if (i % 50_000 == 0) {
                worst = Math.max(worst, set.tableBytes() / i);
            }
        }
        double perId = set.tableBytes() / 1_000_000.0;
        assertThat(perId).as("bytes per id at 1,000,000 ids").isBetween(17.0, 18.5);
        // The tables' 16 to 32 bytes, the filter's 1 to 2, and the fixed 256 KiB of pending keys on small sets.
        assertThat(worst).as("bytes per id at any size from 50,000").isLessThanOrEqualTo(36);
        // 256 segments of 8,192 slots; the filter of 131,072 words (8.4 bits an id); the pending keys' table of
        // 16,384 slots, their list of 8,192 and its copy grouped by segment.
        assertThat(set.tableBytes()).isEqualTo((16L << 20) + (131_072L + 16_384 + 2 * 8_192) * Long.BYTES);
    }

    @Test
    void keysAddedAcrossManyFlushesAndFilterRebuildsAreFoundExactly() {
        LongHashSet set = new LongHashSet();
        SplittableRandom random = new SplittableRandom(7);
        long[] keys = new long[300_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong() | 1;
            assertThat(set.add(keys[i], Long.MAX_VALUE)).isEqualTo(LongHashSet.Added.ADDED);
            // A key seen a moment ago (pending) and one seen long ago (in the segments) are both found.
            assertThat(set.add(keys[i / 2], Long.MAX_VALUE)).isEqualTo(LongHashSet.Added.PRESENT);
            assertThat(set.add(keys[i - Math.min(i, 5)], Long.MAX_VALUE)).isEqualTo(LongHashSet.Added.PRESENT);
        }
        assertThat(set.size()).isEqualTo(keys.length);
        for (long key : keys) {
            assertThat(set.contains(key)).isTrue();
        }
        assertThat(set.add(random.nextLong() | 1, keys.length)).isEqualTo(LongHashSet.Added.FULL);
    }
}
