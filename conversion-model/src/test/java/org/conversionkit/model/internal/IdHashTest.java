package org.conversionkit.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The keyed hash of CRM ids (issue 14, item 5): ids crafted to collide under the fixed-seed hash it replaces are
 * told apart, and one key stands for one id, whatever its length and characters.
 */
class IdHashTest {

    /** Two ids that had one hash under the fixed-seed hash of the duplicate check (issue 14). */
    private static final String ORDER = "ORDER-01";
    private static final String CRAFTED = "QRDE\u24b3\u65df\uf2ad\u2b2e";

    @Test
    void theCraftedPairHashesApartUnderEveryKey() {
        for (int run = 0; run < 1000; run++) {
            IdHash hash = new IdHash();
            assertThat(hash.of(CRAFTED)).isNotEqualTo(hash.of(ORDER));
            assertThat(hash.of(CRAFTED, 1, 2, 3)).isNotEqualTo(hash.of(ORDER, 1, 2, 3));
        }
    }

    @Test
    void eachRunDrawsItsOwnKey() {
        assertThat(new IdHash().of(ORDER)).isNotEqualTo(new IdHash().of(ORDER));
    }

    @Test
    void tellsApartIdsThatDifferOnlyInLengthPaddingOrWidth() {
        IdHash hash = new IdHash();
        String[] ids = {"", "\0", "\0\0", "\0\0\0\0\0\0\0\0", "a", "a\0", "ab", "ba", "abcdefgh", "abcdefgh\0", "N1",
            "N10", "N01", "\u0100", "\u0001\0", "\u00ff", "\u00ff\0", "a".repeat(100), "a".repeat(101)};
        LongHashSet seen = new LongHashSet();
        for (String id : ids) {
            assertThat(seen.add(hash.of(id), Long.MAX_VALUE)).as(id).isEqualTo(LongHashSet.Added.ADDED);
            assertThat(seen.add(hash.of(id, 1, 2, 3), Long.MAX_VALUE)).as(id).isEqualTo(LongHashSet.Added.ADDED);
            assertThat(hash.of(id)).as("the same id, the same key").isEqualTo(hash.of(id));
        }
        assertThat(hash.of("N1", 1, 2, 3)).isNotEqualTo(hash.of("N1", 1, 3, 2)).isNotEqualTo(hash.of("N1", 3, 2, 1));
    }

    @Test
    void twoMillionStructuredIdsDoNotCollide() {
        IdHash hash = new IdHash();
        LongHashSet seen = new LongHashSet();
        int collisions = 0;
        for (int i = 0; i < 1_000_000; i++) {
            String digits = Integer.toString(i);
            if (seen.add(hash.of("N" + digits), Long.MAX_VALUE) != LongHashSet.Added.ADDED) {
                collisions++;
            }
            if (seen.add(hash.of("lead-" + "00000000".substring(digits.length()) + digits), Long.MAX_VALUE)
                    != LongHashSet.Added.ADDED) {
                collisions++;
            }
        }
        assertThat(collisions).isZero();
        assertThat(seen.size()).isEqualTo(2_000_000);
    }
}
