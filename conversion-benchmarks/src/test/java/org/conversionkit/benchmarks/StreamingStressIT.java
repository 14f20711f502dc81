package org.conversionkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.json.ConversionJsonReader;
import org.conversionkit.model.ConversionLimits;
import org.conversionkit.model.RecordSource;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming claim: a generated daily file of more than 1 GiB, CSV and NDJSON, is validated in constant
 * memory, by the library in this JVM and by the command line's jar in a child JVM, both with {@code -Xmx64m},
 * and every count is the generator's. Runs only in the {@code stress} profile:
 * {@code ./mvnw -B -Pstress -pl conversion-benchmarks -am verify}.
 */
class StreamingStressIT {

    private static final long GIB = 1L << 30;
    private static final Path CLI_JAR = Path.of(System.getProperty("conversion.cli.jar",
            "../conversion-cli/target/conversion-check.jar")).toAbsolutePath();

    @TempDir
    static Path directory;
    static Path csv;
    static Path ndjson;
    static DataGenerator.Counts csvCounts;
    static DataGenerator.Counts ndjsonCounts;

    @BeforeAll
    static void writeFiles() throws IOException {
        assertThat(Runtime.getRuntime().maxMemory()).as("the test JVM runs with -Xmx64m").isLessThanOrEqualTo(64L << 20);
        csv = directory.resolve("conversion-export-" + DataGenerator.DATE + ".csv");
        ndjson = directory.resolve("conversion-export-" + DataGenerator.DATE + ".ndjson");
        csvCounts = write(csv, DataGenerator.Format.CSV);
        ndjsonCounts = write(ndjson, DataGenerator.Format.NDJSON);
    }

    @AfterAll
    static void deleteFiles() throws IOException {
        // The files are large: delete them at once rather than leave it to the end of the run.
        Files.deleteIfExists(csv);
        Files.deleteIfExists(ndjson);
    }

    private static DataGenerator.Counts write(Path file, DataGenerator.Format format) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            DataGenerator.Counts counts = new DataGenerator(DataGenerator.SEED).write(out, format, ',', 0, GIB);
            assertThat(counts.bytes()).isGreaterThanOrEqualTo(GIB);
            return counts;
        } finally {
            assertThat(Files.size(file)).isGreaterThanOrEqualTo(GIB);
        }
    }

    @Test
    void theLibraryValidatesAGibibyteOfCsv() throws IOException {
        ValidationReport report;
        try (RecordSource source = ConversionCsvReader.builder().source(csv)) {
            report = ConversionValidator.builder().build().validate(source);
        }
        assertCounts(report.records(), report.invalidRecords(), report.warnings(), csvCounts);
        assertThat(report.delimiter()).isEqualTo(",");
    }

    @Test
    void theLibraryValidatesAGibibyteOfNdjson() throws IOException {
        ValidationReport report;
        try (RecordSource source = ConversionJsonReader.builder().source(ndjson)) {
            report = ConversionValidator.builder().build().validate(source);
        }
        assertCounts(report.records(), report.invalidRecords(), report.warnings(), ndjsonCounts);
    }

    @Test
    void theCommandValidatesAGibibyteOfCsvUnderXmx64m() throws IOException, InterruptedException {
        runCli(csv, csvCounts);
    }

    @Test
    void theCommandValidatesAGibibyteOfNdjsonUnderXmx64m() throws IOException, InterruptedException {
        runCli(ndjson, ndjsonCounts);
    }

    private static void runCli(Path file, DataGenerator.Counts expected) throws IOException, InterruptedException {
        assertThat(CLI_JAR).as("conversion-cli is packaged before this module").exists();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-jar", CLI_JAR.toString(), "validate", "--report", "json", file.toString());
        Path out = directory.resolve(file.getFileName() + ".out");
        Path err = directory.resolve(file.getFileName() + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("the command ends").isTrue();
        String report = Files.readString(out);
        String errors = Files.readString(err);
        // The generated files hold rows with errors: exit code 1, and a report, not an OutOfMemoryError.
        assertThat(process.exitValue()).as("exit code; stderr: %s", errors).isEqualTo(1);
        assertThat(errors).isEmpty();
        assertCounts(number(report, "records"), number(report, "invalidRecords"), number(report, "warnings"),
                expected);
        assertThat(number(report, "validRecords")).isEqualTo(expected.validRecords());
    }

    private static void assertCounts(long records, long invalid, long warnings, DataGenerator.Counts expected) {
        assertThat(records).as("records").isEqualTo(expected.records());
        assertThat(invalid).as("invalid records").isEqualTo(expected.invalidRecords());
        // The duplicate-row check remembers the first 2,000,000 distinct rows (the generated rows are distinct:
        // no DUPLICATE_ROW) and warns once past them, RECORD_TOO_LARGE.
        long pastTheLimit = expected.records() > ConversionLimits.DEFAULT_MAX_TRACKED_ROWS ? 1 : 0;
        assertThat(warnings).as("warnings").isEqualTo(expected.warnings() + pastTheLimit);
        assertThat(expected.records()).as("millions of rows").isGreaterThan(5_000_000L);
    }

    private static long number(String json, String key) {
        Matcher matcher = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(matcher.find()).as("%s in %s", key, json).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
