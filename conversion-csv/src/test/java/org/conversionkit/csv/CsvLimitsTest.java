package org.conversionkit.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvLimitsTest {

    @Test
    void defaultsAreSizedForConversionData() {
        CsvLimits limits = CsvLimits.DEFAULTS;
        assertThat(limits.maxFieldSize()).isEqualTo(65_536);
        assertThat(limits.maxRecordSize()).isEqualTo(1_048_576);
        assertThat(limits.maxFieldsPerRecord()).isEqualTo(1_024);
        assertThat(limits.maxFileBytes()).isEqualTo(Long.MAX_VALUE);
        assertThat(limits.maxRecords()).isEqualTo(Long.MAX_VALUE);
        assertThat(CsvLimits.builder().build()).isEqualTo(limits).hasSameHashCodeAs(limits);
    }

    @Test
    void builderSetsEachLimitAndToBuilderKeepsThem() {
        CsvLimits limits = CsvLimits.builder().maxFieldSize(10).maxRecordSize(20).maxFieldsPerRecord(3)
                .maxFileBytes(1_000).maxRecords(5).build();
        assertThat(limits.maxFieldSize()).isEqualTo(10);
        assertThat(limits.maxRecordSize()).isEqualTo(20);
        assertThat(limits.maxFieldsPerRecord()).isEqualTo(3);
        assertThat(limits.maxFileBytes()).isEqualTo(1_000);
        assertThat(limits.maxRecords()).isEqualTo(5);
        assertThat(limits.toBuilder().build()).isEqualTo(limits).hasSameHashCodeAs(limits);
        assertThat(limits).isNotEqualTo(CsvLimits.DEFAULTS);
        assertThat(limits.toString()).isEqualTo("CsvLimits[maxFieldSize=10, maxRecordSize=20,"
                + " maxFieldsPerRecord=3, maxFileBytes=1000, maxRecords=5]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "maxFieldSize|0|maxFieldSize must be 1 or more, was 0",
        "maxFieldSize|268435457|maxFieldSize must be at most 268435456, was 268435457",
        "maxRecordSize|-1|maxRecordSize must be 1 or more, was -1",
        "maxFieldsPerRecord|0|maxFieldsPerRecord must be 1 or more, was 0",
        "maxFileBytes|0|maxFileBytes must be 1 or more, was 0",
        "maxRecords|-5|maxRecords must be 1 or more, was -5",
    })
    void builderRejectsLimitsOutOfRange(String limit, long value, String message) {
        CsvLimits.Builder builder = CsvLimits.builder();
        Consumer<CsvLimits.Builder> setter = switch (limit) {
            case "maxFieldSize" -> b -> b.maxFieldSize((int) value);
            case "maxRecordSize" -> b -> b.maxRecordSize((int) value);
            case "maxFieldsPerRecord" -> b -> b.maxFieldsPerRecord((int) value);
            case "maxFileBytes" -> b -> b.maxFileBytes(value);
            case "maxRecords" -> b -> b.maxRecords(value);
            default -> throw new AssertionError(limit);
        };
        assertThatThrownBy(() -> setter.accept(builder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void theLargestFieldLimitIsAccepted() {
        assertThat(CsvLimits.builder().maxFieldSize(CsvLimits.MAX_FIELD_SIZE_CAP).build().maxFieldSize())
                .isEqualTo(268_435_456);
    }
}
