package org.conversionkit.cli;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command never loses a result (issue 16): the built jar in a child JVM under {@code -Xmx64m}, run as a
 * pipeline runs it, with the faults the other suites do not make: reports that cannot be written, inputs that
 * cannot be read or are named twice, concatenated and damaged gzip, pipes, wide encodings, names the JVM cannot
 * decode, options that cannot apply. Each test is named after the behaviour it holds.
 */
class ResultsNeverLostIT {

    private static final String GOOD = "https://domain.tld/a,2020-09-22,organic,1,10.0\n";
    private static final String NAME = "conversion-export-2020-09-22";

    /** What a run of the jar gave. */
    record Run(int exit, String stdout, String stderr) {
    }

    @Test
    void aReportThatCannotBeWrittenIsAnErrorOnStandardError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve(NAME + ".csv"), GOOD);
        assumeTrue(Files.exists(Path.of("/dev/full")), "a /dev/full device");
        Run full = shell(dir, jar() + " validate " + file + " > /dev/full");
        assertThat(full.exit).as(full.stderr).isEqualTo(2);
        assertThat(full.stderr).contains("cannot write the report to standard output");
        Run closed = shell(dir, jar() + " validate --report json " + file + " >&-");
        assertThat(closed.exit).as(closed.stderr).isEqualTo(2);
        assertThat(closed.stderr).contains("cannot write the report");
        noStackTrace(full);
        noStackTrace(closed);
        // Help and the version too: an exit 0 would say they were shown.
        for (String args : List.of("--help", "help validate", "validate --help", "--version")) {
            Run lost = shell(dir, jar() + " " + args + " > /dev/full");
            assertThat(lost.exit).as(args).isEqualTo(2);
            assertThat(lost.stderr).as(args).contains("cannot write to standard output");
            noStackTrace(lost);
        }
        assertThat(shell(dir, jar() + " --help > /dev/null").exit).isZero();
    }

    @Test
    void everyFileNamedIsInTheReportEvenOneThatCannotBeRead(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve(NAME + ".csv"), GOOD);
        // A folder named is a folder to check (its files, see ParallelJobsTest), not an unreadable file.
        List<String> args = new ArrayList<>(List.of("validate", "--report", "json",
                dir.resolve("nope.csv").toString(), good.toString()));
        boolean failingRead = Files.isReadable(Path.of("/proc/self/mem"));
        if (failingRead) {
            // A file that opens and fails when read: the kernel refuses to read a process's memory at offset 0.
            args.add("/proc/self/mem");
        }
        Run run = run(dir, args);
        assertThat(run.exit).as(run.stderr).isEqualTo(2);
        assertThat(ReportSchema.problems(run.stdout)).as(run.stdout).isEmpty();
        assertThat(run.stdout).startsWith("{\"valid\":false,\"files\":[{\"file\":\"" + dir.resolve("nope.csv")
                + "\",\"format\":\"csv\",\"delimiter\":null,\"profile\":\"conversions\",\"date\":null,"
                + "\"valid\":false,\"records\":0,\"validRecords\":0,\"invalidRecords\":0,\"blankLines\":0,"
                + "\"errors\":1,\"warnings\":0,\"truncated\":false,\"violations\":[{\"code\":\"FILE_UNREADABLE\"")
                .contains("the file cannot be read: no such file")
                .contains("\"file\":\"" + good + "\",\"format\":\"csv\",\"delimiter\":\",\"")
                .contains("\"validRecords\":1");
        if (failingRead) {
            // It fails at the first read, where the format is told.
            assertThat(run.stdout).contains("\"file\":\"/proc/self/mem\"")
                    .contains("the file cannot be read: Input/output error");
        }
        Run text = run(dir, List.of("validate", dir.resolve("nope.csv").toString(), good.toString()));
        assertThat(text.exit).isEqualTo(2);
        assertThat(text.stdout).contains("nope.csv: INVALID (csv, conversions)")
                .contains("FILE_UNREADABLE the file cannot be read: no such file")
                .contains(good + ": valid (csv, delimiter ',', conversions, date 2020-09-22)")
                .contains("2 files: 1 valid, 1 invalid");
    }

    @Test
    void everyGzipMemberIsReadAndADamagedOneIsAnEncodingError(@TempDir Path dir) throws Exception {
        byte[] first = gzip("https://domain.tld/a,2020-09-22,organic,1,10.0\nhttps://domain.tld/b,2020-09-22,,,\n");
        byte[] second = gzip("https://domain.tld/c,2020-09-22,,,\nhttps://domain.tld/d,2020-09-22,,,\n");
        Path whole = Files.write(dir.resolve(NAME + ".csv.gz"), concat(first, second));
        Run all = run(dir, List.of("validate", "--report", "json", whole.toString()));
        assertThat(all.exit).as(all.stdout + all.stderr).isZero();
        assertThat(all.stdout).contains("\"records\":4,\"validRecords\":4");

        byte[] damaged = second.clone();
        damaged[3] = (byte) 0xE0;
        Path broken = write(dir.resolve("broken/" + NAME + ".csv.gz"), concat(first, damaged));
        Run bad = run(dir, List.of("validate", "--report", "json", broken.toString()));
        assertThat(bad.exit).isEqualTo(1);
        assertThat(bad.stdout).contains("\"code\":\"ENCODING\"").contains("gzip member 2")
                .contains("\"validRecords\":2");

        Path trailing = write(dir.resolve("trailing/" + NAME + ".csv.gz"), concat(first, "garbage".getBytes(UTF_8)));
        Run garbage = run(dir, List.of("validate", "--report", "json", trailing.toString()));
        assertThat(garbage.exit).isEqualTo(1);
        assertThat(garbage.stdout).contains("\"code\":\"ENCODING\"").contains("after the last gzip member");

        Path oneByte = write(dir.resolve("one/" + NAME + ".csv.gz"), new byte[] {0x1f});
        Run cut = run(dir, List.of("validate", "--report", "json", oneByte.toString()));
        assertThat(cut.exit).isEqualTo(1);
        assertThat(cut.stdout).contains("\"code\":\"ENCODING\"").doesNotContain("EMPTY_FILE");
    }

    @Test
    void theDeliveriesReportSaysHowManyViolationsItCut(@TempDir Path dir) throws Exception {
        Run json = run(dir, List.of("deliveries", "--report", "json", "conversion-export-2020-01-01.csv",
                "conversion-export-2020-12-31.csv"));
        assertThat(json.exit).isZero();
        assertThat(json.stdout).contains("\"warnings\":364,\"truncated\":true");
        assertThat(ReportSchema.problems(json.stdout)).isEmpty();
        Run text = run(dir, List.of("deliveries", "conversion-export-2020-01-01.csv",
                "conversion-export-2020-12-31.csv"));
        assertThat(text.stdout).contains("... 264 more not listed (--max-violations 100)");
    }

    @Test
    void standardInputIsReadOnceHasOneNameAndMustBeOpen(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve(NAME + ".csv"), GOOD);
        Run twice = run(dir, List.of("validate", "--date", "2020-09-22", "-", "-"), file);
        assertThat(twice.exit).isEqualTo(2);
        assertThat(twice.stderr).contains("standard input ('-') can be read once");
        assertThat(twice.stdout).isEmpty();
        Run closed = shell(dir, jar() + " validate --date 2020-09-22 - <&-");
        assertThat(closed.exit).as(closed.stdout).isEqualTo(2);
        assertThat(closed.stderr).contains("standard input is closed");
        Run text = run(dir, List.of("validate", "--date", "2020-09-22", "-"), file);
        assertThat(text.stdout).startsWith("-: valid (csv, delimiter ',', conversions, date 2020-09-22)");
        Run json = run(dir, List.of("validate", "--report", "json", "--date", "2020-09-22", "-"), file);
        assertThat(json.stdout).contains("\"file\":\"-\"");
    }

    @Test
    void pipesAreReadOnEveryJdk(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve(NAME + ".csv"), GOOD + GOOD);
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash for a process substitution");
        // Read, not "Illegal seek"; the pipe's name (/dev/fd/63) holds no date, which the name rule says.
        Run substitution = shell(dir, jar() + " validate --date 2020-09-22 <(cat " + file + ")");
        assertThat(substitution.stdout).as(substitution.stderr).contains("2 records: 2 valid")
                .contains("FILENAME_NO_DATE");
        assertThat(substitution.exit).isEqualTo(1);
        Run devStdin = shell(dir, "cat " + file + " | " + jar() + " validate --date 2020-09-22 /dev/stdin");
        assertThat(devStdin.stdout).as(devStdin.stderr).contains("2 records: 2 valid").contains("FILENAME_NO_DATE");
        Path fifo = dir.resolve("fifo-" + NAME + ".csv");
        Run made = shell(dir, "mkfifo " + fifo);
        assumeTrue(made.exit == 0, "mkfifo");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write((GOOD + GOOD + GOOD).getBytes(UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Run named = run(dir, List.of("validate", fifo.toString()));
        writer.get(30, TimeUnit.SECONDS);
        assertThat(named.exit).as(named.stderr).isZero();
        assertThat(named.stdout).contains("3 records: 3 valid");
    }

    @Test
    void aUtf16CsvIsOneEncodingErrorNotAnErrorPerField(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve(NAME + ".csv"), (GOOD + GOOD).getBytes(UTF_16LE));
        Run run = run(dir, List.of("validate", "--report", "json", file.toString()));
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.stdout).contains("\"errors\":1,").contains("\"code\":\"ENCODING\"")
                .contains("looks like UTF-16 (little-endian)");
    }

    @Test
    void aNameTheJvmCannotDecodeIsSaidSo(@TempDir Path dir) throws Exception {
        // The file exists, under a name with a Latin-1 byte, which a UTF-8 or ASCII JVM cannot decode.
        String latin1 = "\"" + dir + "/" + NAME + "-$(printf '\\351').csv\"";
        Run made = shell(dir, "printf '" + GOOD.replace("\n", "\\n") + "' > " + latin1);
        assumeTrue(made.exit == 0, "the shell wrote the file");
        Run run = shell(dir, "LC_ALL=C.UTF-8 " + jar() + " validate --report json " + latin1);
        assertThat(run.exit).as(run.stderr).isEqualTo(2);
        assertThat(run.stdout).contains("FILE_UNREADABLE").contains("cannot decode in its file-name encoding");
    }

    @Test
    void optionsThatCannotApplyAreUsageErrorsWithTheirReason(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve(NAME + ".ndjson"), "{}\n");
        Run id = run(dir, List.of("validate", "--profile", "crm", "--id-field", "createdAt", file.toString()));
        assertThat(id.exit).isEqualTo(2);
        assertThat(id.stderr).contains("--id-field: 'createdAt' is a CRM field of its own")
                .doesNotContain("internal error");
        Path dashed = Files.writeString(dir.resolve("-x.csv"), GOOD);
        Run dash = run(dir, List.of("validate", "-x.csv"));
        assertThat(dash.exit).isEqualTo(2);
        assertThat(dash.stderr).contains("goes after '--'");
        Run help = run(dir, List.of("help", "validate"));
        assertThat(help.exit).isZero();
        assertThat(help.stdout).contains("--max-violations").contains("--max-file-bytes");
        Run columns = run(dir, List.of("validate", "--format", "json", "--columns", "url,date", file.toString()));
        assertThat(columns.exit).isEqualTo(2);
        assertThat(columns.stderr).contains("--delimiter and --columns do not apply to --format json");
        assertThat(dashed).exists();
        for (Run each : List.of(id, dash, help, columns)) {
            noStackTrace(each);
        }
    }

    @Test
    void anEmptyNameIsNoFileNotTheWorkingFolder(@TempDir Path dir) throws Exception {
        // As a path, "" is the working folder: an unset "$FILE" would check every file there instead.
        Files.writeString(dir.resolve(NAME + ".csv"), GOOD);
        Run validate = run(dir, List.of("validate", ""));
        assertThat(validate.exit).isEqualTo(2);
        assertThat(validate.stdout).contains("FILE_UNREADABLE").contains("an empty name names no file")
                .doesNotContain(NAME);
        Run schema = run(dir, List.of("schema", ""));
        assertThat(schema.exit).isEqualTo(2);
        assertThat(schema.stderr).contains("an empty name names no file");
        Path feed = Files.writeString(dir.resolve("feed.ndjson"), "{\"a\":1}\n");
        Run against = run(dir, List.of("schema", "--against", "", feed.toString()));
        assertThat(against.exit).isEqualTo(2);
        assertThat(against.stderr).contains("--against : an empty name names no file");
        for (Run each : List.of(validate, schema, against)) {
            noStackTrace(each);
        }
    }

    @Test
    void endlessInputIsBoundedFromTheCommandLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve(NAME + ".csv"), GOOD.repeat(50));
        Run records = run(dir, List.of("validate", "--report", "json", "--max-records", "10", file.toString()));
        assertThat(records.exit).isEqualTo(1);
        assertThat(records.stdout).contains("\"code\":\"RECORD_TOO_LARGE\"").contains("maxRecords");
        Run bytes = run(dir, List.of("validate", "--report", "json", "--max-file-bytes", "1K", file.toString()));
        assertThat(bytes.exit).isEqualTo(1);
        assertThat(bytes.stdout).contains("\"code\":\"RECORD_TOO_LARGE\"");
        Run bad = run(dir, List.of("validate", "--max-records", "ten", file.toString()));
        assertThat(bad.exit).isEqualTo(2);
        assertThat(bad.stderr).contains("--max-records: 'ten' is not a count");
        // The options bound every format: a CRM feed, and a file read as JSON, too.
        Path feed = Files.writeString(dir.resolve("feed.ndjson"),
                "{\"orderId\":\"A\",\"createdAt\":\"2020-01-20T10:00:00Z\"}\n".repeat(3));
        Run crm = run(dir, List.of("validate", "--profile", "crm", "--report", "json", "--max-records", "1",
                feed.toString()));
        assertThat(crm.stdout).contains("\"code\":\"RECORD_TOO_LARGE\"").contains("maxRecords");
        Path json = Files.writeString(dir.resolve(NAME + ".ndjson"),
                "{\"url\":\"https://domain.tld/a\",\"date\":\"2020-09-22\"}\n".repeat(3));
        Run asJson = run(dir, List.of("validate", "--format", "json", "--report", "json", "--max-records", "1",
                json.toString()));
        assertThat(asJson.exit).isEqualTo(1);
        assertThat(asJson.stdout).contains("\"code\":\"RECORD_TOO_LARGE\"").contains("maxRecords");
        noStackTrace(crm);
        noStackTrace(asJson);
    }

    @Test
    void aHugeViolationListThatRunsOutOfMemoryNamesItsOption(@TempDir Path dir) throws Exception {
        // 400,000 rows, each with an error: far more violations than 64 MiB can keep.
        Path file = dir.resolve(NAME + ".csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] row = "/relative/path/to/a/page,2020-09-22,organic,1,10.0\n".getBytes(UTF_8);
            for (int i = 0; i < 400_000; i++) {
                out.write(row);
            }
        }
        Run run = run(dir, List.of("validate", "--report", "json", "--max-violations", "100000000", file.toString()));
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.stderr).contains("--max-violations 100000000").contains("lower --max-violations");
        noStackTrace(run);
    }

    @Test
    void aDeliveryGapListedPastTheHeapNamesItsOptionToo(@TempDir Path dir) throws Exception {
        // A year typed 9999 for 2020: a gap of 3.6 million days, each a MISSING_DELIVERY the user asked to list.
        String first = "conversion-export-0000-01-01.csv";
        String last = "conversion-export-9999-12-31.csv";
        Run deliveries = run(dir, List.of("deliveries", "--max-violations", "100000000", first, last));
        assertThat(deliveries.exit).isEqualTo(2);
        assertThat(deliveries.stderr).contains("--max-violations 100000000").contains("lower --max-violations")
                .doesNotContain("reader limits");
        noStackTrace(deliveries);
        Files.writeString(dir.resolve(first), "https://domain.tld/a,0000-01-01,organic,1,10.0\n");
        Files.writeString(dir.resolve(last), "https://domain.tld/a,9999-12-31,organic,1,10.0\n");
        Run validate = run(dir, List.of("validate", "--deliveries", "--report", "json", "--max-violations",
                "100000000", first, last));
        assertThat(validate.exit).isEqualTo(2);
        assertThat(validate.stderr).contains("--max-violations 100000000").contains("lower --max-violations")
                .doesNotContain("reader limits");
        noStackTrace(validate);
    }

    private static void noStackTrace(Run run) {
        assertThat(run.stderr + run.stdout).doesNotContain("\tat ").doesNotContain("Exception");
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String jar() {
        return java() + " -Xmx64m -jar " + ConversionCheckJarIT.JAR;
    }

    /** Runs the jar under {@code -Xmx64m} in a folder, standard input empty. */
    static Run run(Path dir, List<String> args) throws Exception {
        return run(dir, args, null);
    }

    private static Run run(Path dir, List<String> args, Path stdin) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx64m", "-jar",
                ConversionCheckJarIT.JAR.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        return finish(builder);
    }

    private static Run shell(Path dir, String script) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "-c", script).directory(dir.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = builder.environment();
        environment.remove("JAVA_TOOL_OPTIONS");
        return finish(builder);
    }

    private static Run finish(ProcessBuilder builder) throws Exception {
        Process process = builder.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(out, UTF_8), new String(err.get(), UTF_8));
    }
}
