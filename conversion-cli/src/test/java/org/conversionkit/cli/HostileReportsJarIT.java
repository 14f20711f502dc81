package org.conversionkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.conversionkit.cli.ResultsNeverLostIT.Run;
import org.conversionkit.model.Violation;
import org.conversionkit.spec.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports as a hostile user would have them read, from the built jar in a child JVM: crafted values and file
 * names must not fake a verdict in the text report, and the JSON report must stay valid, complete, in order and
 * true to the input.
 */
class HostileReportsJarIT {

    private static final String FAKE = "ok-2020-09-22.csv: valid (csv, delimiter ',', conversions, date 2020-09-22)";
    private static final String BAD_ROW = "/relative,2020-09-22,organic,1,10.0\n";

    @Test
    void aFileNameShapedLikeAVerdictStartsNoLineOfTheTextReport(@TempDir Path dir) throws Exception {
        String name = FAKE + "\n  1 record: 1 valid, 0 invalid; 0 blank lines; 0 errors, 0 warnings\nz.csv";
        Files.writeString(dir.resolve(name), BAD_ROW);
        Files.writeString(dir.resolve("a-2020-09-22.csv"), BAD_ROW);

        Run text = run(dir, List.of("validate", "a-2020-09-22.csv", name));
        assertThat(text.exit()).as(text.stderr()).isEqualTo(1);
        assertThat(text.stdout().lines().filter(line -> !line.startsWith("  "))).as(text.stdout()).containsExactly(
                "a-2020-09-22.csv: INVALID (csv, delimiter ',', conversions, date 2020-09-22)",
                "\"" + FAKE + "\\u000a  1 record: 1 valid, 0 invalid; 0 blank lines; 0 errors, 0 warnings"
                        + "\\u000az.csv\":"
                        + " INVALID (csv, delimiter ',', conversions)",
                "2 files: 0 valid, 2 invalid");

        Run json = run(dir, List.of("validate", "--report", "json", "a-2020-09-22.csv", name));
        assertThat(ReportSchema.problems(json.stdout())).as(json.stdout()).isEmpty();
        List<Node> files = Node.parse(json.stdout(), "stdout").get("files").list();
        assertThat(files).extracting(file -> file.text("file")).containsExactly("a-2020-09-22.csv", name);
    }

