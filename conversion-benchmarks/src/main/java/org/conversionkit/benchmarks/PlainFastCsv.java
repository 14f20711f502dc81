package org.conversionkit.benchmarks;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The yardstick of the command line's wall time: a plain Java program that iterates FastCSV records over a
 * file, touching every field, and prints the count. {@code java -cp benchmarks.jar
 * org.conversionkit.benchmarks.PlainFastCsv FILE [DELIMITER]}; the delimiter defaults to a comma.
 */
public final class PlainFastCsv {

    private PlainFastCsv() {
    }

    /**
     * Reads the file.
     *
     * @param args the file, and optionally the delimiter
     * @throws IOException if the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        char delimiter = args.length > 1 ? args[1].charAt(0) : ',';
        long records = 0;
        long chars = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter)
                .ofCsvRecord(Path.of(args[0]))) {
            for (CsvRecord record : reader) {
                for (int i = 0, n = record.getFieldCount(); i < n; i++) {
                    chars += record.getField(i).length();
                }
                records++;
            }
        }
        System.out.println(records + " records, " + chars + " characters");
    }
}
