package org.conversionkit.model.rules;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Consumer;
import org.conversionkit.model.CrmDateTime;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;

/**
 * The rule of CRM date-times ({@code createdAt}, {@code updatedAt}): an ISO 8601 date
 * {@code YYYY-MM-DD}, or a date-time {@code YYYY-MM-DDTHH:MM[:SS[.fraction]]} with an optional
 * offset {@code Z}, {@code ±HH:MM}, {@code ±HHMM} or {@code ±HH}.
 *
 * <p>Another shape is {@code DATE_FORMAT}, judged on the whole value first; the right shape with impossible values
 * ({@code 2022-02-30}, hour 25, an offset beyond ±18:00) is {@code DATE_INVALID}; absent or blank is
 * {@code FIELD_MISSING}.
 */
public final class IsoDateTimeRule {

    private static final int MAX_FRACTION_DIGITS = 9;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private IsoDateTimeRule() {
    }

    /**
     * Checks a date-time field.
     *
     * @param field the field's name, for the message
     * @param value the value as written, or {@code null} when absent
     * @return {@code null} for a valid ISO 8601 date or date-time, else the problem
     */
    public static @Nullable Problem check(String field, @Nullable String value) {
        Problem[] found = new Problem[1];
        parse(field, value, problem -> found[0] = problem);
        return found[0];
    }

    /**
     * Parses a date-time field.
     *
     * @param field the field's name, for the message
     * @param value the value as written
     * @return the value
     * @throws IllegalArgumentException if the value is not valid; the message says why
     */
    public static CrmDateTime parse(String field, String value) {
        CrmDateTime parsed = parse(field, value, problem -> {
            throw new IllegalArgumentException(problem.message());
        });
        return Objects.requireNonNull(parsed);
    }

    /**
     * Parses a date-time field, handing the problem of an invalid value to a consumer, so that a caller
     * scans the text once.
     *
     * @param field    the field's name, for the message
     * @param value    the value as written, or {@code null} when absent
     * @param problems receives the problem when the value is not valid
     * @return the value, or {@code null} when it is not valid
     */
    public static @Nullable CrmDateTime parse(String field, @Nullable String value,
            Consumer<? super Problem> problems) {
        Object result = read(field, value);
        if (result instanceof Problem problem) {
            problems.accept(problem);
            return null;
        }
        return (CrmDateTime) result;
    }

    /** Reads a value once: a {@link CrmDateTime}, or the {@link Problem} that stops it. */
    private static Object read(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return new Problem(ViolationCode.FIELD_MISSING, field
                    + " is missing: every record needs it, as an ISO 8601 date or date-time, e.g. 2020-01-10T10:15:30Z");
        }
        int length = value.length();
        if (length < DateRule.LENGTH || !DateRule.hasIsoShape(value, 0, DateRule.LENGTH)) {
            return format(field, value, "");
        }
        if (length == DateRule.LENGTH) {
            Problem invalid = invalidDate(field, value);
            return invalid != null ? invalid : new CrmDateTime(DateRule.toDate(value, 0), null, null);
        }
        char separator = value.charAt(DateRule.LENGTH);
        if (separator != 'T') {
            return format(field, value, separator == ' ' || separator == 't'
                    ? ": separate the date and the time with a capital T, as in " + value.substring(0, DateRule.LENGTH)
                            + "T" + Violation.shorten(value.substring(DateRule.LENGTH + 1))
                    : "");
        }
        int i = DateRule.LENGTH + 1;
        if (!twoDigits(value, i) || i + 2 >= length || value.charAt(i + 2) != ':' || !twoDigits(value, i + 3)) {
            return format(field, value, "");
        }
        int hour = DateRule.number(value, i, 2);
        int minute = DateRule.number(value, i + 3, 2);
        int second = 0;
        int nanos = 0;
        i += 5;
        if (i < length && value.charAt(i) == ':') {
            if (!twoDigits(value, i + 1)) {
                return format(field, value, "");
            }
            second = DateRule.number(value, i + 1, 2);
            i += 3;
            if (i < length && (value.charAt(i) == '.' || value.charAt(i) == ',')) {
                int start = ++i;
                while (i < length && isDigit(value.charAt(i))) {
                    i++;
                }
                int digits = i - start;
                if (digits == 0 || digits > MAX_FRACTION_DIGITS) {
                    return format(field, value, digits == 0 ? "" : ": write at most nine fraction digits");
                }
                nanos = DateRule.number(value, start, digits);
                for (int d = digits; d < MAX_FRACTION_DIGITS; d++) {
                    nanos *= 10;
                }
            }
        }
        int offsetSeconds = 0;
        boolean hasOffset = false;
        int offsetMinutes = 0;
        if (i < length) {
            char c = value.charAt(i);
            hasOffset = true;
            if (c == 'Z' && i == length - 1) {
                offsetSeconds = 0;
            } else if (c == '+' || c == '-') {
                int rest = length - i - 1;
                int offsetHours;
                if (rest == 2 && twoDigits(value, i + 1)) {
                    offsetHours = DateRule.number(value, i + 1, 2);
                } else if (rest == 4 && twoDigits(value, i + 1) && twoDigits(value, i + 3)) {
                    offsetHours = DateRule.number(value, i + 1, 2);
                    offsetMinutes = DateRule.number(value, i + 3, 2);
                } else if (rest == 5 && twoDigits(value, i + 1) && value.charAt(i + 3) == ':'
                        && twoDigits(value, i + 4)) {
                    offsetHours = DateRule.number(value, i + 1, 2);
                    offsetMinutes = DateRule.number(value, i + 4, 2);
                } else {
                    return format(field, value, ": write the offset as Z, +HH:MM or -HH:MM");
                }
                offsetSeconds = offsetHours * 3600 + offsetMinutes * 60;
                offsetSeconds = c == '-' ? -offsetSeconds : offsetSeconds;
            } else {
                return format(field, value, "");
            }
        }
        // The shape is right: now the values, the date first.
        Problem invalid = invalidDate(field, value);
        if (invalid != null) {
            return invalid;
        }
        if (offsetMinutes > 59 || Math.abs(offsetSeconds) > MAX_OFFSET_SECONDS) {
            return new Problem(ViolationCode.DATE_INVALID, field + ": the offset in '" + Violation.shorten(value)
                    + "' is out of range: offsets run from -18:00 to +18:00");
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return new Problem(ViolationCode.DATE_INVALID, field + ": '" + Violation.shorten(value)
                    + "' is not a time of day: hours run from 00 to 23, minutes and seconds from 00 to 59");
        }
        return new CrmDateTime(DateRule.toDate(value, 0), LocalTime.of(hour, minute, second, nanos),
                hasOffset ? ZoneOffset.ofTotalSeconds(offsetSeconds) : null);
    }

    private static @Nullable Problem invalidDate(String field, String value) {
        String reason = DateRule.invalidReason(value, 0);
        return reason == null ? null : new Problem(ViolationCode.DATE_INVALID, field + ": " + reason);
    }

    private static Problem format(String field, String value, String hint) {
        String fix = hint.isEmpty()
                ? ": write an ISO 8601 date or date-time, e.g. 2020-01-10 or 2020-01-10T10:15:30Z" : hint;
        return new Problem(ViolationCode.DATE_FORMAT, field + " '" + Violation.shorten(value)
                + "' is not ISO 8601" + fix);
    }

    private static boolean twoDigits(String value, int i) {
        return i + 1 < value.length() && isDigit(value.charAt(i)) && isDigit(value.charAt(i + 1));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
