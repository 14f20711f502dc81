package org.conversionkit.test;

import static org.conversionkit.test.ConversionAssertions.assertThat;
import static org.conversionkit.test.ConversionAssertions.assertThatThrownBy;
import static org.conversionkit.test.ConversionAssertions.catchThrowable;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.conversionkit.files.FileChecker;
import org.conversionkit.files.ReportFormat;
import org.conversionkit.files.ReportWriter;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.Profile;
import org.conversionkit.model.Severity;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assertions on reports, violations and files: what passes, what fails, and the failure messages, which show
 * the report as {@code conversion-check validate} prints it.
 */
class ConversionAssertionsTest {

    private static final String NL = System.lineSeparator();
    private static final LocalDate DAY = LocalDate.of(2020, 9, 22);
    private static final String FILE = "conversion-export-2020-09-22.csv";

    private static final Violation RELATIVE = Violation.of(ViolationCode.URL_RELATIVE, 3, 3, "url", "/shoes/a-1",
            "the URL /shoes/a-1 has no domain: write it absolute, https://domain.tld/shoes/a-1");
    private static final Violation NEGATIVE = Violation.of(ViolationCode.NEGATIVE_VALUE, 5, 4, "revenue", "-5.00",
            "revenue is negative: -5.00");
    private static final Violation MISMATCH = Violation.of(ViolationCode.DATE_MISMATCH, 6, 5, "date", "2020-09-21",
            "row date 2020-09-21 differs from the file's date 2020-09-22");

    /** Five records, two errors (lines 3 and 6) and a warning (line 5). */
    private static final ValidationReport INVALID = new ValidationReport(FILE, "csv", ",", Profile.CONVERSIONS, DAY,
            false, 5, 3, 2, 1, 2, 1, false, List.of(RELATIVE, NEGATIVE, MISMATCH));

    private static final ValidationReport VALID = new ValidationReport(FILE, "csv", ";", Profile.CONVERSIONS, DAY,
            true, 4, 4, 0, 0, 0, 1, false, List.of(NEGATIVE));

    private static final String INVALID_TEXT = String.join(NL,
            FILE + ": INVALID (csv, delimiter ',', conversions, date 2020-09-22)",
            "  5 records: 3 valid, 2 invalid; 1 blank line; 2 errors, 1 warning",
            "  line 3, record 3: URL_RELATIVE [url] the URL /shoes/a-1 has no domain: write it absolute,"
                    + " https://domain.tld/shoes/a-1",
            "  line 5, record 4: NEGATIVE_VALUE (warning) [revenue] revenue is negative: -5.00",
            "  line 6, record 5: DATE_MISMATCH [date] row date 2020-09-21 differs from the file's date 2020-09-22");

    @Test
    void isValidFailsWithTheReportAsTheCommandLinePrintsIt() throws IOException {
        assertThat(VALID).isValid().hasNoErrors().hasWarnings(1).hasRecords(4).hasValidRecords(4)
                .hasInvalidRecords(0);
        assertThatThrownBy(() -> assertThat(INVALID).isValid())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting " + FILE + " to be valid, but it has 2 errors:" + NL + INVALID_TEXT);
        // The lines are the command line's own: the report writer's text, whatever it says.
        StringWriter text = new StringWriter();
        ReportWriter.of(ReportFormat.TEXT).write(List.of(INVALID), text);
        assertThat(text.toString()).isEqualTo(INVALID_TEXT + NL);
    }

    @Test
    void theCountsFailWithTheReportToo() {
        assertThat(INVALID).isNotValid().hasErrors(2).hasWarnings(1).hasRecords(5).hasValidRecords(3)
                .hasInvalidRecords(2);
        assertThat(message(() -> assertThat(INVALID).hasNoErrors()))
                .isEqualTo("Expecting " + FILE + " to have 0 errors, but it has 2:" + NL + INVALID_TEXT);
        assertThat(message(() -> assertThat(INVALID).hasErrors(1)))
                .isEqualTo("Expecting " + FILE + " to have 1 error, but it has 2:" + NL + INVALID_TEXT);
        assertThat(message(() -> assertThat(INVALID).hasWarnings(0)))
                .isEqualTo("Expecting " + FILE + " to have 0 warnings, but it has 1:" + NL + INVALID_TEXT);
        assertThat(message(() -> assertThat(INVALID).hasRecords(6)))
                .isEqualTo("Expecting " + FILE + " to have 6 records, but it has 5:" + NL + INVALID_TEXT);
        assertThat(message(() -> assertThat(INVALID).hasValidRecords(5)))
                .startsWith("Expecting " + FILE + " to have 5 valid records, but it has 3:" + NL);
        assertThat(message(() -> assertThat(INVALID).hasInvalidRecords(1)))
                .startsWith("Expecting " + FILE + " to have 1 invalid record, but it has 2:" + NL);
        assertThat(message(() -> assertThat(VALID).hasNoViolations())).startsWith("Expecting " + FILE
                + " to have no violations, but it has 0 errors and 1 warning:" + NL + FILE + ": valid (csv, delimiter"
                + " ';', conversions, date 2020-09-22)");
        assertThat(message(() -> assertThat(VALID).isNotValid()))
                .startsWith("Expecting " + FILE + " not to be valid, but it has no error:" + NL);
    }

