package com.example.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.conversionkit.csv.ConversionCsvWriter;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.WritePolicy;

/** A customer's nightly exporter: the day's conversions as {@code conversion-export-YYYY-MM-DD.csv}. */
public final class DailyExport {

    private DailyExport() {
    }

    /**
     * Writes the day's rows with {@code ;}, leaving out the rows the platform would reject.
     *
     * @param folder the folder
     * @param day    the day
     * @param rows   the rows
     * @return the file written
     * @throws IOException if it cannot be written
     */
    public static Path write(Path folder, LocalDate day, List<ConversionRow> rows) throws IOException {
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().delimiter(';').policy(WritePolicy.LEAVE_OUT)
                .build(folder, day)) {
            for (ConversionRow row : rows) {
                writer.write(row);
            }
            writer.finish();
            return writer.path();
        }
    }
}
