package org.conversionkit.model.rules;

import static org.conversionkit.model.internal.Ascii.isDigit;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Consumer;
import org.conversionkit.model.CrmDateTime;
import org.conversionkit.model.Severity;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;

/**
 * The rule of CRM date-times ({@code createdAt}, {@code updatedAt}): an RFC 3339 date-time, as BigQuery's loader
 * reads it, or one of the two additions of the CRM contract: a date alone, and a date-time without an offset.
 *
 * <pre>
 * value    = date / date "T" time [offset]            ; "T" or "t"
 * date     = YYYY "-" MM "-" DD                        ; a day that exists
 * time     = HH ":" MM ":" SS ["." 1*DIGIT]            ; any number of fraction digits
 * offset   = "Z" / "z" / ("+" / "-") HH ":" MM         ; from -18:00 to +18:00
 * </pre>
 *
 * <ul>
 * <li>RFC 3339 (section 5.6) allows a lower-case {@code t} and {@code z}, any number of fraction digits (those past
 *     the nanosecond are kept, {@link CrmDateTime#extraFractionDigits()}), and the leap second {@code :60} at the
 *     end of a month (section 5.7): at 23:59:60 UTC on a month's last day, or the same instant in the offset
 *     written ({@code 1990-12-31T15:59:60-08:00}); without an offset, at 23:59:60 on a month's last day as
 *     written.</li>
 * <li>The contract adds the date alone ({@code 2020-01-10}, the source document's own example) and the date-time
 *     without an offset ({@code 2020-01-10T10:15:30}, a wall-clock time, read in the feed's zone when the profile
 *     sets one).</li>
 * <li>The SQL form with a space for the {@code T} ({@code 2020-01-10 10:15:30}) is outside RFC 3339 but BigQuery
 *     loads it: the value is accepted with a {@code DATE_TIME_SEPARATOR} warning that says to write the {@code T}.</li>
 * <li>{@code DATE_FORMAT}, with the fix in the message: a time without seconds ({@code T10:15}; RFC 3339 and
 *     BigQuery's loader need them), an offset without a colon ({@code +0100}) or without minutes ({@code +01}), a
 *     fraction after a comma ({@code 10:15:30,5}), and any other shape, judged on the whole value first.</li>
 * <li>{@code DATE_INVALID}: the right shape with impossible values ({@code 2022-02-30}, hour 24, minute 60, a leap
 *     second elsewhere than at a month's end, an offset beyond ±18:00, which RFC 3339's grammar allows up to ±23:59
 *     but no zone uses and {@code java.time} cannot hold).</li>
 * <li>{@code FIELD_MISSING}: absent or blank.</li>
 * </ul>
 * One scan of the text, no regular expression and no {@link java.time.format.DateTimeFormatter}.
 */
public final class IsoDateTimeRule {

    private static final int NANO_DIGITS = 9;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;
    /** Where the time starts: after {@code YYYY-MM-DD} and the separator. */
    private static final int TIME = DateRule.LENGTH + 1;
    private static final String EXAMPLES = "e.g. 2020-01-10T10:15:30Z, 2020-01-10T10:15:30+02:00 or the date"
            + " 2020-01-10";

    private IsoDateTimeRule() {
    }

    /**
     * Checks a date-time field.
     *
     * @param field the field's name, for the message
     * @param value the value as written, or {@code null} when absent
     * @return {@code null} for a valid value; else the problem, a warning ({@code DATE_TIME_SEPARATOR}) for a value
     *         that is valid otherwise
     */
    public static @Nullable Problem check(String field, @Nullable String value) {
        Object result = read(field, value);
        if (result instanceof Problem problem) {
            return problem;
        }
        return result instanceof Warned warned ? warned.warning : null;
    }

    /**
     * Parses a date-time field; a value with only a warning ({@code DATE_TIME_SEPARATOR}) is read.
     *
     * @param field the field's name, for the message
     * @param value the value as written
     * @return the value
     * @throws IllegalArgumentException if the value is not valid; the message says why
     */
    public static CrmDateTime parse(String field, String value) {
        CrmDateTime parsed = parse(field, value, problem -> {
            if (problem.code().defaultSeverity() == Severity.ERROR) {
                throw new IllegalArgumentException(problem.message());
            }
        });
        return Objects.requireNonNull(parsed);
    }

