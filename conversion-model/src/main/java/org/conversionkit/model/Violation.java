package org.conversionkit.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a file, a record or a field, where it is, and how to fix it.
 *
 * <p>A file-level violation (file name, empty file, delivery set) has {@code line}, {@code column} and
 * {@code record} 0. The column is known where the reader knows it cheaply: always for JSON syntax errors,
 * for CSV the first character of the field concerned; it is 0 otherwise. The rejected value is kept shortened
 * to at most {@value #MAX_VALUE_LENGTH} characters so that one huge field cannot make a report huge.
 *
 * @param code     what is wrong
 * @param severity how much it weighs; usually {@link ViolationCode#defaultSeverity()}
 * @param line     the 1-based physical line where the record starts, or 0 for the whole file
 * @param column   the 1-based column on that line (in characters) where the problem is, or 0 when unknown
 * @param record   the 1-based number of the record (blank lines not counted), or 0 for the whole file
 * @param field    the field concerned, or {@code null} when the violation concerns a whole record or file
 * @param value    the rejected value as written, or {@code null} when there is none
 * @param message  what is wrong and how to fix it, for a person
 */
public record Violation(
        ViolationCode code,
        Severity severity,
        long line,
        long column,
        long record,
        @Nullable String field,
        @Nullable String value,
        String message) {

    /** The longest rejected value a violation keeps, in characters. */
    public static final int MAX_VALUE_LENGTH = 200;

    /**
     * Checks the arguments.
     *
     * @param code what is wrong
     * @param severity how much it weighs; usually {@link ViolationCode#defaultSeverity()}
     * @param line the 1-based physical line where the record starts, or 0 for the whole file
     * @param column the 1-based column on that line where the problem is, or 0 when unknown
     * @param record the 1-based number of the record (blank lines not counted), or 0 for the whole file
     * @param field the field concerned, or {@code null} when the violation concerns a whole record or file
     * @param value the rejected value as written, or {@code null} when there is none
     * @param message what is wrong and how to fix it, for a person
     */
    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 or more, was " + line);
        }
        if (column < 0) {
            throw new IllegalArgumentException("column must be 0 or more, was " + column);
        }
        if (line == 0 && column != 0) {
            throw new IllegalArgumentException("a column needs a line, was column " + column + " on line 0");
        }
        if (record < 0) {
            throw new IllegalArgumentException("record must be 0 or more, was " + record);
        }
        value = shorten(value);
    }

    /**
     * Creates a violation with its code's default severity and no column.
     *
     * @param code    what is wrong
     * @param line    the 1-based line where the record starts, or 0 for the whole file
     * @param record  the 1-based record number, or 0 for the whole file
     * @param field   the field concerned, or {@code null}
     * @param value   the rejected value, or {@code null}
     * @param message what is wrong and how to fix it
     * @return the violation
     */
    public static Violation of(ViolationCode code, long line, long record, @Nullable String field,
            @Nullable String value, String message) {
        return new Violation(code, code.defaultSeverity(), line, 0, record, field, value, message);
    }

    /**
     * Creates a file-level violation (line and record 0) with its code's default severity.
     *
     * @param code    what is wrong
     * @param value   the rejected value, for example the file name, or {@code null}
     * @param message what is wrong and how to fix it
     * @return the violation
     */
    public static Violation ofFile(ViolationCode code, @Nullable String value, String message) {
        return new Violation(code, code.defaultSeverity(), 0, 0, 0, null, value, message);
    }

    /**
     * Returns this violation with another severity, for example an error in strict mode.
     *
     * @param newSeverity the severity to report
     * @return this violation when the severity is the same, else a copy with the new severity
     */
    public Violation withSeverity(Severity newSeverity) {
        Objects.requireNonNull(newSeverity, "newSeverity");
        return newSeverity == severity ? this
                : new Violation(code, newSeverity, line, column, record, field, value, message);
    }

    /**
     * Returns this violation at a column of its line.
     *
     * @param newColumn the 1-based column, or 0 when unknown
     * @return this violation when the column is the same, else a copy with the new column
     * @throws IllegalArgumentException if the column is negative, or not 0 on a file-level violation
     */
    public Violation withColumn(long newColumn) {
        return newColumn == column ? this
                : new Violation(code, severity, line, newColumn, record, field, value, message);
    }

    /**
     * Returns whether this violation makes its record or file invalid.
     *
     * @return {@code true} for an error
     */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * Shortens a value to at most {@value #MAX_VALUE_LENGTH} characters, ending a shortened value with
     * an ellipsis and never splitting a surrogate pair.
     *
     * @param value the value, or {@code null}
     * @return the value itself when short enough, else its shortened form; {@code null} for {@code null}
     */
    public static @Nullable String shorten(@Nullable String value) {
        if (value == null || value.length() <= MAX_VALUE_LENGTH) {
            return value;
        }
        int end = MAX_VALUE_LENGTH - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + '\u2026';
    }
}
