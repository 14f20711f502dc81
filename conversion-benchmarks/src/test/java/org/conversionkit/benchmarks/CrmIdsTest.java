package org.conversionkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongFunction;
import org.conversionkit.json.CrmFeedReader;
import org.conversionkit.model.RecordSource;
import org.conversionkit.validation.FeedValidator;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The crafted ids are what the benchmark says they are: under the old fixed-seed hash, one hash, or one segment and
 * slot of the old table; and the duplicate check, on its keyed hash, takes none of them for a duplicate.
 */
class CrmIdsTest {

    private static final int IDS = 20_000;

    @Test
    void theOldHashIsTheOneThatMadeThePairOfIssue14Collide() {
        assertThat(CrmIds.OldHash.of("QRDE\u24b3\u65df\uf2ad\u2b2e")).isEqualTo(CrmIds.OldHash.of("ORDER-01"))
                .isEqualTo(CrmIds.TARGET);
        assertThat(CrmIds.OldHash.of("ORDER-02")).isNotEqualTo(CrmIds.TARGET);
        for (long odd : new long[] {5, 0x87c37b91114253d5L, -1}) {
            assertThat(odd * CrmIds.OldHash.inverse(odd)).isEqualTo(1);
        }
    }

    @Test
    void sameHashIdsAreDistinctAndAllHaveTheTargetHash() {
        LongFunction<String> ids = CrmIds.generator(CrmIds.Kind.SAME_HASH);
        Set<String> seen = new HashSet<>();
        for (long i = 0; seen.size() < IDS; i++) {
            String id = ids.apply(i);
            if (id != null) {
                assertThat(CrmIds.OldHash.of(id)).as(id).isEqualTo(CrmIds.TARGET);
                assertThat(seen.add(id)).isTrue();
            }
        }
    }

    @Test
    void sameSlotIdsHaveDistinctHashesInOneSegmentAndSlot() {
        LongFunction<String> ids = CrmIds.generator(CrmIds.Kind.SAME_SLOT);
        Set<Long> hashes = new HashSet<>();
        for (long i = 0; hashes.size() < IDS; i++) {
            String id = ids.apply(i);
            if (id != null) {
                long hash = CrmIds.OldHash.of(id);
                assertThat(hash >>> 56).isEqualTo(CrmIds.TARGET >>> 56);
                assertThat((int) hash).isEqualTo((int) CrmIds.TARGET);
                assertThat(hashes.add(hash)).isTrue();
            }
        }
        assertThat(ids.apply(CrmIds.TARGET >>> 32 & 0xFFFFFF)).as("the pair of issue 14 is among them")
                .isEqualTo("QRDE\u24b3\u65df\uf2ad\u2b2e");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CrmIds.Kind.class)
    void theDuplicateCheckTakesNoneOfThemForADuplicate(CrmIds.Kind kind) throws IOException {
        StringWriter feed = new StringWriter();
        CrmIds.write(feed, kind, IDS);
        ValidationReport report;
        try (RecordSource source = CrmFeedReader.builder().source(
                new ByteArrayInputStream(feed.toString().getBytes(StandardCharsets.UTF_8)))) {
            report = FeedValidator.builder().build().validate(source);
        }
        assertThat(report.records()).isEqualTo(IDS);
        assertThat(report.violations()).isEmpty();
        assertThat(report.valid()).isTrue();
    }
}
