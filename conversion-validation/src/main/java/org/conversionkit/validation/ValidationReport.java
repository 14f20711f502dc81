package org.conversionkit.validation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.conversionkit.model.Profile;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;

/**
 * The result of checking one file or feed: what was read, how much of it is valid, and the
 * violations found, in the order found, at most the validator's {@code maxViolations} of them.
 *
 * <p>Counting never stops: {@code errors} and {@code warnings} count every violation, listed or
 * not, and {@code truncated} tells that the list is incomplete. A file is valid when it has no error;
 * warnings do not make it invalid unless checking is {@link Strictness#STRICT strict}.
 *
 * @param file           the file name as given, or {@value #NO_NAME} for an input without one (standard input)
 * @param format         the input's format, {@code "csv"} or {@code "json"}, or {@code null} for an input that
 *                       could not be read far enough to tell
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
        String file,
        @Nullable String format,
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

    /** The name of an input without one, standard input: as the command line spells it. */
    public static final String NO_NAME = "-";

    /**
     * Checks that the counts agree with each other and copies the violations.
     *
     * @param file the file name as given, or {@value #NO_NAME} for an input without one
     * @param format the input's format, {@code "csv"} or {@code "json"}, or {@code null} when unknown
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
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(profile, "profile");
        violations = List.copyOf(violations);
        if (records < 0 || validRecords < 0 || invalidRecords < 0 || blankLines < 0 || errors < 0 || warnings < 0) {
            throw new IllegalArgumentException("counts must be 0 or more");
        }
        if (records != validRecords + invalidRecords) {
            throw new IllegalArgumentException("records (" + records + ") must be validRecords (" + validRecords
                    + ") + invalidRecords (" + invalidRecords + ")");
        }
        checkVerdict(valid, errors, warnings, violations.size(), truncated);
    }

    /**
     * Checks what a report and a delivery entry both say of their violations: valid exactly when there is no
     * error, and the list truncated exactly when fewer were listed than found.
     *
     * @throws IllegalArgumentException if they disagree
     */
    static void checkVerdict(boolean valid, long errors, long warnings, int listed, boolean truncated) {
        if (valid != (errors == 0)) {
            throw new IllegalArgumentException("valid must be " + (errors == 0) + " with " + errors + " errors");
        }
        long found = errors + warnings;
        if (listed > found || truncated != (found > listed)) {
            throw new IllegalArgumentException(listed + " violations listed of " + found
                    + " found disagree with truncated=" + truncated);
        }
    }

    /**
     * Returns the report of an input that could not be read at all (missing, permission denied, a directory):
     * no record, one {@code FILE_UNREADABLE} error that names the cause, not valid.
     *
     * @param file    the file name as given, or {@value #NO_NAME}
     * @param format  the format its name or the options give, or {@code null} when none does
     * @param profile the rules it was to be checked by
     * @param date    the date its rows were to be held to, or {@code null}
     * @param cause   why it cannot be read, for a person, e.g. {@code "no such file"}
     * @return the report
     */
    public static ValidationReport unreadable(String file, @Nullable String format, Profile profile,
            @Nullable LocalDate date, String cause) {
        Violation violation = Violation.ofFile(ViolationCode.FILE_UNREADABLE, null, "the file cannot be read: "
                + Objects.requireNonNull(cause, "cause") + "; nothing in it was checked");
        return new ValidationReport(file, format, null, profile, date, false, 0, 0, 0, 0, 1, 0, false,
                List.of(violation));
    }

    /**
     * Returns whether the input, or part of it, could not be read ({@code FILE_UNREADABLE}): the command line
     * exits 2 for such a file.
     *
     * @return {@code true} when a listed violation is {@code FILE_UNREADABLE}
     */
    public boolean unreadableInput() {
        for (Violation violation : violations) {
            if (violation.code() == ViolationCode.FILE_UNREADABLE) {
                return true;
            }
        }
        return false;
    }
}
