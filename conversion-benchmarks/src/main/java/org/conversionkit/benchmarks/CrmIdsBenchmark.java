package org.conversionkit.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.conversionkit.json.CrmFeedReader;
import org.conversionkit.model.RecordSource;
import org.conversionkit.validation.FeedValidator;
import org.conversionkit.validation.ValidationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A snapshot CRM feed validated whole, one pass per operation, with ordinary ids and with ids crafted against the
 * duplicate check's former fixed-seed hash ({@link CrmIds}): on its keyed hash the check must cost the same whatever
 * the ids (issue 14: at most twice the time of ordinary ids). {@code InterleavedPasses crm-ids} runs the same passes
 * in turn in one JVM, which a shared machine needs:
 *
 * <pre>{@code
 * java -cp conversion-benchmarks/target/benchmarks.jar org.openjdk.jmh.Main CrmIdsBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(1)
public class CrmIdsBenchmark {

    /** The kind of ids. */
    @Param({"ORDINARY", "SAME_HASH", "SAME_SLOT"})
    public CrmIds.Kind kind;

    /** Records in the feed, each with its own id: the default {@code maxTrackedIds}. */
    @Param({"2000000"})
    public int ids;

    private Path directory;
    private Path file;
    private final FeedValidator validator = FeedValidator.builder().build();

    /** Creates the benchmark state; JMH calls it. */
    public CrmIdsBenchmark() {
    }

    /**
     * Writes the feed, once per trial.
     *
     * @throws IOException if it cannot be written
     */
    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        directory = BenchmarkFiles.newDirectory();
        file = directory.resolve("orders.ndjson");
        CrmIds.write(file, kind, ids);
    }

    /** Deletes the feed. */
    @TearDown(Level.Trial)
    public void deleteFile() {
        BenchmarkFiles.delete(directory);
    }

    /**
     * Validates the feed: read, every CRM rule, the duplicate check over every id, the report.
     *
     * @return the report
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public ValidationReport validate() throws IOException {
        ValidationReport report;
        try (RecordSource source = CrmFeedReader.builder().source(file)) {
            report = validator.validate(source);
        }
        if (report.records() != ids || report.validRecords() != ids) {
            throw new IllegalStateException("unexpected report: " + report.validRecords() + " valid records of "
                    + report.records() + ", " + ids + " distinct ids written; first violation: "
                    + report.violations().stream().findFirst().map(Object::toString).orElse("none"));
        }
        return report;
    }
}
