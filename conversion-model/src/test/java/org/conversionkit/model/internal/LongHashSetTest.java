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
    void aMillionIdsTakeAbout17BytesEachAndNeverMoreThan32() {
        LongHashSet set = new LongHashSet();
        // A fixed key, so that the figures are those of one known set: under a key drawn at random, whether some
        // segment holds more than 4,096 of a million ids (and doubles) changes from run to run.
        SipHash hash = SipHash.sip13(0x0706050403020100L, 0x0f0e0d0c0b0a0908L);
        long worst = 0;
        for (int i = 1; i <= 1_000_000; i++) {
            if (set.add(hash.hash("N" + i), Long.MAX_VALUE) != LongHashSet.Added.ADDED) {
                throw new AssertionError("N" + i + " taken for a duplicate");
            }
            if (i % 50_000 == 0) {
                worst = Math.max(worst, set.tableBytes() / i);
            }
        }
        double perId = set.tableBytes() / 1_000_000.0;
        assertThat(perId).as("bytes per id at 1,000,000 ids").isBetween(16.0, 17.0);
        assertThat(worst).as("bytes per id at any size from 50,000").isLessThanOrEqualTo(32);
        // 256 segments of 8,192 slots, 16 MiB, and a segment whose share of the ids passes 4,096 (about 3 standard
        // deviations above its 3,906) doubled: two under this key. Twice as many ids, the default limit, take
        // twice that: 32 MiB.
        assertThat(set.tableBytes()).isEqualTo((16L << 20) + 2 * 8_192 * Long.BYTES);
    }
}
