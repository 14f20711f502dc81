package org.conversionkit.test;

import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.conversionkit.model.Violation;
import org.conversionkit.validation.ValidationReport;

/**
 * The AssertJ entry point of the test kit: assertions on reports, violations and files, and all of AssertJ's.
 *
 * <pre>{@code
 * import static org.conversionkit.test.ConversionAssertions.assertThat;
 *
 * assertThat(report).isValid();                    // fails listing the violations as conversion-check prints them
 * assertThat(report).hasViolation(ViolationCode.URL_RELATIVE).atLine(3).onField("url");
 * assertThat(Path.of("conversion-export-2020-09-22.csv")).isValidConversionExport();
 * assertThat(List.of(1, 2)).hasSize(2);            // AssertJ's own, through the same import
 * }</pre>
 *
 * <p>The class extends AssertJ's {@link Assertions}, as AssertJ suggests for an entry point of one's own, so one
 * static import serves both: {@code assertThat(path)} here returns a {@link ConversionPathAssert}, which has every
 * assertion of AssertJ's path assertion too. Import this class's {@code assertThat} instead of
 * {@code Assertions.assertThat}, not beside it: with both imported, {@code assertThat(path)} is ambiguous.
 */
public class ConversionAssertions extends Assertions {

    /** For a project's own entry point that extends this one. */
    protected ConversionAssertions() {
    }

    /**
     * Starts assertions on a report: verdict, counts and violations.
     *
     * @param actual the report
     * @return the assertion
     */
    public static ValidationReportAssert assertThat(ValidationReport actual) {
        return new ValidationReportAssert(actual);
    }

    /**
     * Starts assertions on a violation: code, severity, location, field, value and message.
     *
     * @param actual the violation
     * @return the assertion
     */
    public static ViolationAssert assertThat(Violation actual) {
        return new ViolationAssert(actual);
    }

    /**
     * Starts assertions on a file: AssertJ's path assertions, and the file checked as a conversion export or a CRM
     * feed.
     *
     * @param actual the file
     * @return the assertion
     */
    public static ConversionPathAssert assertThat(Path actual) {
        return new ConversionPathAssert(actual);
    }
}