    @Test
    void hasViolationNarrowsByLineRecordAndField() {
        assertThat(INVALID).hasViolation(ViolationCode.URL_RELATIVE).atLine(3).atRecord(3).onField("url")
                .withSeverity(Severity.ERROR).withValue("/shoes/a-1").withMessageContaining("no domain").atColumn(0);
        assertThat(INVALID).hasViolation(ViolationCode.NEGATIVE_VALUE).atLine(5).atRecord(4).onField("revenue")
                .and().hasViolation(ViolationCode.DATE_MISMATCH).atLine(6);
        assertThat(assertThat(INVALID).hasViolation(ViolationCode.DATE_MISMATCH).violation()).isEqualTo(MISMATCH);
        assertThat(INVALID).hasNoViolation(ViolationCode.HEADER_ROW)
                .hasViolationCodes(ViolationCode.URL_RELATIVE, ViolationCode.NEGATIVE_VALUE,
                        ViolationCode.DATE_MISMATCH);
    }

    @Test
    void aViolationNotThereFailsListingWhatIs() {
        assertThat(message(() -> assertThat(INVALID).hasViolation(ViolationCode.HEADER_ROW)))
                .isEqualTo("Expecting " + FILE + " to have a violation HEADER_ROW, but it has none:" + NL
                        + INVALID_TEXT);
        assertThat(message(() -> assertThat(INVALID).hasViolation(ViolationCode.URL_RELATIVE).atLine(4)))
                .isEqualTo("Expecting " + FILE + " to have a violation URL_RELATIVE at line 4, but the violation"
                        + " URL_RELATIVE is:" + NL + "  line 3, record 3: URL_RELATIVE [url] the URL /shoes/a-1 has no"
                        + " domain: write it absolute, https://domain.tld/shoes/a-1");
        assertThat(message(() -> assertThat(INVALID).hasViolation(ViolationCode.URL_RELATIVE).atLine(3)
                .onField("date")))
                .isEqualTo("Expecting " + FILE + " to have a violation URL_RELATIVE at line 3 on field date, but the"
                        + " violation URL_RELATIVE at line 3 is:" + NL + "  line 3, record 3: URL_RELATIVE [url] the"
                        + " URL /shoes/a-1 has no domain: write it absolute, https://domain.tld/shoes/a-1");
        assertThat(message(() -> assertThat(INVALID).hasViolation(ViolationCode.DATE_MISMATCH).atRecord(6)))
                .contains("but the violation DATE_MISMATCH is:");
        assertThat(message(() -> assertThat(INVALID).hasNoViolation(ViolationCode.DATE_MISMATCH)))
                .isEqualTo("Expecting " + FILE + " to have no violation DATE_MISMATCH, but it has:" + NL
                        + "  line 6, record 5: DATE_MISMATCH [date] row date 2020-09-21 differs from the file's date"
                        + " 2020-09-22");
        assertThat(message(() -> assertThat(INVALID).hasViolationCodes(ViolationCode.URL_RELATIVE)))
                .isEqualTo("Expecting " + FILE + " to have the violations [URL_RELATIVE], but it has [URL_RELATIVE,"
                        + " NEGATIVE_VALUE, DATE_MISMATCH]:" + NL + INVALID_TEXT);
    }

    @Test
    void aCutListIsSaidSo() {
        ValidationReport cut = new ValidationReport(FILE, "csv", ",", Profile.CONVERSIONS, DAY, false, 5, 3, 2, 0, 2,
                1, true, List.of(RELATIVE));
        assertThat(message(() -> assertThat(cut).hasViolationCodes(ViolationCode.URL_RELATIVE)))
                .startsWith("Expecting " + FILE + " to have the violations [URL_RELATIVE], but it has [URL_RELATIVE]"
                        + " and more not listed:")
                .endsWith(NL + "  ... 2 more not listed (maxViolations 1)");
    }

