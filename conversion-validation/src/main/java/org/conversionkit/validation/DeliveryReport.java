package org.conversionkit.validation;

import java.util.List;
import java.util.Objects;

/**
 * The result of checking a delivery set: one entry per file name, in input order.
 *
 * @param valid   whether every entry is valid
 * @param entries the entries, in the order the names were given; copied
 */
public record DeliveryReport(boolean valid, List<DeliveryEntry> entries) {

    /**
     * Checks that {@code valid} agrees with the entries and copies them.
     *
     * @param valid whether every entry is valid
     * @param entries the entries, in the order the names were given; copied
     * @throws IllegalArgumentException if {@code valid} disagrees with the entries
     */
    public DeliveryReport {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        boolean all = entries.stream().allMatch(DeliveryEntry::valid);
        if (valid != all) {
            throw new IllegalArgumentException("valid must be " + all + " for these entries");
        }
    }
}
