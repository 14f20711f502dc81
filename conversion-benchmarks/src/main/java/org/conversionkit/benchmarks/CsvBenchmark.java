package org.conversionkit.benchmarks;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.conversionkit.csv.ConversionCsvReader;
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

/**
 * One whole pass over a generated daily CSV file per operation, three ways on the same file: raw FastCSV
 * record iteration (every field of every record handed to a black hole), our record source alone (raw
 * records, reader checks), and full validation (read, map, every conversion-row rule, the report's counts).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class CsvBenchmark {

    /** Rows in the file. */
    @Param({"1000000"})
    public int rows;

    /** The delimiter: {@code comma} or {@code semicolon}. */
    @Param({"comma", "semicolon"})
    public String delimiter;

    private Path directory;
    private Path file;
    private char separator;
    private DataGenerator.Counts counts;
    private final ConversionValidator validator = ConversionValidator.builder().build();

    /** Creates the benchmark state; JMH calls it. */
    public CsvBenchmark() {
    }

    /**
     * Writes the file, once per trial.
     *
     * @throws IOException if it cannot be written
     */
    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        separator = BenchmarkFiles.delimiter(delimiter);
        directory = BenchmarkFiles.newDirectory();
        file = directory.resolve("conversion-export-" + DataGenerator.DATE + ".csv");
        counts = DataGenerator.write(file, DataGenerator.Format.CSV, separator, rows, DataGenerator.SEED);
    }

    /** Deletes the file. */
    @TearDown(Level.Trial)
    public void deleteFile() {
        BenchmarkFiles.delete(directory);
    }

    /**
     * FastCSV 4.4 record iteration: {@code CsvReader.builder().ofCsvRecord(path)}, every field consumed.
     *
     * @param blackhole consumes the fields
     * @return the records read
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public long rawFastCsv(Blackhole blackhole) throws IOException {
        long records = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator).ofCsvRecord(file)) {
            for (CsvRecord record : reader) {
                for (int i = 0, n = record.getFieldCount(); i < n; i++) {
                    blackhole.consume(record.getField(i));
                }
                records++;
            }
        }
        return check(records);
    }

    /**
     * Our CSV record source alone: raw records by slot, with the reader's own checks.
     *
     * @param blackhole consumes the records
     * @return the records read
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public long source(Blackhole blackhole) throws IOException {
        long records = 0;
        try (RecordSource source = ConversionCsvReader.builder().delimiter(separator).source(file)) {
            for (RawRecord record = source.next(); record != null; record = source.next()) {
                blackhole.consume(record);
                records++;
            }
        }
        return check(records);
    }

    /**
     * Full validation: {@link ConversionValidator} over our CSV source, the file name's date.
     *
     * @return the report
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public ValidationReport validate() throws IOException {
        ValidationReport report;
        try (RecordSource source = ConversionCsvReader.builder().delimiter(separator).source(file)) {
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