    /**
     * A truncated report answers from its list only what the list decides: a violation listed is there, and with
     * nothing unlisted (of the severity asked for) a violation not listed is not. Anything else may be among the
     * violations not listed, and the assertion fails saying so, and how to list them all, rather than answer wrongly.
     */
    @Test
    void aTruncatedReportAnswersOnlyWhatItsListDecides() {
        // Two errors and a warning counted, one listed: two not listed, an error and a warning.
        ValidationReport cut = new ValidationReport(FILE, "csv", ",", Profile.CONVERSIONS, DAY, false, 5, 3, 2, 0, 2,
                1, true, List.of(RELATIVE));
        String cutText = String.join(NL,
                FILE + ": INVALID (csv, delimiter ',', conversions, date 2020-09-22)",
                "  5 records: 3 valid, 2 invalid; 0 blank lines; 2 errors, 1 warning",
                "  line 3, record 3: URL_RELATIVE [url] the URL /shoes/a-1 has no domain: write it absolute,"
                        + " https://domain.tld/shoes/a-1",
                "  ... 2 more not listed (maxViolations 1)");
        String truncated = "the report is truncated: it lists 1 of its 3 violations (2 errors, 1 warning), and the 2"
                + " not listed may hold one; raise maxViolations to 3 or more where the report is made (the builders"
                + " of FileChecker, ConversionValidator, FeedValidator and the writers; conversion-check"
                + " --max-violations) to have every violation listed";
        assertThat(message(() -> assertThat(cut).hasNoViolation(ViolationCode.DATE_MISMATCH)))
                .isEqualTo("Expecting " + FILE + " to have no violation DATE_MISMATCH; none is listed, but "
                        + truncated + ":" + NL + cutText);
        assertThat(message(() -> assertThat(cut).hasViolation(ViolationCode.DATE_MISMATCH)))
                .isEqualTo("Expecting " + FILE + " to have a violation DATE_MISMATCH, but none is listed, and "
                        + truncated + ":" + NL + cutText);
        assertThat(message(() -> assertThat(cut).hasViolation(ViolationCode.URL_RELATIVE).atLine(6)))
                .isEqualTo("Expecting " + FILE + " to have a violation URL_RELATIVE at line 6, but none listed is, and "
                        + truncated + "; the violation URL_RELATIVE listed is:" + NL + "  line 3, record 3:"
                        + " URL_RELATIVE [url] the URL /shoes/a-1 has no domain: write it absolute,"
                        + " https://domain.tld/shoes/a-1");
        // Decided by the list: a violation listed, and the one listed violation of a code.
        assertThat(cut).hasViolation(ViolationCode.URL_RELATIVE).atLine(3).onField("url");
        assertThat(message(() -> assertThat(cut).hasNoViolation(ViolationCode.URL_RELATIVE)))
                .startsWith("Expecting " + FILE + " to have no violation URL_RELATIVE, but it has:" + NL);
        // Of one severity, by its count: one warning not listed may be it; no error is left unlisted.
        ValidationReport errorsListed = new ValidationReport(FILE, "csv", ",", Profile.CONVERSIONS, DAY, false, 5, 3,
                2, 0, 2, 1, true, List.of(RELATIVE, MISMATCH));
        assertThat(message(() -> assertThat(errorsListed).hasViolation(ViolationCode.URL_RELATIVE)
                .withSeverity(Severity.ERROR).atLine(4)))
                .isEqualTo("Expecting " + FILE + " to have a violation URL_RELATIVE with severity error at line 4,"
                        + " but the violation URL_RELATIVE with severity error is:" + NL + "  line 3, record 3:"
                        + " URL_RELATIVE [url] the URL /shoes/a-1 has no domain: write it absolute,"
                        + " https://domain.tld/shoes/a-1");
        assertThat(message(() -> assertThat(errorsListed).hasViolation(ViolationCode.URL_RELATIVE).atLine(4)
                .withSeverity(Severity.WARNING)))
                .startsWith("Expecting " + FILE + " to have a violation URL_RELATIVE at line 4, but none listed is,"
                        + " and the report is truncated: it lists 2 of its 3 violations (2 errors, 1 warning), and"
                        + " the 1 not listed may hold one;");
        assertThat(message(() -> assertThat(errorsListed).hasViolation(ViolationCode.URL_RELATIVE)
                .withSeverity(Severity.WARNING)))
                .startsWith("Expecting " + FILE + " to have a violation URL_RELATIVE with severity warning, but none"
                        + " listed is, and the report is truncated: it lists 2 of its 3 violations (2 errors, 1"
                        + " warning), and the 1 warning not listed may hold one;");
    }

