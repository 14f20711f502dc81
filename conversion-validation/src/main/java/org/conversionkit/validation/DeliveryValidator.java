package org.conversionkit.validation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.conversionkit.model.ExportFileName;
import org.conversionkit.model.Severity;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.validation.internal.ViolationCollector;

/**
 * Checks a delivery set: the names of the daily files delivered for a period (a bucket listing),
 * one file a day.
 *
 * <ol>
 * <li>Each name follows the name rules of {@link ExportFileName#parse(String)}
 *     ({@code FILENAME_NO_DATE}, {@code FILENAME_MULTIPLE_DATES}, {@code FILENAME_DATE_INVALID}).</li>
 * <li>Among the names with a date, a name whose date an earlier name (in input order) already has is a
 *     {@code DUPLICATE_DELIVERY} error.</li>
 * <li>Every day between the earliest and the latest date without a name is a {@code MISSING_DELIVERY}
 *     warning, with the missing date as its value, reported once, on the first name (in input order)
 *     of the next date present after the gap.</li>
 * </ol>
 * Every violation is file-level (line and record 0). Each entry lists at most {@code maxViolations}
 * of its violations and counts all of them, so that a typing error in a year (a gap of thousands of
 * days) cannot make the report huge.
 */
public final class DeliveryValidator {

    /** How many violations an entry lists unless told otherwise. */
    public static final int DEFAULT_MAX_VIOLATIONS = 100;

    private DeliveryValidator() {
    }

    /**
     * Checks a delivery set with {@link Strictness#STANDARD} and at most
     * {@value #DEFAULT_MAX_VIOLATIONS} violations listed per name.
     *
     * @param names the file names or paths, in delivery order
     * @return the report, one entry per name in input order
     */
    public static DeliveryReport validate(List<String> names) {
        return validate(names, Strictness.STANDARD, DEFAULT_MAX_VIOLATIONS);
    }

    /**
     * Checks a delivery set.
     *
     * @param names         the file names or paths, in delivery order
     * @param strictness    {@link Strictness#STRICT} to report {@code MISSING_DELIVERY} as an error
     * @param maxViolations how many violations each entry lists, 0 or more
     * @return the report, one entry per name in input order
     * @throws IllegalArgumentException if {@code maxViolations} is negative
     */
    public static DeliveryReport validate(List<String> names, Strictness strictness, int maxViolations) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(strictness, "strictness");
        if (maxViolations < 0) {
            throw new IllegalArgumentException("maxViolations must be 0 or more, was " + maxViolations);
        }
        int count = names.size();
        ExportFileName[] parsed = new ExportFileName[count];
        ViolationCollector[] collectors = new ViolationCollector[count];
        Map<LocalDate, Integer> firstByDate = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String name = Objects.requireNonNull(names.get(i), "a name is null");
            parsed[i] = ExportFileName.parse(name);
            collectors[i] = new ViolationCollector(strictness, maxViolations);
            parsed[i].violations().forEach(collectors[i]);
            LocalDate date = parsed[i].date();
            if (date != null) {
                Integer first = firstByDate.putIfAbsent(date, i);
                if (first != null) {
                    collectors[i].accept(Violation.ofFile(ViolationCode.DUPLICATE_DELIVERY, name, "'" + name
                            + "' is a second file for " + date + ", after '" + names.get(first)
                            + "': deliver exactly one file a day; merge the two or remove one"));
                }
            }
        }
        LocalDate previous = null;
        for (Map.Entry<LocalDate, Integer> entry : new TreeMap<>(firstByDate).entrySet()) {
            LocalDate date = entry.getKey();
            if (previous != null && ChronoUnit.DAYS.between(previous, date) > 1) {
                reportGap(collectors[entry.getValue()], previous, date);
            }
            previous = date;
        }
        List<DeliveryEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ViolationCollector collector = collectors[i];
            entries.add(new DeliveryEntry(names.get(i), parsed[i].date(), collector.errors() == 0,
                    collector.errors(), collector.warnings(), collector.truncated(), collector.violations()));
        }
        return new DeliveryReport(entries.stream().allMatch(DeliveryEntry::valid), entries);
    }

    private static void reportGap(ViolationCollector collector, LocalDate before, LocalDate after) {
        for (LocalDate day = before.plusDays(1); day.isBefore(after); day = day.plusDays(1)) {
            if (!collector.listsMore()) {
                collector.countOnly(Severity.WARNING, ChronoUnit.DAYS.between(day, after));
                return;
            }
            collector.accept(Violation.ofFile(ViolationCode.MISSING_DELIVERY, day.toString(), "no file for " + day
                    + ", a day between " + before + " and " + after + ": deliver one file every day"));
        }
    }
}
