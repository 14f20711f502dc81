package org.conversionkit.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.model.ConversionLimits;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.RecordSource;
import org.conversionkit.validation.ConversionValidator;

/**
 * What the duplicate-row check costs a validating pass: the 1,000,000-row file validated in turn with the check
 * and with it stopped after the first row ({@code maxTrackedRows} 1), in one JVM, the medians compared, as
 * {@link InterleavedPasses} does for the other passes:
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
            double[] median = new double[2];
            for (int which = 0; which < 2; which++) {
                long[] counted = Arrays.copyOfRange(nanos[which], passes / 3, passes);
                Arrays.sort(counted);
                median[which] = counted[counted.length / 2] / 1e6;
            }
            System.out.println(String.format(Locale.ROOT, "%s, %d rows, median of %d passes: with the check %.0f ms,"
                    + " without %.0f ms: +%.0f%%", Runtime.version(), rows, passes - passes / 3, median[0], median[1],
                    100 * (median[0] / median[1] - 1)));
        } finally {
            BenchmarkFiles.delete(directory);
        }
    }
}
