package org.conversionkit.benchmarks;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.model.ConversionLimits;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.Field;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.internal.DuplicateRows;
import org.conversionkit.model.internal.HeldValues;
import org.conversionkit.model.internal.SipHash;
import org.conversionkit.validation.ConversionValidator;

/**
 * What the duplicate-row check costs a validating pass: the 1,000,000-row file validated in turn with the check
 * and with it stopped after the first row ({@code maxTrackedRows} 1), in one JVM, the medians compared, as
 * {@link InterleavedPasses} does for the other passes. Then the check alone, on the file's rows held in memory the
 * way a reader holds a plain row: its keyed hash alone, and the whole check (the hash, the batches, the table), per
 * row and as a share of the pass without it. No arrangement of the pass can make the check cost less than it costs
 * alone:
 *
 * <pre>{@code
 * java -cp conversion-benchmarks/target/benchmarks.jar org.conversionkit.benchmarks.DuplicateRowCost [ROWS [PASSES]]
 * }</pre>
 */
public final class DuplicateRowCost {

    private DuplicateRowCost() {
    }

    /**
     * Runs the passes and prints the medians and the check's share.
     *
     * @param args the rows and the passes, both optional
     * @throws IOException if the file cannot be written or read
     */
    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path directory = BenchmarkFiles.newDirectory();
        try {
            Path file = directory.resolve("conversion-export-" + DataGenerator.DATE + ".csv");
            DataGenerator.write(file, DataGenerator.Format.CSV, ',', rows, DataGenerator.SEED);
            ConversionProfile with = ConversionProfile.DEFAULT;
            ConversionProfile without = ConversionProfile.builder()
                    .limits(ConversionLimits.builder().maxTrackedRows(1).build()).build();
            ConversionValidator validator = ConversionValidator.builder().build();
            long[][] nanos = new long[2][passes];
            for (int pass = 0; pass < passes; pass++) {
                for (int k = 0; k < 2; k++) {
                    int which = (pass + k) % 2;
                    long start = System.nanoTime();
                    try (RecordSource source = ConversionCsvReader.builder().profile(which == 0 ? with : without)
                            .source(file)) {
                        validator.validate(source);
                    }
                    nanos[which][pass] = System.nanoTime() - start;
                }
            }
            double checked = median(nanos[0]);
            double unchecked = median(nanos[1]);
            System.out.println(String.format(Locale.ROOT, "%s, %d rows, median of %d passes: with the check %.0f ms,"
                    + " without %.0f ms: +%.0f%%", Runtime.version(), rows, passes - passes / 3, checked / 1e6,
                    unchecked / 1e6, 100 * (checked / unchecked - 1)));
            alone(file, passes, unchecked / rows);
        } finally {
            BenchmarkFiles.delete(directory);
        }
    }

    /** The median of the passes after the first third, which warm the JIT up. */
    private static double median(long[] nanos) {
        long[] counted = Arrays.copyOfRange(nanos, nanos.length / 3, nanos.length);
        Arrays.sort(counted);
        return counted[counted.length / 2];
    }

    /**
     * Times the check alone on the file's rows in memory, in turn: the rows copied into a {@link HeldValues} as a
     * reader copies a plain row's values (the base, which the pass pays without the check too); the same and the
     * row's keyed hash, as the check computes it; the same and the whole check ({@link DuplicateRows#admitPlain}).
     */
    private static void alone(Path file, int passes, double passNanosPerRow) throws IOException {
        StringBuilder text = new StringBuilder();
        int[] ends = new int[16];
        int values = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
            for (CsvRecord record : reader) {
                if (values + 3 > ends.length) {
                    ends = Arrays.copyOf(ends, 2 * ends.length);
                }
                // The default layout: url, date, channel.
                for (int i = 0; i < 3; i++) {
                    text.append(i < record.getFieldCount() ? record.getField(i).strip() : "");
                    ends[values++] = text.length();
                }
            }
        }
        char[] chars = text.toString().toCharArray();
        int rows = values / 3;
        LocalDate date = LocalDate.parse(DataGenerator.DATE);
        SipHash hash = SipHash.withRandomKey();
        long[][] nanos = new long[3][passes];
        long sink = 0;
        for (int pass = 0; pass < passes; pass++) {
            for (int k = 0; k < 3; k++) {
                int what = (pass + k) % 3;
                HeldValues held = new HeldValues(Field.values().length);
                DuplicateRows check = new DuplicateRows(FieldDefaults.NONE, date, ConversionLimits.DEFAULTS, hash);
                long[] found = new long[1];
                check.reportTo(new DuplicateRows.Found() {
                    @Override
                    public void duplicate(long line, long column, long record, String url) {
                        found[0]++;
                    }

                    @Override
                    public void full(long line, long record) {
                        found[0] = -1;
                    }
                });
                SipHash.State state = hash.start();
                long start = System.nanoTime();
                for (int row = 0, at = 0; row < rows; row++) {
                    held.clear();
                    held.place(row + 1, row + 1);
                    held.hold(Field.URL.ordinal(), chars, at, ends[3 * row], 1);
                    held.hold(Field.DATE.ordinal(), chars, ends[3 * row], ends[3 * row + 1], 1);
                    held.hold(Field.CHANNEL.ordinal(), chars, ends[3 * row + 1], ends[3 * row + 2], 1);
                    at = ends[3 * row + 2];
                    if (what == 1) {
                        // The hash as the check computes it: the url, the channel, one word of lengths.
                        state.reset(hash);
                        state.text(held.chars(), held.from(Field.URL.ordinal()), held.to(Field.URL.ordinal()));
                        state.text(held.chars(), held.from(Field.CHANNEL.ordinal()),
                                held.to(Field.CHANNEL.ordinal()));
                        state.word(row);
                        sink += state.finish();
                    } else if (what == 2) {
                        sink += check.admitPlain(held) ? 1 : 0;
                    } else {
                        sink += held.to(Field.URL.ordinal());
                    }
                }
                check.settle();
                nanos[what][pass] = System.nanoTime() - start;
                sink += found[0];
            }
        }
        double base = median(nanos[0]);
        double hashOnly = (median(nanos[1]) - base) / rows;
        double whole = (median(nanos[2]) - base) / rows;
        System.out.println(String.format(Locale.ROOT, "alone, on the rows in memory (%d): the keyed hash %.0f ns a"
                + " row (%.0f%% of a pass without the check, %.0f ns a row), the whole check %.0f ns a row (%.0f%%)"
                + " [%d]", rows, hashOnly, 100 * hashOnly / passNanosPerRow, passNanosPerRow, whole,
                100 * whole / passNanosPerRow, sink & 1));
    }
}
