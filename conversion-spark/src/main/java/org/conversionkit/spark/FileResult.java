package org.conversionkit.spark;

import java.io.Serializable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.conversionkit.model.Violation;
import org.conversionkit.validation.ValidationReport;
import org.jspecify.annotations.Nullable;

/**
 * The report of one file as it travels from a task to the driver's Datasets: the values of a
 * {@link ValidationReport}, serializable, and its rows.
 *
 * @param file           the file's name, the URI Spark gives it
 * @param format         {@code "csv"} or {@code "json"}, or {@code null} when the file could not be read
 * @param delimiter      the CSV delimiter, or {@code null}
 * @param profile        {@code "conversions"} or {@code "crm"}
 * @param date           the date rows were held to, or {@code null}
 * @param valid          whether the file has no error
 * @param records        the records read
 * @param validRecords   the records without an error
 * @param invalidRecords the records with an error
 * @param blankLines     the blank lines skipped
 * @param errors         the errors found, listed or not
 * @param warnings       the warnings found, listed or not
 * @param truncated      whether more violations were found than listed
 * @param violations     the listed violations
 */
record FileResult(String file, @Nullable String format, @Nullable String delimiter, String profile,
        @Nullable LocalDate date, boolean valid, long records, long validRecords, long invalidRecords,
        long blankLines, long errors, long warnings, boolean truncated, ArrayList<ViolationRow> violations)
        implements Serializable {

    /** The schema of the files' Dataset: one row per file, the JSON report's keys but the violations. */
    static final StructType FILES = new StructType(new StructField[] {
        DataTypes.createStructField("file", DataTypes.StringType, false),
        DataTypes.createStructField("format", DataTypes.StringType, true),
        DataTypes.createStructField("delimiter", DataTypes.StringType, true),
        DataTypes.createStructField("profile", DataTypes.StringType, false),
        DataTypes.createStructField("date", DataTypes.DateType, true),
        DataTypes.createStructField("valid", DataTypes.BooleanType, false),
        DataTypes.createStructField("records", DataTypes.LongType, false),
        DataTypes.createStructField("validRecords", DataTypes.LongType, false),
        DataTypes.createStructField("invalidRecords", DataTypes.LongType, false),
        DataTypes.createStructField("blankLines", DataTypes.LongType, false),
        DataTypes.createStructField("errors", DataTypes.LongType, false),
        DataTypes.createStructField("warnings", DataTypes.LongType, false),
        DataTypes.createStructField("truncated", DataTypes.BooleanType, false)});

    /** The schema of the violations' Dataset: one row per listed violation, with its file. */
    static final StructType VIOLATIONS = new StructType(new StructField[] {
        DataTypes.createStructField("file", DataTypes.StringType, false),
        DataTypes.createStructField("line", DataTypes.LongType, false),
        DataTypes.createStructField("record", DataTypes.LongType, false),
        DataTypes.createStructField("column", DataTypes.LongType, false),
        DataTypes.createStructField("field", DataTypes.StringType, true),
        DataTypes.createStructField("code", DataTypes.StringType, false),
        DataTypes.createStructField("severity", DataTypes.StringType, false),
        DataTypes.createStructField("value", DataTypes.StringType, true),
        DataTypes.createStructField("message", DataTypes.StringType, false)});

    /**
     * One listed violation, with its file.
     *
     * @param file     the file's name
     * @param line     the line, 0 for the whole file
     * @param record   the record, 0 for the whole file
     * @param column   the column, 0 when unknown
     * @param field    the field, or {@code null}
     * @param code     the violation code
     * @param severity {@code "error"} or {@code "warning"}
     * @param value    the rejected value, or {@code null}
     * @param message  what is wrong and how to fix it
     */
    record ViolationRow(String file, long line, long record, long column, @Nullable String field, String code,
            String severity, @Nullable String value, String message) implements Serializable {

        Row toRow() {
            return RowFactory.create(file, line, record, column, field, code, severity, value, message);
        }
    }

    static FileResult of(ValidationReport report) {
        ArrayList<ViolationRow> violations = new ArrayList<>(report.violations().size());
        for (Violation v : report.violations()) {
            violations.add(new ViolationRow(report.file(), v.line(), v.record(), v.column(), v.field(),
                    v.code().name(), v.severity().label(), v.value(), v.message()));
        }
        return new FileResult(report.file(), report.format(), report.delimiter(), report.profile().label(),
                report.date(), report.valid(), report.records(), report.validRecords(), report.invalidRecords(),
                report.blankLines(), report.errors(), report.warnings(), report.truncated(), violations);
    }

    /**
     * The file's row.
     *
     * @param java8Dates whether the session takes {@code java.time} values ({@code spark.sql.datetime.java8API})
     */
    Row toRow(boolean java8Dates) {
        Object day = date == null ? null : java8Dates ? date : Date.valueOf(date);
        return RowFactory.create(file, format, delimiter, profile, day, valid, records, validRecords,
                invalidRecords, blankLines, errors, warnings, truncated);
    }

    List<Row> violationRows() {
        List<Row> rows = new ArrayList<>(violations.size());
        for (ViolationRow violation : violations) {
            rows.add(violation.toRow());
        }
        return rows;
    }
}
