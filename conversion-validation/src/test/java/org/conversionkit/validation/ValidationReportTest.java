package org.conversionkit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.conversionkit.model.Profile;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.junit.jupiter.api.Test;

/** The invariants the report records hold themselves to. */
class ValidationReportTest {

    private static final Violation EMPTY = Violation.ofFile(ViolationCode.EMPTY_FILE, null, "no records");

    private static ValidationReport report(boolean valid, long records, long validRecords, long invalidRecords,
            long errors, long warnings, boolean truncated, List<Violation> violations) {
        return new ValidationReport("f.csv", "csv", ",", Profile.CONVERSIONS, null, valid, records, validRecords,
                invalidRecords, 0, errors, warnings, truncated, violations);
    }

    @Test
    void recordsAreValidPlusInvalid() {
        assertThat(report(true, 3, 2, 1, 0, 0, false, List.of()).records()).isEqualTo(3);
        assertThatThrownBy(() -> report(true, 3, 2, 0, 0, 0, false, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("records (3)");
    }

    @Test
    void validMeansNoError() {
        assertThatThrownBy(() -> report(true, 0, 0, 0, 1, 0, true, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("valid must be false");
        assertThatThrownBy(() -> report(false, 0, 0, 0, 0, 1, false, List.of(EMPTY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("valid must be true");
    }

    @Test
    void truncatedMeansMoreFoundThanListed() {
        assertThat(report(true, 0, 0, 0, 0, 2, true, List.of(EMPTY)).truncated()).isTrue();
        assertThatThrownBy(() -> report(true, 0, 0, 0, 0, 2, false, List.of(EMPTY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> report(true, 0, 0, 0, 0, 0, false, List.of(EMPTY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> report(true, -1, 0, -1, 0, 0, false, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 or more");
    }

    @Test
    void theViolationsAreCopied() {
        List<Violation> violations = new ArrayList<>(List.of(EMPTY));
        ValidationReport report = report(true, 0, 0, 0, 0, 1, false, violations);
        violations.clear();
        assertThat(report.violations()).containsExactly(EMPTY);
    }

    @Test
    void deliveryRecordsHoldTheSameInvariants() {
        assertThatThrownBy(() -> new DeliveryEntry("a.csv", null, true, 1, 0, true, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryEntry("a.csv", null, true, 0, 1, false, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        DeliveryEntry invalid = new DeliveryEntry("a.csv", null, false, 1, 0, true, List.of());
        assertThatThrownBy(() -> new DeliveryReport(true, List.of(invalid)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new DeliveryReport(false, List.of(invalid)).entries()).containsExactly(invalid);
    }
}
