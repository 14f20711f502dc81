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
 * reason (exit 2); the acceptance cases ({@code spec/cli.json}) hold their reports.
 */
class CrmOptionsTest {

    private static final Path FILES = CliCases.directory().resolve("files");

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
        assertThat(conversions.stderr).contains("--id-field, --feed-date, --feed-zone and --history apply to --profile"
                + " crm only");
    }

    @Test
    void theHelpSaysWhatAHistoryIs() {
        Run run = run("validate", "--help");
        assertThat(run.stdout.replaceAll("\\s+", " ")).contains("--history crm: the FILEs are the daily files of one"
                + " feed, each the daily feed of the date in its name");
    }

    @Test
    void aHistoryRefusesWhatCannotApplyBeforeReadingAnyFile() {
        String day18 = FILES.resolve("history/orders-2020-01-18.ndjson").toString();
        String day20 = FILES.resolve("history/orders-2020-01-20.ndjson").toString();
        Run date = run("validate", "--profile", "crm", "--history", "--feed-date", "2020-01-20", day20);
        assertThat(date.exit).isEqualTo(2);
        assertThat(date.stderr).contains("--history takes each file's date from its name, and --feed-date sets one"
                + " date for every file: give one or the other");
        Run undated = run("validate", "--profile", "crm", "--history", day18, file("crm-rfc3339.ndjson"));
        assertThat(undated.exit).isEqualTo(2);
        assertThat(undated.stderr).contains("--history: a feed history takes each file's date from its name:"
                + " 'crm-rfc3339.ndjson' holds no YYYY-MM-DD date");
        // The example is a daily feed's file, not a conversion export's.
        assertThat(undated.stderr).contains("e.g. orders-2020-01-20.ndjson").doesNotContain("conversion-export");
        assertThat(undated.stdout).as("nothing checked").isEmpty();
        Run twice = run("validate", "--profile", "crm", "--history", day20, file("crm-zone-2020-01-20.ndjson"));
        assertThat(twice.exit).isEqualTo(2);
        assertThat(twice.stderr).contains("are both the feed of 2020-01-20; a history holds one feed a day");
        Run stdin = run("validate", "--profile", "crm", "--history", "-");
        assertThat(stdin.exit).isEqualTo(2);
        assertThat(stdin.stderr).contains("standard input has none: name the files");
        Run conversions = run("validate", "--history", file("conversion-export-2020-09-22.csv"));
        assertThat(conversions.exit).isEqualTo(2);
        assertThat(conversions.stderr).contains("apply to --profile crm only");
    }

    @Test
    void aHistoryIsReportedInDateOrderAsText() {
        Run run = run("validate", "--profile", "crm", "--history",
                FILES.resolve("history-bad/orders-2020-01-20.ndjson").toString(),
                FILES.resolve("history-bad/orders-2020-01-18.ndjson").toString(),
                FILES.resolve("history-bad/orders-2020-01-19.ndjson").toString());
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.stdout).containsSubsequence("orders-2020-01-18.ndjson: valid", "orders-2020-01-19.ndjson: INVALID",
                "CREATED_AT_CHANGED [createdAt] createdAt 2020-01-17T09:00:00Z differs from 2020-01-18T09:00:00Z, the"
                        + " createdAt an earlier feed gave orderId 'N1'",
                "UPDATED_BEFORE_PREVIOUS [updatedAt] updatedAt 2020-01-19T01:00:00Z is earlier than"
                        + " 2020-01-19T04:30:00Z", "orders-2020-01-20.ndjson: valid");
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
