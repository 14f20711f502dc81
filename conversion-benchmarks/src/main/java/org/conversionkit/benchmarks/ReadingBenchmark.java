package org.conversionkit.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.ValidationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The two passes every reading benchmark makes over its generated daily file, beside the raw parser's pass of its
 * subclass: our record source alone, and full validation. Every pass is held to the generator's counts, so that a
 * pass that reads less than the file fails instead of looking fast.
 */
public abstract class ReadingBenchmark extends FileBenchmark {

    /** The generated file, written by the subclass's set-up. */
    Path file;
    /** What the generator wrote into {@link #file}. */
    DataGenerator.Counts counts;
    private final ConversionValidator validator = ConversionValidator.builder().build();

    /** Creates the benchmark state. */
    ReadingBenchmark() {
    }

    /**
     * Opens our record source on {@link #file}.
     *
     * @return the source
     * @throws IOException if the file cannot be opened
     */
    abstract RecordSource open() throws IOException;

    /**
     * Our record source alone: raw records by slot, with the reader's own checks.
     *
     * @param blackhole consumes the records
     * @return the records read
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public long source(Blackhole blackhole) throws IOException {
        long records = 0;
        try (RecordSource source = open()) {
            for (RawRecord record = source.next(); record != null; record = source.next()) {
                blackhole.consume(record);
                records++;
            }
        }
        return check(records);
    }

    /**
     * Full validation: {@link ConversionValidator} over our source, the file name's date.
     *
     * @return the report
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public ValidationReport validate() throws IOException {
        ValidationReport report;
        try (RecordSource source = open()) {
            report = validator.validate(source);
        }
        check(report.records());
        if (report.invalidRecords() != counts.invalidRecords() || report.warnings() != counts.warnings()) {
            throw new IllegalStateException("unexpected report: " + report.invalidRecords() + " invalid records and "
                    + report.warnings() + " warnings, expected " + counts);
        }
        return report;
    }

    /**
     * Holds a pass to the file.
     *
     * @param records the records the pass read
     * @return {@code records}
     * @throws IllegalStateException if the pass read another number of records than the generator wrote
     */
    final long check(long records) {
        if (records != counts.records()) {
            throw new IllegalStateException(records + " records read, " + counts.records() + " written");
        }
        return records;
    }
}
