package org.conversionkit.test;

import static org.conversionkit.test.Reports.NEWLINE;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;
import org.conversionkit.model.Severity;
import org.conversionkit.model.Violation;
import org.conversionkit.validation.ValidationReport;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on the violations of one code in a report, from {@link ValidationReportAssert#hasViolation}: each
 * method keeps those that match one more condition, and fails when none is left.
 *
 * <pre>{@code
 * assertThat(report).hasViolation(ViolationCode.DATE_MISMATCH).atLine(7).atRecord(7).onField("date");
 * }</pre>
 *
 * <p>A failure message names every condition so far and lists the violations that met the ones before, each as the
 * text report of {@code conversion-check} prints it. The violations are those the report lists: when none of them
 * is left and the report is truncated, with violations not listed (of the severity asked for, if any) that may
 * meet every condition, the failure says so and how to have them all listed, instead of saying there is none.
 */
public final class ViolationMatchAssert extends AbstractAssert<ViolationMatchAssert, ValidationReport> {

    private final List<Violation> matches;
    private final String conditions;
    /** The severity a condition asked for, whose count alone says how many violations not listed may match. */
    private final @Nullable Severity severity;
    private final ValidationReportAssert report;

    ViolationMatchAssert(ValidationReport actual, List<Violation> matches, String conditions,
            @Nullable Severity severity, ValidationReportAssert report) {
        super(actual, ViolationMatchAssert.class);
        this.matches = List.copyOf(matches);
        this.conditions = conditions;
        this.severity = severity;
        this.report = report;
    }

    /**
     * Keeps the violations at a line: the 1-based line where their record starts, or 0 for the file's own.
     *
     * @param line the line
     * @return the assertion on the violations kept
     * @throws AssertionError if none is at that line
     */
    public ViolationMatchAssert atLine(long line) {
        return narrow("at line " + line, violation -> violation.line() == line);
    }

    /**
     * Keeps the violations of a record: its 1-based number, blank lines not counted, or 0 for the file's own.
     *
     * @param record the record's number
     * @return the assertion on the violations kept
     * @throws AssertionError if none is of that record
     */
    public ViolationMatchAssert atRecord(long record) {
        return narrow("at record " + record, violation -> violation.record() == record);
    }

    /**
     * Keeps the violations at a column of their line (1-based, in characters; 0 where the reader does not know it).
     *
     * @param column the column
     * @return the assertion on the violations kept
     * @throws AssertionError if none is at that column
     */
    public ViolationMatchAssert atColumn(long column) {
        return narrow("at column " + column, violation -> violation.column() == column);
    }

    /**
     * Keeps the violations of a field, by its name in the file ({@code url}, {@code revenue}, {@code orderId}).
     *
     * @param field the field's name
     * @return the assertion on the violations kept
     * @throws AssertionError if none concerns that field
     */
    public ViolationMatchAssert onField(String field) {
        Objects.requireNonNull(field, "field");
        return narrow("on field " + field, violation -> field.equals(violation.field()));
    }

    /**
     * Keeps the violations of a whole record or file, those of no one field.
     *
     * @return the assertion on the violations kept
     * @throws AssertionError if every one concerns a field
     */
    public ViolationMatchAssert onNoField() {
        return narrow("on no field", violation -> violation.field() == null);
    }

    /**
     * Keeps the violations of a severity.
     *
     * @param severity the severity
     * @return the assertion on the violations kept
     * @throws AssertionError if none has that severity
     */
    public ViolationMatchAssert withSeverity(Severity severity) {
        Objects.requireNonNull(severity, "severity");
        return narrow("with severity " + severity.label(), violation -> violation.severity() == severity, severity);
    }

    /**
     * Keeps the violations that rejected a value, as written (shortened to {@value Violation#MAX_VALUE_LENGTH}
     * characters), or none.
     *
     * @param value the value, or {@code null} for violations without one
     * @return the assertion on the violations kept
     * @throws AssertionError if none rejected that value
     */
    public ViolationMatchAssert withValue(@Nullable String value) {
        return narrow("with value " + value, violation -> Objects.equals(value, violation.value()));
    }

    /**
     * Keeps the violations whose message holds a text.
     *
     * @param text the text
     * @return the assertion on the violations kept
     * @throws AssertionError if no message holds it
     */
    public ViolationMatchAssert withMessageContaining(String text) {
        Objects.requireNonNull(text, "text");
        return narrow("with a message containing \"" + text + "\"", violation -> violation.message().contains(text));
    }

    /**
     * Returns the first violation kept, for assertions of one's own.
     *
     * @return the violation
     */
    public Violation violation() {
        return matches.get(0);
    }

    /**
     * Returns the assertion on the whole report, to go on with it.
     *
     * @return the report's assertion
     */
    public ValidationReportAssert and() {
        return report;
    }

    private ViolationMatchAssert narrow(String condition, Predicate<Violation> test) {
        return narrow(condition, test, severity);
    }

    private ViolationMatchAssert narrow(String condition, Predicate<Violation> test, @Nullable Severity asked) {
        List<Violation> kept = new ArrayList<>();
        for (Violation violation : matches) {
            if (test.test(violation)) {
                kept.add(violation);
            }
        }
        String all = conditions + " " + condition;
        if (kept.isEmpty()) {
            String those = (matches.size() == 1 ? "the violation " : "the violations ") + conditions;
            String are = matches.size() == 1 ? " is:" : " are:";
            long unlisted = Reports.unlisted(actual, asked);
            failWithMessage("%s", "Expecting " + actual.file() + " to have a violation " + all + ", but "
                    + (unlisted == 0 ? those + are : "none listed is, and " + Reports.truncated(actual, unlisted, asked)
                    + "; " + those + " listed" + are) + NEWLINE + Reports.lines(matches));
        }
        return Reports.describedLike(this, new ViolationMatchAssert(actual, kept, all, asked, report));
    }
}
