package org.conversionkit.cli.internal;

import java.time.LocalDate;
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
