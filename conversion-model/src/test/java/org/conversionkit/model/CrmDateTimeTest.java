package org.conversionkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CrmDateTimeTest {

    static List<Object[]> cases() {
        return Fixtures.read(CrmDateTimeTest.class, "iso-date-time-order.tsv", 3);
    }

    @ParameterizedTest(name = "{index}: {0} before {1}: {2}")
    @MethodSource("cases")
    void comparesAsWritten(String first, String second, String before) {
        assertThat(CrmDateTime.parse(first).isBefore(CrmDateTime.parse(second))).isEqualTo(Boolean.parseBoolean(before));
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
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CrmDateTime(LocalDate.of(2020, 1, 10), null, ZoneOffset.UTC));
        assertThatIllegalArgumentException().isThrownBy(() -> CrmDateTime.parse("2020-01-10T25:00"))
                .withMessageContaining("hours run from 00 to 23");
    }
}
