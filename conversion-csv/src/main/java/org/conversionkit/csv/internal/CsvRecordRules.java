package org.conversionkit.csv.internal;

import org.conversionkit.csv.CsvLimits;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.Field;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;

/**
 * The reader's own checks of a whole record, before the field rules, and their wording: {@link RecordHandler}
 * applies them to what FastCSV hands it, the writer to the values it is given, so that a written file's report is
 * the reader's. In the reader's order: {@code RECORD_TOO_LARGE} (past {@code maxRecords}), {@code HEADER_ROW}
 * (record 1 by its fields; a later record by the values the layout keeps), {@code FIELD_COUNT},
 * {@code RECORD_TOO_LARGE} (a field, the fields, the record). {@code COMMENT_LINE} and {@code MALFORMED_CSV} cannot
 * happen to a written record: the writer quotes a first value that would read as a comment, and writes quotes
 * right.
 *
 * <p>A record past {@code maxRecords} or {@code maxFileBytes} ends the reading of the file: the writer asks
 * {@link #stop(long, long, long, long)} first and refuses such a row under every policy, since a file that held it
 * would not be read to its end.
 */
public final class CsvRecordRules {

    /** A rejected value is shortened to {@link Violation#MAX_VALUE_LENGTH}; copying one more is enough. */
    static final int VALUE_CAP = Violation.MAX_VALUE_LENGTH + 1;

