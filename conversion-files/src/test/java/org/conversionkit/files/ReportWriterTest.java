package org.conversionkit.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.Profile;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.DeliveryReport;
import org.conversionkit.validation.DeliveryValidator;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.api.Test;

/**
 * The text report as a hostile input would have it read: a file name, like a value, must not be able to show a
 * line that looks like a verdict, or a violation of another file.
 */
class ReportWriterTest {

    private static final LocalDate DATE = LocalDate.of(2020, 9, 23);
    private static final String NL = System.lineSeparator();

    private static String text(List<ValidationReport> reports) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.of(ReportFormat.TEXT).write(reports, out);
        return out.toString(UTF_8);
    }

    private static String text(DeliveryReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.of(ReportFormat.TEXT).write(report, out);
        return out.toString(UTF_8);
    }

    private static ValidationReport invalid(String file) {
        Violation violation = Violation.of(ViolationCode.URL_RELATIVE, 1, 1, "url", "/p", "'/p' is a path");
        return new ValidationReport(file, "csv", ",", Profile.CONVERSIONS, DATE, false, 1, 0, 1, 0, 1, 0, false,
                List.of(violation));
    }

    @Test
    void aFileNameShapedLikeAVerdictIsQuotedSoThatItsLineStartsWithNoVerdict() throws IOException {
        String fake = "ok-2020-09-23.csv: valid (csv, delimiter ',', conversions, date 2020-09-23)";
        String report = text(List.of(invalid(fake)));

        String head = report.substring(0, report.indexOf(NL));
        assertThat(head).as("the name, quoted, then the real verdict")
                .isEqualTo("\"" + fake + "\": INVALID (csv, delimiter ',', conversions, date 2020-09-23)");
        assertThat(report.lines()).as("no line starts with the fake verdict").noneMatch(l -> l.startsWith(fake));
    }

    @Test
    void aQuotedNameCannotCloseItsQuotesEarly() throws IOException {
        String fake = "a.csv\": valid (csv) \"b.csv";
        String head = text(List.of(invalid(fake))).lines().findFirst().orElseThrow();
        assertThat(head).isEqualTo("\"a.csv\\\": valid (csv) \\\"b.csv\": INVALID (csv, delimiter ',', conversions,"
                + " date 2020-09-23)");
    }

    @Test
    void aNameWithALineBreakIsQuotedAndEscaped() throws IOException {
        String fake = "x.csv\\u000a" + "\n  1 record: 1 valid, 0 invalid; 0 blank lines; 0 errors, 0 warnings";
        String report = text(List.of(invalid(fake)));
        assertThat(report.lines().findFirst().orElseThrow()).as("the literal backslash told from the escaped LF")
                .startsWith("\"x.csv\\\\u000a\\u000a  1 record: 1 valid, 0 invalid;");
        assertThat(report.lines()).hasSize(3);
    }

    @Test
    void plainNamesAreWrittenAsBefore() throws IOException {
        for (String plain : List.of("conversion-export-2020-09-23.csv", "-", "dir/sub/a-2020-09-23.csv.gz",
                "C:\\exports\\a-2020-09-23.csv", "s3://bucket/a-2020-09-23.csv", "données-2020-09-23.csv")) {
            assertThat(text(List.of(invalid(plain)))).startsWith(plain + ": INVALID (");
        }
    }

    @Test
    void namesWithBlanksOrThatStartWithAQuoteAreQuoted() throws IOException {
        assertThat(text(List.of(invalid("my export 2020-09-23.csv")))).startsWith("\"my export 2020-09-23.csv\": ");
        assertThat(text(List.of(invalid("a\u00a0b-2020-09-23.csv")))).startsWith("\"a\u00a0b-2020-09-23.csv\": ");
        assertThat(text(List.of(invalid("\"q.csv\"")))).startsWith("\"\\\"q.csv\\\"\": ");
        assertThat(text(List.of(invalid("")))).startsWith("\"\": ");
    }

    @Test
    void aDeliveryNameShapedLikeAVerdictIsQuoted() throws IOException {
        String fake = "d-2020-01-05.csv: valid (date 2020-01-05)";
        String report = text(DeliveryValidator.validate(List.of("a-2020-01-04.csv", fake)));
        assertThat(report.lines()).as("no line starts with the fake verdict").noneMatch(l -> l.startsWith(fake));
        assertThat(report).contains("\"" + fake + "\": INVALID" + NL);
    }

    @Test
    void aListCutBeforeAReadFailureNamesTheCapThatCutIt() throws IOException {
        byte[] rows = "/a,2020-09-23,organic,1,1.0\n/b,2020-09-23,organic,1,1.0\n/c,2020-09-23,organic,1,1.0\n"
                .getBytes(UTF_8);
        InputStream failing = new InputStream() {
            private int read;

            @Override
            public int read() throws IOException {
                if (read < rows.length) {
                    return rows[read++] & 0xff;
                }
                throw new IOException("the disk is gone");
            }
        };
        ValidationReport report = ConversionValidator.builder().maxViolations(1).build().validate(
                ConversionCsvReader.builder().profile(ConversionProfile.builder().date(DATE).build())
                        .source("f-2020-09-23.csv", failing));
        assertThat(report.violations()).as("one listed, and the failure listed past the cap").hasSize(2);
        assertThat(report.violations().get(1).code()).isEqualTo(ViolationCode.FILE_UNREADABLE);
        assertThat(report.errors()).isEqualTo(4);

        assertThat(text(List.of(report))).contains(NL + "  ... 2 more not listed (maxViolations 1)" + NL);
    }

    @Test
    void aValueHoldingTheTextOfAnEscapeIsNotShownAsTheCharacterEscaped() {
        Violation lineBreak = Violation.of(ViolationCode.URL_RELATIVE, 1, 1, "url", "/a\nb", "'/a\nb' is a path");
        Violation text = Violation.of(ViolationCode.URL_RELATIVE, 1, 1, "url", "/a\\u000ab",
                "'/a\\u000ab' is a path");
        assertThat(ReportWriter.textLine(lineBreak))
                .isEqualTo("line 1, record 1: URL_RELATIVE [url] '/a\\u000ab' is a path");
        assertThat(ReportWriter.textLine(text)).as("the backslash is escaped: the value holds no line break")
                .isEqualTo("line 1, record 1: URL_RELATIVE [url] '/a\\u005cu000ab' is a path");
        assertThat(ReportWriter.textLine(Violation.of(ViolationCode.URL_RELATIVE, 1, 1, "url", "C:\\a\\b",
                "'C:\\a\\b\\' is a path"))).as("other backslashes are as written")
                .endsWith("'C:\\a\\b\\' is a path");
    }

    @Test
    void aNameHoldingTheTextOfAnEscapeIsQuoted() throws IOException {
        assertThat(text(List.of(invalid("a\\u000a-2020-09-23.csv"))))
                .startsWith("\"a\\\\u000a-2020-09-23.csv\": ");
        assertThat(text(List.of(invalid("a\n-2020-09-23.csv")))).startsWith("\"a\\u000a-2020-09-23.csv\": ");
    }
}
