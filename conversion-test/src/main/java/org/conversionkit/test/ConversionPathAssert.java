package org.conversionkit.test;

import static org.conversionkit.test.Reports.NEWLINE;

import java.nio.file.Path;
import java.util.Objects;
import org.assertj.core.api.AbstractPathAssert;
import org.conversionkit.files.FileChecker;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.FileProfile;
import org.conversionkit.validation.ValidationReport;

/**
 * Assertions on a file, from {@link ConversionAssertions#assertThat(Path)}: AssertJ's assertions on paths, and the
 * check of the file as a conversion export or a CRM feed, through {@link FileChecker}, the one entry point that
 * detects the format and checks a file as {@code conversion-check validate} does.
 *
 * <pre>{@code
 * assertThat(Path.of("out/conversion-export-2020-09-22.csv.gz")).isValidConversionExport();
 * assertThat(feed).isValidCrmFeed(CrmProfile.builder().dailyFeed(LocalDate.of(2020, 1, 20)).build());
 * assertThat(export).checkedAsConversionExport().hasViolation(ViolationCode.DATE_MISMATCH).atLine(7);
 * }</pre>
 *
 * <p>A failure message shows the file's report as the command line prints it. A file that cannot be read is not
 * valid: its report has a {@code FILE_UNREADABLE} error that says why.
 */
public final class ConversionPathAssert extends AbstractPathAssert<ConversionPathAssert> {

    ConversionPathAssert(Path actual) {
        super(actual, ConversionPathAssert.class);
    }

    /**
     * Verifies that the file is a valid conversion export under the defaults of {@code conversion-check validate}:
     * format by extension or content, delimiter sniffed, gzip read, rows held to the date in the file's name.
     *
     * @return this assertion
     * @throws AssertionError if the file has an error, or cannot be read
     */
    public ConversionPathAssert isValidConversionExport() {
        return isValidConversionExport(ConversionProfile.DEFAULT);
    }

    /**
     * Verifies that the file is a valid conversion export under a profile (its column layout, defaults, date,
     * strictness).
     *
     * @param profile the profile
     * @return this assertion
     * @throws AssertionError if the file has an error, or cannot be read
     */
    public ConversionPathAssert isValidConversionExport(ConversionProfile profile) {
        requireValid(check(profile), "a valid conversion export");
        return this;
    }

    /**
     * Verifies that the file is a valid CRM feed (NDJSON, gzip or not) under a profile: its id field, its mode (a
     * daily feed's date, or a snapshot), zone and strictness.
     *
     * @param profile the profile
     * @return this assertion
     * @throws AssertionError if the file has an error, cannot be read, or reads as CSV
     */
    public ConversionPathAssert isValidCrmFeed(CrmProfile profile) {
        requireValid(check(profile), "a valid CRM feed");
        return this;
    }

    /**
     * Checks the file as a conversion export under the defaults of {@code conversion-check validate}, and returns an
     * assertion on its report.
     *
     * @return the assertion on the file's report
     */
    public ValidationReportAssert checkedAsConversionExport() {
        return checkedAsConversionExport(ConversionProfile.DEFAULT);
    }

    /**
     * Checks the file as a conversion export under a profile, and returns an assertion on its report.
     *
     * @param profile the profile
     * @return the assertion on the file's report
     */
    public ValidationReportAssert checkedAsConversionExport(ConversionProfile profile) {
        return reportAssert(check(profile));
    }

    /**
     * Checks the file as a CRM feed under a profile, and returns an assertion on its report.
     *
     * @param profile the profile
     * @return the assertion on the file's report
     * @throws AssertionError if the file reads as CSV
     */
    public ValidationReportAssert checkedAsCrmFeed(CrmProfile profile) {
        return reportAssert(check(profile));
    }

    private ValidationReport check(FileProfile profile) {
        Objects.requireNonNull(profile, "profile");
        isNotNull();
        try {
            return FileChecker.builder().profile(profile).build().check(actual);
        } catch (IllegalArgumentException e) {
            // A CRM feed that reads as CSV: FileChecker refuses it rather than reading order ids as URLs.
            failWithMessage("%s", "Expecting " + actual + " to be checked as a " + profile.kind().label()
                    + " file, but " + e.getMessage());
            throw e;
        }
    }

    private void requireValid(ValidationReport report, String what) {
        if (!report.valid()) {
            failWithMessage("%s", "Expecting " + actual + " to be " + what + ", but it has "
                    + Reports.count(report.errors(), "error") + ":" + NEWLINE + Reports.text(report));
        }
    }

    private ValidationReportAssert reportAssert(ValidationReport report) {
        return Reports.describedLike(this, new ValidationReportAssert(report));
    }
}