    /**
     * Parses a date-time field, handing its problem to a consumer, so that a caller scans the text once. A value
     * with a warning ({@code DATE_TIME_SEPARATOR}) is returned after its warning is handed on.
     *
     * @param field    the field's name, for the message
     * @param value    the value as written, or {@code null} when absent
     * @param problems receives the problem when the value is not valid, or its warning
     * @return the value, or {@code null} when it is not valid
     */
    public static @Nullable CrmDateTime parse(String field, @Nullable String value,
            Consumer<? super Problem> problems) {
        Object result = read(field, value);
        if (result instanceof Problem problem) {
            problems.accept(problem);
            return null;
        }
        if (result instanceof Warned warned) {
            problems.accept(warned.warning);
            return warned.value;
        }
        return (CrmDateTime) result;
    }

    /** A value that is valid but for a warning. */
    private record Warned(CrmDateTime value, Problem warning) {
    }

    /** Reads a value once: a {@link CrmDateTime}, a {@link Warned} one, or the {@link Problem} that stops it. */
    private static Object read(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return new Problem(ViolationCode.FIELD_MISSING, field
                    + " is missing: every record needs it, as an RFC 3339 date-time or a date, " + EXAMPLES);
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
        boolean space = separator == ' ';
        if (separator != 'T' && separator != 't' && !space) {
            return format(field, value, "");
        }
        int i = TIME;
        if (!twoDigits(value, i) || i + 2 >= length || value.charAt(i + 2) != ':' || !twoDigits(value, i + 3)) {
            return format(field, value, "");
        }
        int hour = DateRule.number(value, i, 2);
        int minute = DateRule.number(value, i + 3, 2);
        i += 5;
        if (i == length || value.charAt(i) != ':') {
            if (i == length || isOffsetStart(value.charAt(i))) {
                return format(field, value, ": RFC 3339 and BigQuery need the seconds; write "
                        + Violation.shorten(withT(value, i) + ":00" + value.substring(i)));
            }
            return format(field, value, "");
        }
        if (!twoDigits(value, i + 1)) {
            return format(field, value, "");
        }
        int second = DateRule.number(value, i + 1, 2);
        i += 3;
        int nanos = 0;
        String extraDigits = "";
        if (i < length && (value.charAt(i) == '.' || value.charAt(i) == ',')) {
            boolean comma = value.charAt(i) == ',';
            int start = ++i;
            while (i < length && isDigit(value.charAt(i))) {
                i++;
            }
            int digits = i - start;
            if (digits == 0) {
                return format(field, value, "");
            }
            if (comma) {
                return format(field, value, ": write the fraction of a second after a point, "
                        + Violation.shorten(withT(value, start - 1) + "." + value.substring(start)));
            }
            nanos = DateRule.number(value, start, Math.min(digits, NANO_DIGITS));
            for (int d = digits; d < NANO_DIGITS; d++) {
                nanos *= 10;
            }
            if (digits > NANO_DIGITS) {
                int end = i;
                while (end > start + NANO_DIGITS && value.charAt(end - 1) == '0') {
                    end--;
                }
                extraDigits = value.substring(start + NANO_DIGITS, end);
            }
        }
        int offsetSeconds = 0;
        boolean hasOffset = false;
        int offsetMinutes = 0;
        if (i < length) {
            char c = value.charAt(i);
            int rest = length - i - 1;
            hasOffset = true;
            if ((c == 'Z' || c == 'z') && rest == 0) {
                offsetSeconds = 0;
            } else if ((c == '+' || c == '-') && rest == 5 && twoDigits(value, i + 1) && value.charAt(i + 3) == ':'
                    && twoDigits(value, i + 4)) {
                int offsetHours = DateRule.number(value, i + 1, 2);
                offsetMinutes = DateRule.number(value, i + 4, 2);
                offsetSeconds = offsetHours * 3600 + offsetMinutes * 60;
                offsetSeconds = c == '-' ? -offsetSeconds : offsetSeconds;
            } else {
                return format(field, value, offsetHint(value, i));
            }
        }
        // The shape is right: now the values, the date first.
        Problem invalid = invalidDate(field, value);
        if (invalid != null) {
            return invalid;
        }
        if (offsetMinutes > 59 || Math.abs(offsetSeconds) > MAX_OFFSET_SECONDS) {
            return new Problem(ViolationCode.DATE_INVALID, field + ": the offset in '" + Violation.shorten(value)
                    + "' is out of range: offsets run from -18:00 to +18:00, with minutes from 00 to 59");
        }
        if (hour > 23 || minute > 59 || second > 60) {
            return new Problem(ViolationCode.DATE_INVALID, field + ": '" + Violation.shorten(value)
                    + "' is not a time of day: hours run from 00 to 23, minutes from 00 to 59, seconds from 00 to 59"
                    + " (60 in a leap second)");
        }
        boolean leapSecond = second == 60;
        int year = DateRule.number(value, 0, 4);
        int month = DateRule.number(value, 5, 2);
        int day = DateRule.number(value, 8, 2);
        if (leapSecond && !isLeapSecondTime(year, month, day, hour * 3600 + minute * 60 + 59 - offsetSeconds)) {
            return new Problem(ViolationCode.DATE_INVALID, field + ": '" + Violation.shorten(value)
                    + "' puts a leap second (:60) where none can be: a leap second is 23:59:60 UTC on the last day of"
                    + " a month, e.g. 2016-12-31T23:59:60Z or 2016-12-31T15:59:60-08:00 (RFC 3339, section 5.7)");
        }
        CrmDateTime result = new CrmDateTime(DateRule.toDate(value, 0),
                LocalTime.of(hour, minute, leapSecond ? 59 : second, nanos),
                hasOffset ? ZoneOffset.ofTotalSeconds(offsetSeconds) : null, leapSecond, extraDigits);
        if (space) {
            return new Warned(result, new Problem(ViolationCode.DATE_TIME_SEPARATOR, field + " '"
                    + Violation.shorten(value) + "' separates the date and the time with a space, the SQL form:"
                    + " BigQuery loads it, but RFC 3339 and ISO 8601 want a T; write "
                    + Violation.shorten(withT(value, length))));
        }
        return result;
    }

