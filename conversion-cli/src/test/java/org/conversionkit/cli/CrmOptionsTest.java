package org.conversionkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CRM options of {@code validate} say what they do in {@code --help}, and refuse what cannot apply with their
 * reason (exit 2); the acceptance cases ({@code cases.json}) hold their reports.
 */
class CrmOptionsTest {

    private static final Path FILES = CliCasesTest.CASES.resolve("files");

    /** What a run gave. */
    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = ConversionCheck.run(args, new ByteArrayInputStream(new byte[0]), outStream, errStream);
        }
        Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertThat(run.stderr).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain("internal error");
        return run;
    }

    private static String file(String name) {
        return FILES.resolve(name).toString();
    }

    @Test
    void theHelpSaysWhatTheFeedZoneDoesAndItsDefault() {
        for (List<String> help : List.of(List.of("validate", "--help"), List.of("help", "validate"))) {
            Run run = run(help.toArray(String[]::new));
            assertThat(run.exit).isZero();
            assertThat(run.stdout.replaceAll("\\s+", " ")).contains("--feed-zone=ZONE")
                    .contains("e.g. Europe/Paris, UTC or +02:00; default as-written");
        }
    }

    @Test
    void aZoneJavaTimeDoesNotKnowIsAUsageError() {
        Run unknown = run("validate", "--profile", "crm", "--feed-zone", "Mars/Olympus", file("crm-rfc3339.ndjson"));
        assertThat(unknown.exit).isEqualTo(2);
        assertThat(unknown.stderr).contains("--feed-zone: 'Mars/Olympus' is not a time zone: give a region such as"
                + " Europe/Paris, UTC, an offset such as +02:00, or as-written (the default)");
        assertThat(unknown.stdout).isEmpty();
        Run lower = run("validate", "--profile", "crm", "--feed-zone=europe/paris", file("crm-rfc3339.ndjson"));
        assertThat(lower.exit).isEqualTo(2);
        assertThat(lower.stderr).contains("(did you mean Europe/Paris?)");
        Run conversions = run("validate", "--feed-zone", "UTC", file("conversion-export-2020-09-22.csv"));
        assertThat(conversions.exit).isEqualTo(2);
        assertThat(conversions.stderr).contains("--id-field, --feed-date and --feed-zone apply to --profile crm only");
    }

    @Test
    void theFeedZoneTakesOffsetsAndAsWritten() {
        for (String zone : List.of("+02:00", "UTC", "Z", "as-written", "Europe/Helsinki")) {
            Run run = run("validate", "--profile", "crm", "--feed-date", "2020-01-20", "--feed-zone=" + zone,
                    file("crm-zone-2020-01-20.ndjson"));
            assertThat(run.exit).as(zone).isEqualTo(zone.equals("+02:00") || zone.startsWith("Europe") ? 0 : 1);
        }
    }
}
