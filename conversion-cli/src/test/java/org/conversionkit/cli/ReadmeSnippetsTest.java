package org.conversionkit.cli;

import static org.conversionkit.test.ConversionAssertions.assertThat;
import static org.conversionkit.test.ConversionAssertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.conversionkit.files.ConversionFiles;
import org.conversionkit.files.FileChecker;
import org.conversionkit.files.ReportFormat;
import org.conversionkit.files.ReportWriter;
import org.conversionkit.files.TypedRows;
import org.conversionkit.json.CrmFeedReader;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.test.CrmFeedFixture;
import org.conversionkit.test.CrmMistake;
import org.conversionkit.test.ExportFixture;
import org.conversionkit.test.ExportMistake;
import org.conversionkit.test.WrittenExport;
import org.conversionkit.test.WrittenFeed;
import org.conversionkit.validation.FeedHistory;
import org.conversionkit.validation.FeedValidator;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README's other Java snippets compiled and true: each {@code <!-- snippet: NAME -->} block is the code
 * between this class's {@code // snippet:NAME} markers, character for character (less the markers' indent), run on
 * files of its own. The test kit's snippets are whole test methods of this class, run as such.
 */
class ReadmeSnippetsTest {

    private static final Path SOURCE = Path.of("src/test/java/org/conversionkit/cli/ReadmeSnippetsTest.java");

    /** The profiles snippet; it runs where {@code leads.ndjson} is. */
    static ValidationReport profiles() throws IOException {
        ValidationReport result;
        // snippet:profiles
        CrmProfile leads = CrmProfile.builder().idField("leadId").dailyFeed(LocalDate.of(2020, 1, 20)).build();
        try (RecordSource feed = CrmFeedReader.builder().profile(leads).source(Path.of("leads.ndjson"))) {
            ValidationReport report = FeedValidator.builder().maxViolations(20).build().validate(feed);
            // snippet:end
            result = report;
        }
        return result;
    }

    /** The checker snippet, writing to {@code out} where the README writes to {@code System.out}. */
    static ValidationReport checker(PrintStream out) throws IOException {
        // snippet:checker
        FileChecker checker = ConversionFiles.checker()
                .profile(ConversionProfile.builder().columns(ColumnLayout.parse("url,date,transactions")).build())
                .maxViolations(20)
                .build();                                   // immutable and thread-safe: one per service
        ValidationReport report = checker.check(Path.of("conversion-export-2020-09-22.csv.gz"));
        ReportWriter.of(ReportFormat.TEXT).write(List.of(report), out);
        // snippet:end
        return report;
    }

    /** The history snippet, printing to {@code out} where the README prints to {@code System.out}. */
    static List<ValidationReport> history(PrintStream out) throws IOException {
        List<ValidationReport> reports = new ArrayList<>();
        // snippet:history
        FeedHistory history = FeedValidator.builder().build().history();     // one per series of feeds, in date order
        for (LocalDate day = LocalDate.of(2020, 1, 18); day.getDayOfMonth() <= 20; day = day.plusDays(1)) {
            CrmProfile orders = CrmProfile.builder().dailyFeed(day).build();
            Path file = Path.of("orders-" + day + ".ndjson");
            try (RecordSource feed = CrmFeedReader.builder().profile(orders).source(file)) {
                ValidationReport report = history.validate(feed);               // or validate(feed, validRecords)
                out.println(file + ": " + report.errors() + " errors");
                // snippet:end
                reports.add(report);
            }
        }
        return reports;
    }

    /** The snippets for pipelines' tests: test methods, run as tests of this class. */
    private final Importer importer = new Importer();

    // snippet:kit-export
    @Test
    void theImportSkipsTheRowWithARelativeUrl(@TempDir Path folder) throws IOException {
        WrittenExport export = ExportFixture.of(LocalDate.of(2020, 9, 22)).rows(100).seed(7).csv(';')
                .mistakes(ExportMistake.RELATIVE_URL).writeTo(folder);

        List<ConversionRow> loaded = importer.load(export.path());           // the pipeline's own code

        assertThat(loaded).isEqualTo(export.rows());                        // every valid row, in order
        assertThat(export.path()).checkedAsConversionExport()
                .hasRecords(101).hasErrors(1).hasWarnings(0)
                .hasViolation(ViolationCode.URL_RELATIVE).atLine(export.lineOf(ExportMistake.RELATIVE_URL))
                .onField("url");
    }
    // snippet:end

    // snippet:kit-feed
    @Test
    void theFeedHoldsOneChangeTwiceAndATotalAsAString(@TempDir Path folder) throws IOException {
        WrittenFeed feed = CrmFeedFixture.daily(LocalDate.of(2020, 1, 20)).records(30).seed(3)
                .mistakes(CrmMistake.DUPLICATE_ID, CrmMistake.TOTAL_AS_STRING).writeTo(folder);

        assertThat(feed.path()).checkedAsCrmFeed(feed.profile())
                .hasErrors(1)
                .hasWarnings(1)                               // a change twice: a warning in a daily feed
                .hasViolation(ViolationCode.FIELD_TYPE).atLine(feed.lineOf(CrmMistake.TOTAL_AS_STRING))
                .onField("total");
    }
    // snippet:end

