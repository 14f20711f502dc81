package org.conversionkit.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The id hash: distinct ids give distinct hashes, and every input bit moves about half the output. */
class Hash64Test {

    @Test
    void tellsApartTextsThatDifferOnlyInLengthOrPadding() {
        String[] texts = {"", "\0", "\0\0", "\0\0\0\0", "a", "a\0", "ab", "ba", "abcd", "abcd\0", "N1", "N10", "N01"};
        LongHashSet seen = new LongHashSet();
        for (String text : texts) {
            assertThat(seen.add(Hash64.of(text), Long.MAX_VALUE)).as(text).isEqualTo(LongHashSet.Added.ADDED);
        }
        assertThat(Hash64.of("N1", 1, 2, 3)).isNotEqualTo(Hash64.of("N1", 1, 3, 2)).isNotEqualTo(Hash64.of("N1"));
        assertThat(Hash64.of(new StringBuilder("order-7"))).isEqualTo(Hash64.of("order-7"));
    }

    @Test
    void twoMillionStructuredIdsDoNotCollide() {
        LongHashSet seen = new LongHashSet();
        int collisions = 0;
        for (int i = 0; i < 1_000_000; i++) {
            String digits = Integer.toString(i);
            if (seen.add(Hash64.of("N" + digits), Long.MAX_VALUE) != LongHashSet.Added.ADDED) {
                collisions++;
            }
            if (seen.add(Hash64.of("lead-" + "00000000".substring(digits.length()) + digits), Long.MAX_VALUE)
                    != LongHashSet.Added.ADDED) {
                collisions++;
            }
        }
        assertThat(collisions).isZero();
        assertThat(seen.size()).isEqualTo(2_000_000);
    }

    @Test
    void flippingOneInputBitFlipsAboutHalfTheOutputBits() {
        SplittableRandom random = new SplittableRandom(7);
        long flipped = 0;
        int trials = 0;
        for (int t = 0; t < 2000; t++) {
            char[] chars = new char[1 + random.nextInt(12)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) random.nextInt(0x20, 0x7f);
            }
            long base = Hash64.of(new String(chars));
            int position = random.nextInt(chars.length);
            chars[position] ^= (char) (1 << random.nextInt(7));
            flipped += Long.bitCount(base ^ Hash64.of(new String(chars)));
            trials++;
        }
        double average = flipped / (double) trials;
        assertThat(average).isBetween(30.0, 34.0);
    }
}
