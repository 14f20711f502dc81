package org.conversionkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExportFileNameTest {

    static List<SpecCase> cases() {
        return Spec.load("model/file-names.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsTheDateOrReportsTheName(SpecCase c) {
        String name = c.get("input").text();
        Node expect = c.expect().only("date", "code");
        ExportFileName parsed = ExportFileName.parse(name);
        assertThat(parsed.name()).isEqualTo(name);
        if (expect.has("date")) {
            assertThat(parsed.date()).isEqualTo(LocalDate.parse(expect.text("date")));
            assertThat(parsed.optionalDate()).contains(LocalDate.parse(expect.text("date")));
            assertThat(parsed.isValid()).isTrue();
            assertThat(parsed.violations()).isEmpty();
        } else {
            assertThat(parsed.date()).isNull();
            assertThat(parsed.isValid()).isFalse();
            assertThat(parsed.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.code()).isEqualTo(ViolationCode.valueOf(expect.text("code")));
                assertThat(violation.severity()).isEqualTo(Severity.ERROR);
                assertThat(violation.line()).isZero();
                assertThat(violation.record()).isZero();
                assertThat(violation.field()).isNull();
                assertThat(violation.value()).isEqualTo(Violation.shorten(name));
            });
        }
    }

    @Test
    void messagesSayHowToFixTheName() {
        assertThat(ExportFileName.parse("export-20200922.csv").violations().get(0).message())
                .contains("2020-09-22").contains("conversion-export-2020-09-22.csv");
        assertThat(ExportFileName.parse("c-2020-09-01-2020-09-30.csv").violations().get(0).message())
                .contains("2 dates (2020-09-01, 2020-09-30)");
        assertThat(ExportFileName.parse("c-2020-22-09.csv").violations().get(0).message())
                .contains("swap day and month").contains("2020-09-22");
    }

    @Test
    void buildsNamesThatReadBack() {
        LocalDate date = LocalDate.of(2020, 9, 22);
        assertThat(ExportFileName.of(date, "csv")).isEqualTo("conversion-export-2020-09-22.csv");
        assertThat(ExportFileName.of("shop-a-", date, "json.gz")).isEqualTo("shop-a-2020-09-22.json.gz");
        assertThat(ExportFileName.parse(ExportFileName.of(LocalDate.of(1, 1, 1), "csv")).date())
                .isEqualTo(LocalDate.of(1, 1, 1));
    }

    @Test
    void refusesNamesThatWouldNotReadBack() {
        LocalDate date = LocalDate.of(2020, 9, 22);
        assertThatIllegalArgumentException().isThrownBy(() -> ExportFileName.of("shop1", date, "csv"))
                .withMessageContaining("would not be read back");
        assertThatIllegalArgumentException().isThrownBy(() -> ExportFileName.of("2020-09-21-", date, "csv"))
                .withMessageContaining("would not be read back");
        // Found by fuzzing: the date touches a digit of the prefix, so the prefix's own date is read instead.
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExportFileName.of("ort-2020-09-01-2", LocalDate.of(1253, 10, 15), "csv"))
                .withMessage("'ort-2020-09-01-21253-10-15.csv' would not be read back as the file of 1253-10-15:"
                        + " it would be read as the file of 2020-09-01, the date in the prefix or extension");
        assertThatIllegalArgumentException().isThrownBy(() -> ExportFileName.of("dir/", date, "csv"))
                .withMessageContaining("path separator");
        assertThatIllegalArgumentException().isThrownBy(() -> ExportFileName.of(date, ".csv"))
                .withMessageContaining("without its dot");
        assertThatIllegalArgumentException().isThrownBy(() -> ExportFileName.of(date, " "));
        assertThatIllegalArgumentException().isThrownBy(() -> ExportFileName.of(LocalDate.of(10000, 1, 1), "csv"))
                .withMessageContaining("four digits");
        assertThatIllegalArgumentException().isThrownBy(() -> ExportFileName.of(LocalDate.of(-1, 1, 1), "csv"));
    }

    @Test
    void keepsAHugeNameShortInTheViolation() {
        String name = "x".repeat(100_000) + ".csv";
        Violation violation = ExportFileName.parse(name).violations().get(0);
        assertThat(violation.value()).hasSize(Violation.MAX_VALUE_LENGTH);
    }

    @Test
    void baseNameDropsDirectories() {
        assertThat(ExportFileName.baseName("a/b\\c.csv")).isEqualTo("c.csv");
        assertThat(ExportFileName.baseName("c.csv")).isEqualTo("c.csv");
        assertThat(ExportFileName.baseName("dir/")).isEmpty();
    }
}