    /**
     * A file with 4,999 relative urls and a negative revenue on its last line, 5,000: the report lists the first 100
     * violations. hasNoViolation does not pass on a violation past the list, and hasViolation does not say that one
     * is not there; a report that lists them all answers both.
     */
    @Test
    void aViolationPastTheListIsNeitherDeniedNorMissed(@TempDir Path folder) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i < 5000; i++) {
            rows.append("/shoes/").append(i).append(",2020-09-22,organic,1,10.0\n");
        }
        rows.append("https://domain.tld/a,2020-09-22,organic,1,-5.00\n");
        Path file = Files.writeString(folder.resolve(FILE), rows);
        ValidationReportAssert report = assertThat(file).checkedAsConversionExport().hasErrors(4999).hasWarnings(1);
        String truncated = " the report is truncated: it lists 100 of its 5000 violations (4999 errors, 1 warning), and"
                + " the 4900 not listed may hold one; raise maxViolations to 5000 or more";
        assertThat(message(() -> report.hasNoViolation(ViolationCode.NEGATIVE_VALUE)))
                .startsWith("Expecting " + file + " to have no violation NEGATIVE_VALUE; none is listed, but"
                        + truncated);
        assertThat(message(() -> report.hasViolation(ViolationCode.NEGATIVE_VALUE).atLine(5000)))
                .startsWith("Expecting " + file + " to have a violation NEGATIVE_VALUE, but none is listed, and"
                        + truncated);
        assertThat(message(() -> report.hasViolation(ViolationCode.URL_RELATIVE).atLine(4999)))
                .startsWith("Expecting " + file + " to have a violation URL_RELATIVE at line 4999, but none listed is,"
                        + " and" + truncated);
        assertThat(message(() -> report.hasNoViolation(ViolationCode.HEADER_ROW)))
                .startsWith("Expecting " + file + " to have no violation HEADER_ROW; none is listed, but" + truncated);
        report.hasViolation(ViolationCode.URL_RELATIVE).atLine(100).atRecord(100).onField("url");

        ValidationReport all = FileChecker.builder().maxViolations(5000).build().check(file);
        assertThat(all).hasViolation(ViolationCode.NEGATIVE_VALUE).atLine(5000).onField("revenue")
                .and().hasViolation(ViolationCode.URL_RELATIVE).atLine(4999)
                .and().hasNoViolation(ViolationCode.HEADER_ROW);
        assertThat(message(() -> assertThat(all).hasNoViolation(ViolationCode.NEGATIVE_VALUE)))
                .startsWith("Expecting " + file + " to have no violation NEGATIVE_VALUE, but it has:" + NL
                        + "  line 5000, record 5000: NEGATIVE_VALUE (warning) [revenue]");
    }

    @Test
    void aDescriptionCarriesToTheNarrowedAssertions() {
        assertThat(message(() -> assertThat(INVALID).as("day %d", 1).hasViolation(ViolationCode.URL_RELATIVE)
                .atLine(4))).startsWith("[day 1] Expecting " + FILE + " to have a violation URL_RELATIVE at line 4");
    }

    @Test
    void violationAssertions() {
        assertThat(RELATIVE).hasCode(ViolationCode.URL_RELATIVE).isError().isAtLine(3).isAtRecord(3).isAtColumn(0)
                .isOnField("url").hasValue("/shoes/a-1").hasMessageContaining("no domain");
        assertThat(NEGATIVE).isWarning().hasSeverity(Severity.WARNING);
        String line = NL + "  line 5, record 4: NEGATIVE_VALUE (warning) [revenue] revenue is negative: -5.00" + NL;
        assertThat(message(() -> assertThat(NEGATIVE).isError()))
                .isEqualTo("Expecting the violation" + line + "to be an error");
        assertThat(message(() -> assertThat(NEGATIVE).hasCode(ViolationCode.FIELD_TYPE)))
                .isEqualTo("Expecting the violation" + line + "to have the code FIELD_TYPE");
        assertThat(message(() -> assertThat(NEGATIVE).isAtLine(4)))
                .isEqualTo("Expecting the violation" + line + "to be at line 4");
        assertThat(message(() -> assertThat(NEGATIVE).isAtRecord(5)))
                .isEqualTo("Expecting the violation" + line + "to be at record 5");
        assertThat(message(() -> assertThat(NEGATIVE).isOnField("transactions")))
                .isEqualTo("Expecting the violation" + line + "to be on the field transactions");
        assertThat(message(() -> assertThat(NEGATIVE).isAtColumn(2)))
                .isEqualTo("Expecting the violation" + line + "to be at column 2, but it is at column 0");
        assertThat(message(() -> assertThat(NEGATIVE).hasValue("-5")))
                .isEqualTo("Expecting the violation" + line + "to have the value -5, but it has -5.00");
        assertThat(message(() -> assertThat(RELATIVE).isWarning())).endsWith("to be a warning");
        assertThat(message(() -> assertThat(RELATIVE).hasMessageContaining("scheme")))
                .endsWith("to have a message containing \"scheme\"");
    }

    @Test
    void aValidExportPasses(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve(FILE), "https://domain.tld/a,2020-09-22,organic,1,10.0\n");
        assertThat(file).exists().isValidConversionExport().checkedAsConversionExport().hasRecords(1)
                .hasNoViolations();
    }

    @Test
    void anInvalidExportFailsWithItsReport(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve(FILE),
                "https://domain.tld/a,2020-09-22,organic,1,10.0\n/b,2020-09-22,organic,1,10.0\n");
        StringWriter report = new StringWriter();
        ReportWriter.of(ReportFormat.TEXT).write(List.of(FileChecker.builder().build().check(file)), report);
        assertThat(report.toString()).startsWith(file + ": INVALID (csv, delimiter ',', conversions, date 2020-09-22)"
                + NL + "  2 records: 1 valid, 1 invalid; 0 blank lines; 1 error, 0 warnings" + NL
                + "  line 2, record 2: URL_RELATIVE [url] ");
        assertThat(message(() -> assertThat(file).isValidConversionExport())).isEqualTo("Expecting " + file
                + " to be a valid conversion export, but it has 1 error:" + NL + report.toString().strip());
        assertThat(file).checkedAsConversionExport().hasViolation(ViolationCode.URL_RELATIVE).atLine(2).onField("url");
        assertThat(message(() -> assertThat(folder.resolve("conversion-export-2020-09-23.csv"))
                .isValidConversionExport())).contains("FILE_UNREADABLE");
    }

    @Test
    void crmFeeds(@TempDir Path folder) throws IOException {
        Path feed = Files.writeString(folder.resolve("orders-2020-01-20.ndjson"),
                """
                {"orderId":"N1","createdAt":"2020-01-19T10:00:00Z","updatedAt":"2020-01-20T10:00:00Z"}
                {"orderId":"N2","createdAt":"2020-01-19T10:00:00Z","updatedAt":"2020-01-21T10:00:00Z"}
                """);
        CrmProfile snapshot = CrmProfile.DEFAULT;
        CrmProfile daily = CrmProfile.builder().dailyFeed(LocalDate.of(2020, 1, 20)).build();
        assertThat(feed).isValidCrmFeed(snapshot);
        assertThat(feed).checkedAsCrmFeed(daily).hasErrors(1).hasViolation(ViolationCode.DATE_MISMATCH).atLine(2)
                .onField("updatedAt");
        assertThat(message(() -> assertThat(feed).isValidCrmFeed(daily))).startsWith("Expecting " + feed
                + " to be a valid CRM feed, but it has 1 error:" + NL + feed
                + ": INVALID (json, crm, date 2020-01-20)");
        Path csv = Files.writeString(folder.resolve("orders.csv"), "N1,2020-01-20\n");
        assertThat(message(() -> assertThat(csv).isValidCrmFeed(snapshot))).startsWith("Expecting " + csv
                + " to be checked as a crm file, but " + csv + " reads as CSV");
    }

    @Test
    void assertJsOwnAssertionsComeWithTheSameImport(@TempDir Path folder) {
        assertThat(List.of(1, 2)).hasSize(2);
        assertThat("text").startsWith("te");
        assertThat(folder).isDirectory();
    }

    private static String message(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(AssertionError.class);
        return String.valueOf(thrown.getMessage());
    }
}
