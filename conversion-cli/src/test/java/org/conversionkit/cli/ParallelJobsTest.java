package org.conversionkit.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --jobs N}: several files at once, each streamed by one thread, and reports that are byte for byte
 * those of a run one file at a time, in the order the files were given; folders, {@code --recursive},
 * {@code --glob} and {@code --deliveries}.
 */
class ParallelJobsTest {

    /** What a run gave. */
    private record Run(int exit, String stdout, String stderr) {
    }

    @Test
    void theAcceptanceCasesGiveTheSameReportsWithTwoJobs() throws IOException {
        int compared = 0;
        for (SpecCase c : CliCases.all()) {
            // --history checks its feeds one after the other: --jobs does not apply to it.
            List<String> given = CliCases.args(c);
            if (given.isEmpty() || !given.get(0).equals("validate") || c.has("stdin") || given.contains("--history")) {
                continue;
            }
            List<String> args = CliCases.resolved(c);
            Run one = run(with(args, "1"));
            Run two = run(with(args, "2"));
            if (args.contains("--history")) {
                // A history is checked feed after feed, in date order: more jobs are refused, not ignored.
                assertThat(two.exit).as(c.toString()).isEqualTo(2);
                if (one.exit != 2) {
                    assertThat(two.stderr).as(c.toString()).contains("--history checks the feeds one after the other");
                }
                continue;
            }
            assertThat(two.stdout).as(c.toString()).isEqualTo(one.stdout);
            assertThat(two.exit).as(c.toString()).isEqualTo(one.exit);
            compared++;
        }
        assertThat(compared).as("validate cases compared").isGreaterThanOrEqualTo(25);
    }

    @Test
    void aFolderOfGeneratedFilesGivesTheSameReportsWithEveryNumberOfJobs(@TempDir Path dir) throws IOException {
        Random random = new Random(20261203L);
        Files.createDirectories(dir.resolve("sub"));
        for (int day = 1; day <= 40; day++) {
            StringBuilder rows = new StringBuilder();
            for (int i = 0, n = random.nextInt(300); i < n; i++) {
                String date = random.nextInt(50) == 0 ? "2020-09-30" : String.format("2020-09-%02d", Math.min(day, 30));
                rows.append(random.nextInt(40) == 0 ? "/relative" : "https://domain.tld/p" + i).append(',')
                        .append(date).append(",organic,").append(random.nextInt(5)).append(",1.5\n");
            }
            // One file a day but two for the 30th, and none for the 7th: the delivery check has work.
            if (day != 7) {
                String name = day > 30 ? "conversion-export-2020-09-30-" + day + ".csv"
                        : String.format("conversion-export-2020-09-%02d.csv", day);
                Files.writeString(dir.resolve(day % 3 == 0 ? "sub" : ".").resolve(name).normalize(),
                        rows.toString(), UTF_8);
            }
        }
        Files.writeString(dir.resolve("notes.md"), "not an export");
        Run one = run(List.of("validate", "--jobs", "1", "--recursive", "--deliveries", "--report", "json",
                dir.toString()));
        assertThat(ReportSchema.problems(one.stdout)).as(one.stdout).isEmpty();
        assertThat(one.stdout).doesNotContain("notes.md").contains("\"deliveries\":{\"valid\":false")
                .contains("DUPLICATE_DELIVERY").contains("MISSING_DELIVERY");
        for (String jobs : List.of("2", "3", "8")) {
            Run many = run(List.of("validate", "--jobs", jobs, "--recursive", "--deliveries", "--report", "json",
                    dir.toString()));
            assertThat(many.stdout).as("--jobs " + jobs).isEqualTo(one.stdout);
            assertThat(many.exit).isEqualTo(one.exit);
        }
        Run text = run(List.of("validate", "--jobs", "2", "--glob", "conversion-export-2020-09-0*.csv",
                dir.toString()));
        assertThat(text.stdout).contains("conversion-export-2020-09-01.csv").doesNotContain("09-10.csv")
                .doesNotContain("/sub/");
    }

    @Test
    void optionsThatChooseFilesNeedAFolder(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("conversion-export-2020-09-22.csv"),
                "https://domain.tld/a,2020-09-22,organic,1,10.0\n");
        Run glob = run(List.of("validate", "--glob", "*.csv", file.toString()));
        assertThat(glob.exit).isEqualTo(2);
        assertThat(glob.stderr).contains("--recursive and --glob choose the files of a folder");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Run none = run(List.of("validate", empty.toString()));
        assertThat(none.exit).isEqualTo(2);
        assertThat(none.stderr).contains("the folder holds no file to check");
        Run jobs = run(List.of("validate", "--jobs", "0", file.toString()));
        assertThat(jobs.exit).isEqualTo(2);
        Run stdin = run(List.of("validate", "--deliveries", "--date", "2020-09-22", "-"));
        assertThat(stdin.exit).isEqualTo(2);
        assertThat(stdin.stderr).contains("--deliveries checks the files' names");
    }

    @Test
    void aFoldersLinkToAMissingFileIsReportedNotLeftOut(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("exports"));
        Files.writeString(folder.resolve("conversion-export-2020-09-22.csv"),
                "https://domain.tld/a,2020-09-22,organic,1,10.0\n");
        Path link = Files.createSymbolicLink(folder.resolve("conversion-export-2020-09-23.csv"),
                dir.resolve("gone.csv"));
        Run run = run(List.of("validate", folder.toString()));
        assertThat(run.stdout).contains(link + ": INVALID").contains("no such file").contains("2 files:");
        assertThat(run.exit).isEqualTo(2);
    }

    private static List<String> with(List<String> args, String jobs) {
        List<String> withJobs = new ArrayList<>(args);
        withJobs.add(1, "--jobs");
        withJobs.add(2, jobs);
        return withJobs;
    }

    private static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, UTF_8); PrintStream e = new PrintStream(err, true, UTF_8)) {
            exit = ConversionCheck.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), o, e);
        }
        return new Run(exit, out.toString(UTF_8), err.toString(UTF_8));
    }
}
