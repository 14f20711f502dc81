package org.conversionkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Schema of the JSON report: the copy in {@code docs/} is the one in the jar, the command's reports fit
 * it (here and in {@link CliCasesTest}, {@code HostileSuiteTest} and {@code ConversionCheckJarIT}), and it refuses
 * what the contract refuses.
 */
class ReportSchemaTest {

    private static final String VALID = """
            {"valid": false, "files": [{"file": "-", "format": "csv", "delimiter": ";", "profile": "conversions",
              "date": "2020-09-22", "valid": false, "records": 2, "validRecords": 1, "invalidRecords": 1,
              "blankLines": 0, "errors": 1, "warnings": 0, "truncated": false,
              "violations": [{"code": "DATE_MISMATCH", "severity": "error", "line": 2, "column": 23, "record": 2,
                              "field": "date", "value": "2020-09-21", "message": "row date …"}]}]}
            """;

    @Test
    void theDocsCopyIsTheShippedOne() throws IOException {
        assertThat(Files.readAllBytes(Path.of("../docs/report.schema.json"))).isEqualTo(ReportSchema.bytes());
    }

    @Test
    void aReportOfTheContractFits() {
        assertThat(ReportSchema.problems(VALID)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"column\": 23, |", "\"line\": 2|\"line\": -1", "\"error\", \"line\"|\"fatal\", \"line\"",
        "\"format\": \"csv\"|\"format\": \"xml\"", "\"records\": 2|\"records\": \"2\"",
        "\"date\": \"2020-09-22\"|\"date\": \"22.09.2020\"", "\"code\": \"DATE_MISMATCH\"|\"code\": \"date\""})
    void aReportOutsideTheContractDoesNot(String edit) {
        String[] parts = edit.split("\\|", -1);
        String broken = VALID.replace(parts[0], parts[1]);
        assertThat(broken).isNotEqualTo(VALID);
        assertThat(ReportSchema.problems(broken)).isNotEmpty();
    }

    @Test
    void theReportsOfTheCommandFit() throws IOException {
        Path cases = CliCases.directory().resolve("files");
        try (var files = Files.list(cases)) {
            for (Path file : files.sorted().toList()) {
                for (String profile : new String[] {"conversions", "crm"}) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try (PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
                            PrintStream err = new PrintStream(new ByteArrayOutputStream(), true,
                                    StandardCharsets.UTF_8)) {
                        ConversionCheck.run(new String[] {"validate", "--report", "json", "--profile", profile,
                            "--format", "json", file.toString()}, new ByteArrayInputStream(new byte[0]), stream,
                                err);
                    }
                    String json = out.toString(StandardCharsets.UTF_8);
                    if (!json.isEmpty()) {
                        assertThat(ReportSchema.problems(json)).as("%s as %s: %s", file, profile, json).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void theDeliveriesReportFits() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            ConversionCheck.run(new String[] {"deliveries", "--report", "json", "conversion-export-2020-09-20.csv",
                "conversion-export-2020-09-22.csv", "conversion-export-2020-09-22.json", "export.csv"},
                    new ByteArrayInputStream(new byte[0]), stream, stream);
        }
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("MISSING_DELIVERY").contains("DUPLICATE_DELIVERY");
        assertThat(ReportSchema.problems(json)).as(json).isEmpty();
    }
}
