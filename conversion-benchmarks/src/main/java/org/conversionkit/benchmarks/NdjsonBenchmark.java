package org.conversionkit.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.conversionkit.json.ConversionJsonReader;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.validation.ConversionValidator;
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
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * One whole pass over a generated daily NDJSON file (the CSV benchmark's rows, as JSON objects) per
 * operation, three ways on the same file: raw Jackson 3 token iteration, our record source alone, and full
 * validation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class NdjsonBenchmark {

    /** Rows in the file. */
    @Param({"1000000"})
    public int rows;

    private Path directory;
    private Path file;
    private DataGenerator.Counts counts;
    private final JsonFactory factory = JsonFactory.builder().build();
    private final ConversionValidator validator = ConversionValidator.builder().build();

    /** Creates the benchmark state; JMH calls it. */
    public NdjsonBenchmark() {
    }

    /**
     * Writes the file, once per trial.
     *
     * @throws IOException if it cannot be written
     */
    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        directory = BenchmarkFiles.newDirectory();
        file = directory.resolve("conversion-export-" + DataGenerator.DATE + ".json");
        counts = DataGenerator.write(file, DataGenerator.Format.NDJSON, ',', rows, DataGenerator.SEED);
    }

    /** Deletes the file. */
    @TearDown(Level.Trial)
    public void deleteFile() {
        BenchmarkFiles.delete(directory);
    }

    /**
     * Jackson 3 token iteration with a default {@code JsonFactory} over the file's bytes: {@code nextToken()}
     * over every token; every scalar value's text is built as a {@code String} ({@code getString()}, as
     * FastCSV builds a {@code String} for every field) and every property name taken
     * ({@code currentName()}, the parser's canonical instance); each handed to a black hole.
     *
     * @param blackhole consumes the names and values
     * @return the root objects read
     */
    @Benchmark
    public long rawJackson(Blackhole blackhole) {
        long records = 0;
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), file)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    // The rows hold no nested objects: every object is a row.
                    case START_OBJECT -> records++;
                    case PROPERTY_NAME -> blackhole.consume(parser.currentName());
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> blackhole.consume(parser.getString());
                    default -> {
                        // Structure and literals carry no text.
                    }
                }
            }
        }
        return check(records);
    }

    /**
     * Our JSON record source alone: raw records by slot, with the reader's own checks.
     *
     * @param blackhole consumes the records
     * @return the records read
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public long source(Blackhole blackhole) throws IOException {
        long records = 0;
        try (RecordSource source = ConversionJsonReader.builder().source(file)) {
            for (RawRecord record = source.next(); record != null; record = source.next()) {
                blackhole.consume(record);
                records++;
            }
        }
        return check(records);
    }

    /**
     * Full validation: {@link ConversionValidator} over our JSON source, the file name's date.
     *
     * @return the report
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public ValidationReport validate() throws IOException {
        ValidationReport report;
        try (RecordSource source = ConversionJsonReader.builder().source(file)) {
            report = validator.validate(source);
        }
        check(report.records());
        if (report.invalidRecords() != counts.invalidRecords() || report.warnings() != counts.warnings()) {
            throw new IllegalStateException("unexpected report: " + report.invalidRecords() + " invalid records and "
                    + report.warnings() + " warnings, expected " + counts);
        }
        return report;
    }

    private long check(long records) {
        if (records != counts.records()) {
            throw new IllegalStateException(records + " records read, " + counts.records() + " written");
        }
        return records;
    }
}