    /**
     * Whether a second 59 on a date ({@code utcSecondOfDay}: the local time's second of the day minus the offset, so
     * from a day before to 18 hours after) is the one a leap second follows: 23:59:59 UTC on the last day of a
     * month.
     */
    private static boolean isLeapSecondTime(int year, int month, int day, int utcSecondOfDay) {
        int lastSecond = 86_399;
        if (utcSecondOfDay == lastSecond) {
            return day == DateRule.daysInMonth(year, month);
        }
        // The day before, in UTC: then the local date is the first of a month. (No offset reaches the next day's
        // 23:59:59.)
        return utcSecondOfDay == lastSecond - 86_400 && day == 1;
    }

    private static boolean isOffsetStart(char c) {
        return c == 'Z' || c == 'z' || c == '+' || c == '-';
    }

    /** The fix of an offset RFC 3339 does not allow. */
    private static String offsetHint(String value, int at) {
        char c = value.charAt(at);
        int rest = value.length() - at - 1;
        String before = withT(value, at);
        if ((c == '+' || c == '-') && rest == 4 && twoDigits(value, at + 1) && twoDigits(value, at + 3)) {
            return ": write the offset with a colon, " + Violation.shorten(before + c + value.substring(at + 1, at + 3)
                    + ":" + value.substring(at + 3));
        }
        if ((c == '+' || c == '-') && rest == 2 && twoDigits(value, at + 1)) {
            return ": write the offset's minutes too, " + Violation.shorten(before + value.substring(at) + ":00");
        }
        String tail = value.substring(at).strip();
        if (tail.equalsIgnoreCase("UTC") || tail.equalsIgnoreCase("GMT") || tail.equals("Z")) {
            return ": write UTC as Z, right after the time: " + Violation.shorten(before.stripTrailing() + "Z");
        }
        return ": write the offset as Z, +HH:MM or -HH:MM right after the time, e.g. 2020-01-10T10:15:30+02:00";
    }

    /** The value up to {@code end}, a space between date and time written as the T it should be. */
    private static String withT(String value, int end) {
        String start = value.substring(0, end);
        return value.charAt(DateRule.LENGTH) == ' ' ? start.substring(0, DateRule.LENGTH) + "T"
                + start.substring(TIME) : start;
    }

    private static @Nullable Problem invalidDate(String field, String value) {
        String reason = DateRule.invalidReason(value, 0);
        return reason == null ? null : new Problem(ViolationCode.DATE_INVALID, field + ": " + reason);
    }

    private static Problem format(String field, String value, String hint) {
        String fix = hint.isEmpty() ? ": write an RFC 3339 date-time or a date, " + EXAMPLES : hint;
        return new Problem(ViolationCode.DATE_FORMAT, field + " '" + Violation.shorten(value)
                + "' is not an RFC 3339 date-time" + fix);
    }

    private static boolean twoDigits(String value, int i) {
        return i + 1 < value.length() && isDigit(value.charAt(i)) && isDigit(value.charAt(i + 1));
    }
}
