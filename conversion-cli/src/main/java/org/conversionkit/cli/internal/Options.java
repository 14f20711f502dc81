package org.conversionkit.cli.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.conversionkit.model.rules.DateRule;
import org.conversionkit.model.rules.Problem;
import org.jspecify.annotations.Nullable;

/** Parsing of option values shared by the commands; a bad value is a usage error. */
final class Options {

    private Options() {
    }

    /** Parses a {@code YYYY-MM-DD} option value, or returns null when the option is absent. */
    static @Nullable LocalDate date(String option, @Nullable String value) {
        if (value == null) {
            return null;
        }
        Problem problem = DateRule.check(value);
        if (problem != null) {
            throw new UsageException(option + ": " + problem.message());
        }
        return DateRule.parse(value);
    }

    /** The value of {@code --feed-zone} that keeps the default: dates as written, no zone. */
    static final String AS_WRITTEN = "as-written";

    /**
     * Parses a zone option: a region ({@code Europe/Paris}), {@code UTC}, an offset ({@code +02:00}), or
     * {@value #AS_WRITTEN}; returns null for {@value #AS_WRITTEN} or an absent option.
     */
    static @Nullable ZoneId zone(String option, @Nullable String value) {
        if (value == null || value.equals(AS_WRITTEN)) {
            return null;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            String hint = "";
            for (String id : ZoneId.getAvailableZoneIds()) {
                if (id.equalsIgnoreCase(value)) {
                    hint = " (did you mean " + id + "?)";
                    break;
                }
            }
            throw new UsageException(option + ": '" + value + "' is not a time zone" + hint + ": give a region such"
                    + " as Europe/Paris, UTC, an offset such as +02:00, or " + AS_WRITTEN + " (the default)");
        }
    }

    /**
     * Parses a positive count with an optional binary suffix ({@code K}, {@code M}, {@code G}: 2<sup>10</sup>,
     * 2<sup>20</sup>, 2<sup>30</sup>), or returns 0 when the option is absent.
     */
    static long size(String option, @Nullable String value) {
        if (value == null) {
            return 0;
        }
        String text = value.strip();
        int shift = 0;
        if (!text.isEmpty()) {
            switch (Character.toUpperCase(text.charAt(text.length() - 1))) {
                case 'K' -> shift = 10;
                case 'M' -> shift = 20;
                case 'G' -> shift = 30;
                default -> shift = 0;
            }
        }
        String digits = shift == 0 ? text : text.substring(0, text.length() - 1);
        long number;
        try {
            number = digits.isEmpty() || digits.charAt(0) == '+' ? -1 : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 1 || number > Long.MAX_VALUE >> shift) {
            throw new UsageException(option + ": '" + value + "' is not a count from 1 up; write e.g. 500000, 100M"
                    + " or 2G");
        }
        return number << shift;
    }

    /**
     * Parses a {@code --delimiter} value: {@code auto}, {@code tab}, {@code pipe}, {@code comma},
     * {@code semicolon}, {@code \t}, or one character.
     *
     * @return the delimiter, or null for {@code auto}
     */
    static @Nullable Character delimiter(String value) {
        switch (value) {
            case "auto":
                return null;
            case "tab":
            case "\\t":
                return '\t';
            case "pipe":
                return '|';
            case "comma":
                return ',';
            case "semicolon":
                return ';';
            default:
                if (value.length() != 1) {
                    throw new UsageException("--delimiter: '" + value
                            + "' is not a delimiter; use auto, one character such as ; or |, tab or pipe");
                }
                char c = value.charAt(0);
                if (c == '"' || c == '\r' || c == '\n') {
                    throw new UsageException("--delimiter: '" + value + "' cannot separate fields");
                }
                return c;
        }
    }
}