    @Test
    void theFailureMessageIsTheOneTheReadmeShows(@TempDir Path folder) throws IOException {
        Throwable failure = catchThrowable(() -> {
            // snippet:kit-failure
            WrittenExport export = ExportFixture.of(LocalDate.of(2020, 9, 22)).rows(3)
                    .mistakes(ExportMistake.RELATIVE_URL, ExportMistake.WRONG_DATE).writeTo(folder);
            assertThat(export.path()).isValidConversionExport();
            // snippet:end
        });
        assertThat(failure).isInstanceOf(AssertionError.class);
        Matcher block = Pattern.compile("<!-- snippet: kit-failure-message -->\n```text\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(ReadmeQuickStartTest.README, StandardCharsets.UTF_8));
        assertThat(block.find()).as("README shows the failure message").isTrue();
        // The README shows JUnit's temporary folder as /tmp/junit-…: its name changes from run to run.
        assertThat(failure.getMessage().replace(folder.toString(), "/tmp/junit-\u2026")
                .replace(System.lineSeparator(), "\n")).isEqualTo(block.group(1).strip());
    }

    /** A pipeline's importer, as the README's test calls it: the valid rows of a day's file, in order. */
    static final class Importer {

        List<ConversionRow> load(Path file) throws IOException {
            List<ConversionRow> rows = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file);
                    TypedRows<ConversionRow> typed = FileChecker.builder().build()
                            .conversionRows(file.toString(), in)) {
                typed.forEach(rows::add);
            }
            return rows;
        }
    }

    /** The code between the markers of a snippet, less the markers' indent. */
    private static String snippet(String source, String name) {
        Matcher code = Pattern.compile("\n( *)// snippet:" + Pattern.quote(name) + "\n(.*?)\n\\s*// snippet:end",
                Pattern.DOTALL).matcher(source);
        assertThat(code.find()).as(name).isTrue();
        String indent = code.group(1);
        StringBuilder text = new StringBuilder();
        for (String line : code.group(2).split("\n", -1)) {
            text.append(line.startsWith(indent) ? line.substring(indent.length()) : line.strip()).append('\n');
        }
        return text.toString().strip();
    }

    @Test
    void theReadmeShowsTheCodeThatIsCompiledHere() throws IOException {
        String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
        String readme = Files.readString(ReadmeQuickStartTest.README, StandardCharsets.UTF_8);
        for (String name : List.of("profiles", "checker", "history", "kit-export", "kit-feed", "kit-failure")) {
            String expected = snippet(source, name)
                    .replace("write(List.of(report), out);", "write(List.of(report), System.out);")
                    .replace("out.println(", "System.out.println(");
            if (name.equals("profiles")) {
                // The README closes the try block the test leaves open to keep the report.
                expected += "\n}";
            } else if (name.equals("history")) {
                expected += "\n    }\n}";
            }
            Matcher block = Pattern.compile("<!-- snippet: " + name + " -->\n```java\n(.*?)```", Pattern.DOTALL)
                    .matcher(readme);
            assertThat(block.find()).as("README has the snippet %s", name).isTrue();
            assertThat(block.group(1).strip()).as(name).isEqualTo(expected);
        }
    }

    @Test
    void theSnippetsRun() throws IOException {
        // The snippets name files relative to the working directory, which a test cannot change: run them on
        // files written there, then remove them.
        Path leads = Path.of("leads.ndjson");
        Path export = Path.of("conversion-export-2020-09-22.csv.gz");
        List<Path> days = List.of(Path.of("orders-2020-01-18.ndjson"), Path.of("orders-2020-01-19.ndjson"),
                Path.of("orders-2020-01-20.ndjson"));
        assertThat(leads).doesNotExist();
        assertThat(export).doesNotExist();
        assertThat(days).allSatisfy(day -> assertThat(day).doesNotExist());
        try {
            Files.writeString(leads, """
                    {"leadId":"L1","createdAt":"2020-01-10","updatedAt":"2020-01-20T10:00:00Z"}
                    {"leadId":"L1","createdAt":"2020-01-10","updatedAt":"2020-01-21T10:00:00Z"}
                    """);
            try (GZIPOutputStream gzip = new GZIPOutputStream(Files.newOutputStream(export))) {
                gzip.write("https://domain.tld/a;2020-09-22;2\n/b;2020-09-22;1\n".getBytes(StandardCharsets.UTF_8));
            }
            ValidationReport feed = profiles();
            assertThat(feed.validRecords()).isEqualTo(1);
            assertThat(feed.violations()).extracting(v -> v.code().name() + "@" + v.line())
                    .containsExactly("DATE_MISMATCH@2");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ValidationReport report;
            try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
                report = checker(out);
            }
            assertThat(report.delimiter()).isEqualTo(";");
            assertThat(report.violations()).extracting(v -> v.code().name()).containsExactly("URL_RELATIVE");
            assertThat(bytes.toString(StandardCharsets.UTF_8))
                    .startsWith("conversion-export-2020-09-22.csv.gz: INVALID (csv, delimiter ';', conversions,"
                            + " date 2020-09-22)");
            String record = "{\"orderId\":\"N1\",\"createdAt\":\"2020-01-%s\",\"updatedAt\":\"2020-01-%s\"}\n";
            Files.writeString(days.get(0), String.format(record, "18", "18"));
            Files.writeString(days.get(1), String.format(record, "17", "19"));
            Files.writeString(days.get(2), String.format(record, "18", "20"));
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
                assertThat(history(out)).extracting(ValidationReport::errors).containsExactly(0L, 1L, 0L);
            }
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("orders-2020-01-19.ndjson: 1 errors");
        } finally {
            Files.deleteIfExists(leads);
            Files.deleteIfExists(export);
            for (Path day : days) {
                Files.deleteIfExists(day);
            }
        }
    }
}
