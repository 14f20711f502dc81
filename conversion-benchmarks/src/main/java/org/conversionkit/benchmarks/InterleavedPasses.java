package org.conversionkit.benchmarks;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The benchmarks' passes run in turn in one JVM, raw parser, our source and full validation one after the
 * other (for writing: plain FastCSV writer and our checked writer), pass after pass, reporting the median time of
 * each and the ratios of the medians. On a machine
 * shared with other work the load drifts from minute to minute; JMH measures one benchmark after the other,
 * so the drift lands in the ratios, while here it touches the three passes alike. The same benchmark methods
 * as JMH runs, on the same generated files:
 *
 * <pre>{@code
 * java -cp conversion-benchmarks/target/benchmarks.jar org.conversionkit.benchmarks.InterleavedPasses \
 *     [ROWS [PASSES [PARTS]]]
 * }</pre>
 *
 * <p>Defaults: 1,000,000 rows, 15 passes, of which the first third warm up and are not counted. The order of
 * the three passes rotates from pass to pass, so that none always follows the same one. PARTS picks what runs,
 * {@code csv}, {@code write} and {@code ndjson} separated by commas (all by default), for comparing one part of
 * two builds, process after process.
 *
 * <p>{@code crm-ids [IDS [PASSES]]} runs {@link CrmIdsBenchmark}'s pass instead, on three snapshot CRM feeds of
 * 2,000,000 ids by default, ordinary and crafted two ways ({@link CrmIds}), in turn, and reports each crafted feed's
 * median against the ordinary one's (issue 14: at most 2):
 *
 * <pre>{@code
 * java -cp conversion-benchmarks/target/benchmarks.jar org.conversionkit.benchmarks.InterleavedPasses crm-ids
 * }</pre>
 */
public final class InterleavedPasses {

    private static final String[] NAMES = {"raw", "source", "validate"};
    private static final String[] ID_NAMES = {"ordinary", "same-hash", "same-slot"};

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
        if (args.length > 0 && args[0].equals("crm-ids")) {
            crmIds(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        List<String> parts = List.of((args.length > 2 ? args[2] : "csv,write,ndjson").split(","));
        if (rows < 1 || passes < 3 || !List.of("csv", "write", "ndjson").containsAll(parts)) {
            System.err.println("InterleavedPasses: ROWS must be at least 1, PASSES at least 3, and PARTS of csv,"
                    + " write and ndjson");
            System.exit(2);
            return;
        }
        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        System.out.println(Runtime.version() + ", " + rows + " rows, median of " + (passes - passes / 3)
                + " passes after " + passes / 3 + " warm-up passes");
        for (String delimiter : parts.contains("csv") ? new String[] {"comma", "semicolon"} : new String[0]) {
            CsvBenchmark csv = new CsvBenchmark();
            csv.rows = rows;
            csv.delimiter = delimiter;
            csv.writeFile();
            try {
                report("CSV " + delimiter, passes, NAMES, () -> csv.rawFastCsv(blackhole), () -> csv.source(blackhole),
                        csv::validate);
            } finally {
                csv.deleteFiles();
            }
        }
        for (String delimiter : parts.contains("write") ? new String[] {"comma", "semicolon"} : new String[0]) {
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
        if (!parts.contains("ndjson")) {
            return;
        }
        NdjsonBenchmark ndjson = new NdjsonBenchmark();
        ndjson.rows = rows;
        ndjson.writeFile();
        try {
            report("NDJSON", passes, NAMES, () -> ndjson.rawJackson(blackhole), () -> ndjson.source(blackhole),
                    ndjson::validate);
        } finally {
            ndjson.deleteFiles();
        }
    }

    private static void report(String input, int passes, String[] names, Pass... all) throws IOException {
        double[] median = medians(passes, all);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-15s", input));
        for (int which = 0; which < all.length; which++) {
            line.append(String.format(Locale.ROOT, " %s %.0f ms", names[which], median[which]));
            if (which > 0) {
                line.append(String.format(Locale.ROOT, " (%.2f)", median[0] / median[which]));
            }
        }
        System.out.println(line);
    }

    /** Runs the passes in turn, their order rotating; returns each one's median time in ms, warm-up left out. */
    private static double[] medians(int passes, Pass... all) throws IOException {
        int n = all.length;
        long[][] nanos = new long[n][passes];
        for (int pass = 0; pass < passes; pass++) {
            for (int k = 0; k < n; k++) {
                int which = (pass + k) % n;
                long start = System.nanoTime();
                all[which].run();
                nanos[which][pass] = System.nanoTime() - start;
            }
        }
        double[] median = new double[n];
        for (int which = 0; which < n; which++) {
            long[] counted = Arrays.copyOfRange(nanos[which], passes / 3, passes);
            Arrays.sort(counted);
            median[which] = counted[counted.length / 2] / 1e6;
        }
        return median;
    }

    /** The duplicate check on ordinary and crafted ids: the medians, and the crafted ones' against the ordinary. */
    private static void crmIds(String[] args) throws IOException {
        int ids = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        if (ids < 1 || passes < 3) {
            System.err.println("InterleavedPasses crm-ids: IDS must be at least 1 and PASSES at least 3");
            System.exit(2);
            return;
        }
        System.out.println(Runtime.version() + ", CRM snapshot feeds of " + ids + " ids, median of "
                + (passes - passes / 3) + " passes after " + passes / 3 + " warm-up passes");
        CrmIds.Kind[] kinds = CrmIds.Kind.values();
        CrmIdsBenchmark[] feeds = new CrmIdsBenchmark[kinds.length];
        Pass[] all = new Pass[kinds.length];
        try {
            for (int k = 0; k < kinds.length; k++) {
                CrmIdsBenchmark feed = new CrmIdsBenchmark();
                feed.kind = kinds[k];
                feed.ids = ids;
                feed.writeFile();
                feeds[k] = feed;
                all[k] = feed::validate;
            }
            double[] median = medians(passes, all);
            StringBuilder line = new StringBuilder("validate --profile crm");
            for (int k = 0; k < kinds.length; k++) {
                line.append(String.format(Locale.ROOT, " %s %.0f ms", ID_NAMES[k], median[k]));
                if (k > 0) {
                    line.append(String.format(Locale.ROOT, " (%.2fx)", median[k] / median[0]));
                }
            }
            System.out.println(line);
        } finally {
            for (CrmIdsBenchmark feed : feeds) {
                if (feed != null) {
                    feed.deleteFile();
                }
            }
        }
    }
}
