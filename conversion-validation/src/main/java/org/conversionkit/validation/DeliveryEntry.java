package org.conversionkit.validation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.conversionkit.model.Violation;
import org.jspecify.annotations.Nullable;

/**
 * What a delivery set's check found about one file name. The violations are file-level (line and
 * record 0).
 *
 * @param file       the name as given
 * @param date       the name's date, or {@code null} when it has no usable date
 * @param valid      whether the name has no error: {@code errors == 0}
 * @param errors     the errors found, listed or not
 * @param warnings   the warnings found, listed or not
 * @param truncated  whether more violations were found than listed
 * @param violations the first violations found, in order; copied
 */
public record DeliveryEntry(
        String file,
        @Nullable LocalDate date,
        boolean valid,
        long errors,
        long warnings,
        boolean truncated,
        List<Violation> violations) {

    /**
     * Checks that the counts agree with each other and copies the violations.
     *
     * @param file the name as given
     * @param date the name's date, or {@code null} when it has no usable date
     * @param valid whether the name has no error: {@code errors == 0}
     * @param errors the errors found, listed or not
     * @param warnings the warnings found, listed or not
     * @param truncated whether more violations were found than listed
     * @param violations the first violations found, in order; copied
     * @throws IllegalArgumentException if a count is negative, {@code valid} is not {@code errors == 0},
     *                                  or the list and {@code truncated} disagree with the counts
     */
    public DeliveryEntry {
        Objects.requireNonNull(file, "file");
        violations = List.copyOf(violations);
        if (errors < 0 || warnings < 0) {
            throw new IllegalArgumentException("counts must be 0 or more");
        }
        ValidationReport.checkVerdict(valid, errors, warnings, violations.size(), truncated);
    }
}
