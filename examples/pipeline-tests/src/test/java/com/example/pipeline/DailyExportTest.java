package com.example.pipeline;

import static org.conversionkit.test.ConversionAssertions.assertThat;
import static org.conversionkit.test.ConversionAssertions.catchThrowable;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.test.CrmFeedFixture;
import org.conversionkit.test.CrmMistake;
import org.conversionkit.test.ExportFixture;
import org.conversionkit.test.ExportMistake;
import org.conversionkit.test.WrittenExport;
import org.conversionkit.test.WrittenFeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downstream project's tests, written with conversion-test alone. */
class DailyExportTest {

    private static final LocalDate DAY = LocalDate.of(2020, 9, 22);

    @Test
    void theExporterWritesAValidDayLeavingOutWhatThePlatformWouldReject(@TempDir Path folder) throws IOException {
        Path file = DailyExport.write(folder, DAY, List.of(
                new ConversionRow("https://shop.example/a", DAY, "email", null, 2L, new BigDecimal("19.90")),
                new ConversionRow("/b", DAY, "email", null, 1L, BigDecimal.TEN),
                new ConversionRow("https://shop.example/c", DAY.minusDays(1), "paid", null, 1L, BigDecimal.ONE),
                new ConversionRow("https://shop.example/d", DAY, "paid", null, 3L, new BigDecimal("7.50"))));

        assertThat(file).hasFileName("conversion-export-2020-09-22.csv").isValidConversionExport()
                .checkedAsConversionExport().hasRecords(2).hasNoViolations();
    }

    @Test
    void theKitsFailureMessageShowsEachViolationsLineCodeAndFix(@TempDir Path folder) throws IOException {
        WrittenExport export = ExportFixture.of(DAY).rows(20).seed(4).csv(';')
                .mistakes(ExportMistake.RELATIVE_URL, ExportMistake.WRONG_DATE, ExportMistake.DECIMAL_COMMA)
                .writeTo(folder);

        Throwable failure = catchThrowable(() -> assertThat(export.path()).isValidConversionExport());

        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting " + export.path() + " to be a valid conversion export, but it has"
                        + " 3 errors:");
        assertThat(export.report().violations()).hasSize(3);
        for (Violation violation : export.report().violations()) {
            assertThat(failure.getMessage()).contains("  line " + violation.line() + ", record " + violation.record()
                    + ": " + violation.code() + " [" + violation.field() + "] " + violation.message());
        }
        assertThat(export.report()).hasViolation(ViolationCode.FIELD_TYPE)
                .atLine(export.lineOf(ExportMistake.DECIMAL_COMMA)).onField("revenue")
                .withMessageContaining("a decimal comma is the likely cause");
    }

    @Test
    void aDailyCrmFeed(@TempDir Path folder) throws IOException {
        WrittenFeed feed = CrmFeedFixture.daily(LocalDate.of(2020, 1, 20)).idField("leadId").records(25)
                .mistakes(CrmMistake.UPDATED_ON_ANOTHER_DAY).writeTo(folder);

        assertThat(feed.path()).checkedAsCrmFeed(feed.profile()).hasRecords(26).hasErrors(1)
                .hasViolation(ViolationCode.DATE_MISMATCH).atLine(feed.lineOf(CrmMistake.UPDATED_ON_ANOTHER_DAY))
                .onField("updatedAt");
    }
}
