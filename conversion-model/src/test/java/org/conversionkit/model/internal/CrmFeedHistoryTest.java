package org.conversionkit.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.conversionkit.model.CrmDateTime;
import org.conversionkit.model.CrmField;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.ValueKind;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The memory of a feed history: its codes of times and its table; the rules are held by FeedHistoryTest's cases. */
class CrmFeedHistoryTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2020-01-10", "0000-01-01", "9999-12-31", "2020-01-10T10:15:30", "2020-01-10T10:15:30Z",
        "2020-01-10T10:15:30.123456Z", "2016-12-31T23:59:60Z", "2016-12-31T15:59:60.999999-08:00",
        "2016-12-31T23:59:60.5", "0000-01-01T00:00:00+18:00", "9999-12-31T23:59:59.999999-18:00",
        "0000-01-01T00:00:00", "9999-12-31T23:59:59.999999"})
    void codesKeepEveryTimeToTheMicrosecond(String text) {
        CrmDateTime value = CrmDateTime.parse(text);
        long code = CrmFeedHistory.encode(value);
        assertThat(code).isNotZero();
        CrmDateTime back = CrmFeedHistory.decode(code);
        assertThat(CrmFeedHistory.encode(back)).isEqualTo(code);
        // The same time: neither before the other, in any zone.
        for (ZoneId zone : List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Paris"))) {
            assertThat(back.isBefore(value, zone) || value.isBefore(back, zone)).isFalse();
        }
        assertThat(back.isBefore(value) || value.isBefore(back)).isFalse();
        assertThat(back.offset() == null).isEqualTo(value.offset() == null);
        assertThat(back.time() == null).isEqualTo(value.time() == null);
        assertThat(back.leapSecond()).isEqualTo(value.leapSecond());
    }

    @Test
    void codesFloorToTheMicrosecondSoTheirOrderIsTheTimesOrder() {
        Random random = new Random(14);
        for (int i = 0; i < 20_000; i++) {
            CrmDateTime a = random(random);
            CrmDateTime b = random(random);
            CrmDateTime codedA = CrmFeedHistory.decode(CrmFeedHistory.encode(a));
            CrmDateTime codedB = CrmFeedHistory.decode(CrmFeedHistory.encode(b));
            if (codedA.isBefore(codedB)) {
                assertThat(a.isBefore(b)).as("%s before %s", a, b).isTrue();
            }
            if (codedA.isBefore(codedB, ZoneId.of("Asia/Kolkata"))) {
                assertThat(a.isBefore(b, ZoneId.of("Asia/Kolkata"))).as("%s before %s", a, b).isTrue();
            }
        }
    }

    private static CrmDateTime random(Random random) {
        String date = "2020-01-" + (10 + random.nextInt(3));
        if (random.nextInt(5) == 0) {
            return CrmDateTime.parse(date);
        }
        String time = String.format("%sT%02d:%02d:%02d.%07d", date, random.nextInt(24), random.nextInt(2),
                random.nextInt(60), random.nextInt(10_000_000));
        return CrmDateTime.parse(time + switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> "Z";
            default -> "+05:30";
        });
    }

    @Test
    void remembersAMillionIdsAcrossFeedsAndComparesEachWithTheEarlierFeedsOnly() {
        CrmFeedHistory history = new CrmFeedHistory();
        List<Violation> found = new ArrayList<>();
        history.startFeed(CrmProfile.builder().dailyFeed(LocalDate.of(2020, 1, 20)).build());
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(history.check(record(i), "id-" + i, CrmDateTime.parse("2020-01-10"),
                    CrmDateTime.parse("2020-01-20T12:00:00Z"), found::add)).isTrue();
        }
        // The same feed: an earlier updatedAt and another createdAt are not compared with it.
        assertThat(history.check(record(1), "id-1", CrmDateTime.parse("2020-01-11"),
                CrmDateTime.parse("2020-01-20T08:00:00Z"), found::add)).isTrue();
        assertThat(found).isEmpty();
        assertThat(history.trackedIds()).isEqualTo(1_000_000);
        history.startFeed(CrmProfile.builder().dailyFeed(LocalDate.of(2020, 1, 21)).build());
        for (int i = 0; i < 1_000_000; i += 1000) {
            history.check(record(i), "id-" + i, CrmDateTime.parse("2020-01-10"),
                    CrmDateTime.parse("2020-01-20T11:00:00Z"), found::add);
        }
        assertThat(found).hasSize(1000).extracting(Violation::code).containsOnly(ViolationCode.UPDATED_BEFORE_PREVIOUS);
        assertThat(found.get(0).message()).contains("2020-01-20T12:00:00Z, the updatedAt an earlier feed gave orderId"
                + " 'id-0'");
        assertThat(history.feeds()).isEqualTo(2);
        assertThat(history.lastDate()).isEqualTo(LocalDate.of(2020, 1, 21));
    }

    private static RawRecord record(long n) {
        String[] values = new String[CrmField.values().length];
        ValueKind[] kinds = new ValueKind[values.length];
        return RawRecord.of(n + 1, n + 1, values, kinds, List.of(), null);
    }
}
