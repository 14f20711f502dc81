package org.conversionkit.benchmarks;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.conversionkit.csv.ConversionCsvWriter;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.WritePolicy;
import org.conversionkit.validation.ValidationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One whole daily file written per operation, two ways, from the same records in memory (the 1,000,000 rows of
 * the reading benchmarks, 2.3% of them with a violation): plain FastCSV {@link CsvWriter} to a file, forced to the
 * device; and {@link ConversionCsvWriter}, which checks every record by the validator's rules as it writes it
 * (under {@link WritePolicy#KEEP}, so both write every record), to a temporary file, forced and published under
 * the day's name. The ratio is the price of writing a file that is checked by construction.
 */
public class CsvWriterBenchmark extends FileBenchmark {

    private static final LocalDate DAY = LocalDate.parse(DataGenerator.DATE);
    /** The reading benchmarks' profile: the default column layout, which the generated rows have. */
    private static final ConversionProfile PROFILE = ConversionProfile.DEFAULT;

    /** The delimiter: {@code comma} or {@code semicolon}. */
    @Param({"comma", "semicolon"})
    public String delimiter;

    private char separator;
    private List<String[]> records;
    private DataGenerator.Counts counts;

    /** Creates the benchmark state; JMH calls it. */
    public CsvWriterBenchmark() {
    }

    /**
     * Generates the rows, once per trial: the file the reading benchmarks read, read back into memory.
     *
     * @throws IOException if the file cannot be written or read
     */
    @Setup(Level.Trial)
    public void readRows() throws IOException {
        separator = BenchmarkFiles.delimiter(delimiter);
        directory = BenchmarkFiles.newDirectory();
        Path file = directory.resolve("generated.csv");
        counts = DataGenerator.write(file, DataGenerator.Format.CSV, separator, rows, DataGenerator.SEED);
        records = new ArrayList<>(rows);
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator).ofCsvRecord(file)) {
            for (CsvRecord record : reader) {
                records.add(record.getFields().toArray(String[]::new));
            }
        }
        Files.delete(file);
    }

    /**
     * Plain FastCSV 4.4: {@code CsvWriter.builder().build(out)}, every record, LF line ends, the file forced to the
     * device at the end as the checked writer forces its own.
     *
     * @return the records written
     * @throws IOException if the file cannot be written
     */
    @Benchmark
    public long rawFastCsvWriter() throws IOException {
        Path file = directory.resolve("raw.csv");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(channel);
            CsvWriter csv = CsvWriter.builder().fieldSeparator(separator).lineDelimiter(LineDelimiter.LF)
                    .build(out, StandardCharsets.UTF_8);
            for (String[] record : records) {
                csv.writeRecord(record);
            }
            csv.flush();
            channel.force(true);
        }
        return records.size();
    }

    /**
     * {@link ConversionCsvWriter#writeRecord(String...)}: each record checked by the validator's rules (reader
     * rules, field rules, duplicate rows) before it is written; the report checked against the generator's counts.
     *
     * @return the report
     * @throws IOException if the file cannot be written
     */
    @Benchmark
    public ValidationReport checkedWriter() throws IOException {
        ValidationReport report;
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().profile(PROFILE).delimiter(separator)
                .policy(WritePolicy.KEEP).replaceExisting(true).build(directory, DAY)) {
            for (String[] record : records) {
                writer.writeRecord(record);
            }
            report = writer.finish();
        }
        if (report.records() != counts.records() || report.invalidRecords() != counts.invalidRecords()) {
            throw new IllegalStateException("unexpected report: " + report.records() + " records, "
                    + report.invalidRecords() + " invalid; expected " + counts);
        }
        return report;
    }
}
