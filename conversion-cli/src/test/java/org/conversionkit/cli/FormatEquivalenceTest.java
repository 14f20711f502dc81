package org.conversionkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.json.ConversionJsonReader;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.conversionkit.spec.SpecInput;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.ValidationReport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same rows as CSV and as JSON (NDJSON, the loose form, an array) give the same typed rows and the same report,
 * from the library and from the command line: counts, and each violation's code, record, field and value. Each case
 * of {@code spec/equivalence.json} is a CSV file, the reference, and its JSON forms.
 */
class FormatEquivalenceTest {

    static List<SpecCase> groups() {
        return Spec.load("equivalence.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void csvAndJsonAgree(SpecCase group, @TempDir Path dir) throws IOException {
        group.node().only("id", "why", "input", "equivalents");
        Path reference = group.input().writeTo(dir);
        assertThat(reference.toString()).endsWith(".csv");
        List<ConversionRow> expectedRows = rows(reference);
        String expectedReport = summary(reference);
        assertThat(expectedRows).as("the reference has valid rows").isNotEmpty();
        List<Node> others = group.get("equivalents").list();
        assertThat(others).as("a group holds JSON forms of its CSV").isNotEmpty();
        for (Node node : others) {
            Path other = SpecInput.of(node, group.file().directory()).writeTo(dir);
            assertThat(rows(other)).as("typed rows of %s", other).isEqualTo(expectedRows);
            assertThat(summary(other)).as("report of %s", other).isEqualTo(expectedReport);
        }
        // The command line reports each file of the group as the library does.
        for (Path file : List.of(dir.toFile().listFiles()).stream().map(File::toPath).sorted().toList()) {
            InProcess.Run run = InProcess.run(List.of("validate", "--report", "json", file.toString()),
                    new ByteArrayInputStream(new byte[0]));
            Map<String, @Nullable Object> report = InProcess.firstReport(run);
            Map<String, Object> summary = new TreeMap<>();
            for (String key : List.of("valid", "records", "validRecords", "invalidRecords", "errors", "warnings")) {
                summary.put(key, report.get(key));
            }
            List<String> violations = new ArrayList<>();
            for (Object v : (List<?>) report.get("violations")) {
                Map<?, ?> violation = (Map<?, ?>) v;
                violations.add(violation.get("code") + "@record " + violation.get("record") + " "
                        + violation.get("field") + "=" + violation.get("value"));
            }
            summary.put("violations", String.join("; ", violations));
            assertThat(summary).as("the command line's report of %s", file).hasToString(expectedReport);
        }
    }

    private static List<ConversionRow> rows(Path file) throws IOException {
        if (file.toString().endsWith(".csv")) {
            try (ConversionCsvReader reader = ConversionCsvReader.builder()
                    .invalidRecords(InvalidRecordStrategy.SKIP).build(file)) {
                return reader.stream().toList();
            }
        }
        try (ConversionJsonReader reader = ConversionJsonReader.builder()
                .invalidRecords(InvalidRecordStrategy.SKIP).build(file)) {
            return reader.stream().toList();
        }
    }

    /** The report without what differs by format: the format, the delimiter, lines and messages. */
    private static String summary(Path file) throws IOException {
        try (RecordSource source = file.toString().endsWith(".csv") ? ConversionCsvReader.builder().source(file)
                : ConversionJsonReader.builder().source(file)) {
            ValidationReport report = ConversionValidator.builder().build().validate(source);
            Map<String, Object> summary = new TreeMap<>();
            summary.put("valid", report.valid());
            summary.put("records", report.records());
            summary.put("validRecords", report.validRecords());
            summary.put("invalidRecords", report.invalidRecords());
            summary.put("errors", report.errors());
            summary.put("warnings", report.warnings());
            summary.put("violations", report.violations().stream().map(FormatEquivalenceTest::describe)
                    .collect(Collectors.joining("; ")));
            return summary.toString();
        }
    }

    private static String describe(Violation v) {
        return v.code() + "@record " + v.record() + " " + v.field() + "=" + v.value();
    }
}