    @Test
    void aDeliveryNameShapedLikeAVerdictStartsNoLine(@TempDir Path dir) throws Exception {
        String fake = "d-2020-09-23.csv: valid (date 2020-09-23)";
        Run text = run(dir, List.of("deliveries", "c-2020-09-22.csv", fake));
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.stdout().lines()).as(text.stdout()).noneMatch(line -> line.startsWith("d-2020"))
                .contains("\"" + fake + "\": INVALID");
    }

    @Test
    void theSchemaCommandQuotesAFileNameShapedLikeItsVerdict(@TempDir Path dir) throws Exception {
        String name = "x.ndjson: 2 rows; 0 errors, 0 warnings: every row loads with this schema";
        Files.writeString(dir.resolve(name), "{\"a\": 1}\n{\"a\": \"text\"}\n");
        Run run = run(dir, List.of("schema", name));
        assertThat(run.stderr().lines()).as(run.stderr()).isNotEmpty().allMatch(line -> line.startsWith("\"" + name
                + "\": "));
    }

    @Test
    void craftedValuesStayOnTheirLineAndRoundTripThroughTheJsonReportInOrder(@TempDir Path dir) throws Exception {
        List<String> urls = List.of("/a\nb-2020-09-22.csv: valid (csv)", "/a\rb", "/a\r\nb", "/a\u2028b\u2029c",
                "/a\u0085b", "/a\u001b[32mgreen\u001b[0m", "/a\tb\013c\fd\0e", "/a\u202eb\u200fc",
                "/a\"b\\c'd", "/a\\u000ab", "/\ud83d\ude00".repeat(150), "/" + "a".repeat(197) + "\ud83d\ude00xx",
                "/lone\ud800", "/lone\udc00b");
        StringBuilder rows = new StringBuilder();
        for (String url : urls) {
            rows.append("{\"url\":").append(jsonString(url)).append(",\"date\":\"2020-09-22\"}\n");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String name = "f" + i + "-2020-09-22.ndjson";
            Files.writeString(dir.resolve(name), i % 2 == 0 ? rows
                    : "{\"url\":\"https://a.b/\",\"date\":\"2020-09-22\"}\n");
            names.add(name);
        }
        List<String> reversed = new ArrayList<>(names);
        Collections.reverse(reversed);

        List<String> jsonArgs = new ArrayList<>(List.of("validate", "--jobs", "2", "--report", "json"));
        jsonArgs.addAll(reversed);
        Run json = run(dir, jsonArgs);
        assertThat(json.exit()).as(json.stderr()).isEqualTo(1);
        assertThat(ReportSchema.problems(json.stdout())).as(json.stdout()).isEmpty();
        List<Node> files = Node.parse(json.stdout(), "stdout").get("files").list();
        assertThat(files).extracting(file -> file.text("file")).containsExactlyElementsOf(reversed);
        for (Node file : files) {
            List<Node> violations = file.get("violations").list();
            if (file.text("file").startsWith("f1") || file.text("file").startsWith("f3")
                    || file.text("file").startsWith("f5")) {
                assertThat(violations).isEmpty();
                continue;
            }
            assertThat(file.longValue("errors")).isEqualTo(urls.size());
            assertThat(file.get("truncated").bool()).isFalse();
            assertThat(violations).extracting(v -> v.text("value"))
                    .containsExactlyElementsOf(urls.stream().map(Violation::shorten).toList());
            assertThat(violations).extracting(v -> v.text("value")).allMatch(v -> v.length() <= 200)
                    .allMatch(HostileReportsJarIT::noSplitPair);
        }

        List<String> textArgs = new ArrayList<>(List.of("validate", "--jobs", "2"));
        textArgs.addAll(reversed);
        Run text = run(dir, textArgs);
        // Per file its verdict and counts, per violation one line, and the summary: nothing else.
        assertThat(text.stdout().split("\r\n|[\n\r\u2028\u2029\u0085\013\f]", -1))
                .as(text.stdout()).hasSize(6 * 2 + 3 * urls.size() + 1 + 1);
        assertThat(text.stdout()).doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("\0");
        assertThat(text.stdout().lines().filter(line -> !line.startsWith("  ")))
                .containsExactly("f5-2020-09-22.ndjson: valid (json, conversions, date 2020-09-22)",
                        "f4-2020-09-22.ndjson: INVALID (json, conversions, date 2020-09-22)",
                        "f3-2020-09-22.ndjson: valid (json, conversions, date 2020-09-22)",
                        "f2-2020-09-22.ndjson: INVALID (json, conversions, date 2020-09-22)",
                        "f1-2020-09-22.ndjson: valid (json, conversions, date 2020-09-22)",
                        "f0-2020-09-22.ndjson: INVALID (json, conversions, date 2020-09-22)",
                        "6 files: 3 valid, 3 invalid");
    }

    /** Whether a shortened value (ending with an ellipsis) kept whole the character before its ellipsis. */
    private static boolean noSplitPair(String value) {
        return !value.endsWith("\u2026") || !Character.isHighSurrogate(value.charAt(value.length() - 2));
    }

    /** A JSON string of a value, every character outside printable ASCII escaped, lone surrogates included. */
    private static String jsonString(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static Run run(Path dir, List<String> args) throws Exception {
        Run run = ResultsNeverLostIT.run(dir, args);
        assertThat(run.stderr() + run.stdout()).as("no stack trace").doesNotContain("\tat ")
                .doesNotContain("Exception");
        return run;
    }
}
