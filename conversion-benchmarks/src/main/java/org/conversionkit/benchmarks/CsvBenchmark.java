package org.conversionkit.benchmarks;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.model.RecordSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One whole pass over a generated daily CSV file per operation, three ways on the same file: raw FastCSV
 * record iteration (every field of every record handed to a black hole), our record source alone (raw
 * records, reader checks), and full validation (read, map, every conversion-row rule, the report's counts).
 */
public class CsvBenchmark extends ReadingBenchmark {

    /** The delimiter: {@code comma} or {@code semicolon}. */
    @Param({"comma", "semicolon"})
    public String delimiter;

    private char separator;

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

    @Override
    RecordSource open() throws IOException {
        return ConversionCsvReader.builder().delimiter(separator).source(file);
    }
}
