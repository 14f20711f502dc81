package org.conversionkit.test;

import static org.conversionkit.test.Reports.NEWLINE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.assertj.core.api.AbstractAssert;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.validation.ValidationReport;

/**
 * Assertions on a {@link ValidationReport}, from {@link ConversionAssertions#assertThat(ValidationReport)}.
 *
 * <pre>{@code
 * assertThat(report).hasRecords(100).hasErrors(1).hasWarnings(0)
 *         .hasViolation(ViolationCode.URL_RELATIVE).atLine(42).onField("url");
 * }</pre>
 *
 * <p>A failure message shows the report as {@code conversion-check validate} prints it (the text report of
 * {@link org.conversionkit.files.ReportWriter}): the file's verdict, its counts, and each listed violation with its
 * line, record, code, field and the message that says how to fix it. {@link #hasNoViolation} finding the code lists,
 * in the same lines, only the violations of that code, as {@link ViolationMatchAssert} does when a narrowing keeps
 * none.
 *
 * <p>A report lists at most its {@code maxViolations} violations and counts them all ({@link
 * ValidationReport#truncated()}). The assertions on violations answer from the list only what it decides: a
 * violation listed is there; one not listed is not there only when the counts leave no violation unlisted (of the
 * severity asked for, {@link ViolationMatchAssert#withSeverity}). Otherwise, on a truncated report, {@link
 * #hasNoViolation}, {@link #hasViolation} and its narrowing fail, saying that the report is truncated and how to
 * raise {@code maxViolations}, rather than pass on a violation past the list, or deny one that may be there.
 */
public final class ValidationReportAssert extends AbstractAssert<ValidationReportAssert, ValidationReport> {

    ValidationReportAssert(ValidationReport actual) {
        super(actual, ValidationReportAssert.class);
    }

    /**
     * Verifies that the report is valid: no error (warnings allowed, as the report counts them).
     *
     * @return this assertion
     * @throws AssertionError if the report has an error; the message lists the violations as the command line does
     */
    public ValidationReportAssert isValid() {
        isNotNull();
        if (!actual.valid()) {
            fail("to be valid, but it has " + Reports.count(actual.errors(), "error") + ":");
        }
        return this;
    }

    /**
     * Verifies that the report is not valid: at least one error.
     *
     * @return this assertion
     * @throws AssertionError if the report has no error
     */
    public ValidationReportAssert isNotValid() {
        isNotNull();
        if (actual.valid()) {
            fail("not to be valid, but it has no error:");
        }
        return this;
    }

    /**
     * Verifies that the report counts no error; warnings are allowed. The same verdict as {@link #isValid()}, said
     * in counts.
     *
     * @return this assertion
     * @throws AssertionError if the report counts an error
     */
    public ValidationReportAssert hasNoErrors() {
        return hasErrors(0);
    }

    /**
     * Verifies that the report counts neither an error nor a warning.
     *
     * @return this assertion
     * @throws AssertionError if the report counts an error or a warning
     */
    public ValidationReportAssert hasNoViolations() {
        isNotNull();
        if (actual.errors() + actual.warnings() > 0) {
            fail("to have no violations, but it has " + Reports.count(actual.errors(), "error") + " and "
                    + Reports.count(actual.warnings(), "warning") + ":");
        }
        return this;
    }

    /**
     * Verifies how many errors the report counts, listed or not.
     *
     * @param expected the number of errors
     * @return this assertion
     * @throws AssertionError if the report counts another number
     */
    public ValidationReportAssert hasErrors(long expected) {
        return hasCount(expected, "error", ValidationReport::errors);
    }

    /**
     * Verifies how many warnings the report counts, listed or not.
     *
     * @param expected the number of warnings
     * @return this assertion
     * @throws AssertionError if the report counts another number
     */
    public ValidationReportAssert hasWarnings(long expected) {
        return hasCount(expected, "warning", ValidationReport::warnings);
    }

    /**
     * Verifies how many records were read, blank lines not counted, valid or not.
     *
     * @param expected the number of records
     * @return this assertion
     * @throws AssertionError if the report counts another number
     */
    public ValidationReportAssert hasRecords(long expected) {
        return hasCount(expected, "record", ValidationReport::records);
    }

