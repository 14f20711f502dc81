package org.conversionkit.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Objects;
import org.conversionkit.model.rules.IsoDateTimeRule;
import org.jspecify.annotations.Nullable;

/**
 * A CRM date or date-time as a feed writes it ({@code createdAt}, {@code updatedAt}): a date, an optional time of
 * day, and an optional offset ({@code 2020-01-10}, {@code 2020-01-10T10:15:30}, {@code 2020-01-10T10:15:30.5+02:00},
 * {@code 2020-01-10T08:15:30Z}); see {@link IsoDateTimeRule} for the forms accepted.
 *
 * <p>The value keeps what was written, notation aside: a date stays a date, a local date-time stays local, an offset
 * stays the offset written; a leap second ({@code 23:59:60}) and fraction digits past the nanosecond are kept
 * ({@link #leapSecond()}, {@link #extraFractionDigits()}). Two values are equal when they are written alike but for
 * notation: {@code 10:15:30.50z} equals {@code 10:15:30.5Z}, and {@code 10:15:30Z} does not equal
 * {@code 11:15:30+01:00} (use {@link #isBefore} for time order). {@link #toString()} gives the RFC 3339 form.
 *
 * <p><b>Order.</b> {@link #isBefore(CrmDateTime)} and {@link #isBefore(CrmDateTime, ZoneId)} answer {@code true} only
 * when the order is provable. A value with an offset names one instant. A date names its whole day. A value without
 * an offset names a wall-clock time: read in the feed's zone when one is given (a wall time that a change of offset
 * repeats or skips names the instants it can be), else, as written, in the unknown zone the feed's other values
 * without an offset share; against a value with an offset it can then be anything from 18 hours before to 18 hours
 * after its wall time, the widest offsets there are.
 *
 * @param date                the calendar date as written
 * @param time                the time of day, or {@code null} for a date alone; a leap second holds second 59
 *                            here (and {@code leapSecond})
 * @param offset              the offset from UTC ({@code Z} is {@link ZoneOffset#UTC}), or {@code null} when none
 *                            was written
 * @param leapSecond          whether the seconds were written {@code 60}, a leap second
 * @param extraFractionDigits the fraction's digits past the ninth, as written up to the last one that is not zero;
 *                            empty when there are none
 */
