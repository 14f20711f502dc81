package org.conversionkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conversionkit.csv.ConversionCsvWriter;
import org.conversionkit.files.ConversionFiles;
import org.conversionkit.json.CrmFeedWriter;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.CrmDateTime;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.WritePolicy;
import org.conversionkit.model.feed.FeedRequest;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README's writer snippets compiled and true: each {@code <!-- snippet: NAME -->} block is the code
 * between this class's {@code // snippet:NAME} markers, character for character, and runs here.
 */
class ReadmeWriterSnippetsTest {

    private static final Path SOURCE = Path.of("src/test/java/org/conversionkit/cli/ReadmeWriterSnippetsTest.java");

    @TempDir
    Path folder;

    /** The export snippet: the two reports, the written one and the left-out one. */
    static ValidationReport[] export(Path folder, List<ConversionRow> rows) throws IOException {
        // snippet:export-writer
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().delimiter(';')
                .policy(WritePolicy.LEAVE_OUT)                    // default REFUSE: a bad row throws at once
                .build(folder, LocalDate.of(2020, 9, 22))) {      // folder/conversion-export-2020-09-22.csv
            for (ConversionRow row : rows) {
                writer.write(row);                                // checked by validate's rules first
            }
            ValidationReport written = writer.finish();           // the file appears now, whole, or not at all
            ValidationReport leftOut = writer.leftOut();          // the rows left out, and why
            // snippet:end
            return new ValidationReport[] {written, leftOut};
        }
    }

    /** The feed snippet: the endpoint's query, its stream, the CRM's records. */
    static ValidationReport feed(String query, OutputStream out, List<CrmRecord> orders) throws IOException {
        // snippet:feed-writer
        FeedRequest request = FeedRequest.ofQuery(query);                 // "date=20200120", or none: a snapshot
        CrmProfile profile = request.applyTo(CrmProfile.builder().feedZone(ZoneId.of("Europe/Paris")).build());
        try (CrmFeedWriter feed = CrmFeedWriter.builder().profile(profile).policy(WritePolicy.LEAVE_OUT).build(out)) {
            for (CrmRecord order : orders) {
                feed.write(order);                                        // another day's record is left out
            }
            ValidationReport report = feed.finish();
            // snippet:end
            return report;
        }
    }

    @Test
    void theReadmeShowsTheCodeThatIsCompiledHere() throws IOException {
        String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
        String readme = Files.readString(ReadmeQuickStartTest.README, StandardCharsets.UTF_8);
        for (String name : List.of("export-writer", "feed-writer")) {
            Matcher code = Pattern.compile("// snippet:" + name + "\n(.*?)\n\\s*// snippet:end", Pattern.DOTALL)
                    .matcher(source);
            assertThat(code.find()).as(name).isTrue();
            // The README closes the blocks the test leaves open to return the reports.
            String expected = code.group(1).replace("\n        ", "\n").strip() + "\n}";
            Matcher block = Pattern.compile("<!-- snippet: " + name + " -->\n```java\n(.*?)```", Pattern.DOTALL)
                    .matcher(readme);
            assertThat(block.find()).as("README has the snippet %s", name).isTrue();
            assertThat(block.group(1).strip()).as(name).isEqualTo(expected);
        }
    }

    @Test
    void theExportSnippetWritesAFileThatValidates() throws IOException {
        LocalDate day = LocalDate.of(2020, 9, 22);
        List<ConversionRow> rows = List.of(
                new ConversionRow("https://shop.example/a", day, "email", null, 2L, new BigDecimal("59.70")),
                new ConversionRow("/relative", day, null, null, 1L, null),
                new ConversionRow("https://shop.example/b", day.plusDays(1), null, null, 1L, null));
        ValidationReport[] reports = export(folder, rows);
        assertThat(reports[0].valid()).isTrue();
        assertThat(reports[0].records()).isEqualTo(1);
        assertThat(reports[1].violations()).extracting(v -> v.code() + "@" + v.record())
                .containsExactly("URL_RELATIVE@2", "DATE_MISMATCH@3");
        Path file = folder.resolve("conversion-export-2020-09-22.csv");
        assertThat(file).hasContent("https://shop.example/a;2020-09-22;email;2;59.70");
        ValidationReport validated = ConversionFiles.check(file);
        assertThat(validated.valid()).isTrue();
        assertThat(validated.records()).isEqualTo(1);
    }

    @Test
    void theFeedSnippetServesTheDayAskedFor() throws IOException {
        CrmRecord kept = new CrmRecord("N1", CrmDateTime.parse("2020-01-19T09:00:00Z"),
                CrmDateTime.parse("2020-01-19T23:30:00Z"), "EUR", new BigDecimal("96.12"), "paid", null, Map.of());
        CrmRecord later = new CrmRecord("N2", CrmDateTime.parse("2020-01-20T09:00:00Z"),
                CrmDateTime.parse("2020-01-20T23:30:00Z"), "EUR", null, null, null, Map.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ValidationReport report = feed("date=20200120&token=abc", out, List.of(kept, later));
        assertThat(report.valid()).isTrue();
        assertThat(report.records()).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"orderId\":\"N1\",").endsWith("}\n")
                .doesNotContain("N2");
        assertThat(feed("", new ByteArrayOutputStream(), List.of(kept, later)).records()).isEqualTo(2);
        assertThat(report.date()).as("the day the query asked for").isEqualTo(LocalDate.of(2020, 1, 20));
    }
}
