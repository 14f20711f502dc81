package org.conversionkit.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line in a child JVM with {@code -Xmx64m}, fed through standard input: the largest inputs of
 * the bad-input suite (20 to 100 MiB), and large valid ones, streamed while they are generated. Each must end
 * with the suite's expected report and exit code: never an {@code OutOfMemoryError} (which the command line
 * would report with exit 2).
 */
class SmallHeapTest {

    private static final String HEAP = "-Xmx64m";
    private static final long LARGE = 1L << 20;

    static Stream<SpecCase> largeCases() {
        return HostileCases.all().stream().filter(c -> c.input().generated() && c.input().size() >= LARGE);
    }

    @Test
    void theLargestInputsAreThere() {
        assertThat(largeCases().map(SpecCase::id)).contains("field-100mb", "open-quote-20mb", "string-50mb");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("largeCases")
    void largeHostileInput(SpecCase c, @TempDir Path dir) throws Exception {
        Run run = run(HostileSuiteTest.arguments(c, dir), c.input().open(), dir);
        HostileSuiteTest.checkRun(c, run.exit, run.stdout, run.stderr);
    }

    @Test
    void twoMillionValidCsvRows(@TempDir Path dir) throws Exception {
        // Distinct rows: the duplicate-row check remembers them all, 2,000,000, its limit (32 MiB).
        InputStream in = new Lines(2_000_000, i -> ("https://domain.tld/path/to/my/page-" + i
                + ",2020-09-22,organic,1,10.0\n").getBytes(UTF_8));
        Run run = run(List.of("validate", "--report", "json", "--format", "csv", "--date", "2020-09-22", "-"), in,
                dir);
        assertThat(run.exit).as(run.stderr).isZero();
        assertThat(run.stdout).contains("\"records\":2000000").contains("\"validRecords\":2000000")
                .contains("\"warnings\":0");
    }

    @Test
    void moreDistinctRowsThanTrackedAndRepeatedOnes(@TempDir Path dir) throws Exception {
        // 2,000,001 distinct rows, then 1,000 repeated ones: one RECORD_TOO_LARGE warning at the limit, and none
        // for the repeats after it, which are no longer detected; the table stays at its limit in 64 MiB.
        InputStream in = new Lines(2_001_001, i -> ("https://domain.tld/path/to/my/page-" + (i % 2_000_001)
                + ",2020-09-22,organic,1,10.0\n").getBytes(UTF_8));
        Run run = run(List.of("validate", "--report", "json", "--format", "csv", "--date", "2020-09-22", "-"), in,
                dir);
        assertThat(run.exit).as(run.stderr).isZero();
        assertThat(run.stdout).contains("\"records\":2001001").contains("\"validRecords\":2001001")
                .contains("\"warnings\":1").contains("\"code\":\"RECORD_TOO_LARGE\"").contains("maxTrackedRows");
    }

    @Test
    void twoMillionRepeatedCsvRows(@TempDir Path dir) throws Exception {
        // One row, two million times: every row after the first is a DUPLICATE_ROW warning, built and counted.
        byte[] row = "https://domain.tld/path/to/my/page,2020-09-22,organic,1,10.0\n".getBytes(UTF_8);
        InputStream in = new Lines(2_000_000, i -> row);
        Run run = run(List.of("validate", "--report", "json", "--format", "csv", "--date", "2020-09-22", "-"), in,
                dir);
        assertThat(run.exit).as(run.stderr).isZero();
        assertThat(run.stdout).contains("\"records\":2000000").contains("\"validRecords\":2000000")
                .contains("\"warnings\":1999999").contains("\"truncated\":true");
    }

    @Test
    void moreDistinctCrmIdsThanTrackedInABoundedTable(@TempDir Path dir) throws Exception {
        // 2,000,001 distinct ids: the table of ids seen stays at its limit (32 MiB), which fits in 64 MiB.
        InputStream in = new Lines(2_000_001, i -> ("{\"orderId\":\"N" + i
                + "\",\"createdAt\":\"2020-01-20\",\"updatedAt\":\"2020-01-20\"}\n").getBytes(UTF_8));
        Run run = run(List.of("validate", "--report", "json", "--profile", "crm", "-"), in, dir);
        assertThat(run.exit).as(run.stderr).isEqualTo(1);
        assertThat(run.stdout).contains("\"records\":2000001").contains("\"validRecords\":2000000")
                .contains("\"code\":\"RECORD_TOO_LARGE\"").contains("maxTrackedIds");
    }

    @Test
    void schemaOfTwoMillionRowsThatAreNotObjects(@TempDir Path dir) throws Exception {
        // One finding for them all, with the count: findings are bounded by the fields, not by the rows.
        InputStream in = new Lines(2_000_000, i -> (i == 0 ? "{\"a\":1}\n" : "[1]\n").getBytes(UTF_8));
        Run run = run(List.of("schema", "--report", "json", "-"), in, dir);
        assertThat(run.exit).as(run.stderr).isEqualTo(1);
        assertThat(run.stdout).contains("\"rows\":2000000").contains("\"errors\":1")
                .contains("1999999 rows are not objects");
    }

    @Test
    void schemaOfTwoMillionRowsOfEveryKind(@TempDir Path dir) throws Exception {
        // Every row collected (no sample window): the field tree, a few numbers a field, and nothing else.
        InputStream in = new Lines(2_000_000, i -> ("{\"orderId\":\"N" + i + "\",\"createdAt\":\"2020-01-"
                + (10 + i % 10) + "T10:15:30Z\",\"total\":" + i + ".5,\"n\":" + i + ",\"tags\":[\"t" + i % 7
                + "\"],\"meta\":{\"k" + i % 50 + "\":true}}\n").getBytes(UTF_8));
        Run run = run(List.of("schema", "--report", "json", "--sample-rows", "all", "-"), in, dir);
        assertThat(run.exit).as(run.stderr).isZero();
        assertThat(run.stdout).contains("\"rows\":2000000").contains("\"findings\":[]")
                .contains("{\"name\":\"createdAt\",\"type\":\"TIMESTAMP\",\"mode\":\"NULLABLE\"}")
                .contains("{\"name\":\"k49\",\"type\":\"BOOLEAN\",\"mode\":\"NULLABLE\"}");
    }

    record Run(int exit, String stdout, String stderr) {
    }

    /** Runs the command line in a JVM of 64 MiB, feeding it standard input from a thread. */
    private static Run run(List<String> args, InputStream stdin, Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), HEAP, "-cp", System.getProperty("java.class.path"),
                ConversionCheck.class.getName()));
        command.addAll(args);
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        Thread feeder = new Thread(() -> {
            try (InputStream in = stdin; OutputStream pipe = process.getOutputStream()) {
                in.transferTo(pipe);
            } catch (IOException e) {
                // The command stopped reading: it has what it needs.
            }
        });
        feeder.start();
        boolean done = process.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly();
        }
        feeder.join(10_000);
        assertThat(done).as("the command ends").isTrue();
        return new Run(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
    }

    /** Generated lines, one at a time. */
    private static final class Lines extends InputStream {
        private final long count;
        private final java.util.function.LongFunction<byte[]> line;
        private long next;
        private byte[] current = new byte[0];
        private int position;

        Lines(long count, java.util.function.LongFunction<byte[]> line) {
            this.count = count;
            this.line = line;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            int written = 0;
            while (written < length) {
                if (position == current.length) {
                    if (next == count) {
                        break;
                    }
                    current = line.apply(next++);
                    position = 0;
                }
                int n = Math.min(length - written, current.length - position);
                System.arraycopy(current, position, target, offset + written, n);
                position += n;
                written += n;
            }
            return written == 0 && length > 0 ? -1 : written;
        }
    }
}