public record CrmDateTime(LocalDate date, @Nullable LocalTime time, @Nullable ZoneOffset offset, boolean leapSecond,
        String extraFractionDigits) {

    /** The widest offset from UTC, in seconds: a wall time without an offset names an instant within it. */
    private static final long MAX_OFFSET_SECONDS = 18 * 3600;
    private static final long SECONDS_PER_DAY = 86_400;
    private static final int NANOS_PER_SECOND = 1_000_000_000;

    /**
     * Checks the arguments.
     *
     * @param date the calendar date as written
     * @param time the time of day, or {@code null} for a date alone
     * @param offset the offset from UTC, or {@code null} when none was written
     * @param leapSecond whether the seconds were written {@code 60}
     * @param extraFractionDigits the fraction's digits past the ninth, without trailing zeros; empty when none
     * @throws IllegalArgumentException if an offset, a leap second or extra digits come without a time of day, a leap
     *                                  second's time is not at second 59, or the extra digits are not ASCII digits
     *                                  ending in one other than 0
     */
    public CrmDateTime {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(extraFractionDigits, "extraFractionDigits");
        if (time == null && (offset != null || leapSecond || !extraFractionDigits.isEmpty())) {
            throw new IllegalArgumentException("an offset, a leap second or fraction digits need a time of day");
        }
        if (leapSecond && Objects.requireNonNull(time).getSecond() != 59) {
            throw new IllegalArgumentException("a leap second's time holds second 59, was " + time);
        }
        int length = extraFractionDigits.length();
        for (int i = 0; i < length; i++) {
            char c = extraFractionDigits.charAt(i);
            if (c < '0' || c > '9' || (i == length - 1 && c == '0')) {
                throw new IllegalArgumentException("extra fraction digits are ASCII digits ending in one other than"
                        + " 0, was '" + Violation.shorten(extraFractionDigits) + "'");
            }
        }
    }

    /**
     * Creates a value without a leap second or fraction digits past the nanosecond.
     *
     * @param date   the calendar date
     * @param time   the time of day, or {@code null} for a date alone
     * @param offset the offset from UTC, or {@code null} for none
     * @throws IllegalArgumentException if an offset comes without a time of day
     */
    public CrmDateTime(LocalDate date, @Nullable LocalTime time, @Nullable ZoneOffset offset) {
        this(date, time, offset, false, "");
    }

    /**
     * Parses a CRM date or date-time as {@link IsoDateTimeRule} reads it. The SQL form with a space for the
     * {@code T}, which the rule accepts with a {@code DATE_TIME_SEPARATOR} warning, is read too.
     *
     * @param text the value as written
     * @return the value
     * @throws IllegalArgumentException if the text is not a valid date or date-time; the message says what is wrong
     */
    public static CrmDateTime parse(String text) {
        return IsoDateTimeRule.parse("value", text);
    }

    /**
     * Returns whether this value is provably earlier than another, the values without an offset taken as written:
     * instants when both carry an offset, wall-clock times when neither does, and a date its whole day (so
     * {@code 2020-01-20} is not before {@code 2020-01-20T10:00:00}). Against a value with an offset, one without
     * names anything within 18 hours of its wall time: {@code 2020-01-10T09:00:00} is not provably before
     * {@code 2020-01-10T10:00:00+02:00}.
     *
     * @param other the value to compare with
     * @return {@code true} when every time this value can name is before every time the other can
     */
    public boolean isBefore(CrmDateTime other) {
        return before(this, other, null);
    }

    /**
     * Returns whether this value is provably earlier than another, the values without an offset read in a zone: a
     * date is its day in that zone, a wall-clock time the instant it is there (in a change of offset, the instants
     * it can be).
     *
     * @param other the value to compare with
     * @param zone  the zone of the values without an offset, e.g. the feed's zone
     * @return {@code true} when every instant this value can name is before every instant the other can
     */
    public boolean isBefore(CrmDateTime other, ZoneId zone) {
        return before(this, other, Objects.requireNonNull(zone, "zone"));
    }

    /**
     * Returns the day this value falls on in a zone: for a value with an offset, the date its instant has there;
     * for a date, or a date-time without an offset (read in that zone), the date written.
     *
     * @param zone the zone, e.g. the feed's zone
     * @return the date
     */
    public LocalDate dateIn(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        if (offset == null) {
            return date;
        }
        if (zone.equals(offset)) {
            return date;
        }
        long second = wallSecond() - offset.getTotalSeconds();
        ZoneOffset there = zone instanceof ZoneOffset fixed ? fixed
                : zone.getRules().getOffset(Instant.ofEpochSecond(second));
        return LocalDate.ofEpochDay(Math.floorDiv(second + there.getTotalSeconds(), SECONDS_PER_DAY));
    }

    /**
     * Returns the local date-time as written, a date alone being the start of its day and a leap second its
     * second 59.
     *
     * @return the date and time, ignoring any offset
     */
    public LocalDateTime toLocalDateTime() {
        return date.atTime(time == null ? LocalTime.MIDNIGHT : time);
    }

    /**
     * Returns the value in RFC 3339 form: {@code T} and {@code Z} in capitals, the seconds always (60 for a leap
     * second), the fraction's digits as written but trailing zeros, the offset {@code Z} or {@code ±HH:MM}.
     *
     * @return e.g. {@code 2020-01-10}, {@code 2020-01-10T10:15:30Z} or {@code 2016-12-31T15:59:60.5-08:00}
     */
    @Override
    public String toString() {
        if (time == null) {
            return date.toString();
        }
        StringBuilder text = new StringBuilder(40).append(date).append('T');
        twoDigits(text, time.getHour()).append(':');
        twoDigits(text, time.getMinute()).append(':');
        twoDigits(text, leapSecond ? 60 : time.getSecond());
        int nanos = time.getNano();
        if (nanos != 0 || !extraFractionDigits.isEmpty()) {
            String digits = Integer.toString(NANOS_PER_SECOND + nanos).substring(1);
            int end = digits.length();
            while (extraFractionDigits.isEmpty() && digits.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(digits, 0, end).append(extraFractionDigits);
        }
        if (offset != null) {
            text.append(offset.getId());
        }
        return text.toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** The wall-clock time as seconds from 1970-01-01T00:00, the leap second at its second 59. */
    private long wallSecond() {
        return date.toEpochDay() * SECONDS_PER_DAY + (time == null ? 0 : time.toSecondOfDay());
    }

    /** Within a second: a leap second comes after second 59's fractions, before the next second. */
    private long fine() {
        return (leapSecond ? NANOS_PER_SECOND : 0L) + (time == null ? 0 : time.toNanoOfDay() % NANOS_PER_SECOND);
    }

    /**
     * Whether every time {@code a} can name is before every time {@code b} can: the upper bound of {@code a}'s span
     * before the lower bound of {@code b}'s, the upper bound of a date's day not included.
     */
    private static boolean before(CrmDateTime a, CrmDateTime b, @Nullable ZoneId zone) {
        if (a.offset != null && b.offset != null) {
            return compare(a.wallSecond() - a.offset.getTotalSeconds(), a.fine(), a.extraFractionDigits,
                    b.wallSecond() - b.offset.getTotalSeconds(), b.fine(), b.extraFractionDigits) < 0;
        }
        if (zone == null) {
            if (a.offset == null && b.offset == null) {
                if (a.time != null && b.time != null) {
                    return compare(a.wallSecond(), a.fine(), a.extraFractionDigits,
                            b.wallSecond(), b.fine(), b.extraFractionDigits) < 0;
                }
                // A date runs to the start of the next day, not included.
                long aEnd = a.time == null ? a.wallSecond() + SECONDS_PER_DAY : a.wallSecond();
                int order = compare(aEnd, a.time == null ? 0 : a.fine(), a.extraFractionDigits,
                        b.wallSecond(), b.fine(), b.extraFractionDigits);
                return a.time == null ? order <= 0 : order < 0;
            }
        }
        long[] aSpan = span(a, zone);
        long[] bSpan = span(b, zone);
        int order = compare(aSpan[2], aSpan[3], a.extraFractionDigits, bSpan[0], bSpan[1], b.extraFractionDigits);
        return a.time == null ? order <= 0 : order < 0;
    }

    /**
     * The instants a value can name, as {lower second, lower fine, upper second, upper fine}: for a date the upper
     * bound is the start of the next day, not included.
     */
    private static long[] span(CrmDateTime v, @Nullable ZoneId zone) {
        long wall = v.wallSecond();
        if (v.offset != null) {
            long second = wall - v.offset.getTotalSeconds();
            return new long[] {second, v.fine(), second, v.fine()};
        }
        if (zone == null) {
            // The zone is unknown: any offset there is.
            long end = v.time == null ? wall + SECONDS_PER_DAY : wall;
            return new long[] {wall - MAX_OFFSET_SECONDS, v.fine(), end + MAX_OFFSET_SECONDS, v.fine()};
        }
        ZoneRules rules = zone.getRules();
        if (v.time == null) {
            long start = v.date.atStartOfDay(zone).toEpochSecond();
            long end = v.date.plusDays(1).atStartOfDay(zone).toEpochSecond();
            return new long[] {start, 0, end, 0};
        }
        LocalDateTime local = v.toLocalDateTime();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        int earliest;
        int latest;
        if (offsets.isEmpty()) {
            // A wall time the zone skips: what it would be under the offsets before and after the change.
            ZoneOffsetTransition gap = Objects.requireNonNull(rules.getTransition(local));
            earliest = Math.max(gap.getOffsetBefore().getTotalSeconds(), gap.getOffsetAfter().getTotalSeconds());
            latest = Math.min(gap.getOffsetBefore().getTotalSeconds(), gap.getOffsetAfter().getTotalSeconds());
        } else {
            earliest = Integer.MIN_VALUE;
            latest = Integer.MAX_VALUE;
            for (ZoneOffset offset : offsets) {
                earliest = Math.max(earliest, offset.getTotalSeconds());
                latest = Math.min(latest, offset.getTotalSeconds());
            }
        }
        return new long[] {wall - earliest, v.fine(), wall - latest, v.fine()};
    }

    /** Compares two points in time: seconds, then the fine part, then the digits past the nanosecond. */
    private static int compare(long aSecond, long aFine, String aDigits, long bSecond, long bFine, String bDigits) {
        int order = Long.compare(aSecond, bSecond);
        if (order == 0) {
            order = Long.compare(aFine, bFine);
        }
        // Digits without trailing zeros compare as decimal fractions when compared as text.
        return order != 0 ? order : aDigits.compareTo(bDigits);
    }
}