    private final ColumnLayout layout;
    private final int[] slots;
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
        this.slots = new int[layout.size()];
        for (int i = 0; i < slots.length; i++) {
            Field field = layout.field(i);
            slots[i] = field == null ? -1 : field.ordinal();
        }
        this.delimiter = delimiter;
        this.limits = limits;
    }

    /**
     * Returns the reader's rejection of a record of exact values, or {@code null} when the reader hands the record
     * to the field rules.
     *
     * @param values     the record's values as written
     * @param slotValues the values the layout keeps, by field ordinal: those of its columns the record has
     * @param line       the line where it starts
     * @param record     its number in the file
     * @return the one violation that rejects the record, or {@code null}
     */
    public @Nullable Violation rejection(String[] values, @Nullable String[] slotValues, long line,
            long record) {
        // Past maxRecords is stop()'s: a row the reader would stop at is never written.
        if (record == 1) {
            boolean name = false;
            boolean date = false;
            for (String value : values) {
                name |= HeaderNames.isKnownName(value);
                date |= HeaderNames.isDateShaped(value);
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
                return firstHeader(line, record, text.toString());
            }
        } else if (isLaterHeader(slotValues)) {
            return laterHeader(line, record, valuesText(slotValues));
        }
        if (values.length != layout.size()) {
            return fieldCount(line, record, values.length == 0 ? null : values[0], values.length);
        }
        long chars = 0;
        for (int i = 0; i < values.length; i++) {
            int length = values[i].length();
            if (length > limits.maxFieldSize()) {
                return fieldTooLarge(line, record, i, length);
            }
            chars += length;
        }
        if (values.length > limits.maxFieldsPerRecord()) {
            return tooManyFields(line, record, values.length);
        }
        if (chars > limits.maxRecordSize()) {
            return recordTooLarge(line, record, chars);
        }
        return null;
    }

    /**
     * Returns the refusal of a row that a reader with these limits would stop at, whatever the write policy: a row
     * that would take the file past {@code maxFileBytes}, or past {@code maxRecords}, in the order the reader finds
     * them (the bytes while it reads the record). The reader reads nothing after such a record, so a file that held
     * it would not be read to its end, and its report would not be the writer's.
     *
     * @param record    the row's number in the file, were it written
     * @param fileBytes the bytes written before the row (before compression, as the reader counts them)
     * @param rowBytes  the row's bytes as it would be written
     * @param given     the row's number among those given to the writer, which locates the refusal
     * @return the violation, or {@code null} when the row may be written
     */
    public @Nullable Violation stop(long record, long fileBytes, long rowBytes, long given) {
        if (rowBytes > limits.maxFileBytes() - fileBytes) {
            return Violation.of(ViolationCode.RECORD_TOO_LARGE, given, given, null, null, "the row's "
                    + Text.count(rowBytes, "byte") + " would take the file past " + Text.count(limits.maxFileBytes(),
                    "byte") + " (it has " + Text.count(fileBytes) + "); the limit maxFileBytes is "
                    + Text.count(limits.maxFileBytes()) + ": a reader with these limits stops there and reads nothing"
                    + " after it; write and read the file with a larger maxFileBytes");
        }
        if (record > limits.maxRecords()) {
            return Violation.of(ViolationCode.RECORD_TOO_LARGE, given, given, null, null, "the file would have more"
                    + " than " + Text.count(limits.maxRecords(), "record") + "; the limit maxRecords is "
                    + Text.count(limits.maxRecords()) + ": a reader with these limits stops at such a row and reads"
                    + " nothing after it; write and read the file with a larger maxRecords");
        }
        return null;
    }

    /**
     * Whether a record after the first is a header row, where a second report starts: no value the layout keeps has
     * the shape of a date, and two of them at least are known column names. (Two, not one as for the first record:
     * a data row with a broken date may have a channel called {@code source}.)
     */
    static boolean isLaterHeader(@Nullable String[] slotValues) {
        String date = slotValues[Field.DATE.ordinal()];
        if (date != null && HeaderNames.isDateShaped(date)) {
            // The common record: a date where the layout has it.
            return false;
        }
        int names = 0;
        for (String value : slotValues) {
            if (value != null) {
                if (HeaderNames.isDateShaped(value)) {
                    return false;
                }
                names += HeaderNames.isKnownName(value) ? 1 : 0;
            }
        }
        return names >= 2;
    }

    /** The values the layout keeps, in column order, joined by the delimiter: a header row's text. */
    String valuesText(@Nullable String[] slotValues) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < slots.length && text.length() < VALUE_CAP; i++) {
            if (i > 0) {
                text.append(delimiter);
            }
            String value = slots[i] < 0 ? null : slotValues[slots[i]];
            if (value != null) {
                text.append(value, 0, Math.min(value.length(), VALUE_CAP));
            }
        }
        return text.toString();
    }

    Violation tooManyRecords(long line, long record, long maxRecords) {
        return Violation.of(ViolationCode.RECORD_TOO_LARGE, line, record, null, null, "the file has more than "
                + Text.count(maxRecords, "record") + "; the limit maxRecords is " + Text.count(maxRecords)
                + ": reading stops here");
    }

    Violation firstHeader(long line, long record, @Nullable String text) {
        return Violation.of(ViolationCode.HEADER_ROW, line, record, null, text, "the first record is a header row"
                + " (column names, no date): the file cannot contain a header; remove the line, the column layout "
                + layout.spec() + " is configured instead");
    }

    Violation laterHeader(long line, long record, String text) {
        return Violation.of(ViolationCode.HEADER_ROW, line, record, null, text, "record " + record + " is a header"
                + " row (column names, no date): a second report seems to start here, and a file holds only one;"
                + " deliver each report in a file of its own, or remove the line");
    }

    Violation fieldCount(long line, long record, @Nullable String first, int fieldCount) {
        String known = knownLayout(fieldCount);
        return Violation.of(ViolationCode.FIELD_COUNT, line, record, null, first, "record has "
                + Text.count(fieldCount, "field") + "; the layout " + layout.spec() + " has " + layout.size()
                + (known == null ? " — check" : " — if the file's columns are " + known + ", give that layout"
                        + " (conversion-check --columns " + known + "); else check")
                + " the delimiter (" + Text.delimiterName(delimiter) + ") or quote fields that hold it");
    }

    Violation fieldTooLarge(long line, long record, int index, long length) {
        return Violation.of(ViolationCode.RECORD_TOO_LARGE, line, record, null, null, "field " + (index + 1)
                + " has " + Text.count(length, "character") + "; the limit maxFieldSize is "
                + Text.count(limits.maxFieldSize()));
    }

    Violation tooManyFields(long line, long record, int fieldCount) {
        return Violation.of(ViolationCode.RECORD_TOO_LARGE, line, record, null, null, "record has "
                + Text.count(fieldCount, "field") + "; the limit maxFieldsPerRecord is "
                + Text.count(limits.maxFieldsPerRecord()));
    }

    /** A record of more fields than the reader counts ({@link Integer#MAX_VALUE}): too large, whatever the limit. */
    Violation uncountedFields(long line, long record) {
        return Violation.of(ViolationCode.RECORD_TOO_LARGE, line, record, null, null, "record has "
                + Text.count(Integer.MAX_VALUE) + " fields or more, more than are counted; the limit"
                + " maxFieldsPerRecord is " + Text.count(limits.maxFieldsPerRecord()) + ": check the delimiter ("
                + Text.delimiterName(delimiter) + ")");
    }

    Violation recordTooLarge(long line, long record, long chars) {
        return Violation.of(ViolationCode.RECORD_TOO_LARGE, line, record, null, null, "record has "
                + Text.count(chars, "character") + "; the limit maxRecordSize is "
                + Text.count(limits.maxRecordSize()));
    }

    /**
     * Returns the known layout of a field count other than the layout's, for the {@code FIELD_COUNT} hint: the
     * source document's fields, required and optional, in its order ({@code url,date,channel,device,transactions,
     * revenue}), its example's ({@link ColumnLayout#DEFAULT}), and its required fields alone ({@code url,date}).
     */
    private @Nullable String knownLayout(int count) {
        String known = switch (count) {
            case 2 -> "url,date";
            case 5 -> ColumnLayout.DEFAULT.spec();
            case 6 -> "url,date,channel,device,transactions,revenue";
            default -> null;
        };
        return known == null || known.equals(layout.spec()) ? null : known;
    }
}
