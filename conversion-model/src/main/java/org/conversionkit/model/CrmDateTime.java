package org.conversionkit.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.conversionkit.model.rules.IsoDateTimeRule;
import org.jspecify.annotations.Nullable;

/**
 * An ISO 8601 date or date-time as a CRM feed writes it: a date, an optional time of day, and an
 * optional offset ({@code 2020-01-10}, {@code 2020-01-10T10:15:30},
 * {@code 2020-01-10T10:15:30.5+02:00}, {@code 2020-01-10T08:15:30Z}).
 *
 * <p>The value keeps what was written: a date stays a date, a local date-time stays local. Two
 * values are compared as written (a date is the start of its day), and as instants only when both
 * carry an offset; see {@link #isBefore(CrmDateTime)}.
 *
 * @param date   the calendar date as written
 * @param time   the time of day, or {@code null} for a date alone
 * @param offset the offset from UTC ({@code Z} is {@link ZoneOffset#UTC}), or {@code null} when none was written
 */
public record CrmDateTime(LocalDate date, @Nullable LocalTime time, @Nullable ZoneOffset offset) {

    /**
     * Checks the arguments.
     *
     * @param date the calendar date as written
     * @param time the time of day, or {@code null} for a date alone
     * @param offset the offset from UTC ({@code Z} is {@link ZoneOffset#UTC}), or {@code null} when none was written
     */
    public CrmDateTime {
        Objects.requireNonNull(date, "date");
        if (offset != null && time == null) {
            throw new IllegalArgumentException("an offset needs a time of day");
        }
    }

    /**
     * Parses an ISO 8601 date or date-time.
     *
     * @param text the value as written
     * @return the value
     * @throws IllegalArgumentException if the text is not a valid ISO 8601 date or date-time; the
     *                                  message says what is wrong
     */
    public static CrmDateTime parse(String text) {
        return IsoDateTimeRule.parse("value", text);
    }

    /**
     * Returns whether this value lies before another, compared as written: as instants when both
     * carry an offset, else as local date-times, a date being the start of its day.
     *
     * @param other the value to compare with
     * @return {@code true} when this value is earlier
     */
    public boolean isBefore(CrmDateTime other) {
        if (offset != null && other.offset != null) {
            return toOffsetDateTime().isBefore(other.toOffsetDateTime());
        }
        return toLocalDateTime().isBefore(other.toLocalDateTime());
    }

    /**
     * Returns the local date-time as written, a date alone being the start of its day.
     *
     * @return the date and time, ignoring any offset
     */
    public LocalDateTime toLocalDateTime() {
        return date.atTime(time == null ? LocalTime.MIDNIGHT : time);
    }

    private OffsetDateTime toOffsetDateTime() {
        return OffsetDateTime.of(toLocalDateTime(), Objects.requireNonNull(offset));
    }

    /**
     * Returns the value in ISO 8601 form.
     *
     * @return e.g. {@code 2020-01-10} or {@code 2020-01-10T10:15:30Z}
     */
    @Override
    public String toString() {
        if (time == null) {
            return date.toString();
        }
        return date + "T" + time + (offset == null ? "" : offset.toString());
    }
}