    /**
     * Verifies how many records are valid (without an error).
     *
     * @param expected the number of valid records
     * @return this assertion
     * @throws AssertionError if the report counts another number
     */
    public ValidationReportAssert hasValidRecords(long expected) {
        return hasCount(expected, "valid record", ValidationReport::validRecords);
    }

    /**
     * Verifies how many records are invalid (with at least one error).
     *
     * @param expected the number of invalid records
     * @return this assertion
     * @throws AssertionError if the report counts another number
     */
    public ValidationReportAssert hasInvalidRecords(long expected) {
        return hasCount(expected, "invalid record", ValidationReport::invalidRecords);
    }

    /**
     * Verifies that the report lists a violation of a code, and returns an assertion on the violations of that code,
     * to narrow them by line, record, field and more ({@link ViolationMatchAssert#atLine(long)},
     * {@link ViolationMatchAssert#atRecord(long)}, {@link ViolationMatchAssert#onField(String)}).
     *
     * @param code the code
     * @return the assertion on the listed violations of that code
     * @throws AssertionError if no listed violation has that code; on a truncated report, the message says that one
     *                        may be among those not listed, and how to list them all
     */
    public ViolationMatchAssert hasViolation(ViolationCode code) {
        Objects.requireNonNull(code, "code");
        isNotNull();
        List<Violation> matches = listed(code);
        if (matches.isEmpty()) {
            long unlisted = Reports.unlisted(actual, null);
            fail("to have a violation " + code + ", but " + (unlisted == 0 ? "it has none:"
                    : "none is listed, and " + Reports.truncated(actual, unlisted, null) + ":"));
        }
        return Reports.describedLike(this, new ViolationMatchAssert(actual, matches, code.name(), null, this));
    }

    /**
     * Verifies that the report has no violation of a code: none listed, and none among the violations not listed,
     * which only a report that lists them all can say.
     *
     * @param code the code
     * @return this assertion
     * @throws AssertionError if a listed violation has that code (the message lists them), or none does but the
     *                        report is truncated (the message says how to list them all)
     */
    public ValidationReportAssert hasNoViolation(ViolationCode code) {
        Objects.requireNonNull(code, "code");
        isNotNull();
        List<Violation> matches = listed(code);
        if (!matches.isEmpty()) {
            failWithMessage("%s", "Expecting " + actual.file() + " to have no violation " + code + ", but it has:"
                    + NEWLINE + Reports.lines(matches));
        }
        long unlisted = Reports.unlisted(actual, null);
        if (unlisted > 0) {
            fail("to have no violation " + code + "; none is listed, but " + Reports.truncated(actual, unlisted, null)
                    + ":");
        }
        return this;
    }

    /**
     * Verifies the codes of the listed violations, in the order listed, and that none is left unlisted: for a test
     * that holds a file to exactly the violations it expects.
     *
     * @param codes the codes, in order; none for a report without violations
     * @return this assertion
     * @throws AssertionError if the listed codes differ, or the report counts violations it does not list
     */
    public ValidationReportAssert hasViolationCodes(ViolationCode... codes) {
        Objects.requireNonNull(codes, "codes");
        isNotNull();
        List<ViolationCode> listed = new ArrayList<>();
        for (Violation violation : actual.violations()) {
            listed.add(violation.code());
        }
        List<ViolationCode> expected = Arrays.asList(codes);
        if (!listed.equals(expected) || actual.truncated()) {
            fail("to have the violations " + expected + ", but it has " + listed
                    + (actual.truncated() ? " and more not listed" : "") + ":");
        }
        return this;
    }

    private ValidationReportAssert hasCount(long expected, String noun, ToLongFunction<ValidationReport> count) {
        isNotNull();
        long found = count.applyAsLong(actual);
        if (found != expected) {
            fail("to have " + Reports.count(expected, noun) + ", but it has " + found + ":");
        }
        return this;
    }

    /** The listed violations of a code. */
    private List<Violation> listed(ViolationCode code) {
        List<Violation> matches = new ArrayList<>();
        for (Violation violation : actual.violations()) {
            if (violation.code() == code) {
                matches.add(violation);
            }
        }
        return matches;
    }

    /** Fails with {@code Expecting FILE WHAT}, then the report as the command line prints it. */
    private void fail(String what) {
        failWithMessage("%s", "Expecting " + actual.file() + " " + what + NEWLINE + Reports.text(actual));
    }
}
