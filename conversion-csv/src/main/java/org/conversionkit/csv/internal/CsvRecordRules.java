package org.conversionkit.csv.internal;

import org.conversionkit.csv.CsvLimits;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;

/**
 * The reader's own checks of a whole record, before the field rules, as the writer applies them to the values it
 * is given: {@code HEADER_ROW} (record 1), {@code FIELD_COUNT}, {@code RECORD_TOO_LARGE}, in the reader's order,
 * worded as the reader words them. ({@code COMMENT_LINE} cannot happen to a written record: the writer quotes a
 * first value that would read as a comment.)
 */
public final class CsvRecordRules {

    /** A rejected value is shortened to {@link Violation#MAX_VALUE_LENGTH}; copying one more is enough. */
    static final int VALUE_CAP = Violation.MAX_VALUE_LENGTH + 1;

    private final ColumnLayout layout;
    private final char delimiter;
    private final CsvLimits limits;

    /**
     * Creates the checks of a file.
     *
     * @param layout    the column layout
     * @param delimiter the delimiter
     * @param limits    the limits the reader holds the file to
     */
    public CsvRecordRules(ColumnLayout layout, char delimiter, CsvLimits limits) {
        this.layout = layout;
        this.delimiter = delimiter;
        this.limits = limits;
    }

    /**
     * Returns the reader's rejection of a record of exact values, or {@code null} when the reader would hand the
     * record to the field rules.
     *
     * @param values the record's values as written
     * @param line   the line where it starts
     * @param record its number in the file
     * @return the one violation that rejects the record, or {@code null}
     */
    public @Nullable Violation rejection(String[] values, long line, long record) {
        if (record > limits.maxRecords()) {
            return tooManyRecords(line, record, limits.maxRecords());
        }
        if (record == 1) {
            boolean name = false;
            boolean date = false;
            for (String value : values) {
                char[] chars = value.toCharArray();
                name |= HeaderNames.isKnownName(chars, 0, chars.length);
                date |= HeaderNames.isDateShaped(chars, 0, chars.length);
            }
            if (name && !date) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < values.length && text.length() < VALUE_CAP; i++) {
                    if (i > 0) {
                        text.append(delimiter);
                    }
                    String value = values[i].strip();
                    text.append(value, 0, Math.min(value.length(), VALUE_CAP));
                }
                return headerRow(line, record, text.toString(), layout);
            }
        }
        if (values.length != layout.size()) {
            String first = values.length == 0 ? null : values[0];
            return fieldCount(line, record, first, values.length, layout, delimiter);
        }
        long chars = 0;
        for (int i = 0; i < values.length; i++) {
            int length = values[i].length();
            if (length > limits.maxFieldSize()) {
                return fieldTooLarge(line, record, i, length, limits.maxFieldSize());
            }
            chars += length;
        }
        if (values.length > limits.maxFieldsPerRecord()) {
            return tooManyFields(line, record, values.length, limits.maxFieldsPerRecord());
        }
        if (chars > limits.maxRecordSize()) {
            return recordTooLarge(line, record, chars, limits.maxRecordSize());
        }
        return null;
    }

    static Violation tooManyRecords(long line, long record, long maxRecords) {
        return Violation.of(ViolationCode.RECORD_TOO_LARGE, line, record, null, null, "the file has more than "
                + Text.count(maxRecords, "record") + "; the limit maxRecords is " + Text.count(maxRecords)
                + ": reading stops here");
    }

    static Violation headerRow(long line, long record, @Nullable String text, ColumnLayout layout) {
        return Violation.of(ViolationCode.HEADER_ROW, line, record, null, text, "the first record is a header row"
                + " (column names, no date): the file cannot contain a header; remove the line, the column layout "
                + layout.spec() + " is configured instead");
    }

    static Violation fieldCount(long line, long record, @Nullable String first, int fieldCount, ColumnLayout layout,
            char delimiter) {
        return Violation.of(ViolationCode.FIELD_COUNT, line, record, null, first, "record has "
                + Text.count(fieldCount, "field") + "; the layout " + layout.spec() + " has " + layout.size()
                + " — check the delimiter (" + Text.delimiterName(delimiter) + ") or quote fields that hold it");
    }

    static Violation fieldTooLarge(long line, long record, int index, long length, int maxFieldSize) {
        return Violation.of(ViolationCode.RECORD_TOO_LARGE, line, record, null, null, "field " + (index + 1)
                + " has " + Text.count(length, "character") + "; the limit maxFieldSize is "
                + Text.count(maxFieldSize));
    }

    static Violation tooManyFields(long line, long record, int fieldCount, int maxFields) {
        return Violation.of(ViolationCode.RECORD_TOO_LARGE, line, record, null, null, "record has "
                + Text.count(fieldCount, "field") + "; the limit maxFieldsPerRecord is " + Text.count(maxFields));
    }

    static Violation recordTooLarge(long line, long record, long chars, int maxRecordSize) {
        return Violation.of(ViolationCode.RECORD_TOO_LARGE, line, record, null, null, "record has "
                + Text.count(chars, "character") + "; the limit maxRecordSize is " + Text.count(maxRecordSize));
    }
}
