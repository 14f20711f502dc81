package org.conversionkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CrmDateTimeTest {

    static List<SpecCase> cases() {
        return Spec.load("model/date-time-order.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isBeforeOnlyWhenProvable(SpecCase c) {
        Node input = c.get("input").only("first", "second");
        CrmDateTime a = CrmDateTime.parse(input.text("first"));
        CrmDateTime b = CrmDateTime.parse(input.text("second"));
        String zone = c.options().only("zone").text("zone", "as-written");
        boolean expected = c.expect().only("before").get("before").bool();
        if (zone.equals("as-written")) {
            assertThat(a.isBefore(b)).isEqualTo(expected);
        } else {
            assertThat(a.isBefore(b, ZoneId.of(zone))).isEqualTo(expected);
        }
        if (expected) {
            // An order that is provable one way is not the other way.
            assertThat(zone.equals("as-written") ? b.isBefore(a) : b.isBefore(a, ZoneId.of(zone))).isFalse();
        }
    }

    @Test
    void nothingIsBeforeItself() {
        for (SpecCase c : cases()) {
            for (String value : List.of(c.get("input").text("first"), c.get("input").text("second"))) {
                CrmDateTime v = CrmDateTime.parse(value);
                assertThat(v.isBefore(v)).as("%s", v).isFalse();
                assertThat(v.isBefore(v, ZoneId.of("Europe/Paris"))).as("%s", v).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({
        "2020-01-20T00:30:00+02:00, UTC, 2020-01-19",
        "2020-01-19T22:30:00Z, UTC, 2020-01-19",
        "2020-01-20T00:30:00+02:00, Europe/Helsinki, 2020-01-20",
        "2020-01-19T22:30:00Z, Europe/Helsinki, 2020-01-20",
        "2020-01-19T22:30:00Z, +02:00, 2020-01-20",
        "2020-01-19T23:30:00Z, Europe/Paris, 2020-01-20",
        "2020-07-19T22:30:00Z, Europe/Paris, 2020-07-20",
        "2020-07-19T21:30:00Z, Europe/Paris, 2020-07-19",
        "2020-01-20T23:30:00-05:00, UTC, 2020-01-21",
        "2020-01-20T23:30:00-05:00, America/New_York, 2020-01-20",
        "2020-01-20T23:30:00, UTC, 2020-01-20",
        "2020-01-20T23:30:00, Asia/Tokyo, 2020-01-20",
        "2020-01-20, Asia/Tokyo, 2020-01-20",
        "2016-12-31T23:59:60Z, UTC, 2016-12-31",
        "2016-12-31T23:59:60Z, Europe/Paris, 2017-01-01",
        "2016-12-31T15:59:60-08:00, UTC, 2016-12-31",
        "0000-01-01T00:00:00+01:00, UTC, -0001-12-31",
    })
    void fallsOnTheDayOfItsZone(String value, String zone, String day) {
        assertThat(CrmDateTime.parse(value).dateIn(ZoneId.of(zone))).isEqualTo(LocalDate.parse(day));
    }

    @Test
    void keepsWhatWasWritten() {
        CrmDateTime date = CrmDateTime.parse("2020-01-10");
        assertThat(date).isEqualTo(new CrmDateTime(LocalDate.of(2020, 1, 10), null, null));
        assertThat(date.toLocalDateTime()).isEqualTo(LocalDateTime.of(2020, 1, 10, 0, 0));
        CrmDateTime local = CrmDateTime.parse("2020-01-10T10:15:30");
        assertThat(local.offset()).isNull();
        CrmDateTime utc = CrmDateTime.parse("2020-01-10T10:15:30Z");
        assertThat(utc.offset()).isEqualTo(ZoneOffset.UTC);
        assertThat(utc.time()).isEqualTo(LocalTime.of(10, 15, 30));
        assertThat(utc.leapSecond()).isFalse();
        assertThat(utc.extraFractionDigits()).isEmpty();
        CrmDateTime leap = CrmDateTime.parse("2016-12-31T15:59:60.5-08:00");
        assertThat(leap.time()).isEqualTo(LocalTime.of(15, 59, 59, 500_000_000));
        assertThat(leap.leapSecond()).isTrue();
        assertThat(leap.toLocalDateTime()).isEqualTo(LocalDateTime.of(2016, 12, 31, 15, 59, 59, 500_000_000));
        assertThat(leap).hasToString("2016-12-31T15:59:60.5-08:00")
                .isEqualTo(new CrmDateTime(LocalDate.of(2016, 12, 31), LocalTime.of(15, 59, 59, 500_000_000),
                        ZoneOffset.ofHours(-8), true, ""));
        CrmDateTime digits = CrmDateTime.parse("2020-01-10T10:15:30.123456789123000z");
        assertThat(digits.time()).isEqualTo(LocalTime.of(10, 15, 30, 123_456_789));
        assertThat(digits.extraFractionDigits()).isEqualTo("123");
        assertThat(digits).hasToString("2020-01-10T10:15:30.123456789123Z");
        assertThat(CrmDateTime.parse("2020-01-10t10:15:30.50z")).isEqualTo(CrmDateTime.parse("2020-01-10T10:15:30.5Z"))
                .isNotEqualTo(CrmDateTime.parse("2020-01-10T11:15:30.5+01:00"));
        assertThat(new CrmDateTime(LocalDate.of(2020, 1, 10), LocalTime.of(10, 15), null))
                .hasToString("2020-01-10T10:15:00");
        assertThat(new CrmDateTime(LocalDate.of(2020, 1, 10), LocalTime.of(10, 15, 0, 1_000), ZoneOffset.ofHours(2)))
                .hasToString("2020-01-10T10:15:00.000001+02:00");
    }

    @Test
    void readsTheSqlFormAndRefusesTheRest() {
        assertThat(CrmDateTime.parse("2020-01-10 10:15:30")).isEqualTo(CrmDateTime.parse("2020-01-10T10:15:30"));
        assertThatIllegalArgumentException().isThrownBy(() -> CrmDateTime.parse("2020-01-10T25:00:00"))
                .withMessageContaining("hours run from 00 to 23");
        assertThatIllegalArgumentException().isThrownBy(() -> CrmDateTime.parse("2020-01-10T10:15"))
                .withMessageContaining("need the seconds");
    }

    @Test
    void checksItsArguments() {
        LocalDate day = LocalDate.of(2020, 1, 10);
        assertThatIllegalArgumentException().isThrownBy(() -> new CrmDateTime(day, null, ZoneOffset.UTC));
        assertThatIllegalArgumentException().isThrownBy(() -> new CrmDateTime(day, null, null, true, ""));
        assertThatIllegalArgumentException().isThrownBy(() -> new CrmDateTime(day, null, null, false, "1"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CrmDateTime(day, LocalTime.of(23, 59, 58), null, true, ""));
        for (String digits : List.of("10", "1a", "\u0661", " 1")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new CrmDateTime(day, LocalTime.NOON, null, false, digits));
        }
        assertThat(new CrmDateTime(day, LocalTime.NOON, null, false, "01"))
                .hasToString("2020-01-10T12:00:00.00000000001");
    }
}
