package org.conversionkit.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes a folder of daily files for the measurements of many files at once ({@code validate --jobs}):
 * {@code java -cp benchmarks.jar org.conversionkit.benchmarks.GenerateFiles FOLDER FILES ROWS}, one
 * {@code conversion-export-YYYY-MM-DD.csv} a day from 2020-09-01, each with its own rows and that day's date.
 */
public final class GenerateFiles {

    private GenerateFiles() {
    }

    /**
     * Writes the files and prints what each holds.
     *
     * @param args the folder, the number of files, the rows of each
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: GenerateFiles FOLDER FILES ROWS");
            System.exit(2);
        }
        Path folder = Files.createDirectories(Path.of(args[0]));
        int files = Integer.parseInt(args[1]);
        long rows = Long.parseLong(args[2]);
        LocalDate first = LocalDate.of(2020, 9, 1);
        for (int i = 0; i < files; i++) {
            LocalDate day = first.plusDays(i);
            Path file = folder.resolve("conversion-export-" + day + ".csv");
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                    StandardCharsets.UTF_8), 1 << 16)) {
                DataGenerator.Counts counts = new DataGenerator(DataGenerator.SEED + i, day)
                        .write(out, DataGenerator.Format.CSV, ',', rows, 0);
                System.out.println(file.getFileName() + ": " + counts);
            }
        }
    }
}
