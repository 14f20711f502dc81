package org.conversionkit.benchmarks;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.model.ConversionMapper;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.Field;
import org.conversionkit.model.FileProfile;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.model.rules.NumberRules;
import org.conversionkit.model.rules.UrlRule;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.ValidationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-row costs of the rules on the generated rows, held in memory: the URL rule alone, and the mapper's
 * whole check of a record. Not part of the default run ({@link BenchmarkMain} runs the file benchmarks);
 * run it with {@code java -jar benchmarks.jar RuleBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleBenchmark {

    private static final int ROWS = 4096;

    /** How many distinct rows to cycle over: 4096 (unlike rows, as in a file) or 64 (all in the L1 cache). */
    @Param({"4096", "64"})
    public int distinct;

    private RawRecord[] records;
    private String[] urls;
    private final ConversionValidator validator = ConversionValidator.builder().build();
    private final ConversionMapper mapper = ConversionMapper.builder()
            .expectedDate(LocalDate.parse(DataGenerator.DATE)).build();

    /** Creates the benchmark state; JMH calls it. */
    public RuleBenchmark() {
    }

    /**
     * Generates and reads the rows.
     *
     * @throws IOException never: everything is in memory
     */
    @Setup
    public void readRows() throws IOException {
        StringWriter text = new StringWriter();
        new DataGenerator(DataGenerator.SEED).write(text, DataGenerator.Format.CSV, ',', ROWS, 0);
        List<RawRecord> read = new ArrayList<>();
        try (RecordSource source = ConversionCsvReader.builder().delimiter(',')
                .source(new StringReader(text.toString()))) {
            for (RawRecord record = source.next(); record != null; record = source.next()) {
                read.add(record);
            }
        }
        records = new RawRecord[ROWS];
        for (int i = 0; i < ROWS; i++) {
            records[i] = read.get(i % distinct);
        }
        urls = new String[records.length];
        for (int i = 0; i < records.length; i++) {
            urls[i] = records[i].value(Field.URL.ordinal());
        }
    }

    /**
     * {@link UrlRule#check(String)} on one generated URL.
     *
     * @return how many are valid
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int urlRule() {
        int valid = 0;
        for (String url : urls) {
            if (UrlRule.check(url) == null) {
                valid++;
            }
        }
        return valid;
    }

    /**
     * {@link ConversionMapper#check} on one generated record: every field rule.
     *
     * @return how many are valid
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int mapperCheck() {
        int valid = 0;
        for (RawRecord record : records) {
            if (mapper.check(record, RuleBenchmark::ignore)) {
                valid++;
            }
        }
        return valid;
    }

    /**
     * {@link NumberRules} on one generated record's transactions and revenue.
     *
     * @return how many are valid
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int numberRules() {
        int valid = 0;
        for (RawRecord record : records) {
            String transactions = record.value(Field.TRANSACTIONS.ordinal());
            String revenue = record.value(Field.REVENUE.ordinal());
            if (transactions != null && NumberRules.checkInteger("transactions", transactions) == null
                    && revenue != null && NumberRules.checkDecimal("revenue", revenue) == null
                    && !NumberRules.isNegative(revenue)) {
                valid++;
            }
        }
        return valid;
    }

    /**
     * {@link ConversionValidator} over the records held in memory: the mapper, counting and the violations'
     * messages, without reading.
     *
     * @return the report
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ValidationReport validator() {
        RawRecord[] all = records;
        return validator.validate(new RecordSource() {
            private int next;

            @Override
            public RawRecord next() {
                return next < all.length ? all[next++] : null;
            }

            @Override
            public long blankLines() {
                return 0;
            }

            @Override
            public String format() {
                return "csv";
            }

            @Override
            public FileProfile profile() {
                return ConversionProfile.DEFAULT;
            }

            @Override
            public Optional<String> name() {
                return Optional.of("conversion-export-" + DataGenerator.DATE + ".csv");
            }

            @Override
            public void close() {
                // Nothing to close.
            }
        });
    }

    private static void ignore(Violation violation) {
        // Only the rules' cost is measured.
    }
}
