package org.conversionkit.validation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.conversionkit.model.Profile;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.Violation;
import org.jspecify.annotations.Nullable;

/**
 * The result of checking one file or feed: what was read, how much of it is valid, and the
 * violations found, in the order found, at most the validator's {@code maxViolations} of them.
 *
 * <p>Counting never stops: {@code errors} and {@code warnings} count every violation, listed or
 * not, and {@code truncated} tells that the list is incomplete. A file is valid when it has no error;
 * warnings do not make it invalid unless checking is {@link Strictness#STRICT strict}.
 *
 * @param file           the file name as given, or {@code null} for standard input
 * @param format         the input's format, {@code "csv"} or {@code "json"}
 * @param delimiter      the CSV delimiter used, as the character itself ({@code "\t"} for tab), or
 *                       {@code null} for other formats
 * @param profile        the rules applied
 * @param date           the date rows were held to (a conversion file's date, a daily feed's date),
 *                       or {@code null} when there was none
 * @param valid          whether the file has no error: {@code errors == 0}
 * @param records        the records read, blank lines not counted: {@code validRecords + invalidRecords}
 * @param validRecords   the records without error
 * @param invalidRecords the records with at least one error
 * @param blankLines     the blank lines skipped (0 for formats that do not count them)
 * @param errors         the errors found, listed or not
 * @param warnings       the warnings found, listed or not
 * @param truncated      whether more violations were found than listed
 * @param violations     the first violations found, in order: file-level ones (line and record 0)
 *                       and record ones; copied
 */
public record ValidationReport(
        @Nullable String file,
        String format,
        @Nullable String delimiter,
        Profile profile,
        @Nullable LocalDate date,
        boolean valid,
        long records,
        long validRecords,
        long invalidRecords,
        long blankLines,
        long errors,
        long warnings,
        boolean truncated,
        List<Violation> violations) {

    /**
     * Checks that the counts agree with each other and copies the violations.
     *
     * @param file the file name as given, or {@code null} for standard input
     * @param format the input's format, {@code "csv"} or {@code "json"}
     * @param delimiter the CSV delimiter used, or {@code null} for other formats
     * @param profile the rules applied
     * @param date the date rows were held to, or {@code null} when there was none
     * @param valid whether the file has no error: {@code errors == 0}
     * @param records the records read: {@code validRecords + invalidRecords}
     * @param validRecords the records without error
     * @param invalidRecords the records with at least one error
     * @param blankLines the blank lines skipped
     * @param errors the errors found, listed or not
     * @param warnings the warnings found, listed or not
     * @param truncated whether more violations were found than listed
     * @param violations the first violations found, in order; copied
     * @throws IllegalArgumentException if a count is negative, {@code records} is not
     *                                  {@code validRecords + invalidRecords}, {@code valid} is not
     *                                  {@code errors == 0}, or the list and {@code truncated}
     *                                  disagree with the counts
     */
    public ValidationReport {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(profile, "profile");
        violations = List.copyOf(violations);
        if (records < 0 || validRecords < 0 || invalidRecords < 0 || blankLines < 0 || errors < 0 || warnings < 0) {
            throw new IllegalArgumentException("counts must be 0 or more");
        }
        if (records != validRecords + invalidRecords) {
            throw new IllegalArgumentException("records (" + records + ") must be validRecords (" + validRecords
                    + ") + invalidRecords (" + invalidRecords + ")");
        }
        if (valid != (errors == 0)) {
            throw new IllegalArgumentException("valid must be " + (errors == 0) + " with " + errors + " errors");
        }
        long found = errors + warnings;
        if (violations.size() > found || truncated != (found > violations.size())) {
            throw new IllegalArgumentException(violations.size() + " violations listed of " + found
                    + " found disagree with truncated=" + truncated);
        }
    }
}
