package org.conversionkit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import org.conversionkit.model.CrmField;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.FeedLimits;
import org.conversionkit.model.Profile;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.ValueKind;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the history cases of {@code spec/validation/crm-history.json}: each case's feeds through one
 * {@link FeedHistory}, in order, every report held to its feed's expectations exactly, with and without a consumer
 * of valid records (two histories over the same feeds); and what the cases do not show: the refusals, the counts,
 * scale.
 */
class FeedHistoryTest {

    static List<SpecCase> cases() {
        return Spec.load("validation/crm-history.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachFeedsReportMatchesTheCase(SpecCase c) {
        c.node().only("id", "why", "options", "feeds");
        List<Node> feeds = c.get("feeds").list();
        assertThat(feeds).as(c.id()).isNotEmpty();
        FeedHistory streamed = FeedValidator.builder().build().history();
        FeedHistory checked = FeedValidator.builder().build().history();
        for (Node feed : feeds) {
            feed.only("feedDate", "input", "unreadable", "expect");
            CrmProfile profile = FileCasesTest.crmProfile(c.options()).toBuilder()
                    .dailyFeed(LocalDate.parse(feed.text("feedDate"))).build();
            List<Object> delivered = new ArrayList<>();
            ValidationReport report;
            if (feed.has("unreadable")) {
                String name = feed.text("unreadable");
                report = streamed.unreadable(name, profile, "no such file");
                assertThat(checked.unreadable(name, profile, "no such file")).isEqualTo(report);
                assertThat(report.file()).isEqualTo(name);
            } else {
                List<RawRecord> records = FileCasesTest.records(feed.get("input").only("records").get("records"),
                        Profile.CRM, c.options());
                report = streamed.validate(source(records, profile), delivered::add);
                assertThat(checked.validate(source(records, profile))).as("the same report without a consumer")
                        .isEqualTo(report);
                assertThat(report.format()).isEqualTo("json");
            }
            Node expect = feed.get("expect").only("report", "delivered");
            FileCasesTest.checkReport(expect, report);
            assertThat(delivered).as("valid records delivered").hasSize((int) expect.longValue("delivered"))
                    .hasSize((int) report.validRecords());
        }
        assertThat(streamed.feeds()).isEqualTo(feeds.size());
        assertThat(streamed.lastFeedDate())
                .contains(LocalDate.parse(feeds.get(feeds.size() - 1).text("feedDate")));
    }

    private static InMemorySource source(List<RawRecord> records, CrmProfile profile) {
        return new InMemorySource(records, "json", null, 0).named("orders-" + profile.feedDate() + ".ndjson")
                .with(profile);
    }

    private static CrmProfile daily(String date) {
        return CrmProfile.builder().dailyFeed(LocalDate.parse(date)).build();
    }

    private static RawRecord crm(long n, String id, String createdAt, String updatedAt) {
        String[] values = new String[CrmField.values().length];
        ValueKind[] kinds = new ValueKind[values.length];
        values[CrmField.ID.ordinal()] = id;
        values[CrmField.CREATED_AT.ordinal()] = createdAt;
        values[CrmField.UPDATED_AT.ordinal()] = updatedAt;
        kinds[CrmField.ID.ordinal()] = ValueKind.STRING;
        kinds[CrmField.CREATED_AT.ordinal()] = ValueKind.STRING;
        kinds[CrmField.UPDATED_AT.ordinal()] = ValueKind.STRING;
        return RawRecord.of(n, n, values, kinds, List.of(), null);
    }

    @Test
    void refusesFeedsThatCannotMakeAHistoryBeforeReadingThem() {
        FeedHistory history = FeedValidator.builder().build().history();
        assertThatThrownBy(() -> history.validate(source(List.of(), CrmProfile.DEFAULT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a series of daily feeds");
        assertThatThrownBy(() -> history.validate(InMemorySource.csv(List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("profile conversions");
        assertThat(history.feeds()).isZero();
        assertThat(history.lastFeedDate()).isEmpty();
        history.validate(source(List.of(crm(1, "N1", "2020-01-10", "2020-01-20")), daily("2020-01-20")));
        InMemorySource same = source(List.of(crm(1, "N1", "2020-01-10", "2020-01-20")), daily("2020-01-20"));
        assertThatThrownBy(() -> history.validate(same)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("date order, one a day: the feed of 2020-01-20 comes after the feed of 2020-01-20");
        assertThatThrownBy(() -> history.validate(source(List.of(), daily("2020-01-19"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the feed of 2020-01-19 comes after");
        CrmProfile leads = CrmProfile.builder().idField("leadId").dailyFeed(LocalDate.of(2020, 1, 21)).build();
        assertThatThrownBy(() -> history.validate(source(List.of(), leads)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share their settings but the date")
                .hasMessageContaining("leadId");
        assertThat(same.read()).as("nothing read from a refused source").isZero();
        assertThat(history.feeds()).isEqualTo(1);
        assertThat(history.lastFeedDate()).contains(LocalDate.of(2020, 1, 20));
        assertThat(history.trackedIds()).isEqualTo(1);
        // A gap is fine: a day without a feed.
        assertThat(history.validate(source(List.of(), daily("2020-01-25"))).warnings()).isEqualTo(1);
    }

    @Test
    void deliversTheRecordsValidInTheHistory() {
        FeedHistory history = FeedValidator.builder().build().history();
        history.validate(source(List.of(crm(1, "N1", "2020-01-10", "2020-01-20")), daily("2020-01-20")));
        List<CrmRecord> valid = new ArrayList<>();
        ValidationReport report = history.validate(source(List.of(crm(1, "N1", "2020-01-11", "2020-01-21"),
                crm(2, "N2", "2020-01-11", "2020-01-21")), daily("2020-01-21")), valid::add);
        assertThat(report.errors()).isEqualTo(1);
        assertThat(valid).extracting(CrmRecord::id).containsExactly("N2");
    }

    /** Ids made on demand, so that a million of them never sit in memory together. */
    private static List<RawRecord> generated(int count, String createdAt, String updatedAt) {
        return new AbstractList<>() {
            @Override
            public RawRecord get(int index) {
                return crm(index + 1, "order-" + index, createdAt, updatedAt);
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    @Test
    void aMillionIdsAcrossThreeFeeds() {
        FeedHistory history = FeedValidator.builder().maxViolations(3).build().history();
        ValidationReport first = history.validate(source(generated(1_000_000, "2020-01-10T10:00:00Z",
                "2020-01-20T10:00:00Z"), daily("2020-01-20")));
        assertThat(first.valid()).isTrue();
        ValidationReport second = history.validate(source(generated(1_000_000, "2020-01-10T11:00:00+01:00",
                "2020-01-21T10:00:00Z"), daily("2020-01-21")));
        assertThat(second.valid()).as("the same createdAt, written with another offset").isTrue();
        ValidationReport third = history.validate(source(generated(1_000_000, "2020-01-10T10:00:00.000001Z",
                "2020-01-22T10:00:00Z"), daily("2020-01-22")));
        assertThat(third.errors()).isEqualTo(1_000_000);
        assertThat(third.violations()).extracting(v -> v.code()).containsOnly(ViolationCode.CREATED_AT_CHANGED);
        assertThat(history.trackedIds()).isEqualTo(1_000_000);
    }

    @Test
    void theLimitIsReportedOnceAFeedAndNamed() {
        CrmProfile small = CrmProfile.builder().limits(FeedLimits.builder().maxTrackedIds(1000).build()).build();
        FeedHistory history = FeedValidator.builder().maxViolations(10).build().history();
        ValidationReport first = history.validate(source(generated(1000, "2020-01-10", "2020-01-20"),
                small.toBuilder().dailyFeed(LocalDate.of(2020, 1, 20)).build()));
        assertThat(first.valid()).isTrue();
        List<RawRecord> more = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            more.add(crm(i + 1, "other-" + i, "2020-01-10", "2020-01-21"));
        }
        ValidationReport second = history.validate(source(more,
                small.toBuilder().dailyFeed(LocalDate.of(2020, 1, 21)).build()));
        assertThat(second.errors()).isEqualTo(1);
        assertThat(second.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(ViolationCode.RECORD_TOO_LARGE);
            assertThat(v.record()).isEqualTo(1);
            assertThat(v.message()).contains("feed history").contains("1000").contains("maxTrackedIds");
        });
        assertThat(history.trackedIds()).isEqualTo(1000);
    }
}
