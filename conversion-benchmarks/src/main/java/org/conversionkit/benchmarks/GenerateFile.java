package org.conversionkit.benchmarks;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a generated file for measurements outside JMH (the command line's wall time):
 * {@code java -cp benchmarks.jar org.conversionkit.benchmarks.GenerateFile FILE ROWS [csv|ndjson] [DELIMITER]}.
 */
public final class GenerateFile {

    private GenerateFile() {
    }

    /**
     * Writes the file and prints what it holds.
     *
     * @param args the file, the rows, the format (default csv) and the CSV delimiter (default comma)
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GenerateFile FILE ROWS [csv|ndjson] [DELIMITER]");
            System.exit(2);
        }
        DataGenerator.Format format = args.length > 2 && args[2].equalsIgnoreCase("ndjson")
                ? DataGenerator.Format.NDJSON : DataGenerator.Format.CSV;
        char delimiter = args.length > 3 ? args[3].charAt(0) : ',';
        DataGenerator.Counts counts = DataGenerator.write(Path.of(args[0]), format, delimiter,
                Long.parseLong(args[1]), DataGenerator.SEED);
        System.out.println(counts);
    }
}
