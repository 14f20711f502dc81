package org.conversionkit.test;

import static org.conversionkit.test.Reports.NEWLINE;

import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.conversionkit.files.ReportWriter;
import org.conversionkit.model.Severity;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on one {@link Violation}, from {@link ConversionAssertions#assertThat(Violation)}.
 *
 * <pre>{@code
 * assertThat(report.violations().get(0)).hasCode(ViolationCode.URL_RELATIVE).isError().isAtLine(3).isOnField("url");
 * }</pre>
 *
 * <p>A failure message shows the violation as the text report of {@code conversion-check} prints it.
 */
public final class ViolationAssert extends AbstractAssert<ViolationAssert, Violation> {

    ViolationAssert(Violation actual) {
        super(actual, ViolationAssert.class);
    }

    /**
     * Verifies the violation's code.
     *
     * @param code the code
     * @return this assertion
     * @throws AssertionError if the code differs
     */
    public ViolationAssert hasCode(ViolationCode code) {
        Objects.requireNonNull(code, "code");
        isNotNull();
        if (actual.code() != code) {
            fail("to have the code " + code);
        }
        return this;
    }

    /**
     * Verifies the violation's severity.
     *
     * @param severity the severity
     * @return this assertion
     * @throws AssertionError if the severity differs
     */
    public ViolationAssert hasSeverity(Severity severity) {
        Objects.requireNonNull(severity, "severity");
        isNotNull();
        if (actual.severity() != severity) {
            fail("to be " + (severity == Severity.ERROR ? "an " : "a ") + severity.label());
        }
        return this;
    }

    /**
     * Verifies that the violation is an error: it makes its record and file invalid.
     *
     * @return this assertion
     * @throws AssertionError if it is a warning
     */
    public ViolationAssert isError() {
        return hasSeverity(Severity.ERROR);
    }

    /**
     * Verifies that the violation is a warning: it does not make its record or file invalid unless checking is
     * strict.
     *
     * @return this assertion
     * @throws AssertionError if it is an error
     */
    public ViolationAssert isWarning() {
        return hasSeverity(Severity.WARNING);
    }

    /**
     * Verifies the line where the violation's record starts (0 for the file's own).
     *
     * @param line the 1-based line
     * @return this assertion
     * @throws AssertionError if the line differs
     */
    public ViolationAssert isAtLine(long line) {
        isNotNull();
        if (actual.line() != line) {
            fail("to be at line " + line);
        }
        return this;
    }

    /**
     * Verifies the number of the violation's record (0 for the file's own).
     *
     * @param record the 1-based record number
     * @return this assertion
     * @throws AssertionError if the record differs
     */
    public ViolationAssert isAtRecord(long record) {
        isNotNull();
        if (actual.record() != record) {
            fail("to be at record " + record);
        }
        return this;
    }

    /**
     * Verifies the column of the violation on its line (0 where the reader does not know it).
     *
     * @param column the 1-based column, in characters
     * @return this assertion
     * @throws AssertionError if the column differs
     */
    public ViolationAssert isAtColumn(long column) {
        isNotNull();
        if (actual.column() != column) {
            fail("to be at column " + column + ", but it is at column " + actual.column());
        }
        return this;
    }

    /**
     * Verifies the field the violation concerns, by its name in the file.
     *
     * @param field the field's name
     * @return this assertion
     * @throws AssertionError if the violation concerns another field, or none
     */
    public ViolationAssert isOnField(String field) {
        Objects.requireNonNull(field, "field");
        isNotNull();
        if (!field.equals(actual.field())) {
            fail("to be on the field " + field);
        }
        return this;
    }

    /**
     * Verifies the rejected value, as written (shortened to {@value Violation#MAX_VALUE_LENGTH} characters).
     *
     * @param value the value, or {@code null} for a violation without one
     * @return this assertion
     * @throws AssertionError if the value differs
     */
    public ViolationAssert hasValue(@Nullable String value) {
        isNotNull();
        if (!Objects.equals(value, actual.value())) {
            fail("to have the value " + value + ", but it has " + actual.value());
        }
        return this;
    }

    /**
     * Verifies that the violation's message, which says how to fix it, holds a text.
     *
     * @param text the text
     * @return this assertion
     * @throws AssertionError if the message does not hold it
     */
    public ViolationAssert hasMessageContaining(String text) {
        Objects.requireNonNull(text, "text");
        isNotNull();
        if (!actual.message().contains(text)) {
            fail("to have a message containing \"" + text + "\"");
        }
        return this;
    }

    private void fail(String what) {
        failWithMessage("%s", "Expecting the violation" + NEWLINE + "  " + ReportWriter.textLine(actual) + NEWLINE
                + what);
    }
}
