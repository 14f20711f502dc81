package org.conversionkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conversionkit.json.BigQuerySchema;
import org.conversionkit.json.SchemaAnalysis;
import org.conversionkit.json.SchemaInference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schema} on a generated CRM feed of more than 1 GiB: by the library in this JVM and by the command's
 * jar in a child JVM, both with {@code -Xmx64m} (the field tree is bounded by {@code maxSchemaFields}, no row is
 * kept), and the command's throughput against {@code validate --profile crm} on the same file: the passes run in
 * turn, three each, and the best of each is compared; {@code schema} must take at most 1.5 times as long.
 * Runs only in the {@code stress} profile: {@code ./mvnw -B -Pstress -pl conversion-benchmarks -am verify}.
 * The figures it prints are worth quoting only when the machine is otherwise idle.
 */
class SchemaStressIT {

    private static final long GIB = 1L << 30;
    private static final Path CLI_JAR = Path.of(System.getProperty("conversion.cli.jar",
            "../conversion-cli/target/conversion-check.jar")).toAbsolutePath();
    private static final double MAX_RATIO = 1.5;
    private static final int ROUNDS = 3;

    /** The schema of every generated row, as BigQuery's detection gives it. */
    private static final String SCHEMA = "[{\"name\":\"orderId\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"},"
            + "{\"name\":\"createdAt\",\"type\":\"TIMESTAMP\",\"mode\":\"NULLABLE\"},"
            + "{\"name\":\"updatedAt\",\"type\":\"DATE\",\"mode\":\"NULLABLE\"},"
            + "{\"name\":\"currency\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"},"
            + "{\"name\":\"total\",\"type\":\"FLOAT\",\"mode\":\"NULLABLE\"},"
            + "{\"name\":\"status\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"},"
            + "{\"name\":\"userId\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"},"
            + "{\"name\":\"items\",\"type\":\"RECORD\",\"mode\":\"REPEATED\",\"fields\":["
            + "{\"name\":\"sku\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"},"
            + "{\"name\":\"qty\",\"type\":\"INTEGER\",\"mode\":\"NULLABLE\"},"
            + "{\"name\":\"price\",\"type\":\"FLOAT\",\"mode\":\"NULLABLE\"}]},"
            + "{\"name\":\"source\",\"type\":\"RECORD\",\"mode\":\"NULLABLE\",\"fields\":["
            + "{\"name\":\"channel\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"},"
            + "{\"name\":\"campaign\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"}]},"
            + "{\"name\":\"tags\",\"type\":\"STRING\",\"mode\":\"REPEATED\"}]";

    @TempDir
    static Path directory;
    static Path feed;
    static long records;

    @BeforeAll
    static void writeFeed() throws IOException {
        assertThat(Runtime.getRuntime().maxMemory()).as("the test JVM runs with -Xmx64m").isLessThanOrEqualTo(64L << 20);
        feed = directory.resolve("crm-snapshot-2020-01-20.ndjson");
        records = write(feed);
        assertThat(Files.size(feed)).isGreaterThanOrEqualTo(GIB);
    }

    @AfterAll
    static void deleteFeed() throws IOException {
        Files.deleteIfExists(feed);
    }

    /**
     * Writes CRM records as the SegmentStream document shows them, with a nested array of items, a nested
     * record and an array of tags; every id once, every update on or after its creation.
     */
    private static long write(Path file) throws IOException {
        String[] statuses = {"received", "shipped", "delivered", "refunded", "pendingShipment"};
        String[] channels = {"web", "app", "store", "phone"};
        String[] tags = {"vip", "b2b", "first-order", "gift"};
        SplittableRandom random = new SplittableRandom(20200120L);
        StringBuilder line = new StringBuilder(512);
        long bytes = 0;
        long n = 0;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            while (bytes < GIB) {
                n++;
                int created = 1 + random.nextInt(19);
                line.setLength(0);
                line.append("{\"orderId\":\"N").append(n).append("\",\"createdAt\":\"2020-01-")
                        .append(created < 10 ? "0" : "").append(created).append('T')
                        .append(10 + random.nextInt(10)).append(':').append(10 + random.nextInt(50)).append(':')
                        .append(10 + random.nextInt(50)).append("Z\",\"updatedAt\":\"2020-01-20\",")
                        .append("\"currency\":\"USD\",\"total\":").append(random.nextInt(1000)).append('.')
                        .append(10 + random.nextInt(90)).append(",\"status\":\"")
                        .append(statuses[random.nextInt(statuses.length)]).append("\",\"userId\":\"U")
                        .append(random.nextInt(1_000_000)).append("\",\"items\":[");
                int items = 1 + random.nextInt(3);
                for (int i = 0; i < items; i++) {
                    line.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(random.nextInt(100_000))
                            .append("\",\"qty\":").append(1 + random.nextInt(5)).append(",\"price\":")
                            .append(random.nextInt(200)).append(".99}");
                }
                line.append("],\"source\":{\"channel\":\"").append(channels[random.nextInt(channels.length)])
                        .append("\",\"campaign\":\"c").append(random.nextInt(40)).append("\"},\"tags\":[");
                int tagCount = random.nextInt(3);
                for (int i = 0; i < tagCount; i++) {
                    line.append(i == 0 ? "" : ",").append('"').append(tags[random.nextInt(tags.length)]).append('"');
                }
                line.append("]}\n");
                out.append(line);
                bytes += line.length();
            }
        }
        return n;
    }

    @Test
    void theLibraryInfersTheSchemaOfAGibibyteFromEveryRow() throws IOException {
        SchemaAnalysis analysis = SchemaInference.builder().sampleRows(SchemaInference.ALL_ROWS).build()
                .analyze(feed);
        assertThat(analysis.rows()).isEqualTo(records);
        assertThat(BigQuerySchema.toJson(analysis.schema())).isEqualTo(SCHEMA);
        assertThat(analysis.findings()).isEmpty();
    }

    @Test
    void theCommandRunsUnderXmx64mAtWithinOneAndAHalfTimesValidate() throws IOException, InterruptedException {
        List<Long> validate = new ArrayList<>();
        List<Long> sample = new ArrayList<>();
        List<Long> every = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Run run = run("validate", "--profile", "crm", "--report", "json", feed.toString());
            // More ids than the duplicate check tracks (maxTrackedIds): one error says so; every record is read.
            assertThat(run.exit).as(run.stderr).isEqualTo(1);
            assertThat(number(run.stdout, "records")).isEqualTo(records);
            assertThat(run.stdout).contains("maxTrackedIds");
            validate.add(run.nanos);

            run = run("schema", "--report", "json", feed.toString());
            assertThat(run.exit).as(run.stderr).isZero();
            assertThat(run.stdout).contains("\"rows\":" + records).contains("\"schema\":" + SCHEMA + ",\"findings\":[]");
            sample.add(run.nanos);

            run = run("schema", "--report", "json", "--sample-rows", "all", feed.toString());
            assertThat(run.exit).as(run.stderr).isZero();
            assertThat(run.stdout).contains("\"schema\":" + SCHEMA + ",\"findings\":[]");
            every.add(run.nanos);
        }
        double mib = Files.size(feed) / (1024.0 * 1024.0);
        long bestValidate = validate.stream().min(Long::compare).orElseThrow();
        long bestSample = sample.stream().min(Long::compare).orElseThrow();
        long bestEvery = every.stream().min(Long::compare).orElseThrow();
        System.out.printf(Locale.ROOT, "%.0f MiB, %d records, best of %d, -Xmx64m: validate --profile crm %.2f s"
                + " (%.0f MiB/s); schema %.2f s (%.0f MiB/s, ratio %.2f); schema --sample-rows all %.2f s"
                + " (%.0f MiB/s, ratio %.2f)%n", mib, records, ROUNDS, seconds(bestValidate), mib
                / seconds(bestValidate), seconds(bestSample), mib / seconds(bestSample), (double) bestSample
                / bestValidate, seconds(bestEvery), mib / seconds(bestEvery), (double) bestEvery / bestValidate);
        assertThat((double) bestSample / bestValidate).as("schema / validate --profile crm").isLessThanOrEqualTo(MAX_RATIO);
        assertThat((double) bestEvery / bestValidate).as("schema --sample-rows all / validate --profile crm")
                .isLessThanOrEqualTo(MAX_RATIO);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    record Run(int exit, String stdout, String stderr, long nanos) {
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        assertThat(CLI_JAR).as("conversion-cli is packaged before this module").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx64m", "-jar", CLI_JAR.toString()));
        command.addAll(List.of(args));
        Path out = directory.resolve("out");
        Path err = directory.resolve("err");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("the command ends").isTrue();
        long nanos = System.nanoTime() - start;
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err), nanos);
    }

    private static long number(String json, String key) {
        Matcher matcher = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(matcher.find()).as("%s in %s", key, json).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
