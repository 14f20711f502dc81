package org.conversionkit.test;

import static org.conversionkit.test.ConversionAssertions.assertThat;
import static org.conversionkit.test.ConversionAssertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.conversionkit.files.FileChecker;
import org.conversionkit.files.FileFormat;
import org.conversionkit.files.TypedRows;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.Severity;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A day's export written by the fixture: reproducible from its seed, valid without mistakes, and each mistake
 * giving exactly its documented violation, through the writer's report and through {@link FileChecker}.
 */
class ExportFixtureTest {

    private static final LocalDate DAY = LocalDate.of(2020, 9, 22);

    /** The forms a fixture writes: CSV with each usual delimiter, NDJSON, each plain and gzip-compressed. */
    static Stream<Arguments> forms() {
        return Stream.of(Arguments.of("csv ,", false), Arguments.of("csv ;", false), Arguments.of("csv \t", true),
                Arguments.of("csv |", false), Arguments.of("ndjson", false), Arguments.of("ndjson", true));
    }

    private static ExportFixture in(String form, boolean gzip) {
        ExportFixture fixture = ExportFixture.of(DAY).gzip(gzip);
        return form.equals("ndjson") ? fixture.ndjson() : fixture.csv(form.charAt(4));
    }

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("forms")
    void withoutMistakesTheFileIsValidAndReadsBackAsWritten(String form, boolean gzip, @TempDir Path folder)
            throws IOException {
        WrittenExport export = in(form, gzip).rows(200).seed(11).writeTo(folder);
        assertThat(export.path()).hasFileName("conversion-export-2020-09-22." + (form.equals("ndjson") ? "ndjson"
                : "csv") + (gzip ? ".gz" : "")).isValidConversionExport();
        assertThat(export.report()).isValid().hasNoViolations().hasRecords(200);
        ValidationReport report = FileChecker.builder().build().check(export.path());
        assertThat(report).hasNoViolations().hasRecords(200);
        assertThat(report.format()).isEqualTo(export.format() == FileFormat.CSV ? "csv" : "json");
        assertThat(report.delimiter()).isEqualTo(export.delimiter() == null ? null
                : String.valueOf(export.delimiter()));
        assertThat(export.rows()).hasSize(200).allSatisfy(row -> assertThat(row.date()).isEqualTo(DAY));
        assertThat(export.rows().stream().map(ConversionRow::url).distinct()).hasSize(200);
        assertThat(readRows(export.path())).isEqualTo(export.rows());
        assertThat(export.mistakes()).isEmpty();
        assertThat(export.recordCount()).isEqualTo(200);
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOthers(@TempDir Path folder) throws IOException {
        ExportMistake[] mistakes = {ExportMistake.HEADER_ROW, ExportMistake.RELATIVE_URL, ExportMistake.DUPLICATE_ROW};
        byte[] first = bytes(ExportFixture.of(DAY).rows(50).seed(5).mistakes(mistakes).gzip(true)
                .writeTo(Files.createDirectory(folder.resolve("a"))));
        byte[] again = bytes(ExportFixture.of(DAY).rows(50).seed(5).mistakes(mistakes).gzip(true)
                .writeTo(Files.createDirectory(folder.resolve("b"))));
        byte[] other = bytes(ExportFixture.of(DAY).rows(50).seed(6).mistakes(mistakes).gzip(true)
                .writeTo(Files.createDirectory(folder.resolve("c"))));
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void theRowsDependOnTheSeedCountAndDayAloneNotOnTheFormOrTheMistakes(@TempDir Path folder) throws IOException {
        WrittenExport plain = ExportFixture.of(DAY).rows(30).seed(9)
                .writeTo(Files.createDirectory(folder.resolve("a")));
        WrittenExport json = ExportFixture.of(DAY).rows(30).seed(9).ndjson().mistakes(ExportMistake.WRONG_DATE,
                ExportMistake.DUPLICATE_ROW).writeTo(Files.createDirectory(folder.resolve("b")));
        WrittenExport csv = ExportFixture.of(DAY).rows(30).seed(9).csv(';').mistakes(ExportMistake.values())
                .writeTo(Files.createDirectory(folder.resolve("c")));
        assertThat(json.rows()).isEqualTo(plain.rows());
        assertThat(csv.rows()).isEqualTo(plain.rows());
    }

    /** Every mistake in every form that can hold it. */
    static Stream<Arguments> mistakes() {
        List<Arguments> cases = new ArrayList<>();
        for (ExportMistake mistake : ExportMistake.values()) {
            for (String form : List.of("csv ,", "csv ;", "ndjson")) {
                if (!(mistake.csvOnly() && form.equals("ndjson"))) {
                    cases.add(Arguments.of(mistake, form));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("mistakes")
    void eachMistakeGivesExactlyItsDocumentedViolation(ExportMistake mistake, String form, @TempDir Path folder)
            throws IOException {
        WrittenExport export = in(form, false).rows(20).seed(mistake.ordinal()).mistakes(mistake).writeTo(folder);
        long line = export.lineOf(mistake);
        boolean error = mistake.severity() == Severity.ERROR;
        for (ValidationReport report : List.of(export.report(), FileChecker.builder().build().check(export.path()))) {
            ValidationReportAssert checked = assertThat(report).hasRecords(21).hasViolationCodes(mistake.code())
                    .hasErrors(error ? 1 : 0).hasWarnings(error ? 0 : 1).hasInvalidRecords(error ? 1 : 0);
            ViolationMatchAssert violation = checked.hasViolation(mistake.code()).atLine(line).atRecord(line)
                    .withSeverity(mistake.severity());
            String field = mistake.field();
            if (field == null) {
                violation.onNoField();
            } else {
                violation.onField(field);
            }
        }
        assertThat(export.recordCount()).isEqualTo(21);
        if (mistake == ExportMistake.HEADER_ROW) {
            assertThat(line).isEqualTo(1);
        }
    }

    @Test
    void allMistakesAtOnceEachInItsPlace(@TempDir Path folder) throws IOException {
        WrittenExport export = ExportFixture.of(DAY).rows(40).seed(3).csv('|').mistakes(ExportMistake.values())
                .writeTo(folder);
        List<ExportMistake> inOrder = new ArrayList<>(Arrays.asList(ExportMistake.values()));
        inOrder.sort(Comparator.comparingLong(export::lineOf));
        ValidationReport report = FileChecker.builder().build().check(export.path());
        assertThat(report).hasRecords(40 + ExportMistake.values().length)
                .hasViolationCodes(inOrder.stream().map(ExportMistake::code).toArray(ViolationCode[]::new));
        assertThat(report.violations()).extracting(violation -> violation.line())
                .containsExactlyElementsOf(inOrder.stream().map(export::lineOf).toList());
        assertThat(report).isEqualTo(export.report());
    }

    @Test
    void whatCannotBeWrittenIsRefused(@TempDir Path folder) {
        assertThatThrownBy(() -> ExportFixture.of(DAY).ndjson().mistakes(ExportMistake.DECIMAL_COMMA).writeTo(folder))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DECIMAL_COMMA can only be written"
                        + " to CSV");
        assertThatThrownBy(() -> ExportFixture.of(DAY).rows(0).mistakes(ExportMistake.DUPLICATE_ROW).writeTo(folder))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least one row");
        assertThatThrownBy(() -> ExportFixture.of(DAY).rows(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExportFixture.of(DAY).csv('"')).isInstanceOf(IllegalArgumentException.class);
        assertThat(folder).isEmptyDirectory();
    }

    /**
     * A delimiter the checker does not sniff (it tries {@code , ; tab |}): the writer's report is the one a checker
     * given the delimiter makes; the path assertions, which sniff, misread the file.
     */
    @Test
    void aDelimiterTheCheckerDoesNotSniffIsCheckedWithIt(@TempDir Path folder) throws IOException {
        WrittenExport export = ExportFixture.of(DAY).rows(20).seed(2).csv(':').mistakes(ExportMistake.RELATIVE_URL)
                .writeTo(folder);
        ValidationReport report = FileChecker.builder().delimiter(':').build().check(export.path());
        assertThat(report).isEqualTo(export.report()).hasRecords(21).hasViolationCodes(ViolationCode.URL_RELATIVE)
                .hasViolation(ViolationCode.URL_RELATIVE).atLine(export.lineOf(ExportMistake.RELATIVE_URL));
        assertThat(export.path()).checkedAsConversionExport().isNotValid().hasRecords(21).hasValidRecords(0);
    }

    /** A null mistake is refused by its place in the arguments, and leaves the mistakes set before as they were. */
    @Test
    void aNullMistakeIsRefusedByName(@TempDir Path folder) throws IOException {
        ExportFixture fixture = ExportFixture.of(DAY).rows(5).mistakes(ExportMistake.WRONG_DATE);
        assertThatThrownBy(() -> fixture.mistakes(ExportMistake.RELATIVE_URL, null))
                .isInstanceOf(NullPointerException.class).hasMessage("mistakes[1]");
        assertThat(fixture.writeTo(folder).mistakes()).containsOnlyKeys(ExportMistake.WRONG_DATE);
    }

    @Test
    void anEmptyDayAndAPrefix(@TempDir Path folder) throws IOException {
        WrittenExport export = ExportFixture.of(DAY).rows(0).prefix("acme-").writeTo(folder);
        assertThat(export.path()).hasFileName("acme-2020-09-22.csv").isValidConversionExport()
                .checkedAsConversionExport().hasRecords(0).hasViolationCodes(ViolationCode.EMPTY_FILE);
        assertThatThrownBy(() -> export.lineOf(ExportMistake.HEADER_ROW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HEADER_ROW is not in acme-2020-09-22.csv, whose mistakes are []");
    }

    private static List<ConversionRow> readRows(Path file) throws IOException {
        List<ConversionRow> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                TypedRows<ConversionRow> typed = FileChecker.builder().build().conversionRows(file.toString(), in)) {
            typed.forEach(rows::add);
        }
        return rows;
    }

    private static byte[] bytes(WrittenExport export) throws IOException {
        return Files.readAllBytes(export.path());
    }
}
