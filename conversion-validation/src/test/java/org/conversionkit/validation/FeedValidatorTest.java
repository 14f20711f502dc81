package org.conversionkit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import org.conversionkit.model.CrmDateTime;
import org.conversionkit.model.CrmField;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.FeedLimits;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.ValueKind;
import org.conversionkit.model.ViolationCode;
import org.junit.jupiter.api.Test;

/** What the fixture cases do not show: typed records, scale, limits and arguments. */
class FeedValidatorTest {

    private static RawRecord crm(long n, String id, String updatedAt) {
        String[] values = new String[CrmField.values().length];
        ValueKind[] kinds = new ValueKind[values.length];
        values[CrmField.ID.ordinal()] = id;
        values[CrmField.CREATED_AT.ordinal()] = "2020-01-10";
        values[CrmField.UPDATED_AT.ordinal()] = updatedAt;
        kinds[CrmField.ID.ordinal()] = ValueKind.STRING;
        kinds[CrmField.CREATED_AT.ordinal()] = ValueKind.STRING;
        kinds[CrmField.UPDATED_AT.ordinal()] = ValueKind.STRING;
        return RawRecord.of(n, n, values, kinds, List.of(), null);
    }

    /** Records made on demand, so that a million of them never sit in memory together. */
    private static List<RawRecord> generated(int count, int duplicateEvery) {
        return new AbstractList<>() {
            @Override
            public RawRecord get(int index) {
                int id = duplicateEvery > 0 && index % duplicateEvery == duplicateEvery - 1 ? index - 1 : index;
                return crm(index + 1, "order-" + id, "2020-01-20T10:00:00Z");
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    @Test
    void aMillionIdsAreCheckedForDuplicates() {
        FeedValidator validator = FeedValidator.builder().maxViolations(3).build();
        ValidationReport report = validator.validate(feed(generated(1_000_000, 1000), CrmProfile.DEFAULT));
        assertThat(report.records()).isEqualTo(1_000_000);
        assertThat(report.errors()).isEqualTo(1000);
        assertThat(report.invalidRecords()).isEqualTo(1000);
        assertThat(report.truncated()).isTrue();
        assertThat(report.violations()).extracting(violation -> violation.record() + " " + violation.value())
                .containsExactly("1000 order-998", "2000 order-1998", "3000 order-2998");
    }

    @Test
    void theDailyModeTracksAMillionPairsToo() {
        ValidationReport report = FeedValidator.builder().build().validate(feed(generated(1_000_000, 0),
                CrmProfile.builder().dailyFeed(LocalDate.of(2020, 1, 20)).build()));
        assertThat(report.valid()).isTrue();
        assertThat(report.errors() + report.warnings()).isZero();
    }

    @Test
    void theLimitIsReportedOnceAndNamed() {
        FeedValidator validator = FeedValidator.builder().maxViolations(1000).build();
        ValidationReport report = validator.validate(feed(generated(5000, 10),
                CrmProfile.builder().limits(FeedLimits.builder().maxTrackedIds(1000).build()).build()));
        assertThat(report.violations()).filteredOn(violation -> violation.code() == ViolationCode.RECORD_TOO_LARGE)
                .singleElement().satisfies(violation -> {
                    assertThat(violation.message()).contains("maxTrackedIds (1000)").contains("more than 1000");
                    assertThat(violation.record()).isEqualTo(1112);
                });
        // Before the limit: duplicates at records 10, 20, ..., 1110; after it none is detected.
        assertThat(report.violations()).filteredOn(violation -> violation.code() == ViolationCode.DUPLICATE_RECORD)
                .hasSize(111).allSatisfy(violation -> assertThat(violation.record()).isLessThan(1112));
        assertThat(report.invalidRecords()).isEqualTo(112);
    }

    @Test
    void deliversTypedRecords() {
        RawRecord typed = RawRecord.of(1, 1, new String[] {"N1", "2020-01-10", "2020-01-15", "USD", "120.13",
            "delivered", "U1"}, new ValueKind[] {ValueKind.STRING, ValueKind.STRING, ValueKind.STRING, ValueKind.STRING,
            ValueKind.DECIMAL, ValueKind.STRING, ValueKind.STRING}, List.of(), null);
        List<CrmRecord> records = new ArrayList<>();
        FeedValidator.builder().build().validate(feed(List.of(typed, crm(2, "N1", "2020-01-16")), CrmProfile.DEFAULT),
                records::add);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.id()).isEqualTo("N1");
            assertThat(record.updatedAt()).isEqualTo(CrmDateTime.parse("2020-01-15"));
            assertThat(record.total()).isEqualTo(new BigDecimal("120.13"));
            assertThat(record.status()).isEqualTo("delivered");
        });
    }

    @Test
    void rejectsWrongArgumentsAtOnce() {
        assertThatThrownBy(() -> CrmProfile.builder().idField(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrmProfile.builder().idField("updatedAt"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrmProfile.builder().idField(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> FeedValidator.builder().maxViolations(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrmProfile.builder().limits(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> FeedValidator.builder().build().validate(InMemorySource.csv(List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("profile conversions")
                .hasMessageContaining("ConversionValidator");
        assertThatThrownBy(() -> FeedLimits.builder().maxTrackedIds(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxTrackedIds");
        assertThatThrownBy(() -> FeedLimits.builder().maxTrackedIds(FeedLimits.MAX_TRACKED_IDS_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Issue 14, item 5: two ids that shared the duplicate check's former fixed-seed hash. */
    @Test
    void theCraftedPairOfIssue14IsTwoIdsInASnapshotAndADailyFeed() {
        String crafted = "QRDE\u24b3\u65df\uf2ad\u2b2e";
        for (CrmProfile profile : List.of(CrmProfile.DEFAULT,
                CrmProfile.builder().dailyFeed(LocalDate.of(2020, 1, 20)).build())) {
            ValidationReport report = FeedValidator.builder().build().validate(feed(List.of(
                    crm(1, "ORDER-01", "2020-01-20T10:00:00Z"), crm(2, crafted, "2020-01-20T10:00:00Z"),
                    crm(3, crafted, "2020-01-20T10:00:00Z")), profile));
            // The crafted id again is the one duplicate (in a daily feed, a warning).
            assertThat(report.violations()).as("%s", profile).singleElement().satisfies(violation -> {
                assertThat(violation.code()).isEqualTo(ViolationCode.DUPLICATE_RECORD);
                assertThat(violation.record()).isEqualTo(3);
            });
        }
    }

    private static InMemorySource feed(List<RawRecord> records, CrmProfile profile) {
        return new InMemorySource(records, "json", null, 0).named("feed.ndjson").with(profile);
    }

    @Test
    void limitsAreValues() {
        assertThat(FeedLimits.builder().build()).isSameAs(FeedLimits.DEFAULTS);
        assertThat(FeedLimits.DEFAULTS.maxTrackedIds()).isEqualTo(2_000_000);
        FeedLimits small = FeedLimits.builder().maxTrackedIds(10).build();
        assertThat(small).isEqualTo(small.toBuilder().build()).hasSameHashCodeAs(small.toBuilder().build())
                .isNotEqualTo(FeedLimits.DEFAULTS).hasToString("FeedLimits[maxTrackedIds=10]");
    }
}
