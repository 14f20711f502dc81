package org.conversionkit.model;

import static org.conversionkit.model.internal.Ascii.isDigit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.conversionkit.model.rules.DateRule;
import org.jspecify.annotations.Nullable;

/**
 * The name of a daily export file and the date it holds, such as
 * {@code conversion-export-2020-09-22.csv}.
 *
 * <p>The file's date is the one {@code YYYY-MM-DD} in the name (directories ignored) that does not
 * touch other digits. No such date is {@code FILENAME_NO_DATE}; more than one is
 * {@code FILENAME_MULTIPLE_DATES} (a range, not one day's file); one that is no calendar date is
 * {@code FILENAME_DATE_INVALID}. The violations are file-level: line and record 0.
 *
 * @param name       the file name as given
 * @param date       the file's date, or {@code null} when the name has no usable date
 * @param violations what is wrong with the name; empty when it holds exactly one valid date
 */
public record ExportFileName(String name, @Nullable LocalDate date, List<Violation> violations) {

    /** The prefix of the names {@link #of(LocalDate, String)} builds. */
    public static final String DEFAULT_PREFIX = "conversion-export-";

    /**
     * Checks the arguments.
     *
     * @param name the file name as given
     * @param date the file's date, or {@code null} when the name has no usable date
     * @param violations what is wrong with the name; empty when it holds exactly one valid date
     */
    public ExportFileName {
        Objects.requireNonNull(name, "name");
        violations = List.copyOf(violations);
    }

    /**
     * Reads the date of a file name and checks the name rules.
     *
     * @param name a file name or path; only the part after the last {@code /} or {@code \} is read
     * @return the name with its date or its violations
     */
    public static ExportFileName parse(String name) {
        Objects.requireNonNull(name, "name");
        String base = baseName(name);
        List<Integer> starts = new ArrayList<>(2);
        for (int i = 0; i + DateRule.LENGTH <= base.length(); i++) {
            if (DateRule.hasIsoShape(base, i, i + DateRule.LENGTH)
                    && (i == 0 || !isDigit(base.charAt(i - 1)))
                    && (i + DateRule.LENGTH == base.length() || !isDigit(base.charAt(i + DateRule.LENGTH)))) {
                starts.add(i);
                i += DateRule.LENGTH - 1;
            }
        }
        if (starts.isEmpty()) {
            return new ExportFileName(name, null, List.of(Violation.ofFile(ViolationCode.FILENAME_NO_DATE, name,
                    "'" + base + "' holds no YYYY-MM-DD date" + compactDateHint(base)
                            + ": name each file after its day, e.g. " + of(LocalDate.of(2020, 9, 22), "csv"))));
        }
        if (starts.size() > 1) {
            List<String> dates = new ArrayList<>();
            for (int start : starts) {
                dates.add(base.substring(start, start + DateRule.LENGTH));
            }
            return new ExportFileName(name, null, List.of(Violation.ofFile(ViolationCode.FILENAME_MULTIPLE_DATES,
                    name, "'" + base + "' holds " + dates.size() + " dates (" + String.join(", ", dates)
                            + "): deliver one file per day, each named after its own day")));
        }
        int start = starts.get(0);
        String invalid = DateRule.invalidReason(base, start);
        if (invalid != null) {
            return new ExportFileName(name, null, List.of(Violation.ofFile(ViolationCode.FILENAME_DATE_INVALID,
                    name, "the file name's date " + invalid)));
        }
        return new ExportFileName(name, DateRule.toDate(base, start), List.of());
    }

    /**
     * Builds the name of a day's export, {@code conversion-export-YYYY-MM-DD.EXT}.
     *
     * @param date      the day
     * @param extension the extension without its dot, e.g. {@code csv}, {@code json} or {@code csv.gz}
     * @return e.g. {@code conversion-export-2020-09-22.csv}
     */
    public static String of(LocalDate date, String extension) {
        return of(DEFAULT_PREFIX, date, extension);
    }

    /**
     * Builds the name of a day's export with a prefix of one's own.
     *
     * @param prefix    the text before the date, e.g. {@code shop-a-conversions-}; must hold no digits
     *                  right before the date and no path separator
     * @param date      the day, a year from 0000 to 9999
     * @param extension the extension without its dot
     * @return {@code prefix + YYYY-MM-DD + "." + extension}
     * @throws IllegalArgumentException if the prefix or extension would make the name unreadable by
     *                                  {@link #parse(String)}, or the year has not four digits
     */
    public static String of(String prefix, LocalDate date, String extension) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(extension, "extension");
        if (date.getYear() < 0 || date.getYear() > 9999) {
            throw new IllegalArgumentException("the year of " + date + " has not four digits");
        }
        if (extension.isBlank() || extension.startsWith(".")) {
            throw new IllegalArgumentException("give the extension without its dot, e.g. csv");
        }
        String name = prefix + date + "." + extension;
        if (prefix.indexOf('/') >= 0 || prefix.indexOf('\\') >= 0 || extension.indexOf('/') >= 0
                || extension.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("a file name holds no path separator: " + name);
        }
        ExportFileName parsed = parse(name);
        if (!date.equals(parsed.date)) {
            // Either the name breaks a rule, or the date touches a digit of the prefix and another date in the
            // prefix or extension is read instead.
            String why = parsed.violations.isEmpty() ? "it would be read as the file of " + parsed.date
                    + ", the date in the prefix or extension" : parsed.violations.get(0).message();
            throw new IllegalArgumentException("'" + name + "' would not be read back as the file of " + date + ": "
                    + why);
        }
        return name;
    }

    /**
     * Returns the file's date.
     *
     * @return the date, or empty when the name has no usable date
     */
    public Optional<LocalDate> optionalDate() {
        return Optional.ofNullable(date);
    }

    /**
     * Returns whether the name follows every name rule.
     *
     * @return {@code true} when the name holds exactly one valid date
     */
    public boolean isValid() {
        return violations.isEmpty();
    }

    /**
     * Returns the part of a path after its last {@code /} or {@code \}.
     *
     * @param name a file name or path
     * @return the base name
     */
    public static String baseName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    private static String compactDateHint(String base) {
        int run = 0;
        for (int i = 0; i < base.length(); i++) {
            run = isDigit(base.charAt(i)) ? run + 1 : 0;
            boolean ends = i + 1 == base.length() || !isDigit(base.charAt(i + 1));
            if (run == 8 && ends) {
                String digits = base.substring(i - 7, i + 1);
                return " (" + digits + " is not one: write it " + digits.substring(0, 4) + "-" + digits.substring(4, 6)
                        + "-" + digits.substring(6) + ")";
            }
        }
        return "";
    }
}
