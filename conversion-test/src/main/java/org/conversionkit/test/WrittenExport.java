package org.conversionkit.test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.conversionkit.files.FileFormat;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.validation.ValidationReport;
import org.jspecify.annotations.Nullable;

/**
 * A day's export an {@link ExportFixture} wrote: where it is, what it holds, and where its mistakes are.
 *
 * @param path      the file, {@code FOLDER/conversion-export-YYYY-MM-DD.csv} ({@code .ndjson}, {@code .gz})
 * @param day       the file's day
 * @param format    {@link FileFormat#CSV} or {@link FileFormat#JSON} (NDJSON)
 * @param delimiter the CSV delimiter, or {@code null} for NDJSON
 * @param rows      the generated valid rows, in the order written; the mistakes' records are not among them
 * @param mistakes  the line of each mistake's record (one record a line, so its record number too); copied
 * @param report    the writer's report of what it wrote, the report {@code conversion-check validate} gives on the
 *                  file
 */
public record WrittenExport(
        Path path,
        LocalDate day,
        FileFormat format,
        @Nullable Character delimiter,
        List<ConversionRow> rows,
        Map<ExportMistake, Long> mistakes,
        ValidationReport report) {

    /**
     * Checks the arguments and copies the lists.
     *
     * @param path the file
     * @param day the file's day
     * @param format the file's format
     * @param delimiter the CSV delimiter, or {@code null} for NDJSON
     * @param rows the generated valid rows, in the order written
     * @param mistakes the line of each mistake's record
     * @param report the writer's report
     */
    public WrittenExport {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(report, "report");
        rows = List.copyOf(rows);
        mistakes = Placement.copy(ExportMistake.class, mistakes);
    }

    /**
     * Returns the line of a mistake's record; the file has one record a line, so it is the record's number too.
     *
     * @param mistake the mistake
     * @return its 1-based line
     * @throws IllegalArgumentException if the mistake was not written
     */
    public long lineOf(ExportMistake mistake) {
        return Placement.lineOf(mistakes, mistake, path);
    }

    /**
     * Returns how many records the file holds: the generated rows and one a mistake.
     *
     * @return the number of records
     */
    public long recordCount() {
        return (long) rows.size() + mistakes.size();
    }
}
