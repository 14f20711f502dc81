package org.conversionkit.benchmarks;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The benchmarks' passes run in turn in one JVM, raw parser, our source and full validation one after the
 * other (for writing: plain FastCSV writer and our checked writer), pass after pass, reporting the median time of each and the ratios of the medians. On a machine
 * shared with other work the load drifts from minute to minute; JMH measures one benchmark after the other,
 * so the drift lands in the ratios, while here it touches the three passes alike. The same benchmark methods
 * as JMH runs, on the same generated files:
 *
 * <pre>{@code
 * java -cp conversion-benchmarks/target/benchmarks.jar org.conversionkit.benchmarks.InterleavedPasses [ROWS [PASSES]]
 * }</pre>
 *
 * <p>Defaults: 1,000,000 rows, 15 passes, of which the first third warm up and are not counted. The order of
 * the three passes rotates from pass to pass, so that none always follows the same one.
 */
public final class InterleavedPasses {

    private static final String[] NAMES = {"raw", "source", "validate"};

    private InterleavedPasses() {
    }

    /** One of the three passes, as a benchmark method. */
    @FunctionalInterface
    private interface Pass {
        void run() throws IOException;
    }

    /**
     * Runs the passes and prints the medians and ratios.
     *
     * @param args the rows and the passes, both optional
     * @throws IOException if a file cannot be written or read
     */
    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        if (rows < 1 || passes < 3) {
            System.err.println("InterleavedPasses: ROWS must be at least 1 and PASSES at least 3");
            System.exit(2);
            return;
        }
        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        System.out.println(Runtime.version() + ", " + rows + " rows, median of " + (passes - passes / 3)
                + " passes after " + passes / 3 + " warm-up passes");
        for (String delimiter : new String[] {"comma", "semicolon"}) {
            CsvBenchmark csv = new CsvBenchmark();
            csv.rows = rows;
            csv.delimiter = delimiter;
            csv.writeFile();
            try {
                report("CSV " + delimiter, passes, NAMES, () -> csv.rawFastCsv(blackhole), () -> csv.source(blackhole),
                        csv::validate);
            } finally {
                csv.deleteFile();
            }
        }
        for (String delimiter : new String[] {"comma", "semicolon"}) {
            CsvWriterBenchmark writer = new CsvWriterBenchmark();
            writer.rows = rows;
            writer.delimiter = delimiter;
            writer.readRows();
            try {
                report("write " + delimiter, passes, new String[] {"raw", "checked"}, writer::rawFastCsvWriter,
                        writer::checkedWriter);
            } finally {
                writer.deleteFiles();
            }
        }
        NdjsonBenchmark ndjson = new NdjsonBenchmark();
        ndjson.rows = rows;
        ndjson.writeFile();
        try {
            report("NDJSON", passes, NAMES, () -> ndjson.rawJackson(blackhole), () -> ndjson.source(blackhole),
                    ndjson::validate);
        } finally {
            ndjson.deleteFile();
        }
    }

    private static void report(String input, int passes, String[] names, Pass... all) throws IOException {
        int count = all.length;
        long[][] nanos = new long[count][passes];
        for (int pass = 0; pass < passes; pass++) {
            for (int k = 0; k < count; k++) {
                int which = (pass + k) % count;
                long start = System.nanoTime();
                all[which].run();
                nanos[which][pass] = System.nanoTime() - start;
            }
        }
        double[] median = new double[count];
        for (int which = 0; which < count; which++) {
            long[] counted = Arrays.copyOfRange(nanos[which], passes / 3, passes);
            Arrays.sort(counted);
            median[which] = counted[counted.length / 2] / 1e6;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-15s", input));
        for (int which = 0; which < count; which++) {
            line.append(String.format(Locale.ROOT, " %s %.0f ms", names[which], median[which]));
            if (which > 0) {
                line.append(String.format(Locale.ROOT, " (%.2f)", median[0] / median[which]));
            }
        }
        System.out.println(line);
    }
}
