package org.conversionkit.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a CRM feed's check (profile {@code crm}), as one immutable value that readers and
 * validators share.
 *
 * <pre>{@code
 * CrmProfile leads = CrmProfile.builder().idField("leadId").dailyFeed(LocalDate.of(2020, 1, 20)).build();
 * }</pre>
 *
 * <p><b>The feed's zone.</b> A CRM writes its timestamps with an offset ({@code 2020-01-19T22:30:00Z}), without
 * one ({@code 2020-01-20T00:30:00}), or as dates; its daily feed is cut by the day in some zone. With a feed zone
 * ({@link Builder#feedZone(ZoneId)}: {@code Europe/Paris}, {@code UTC}, {@code +02:00}) a timestamp with an offset
 * belongs to the day it falls on in that zone, and values without an offset are read in that zone, so that
 * {@code updatedAt} and {@code createdAt} compare as instants. Without one, the default, dates are taken as written
 * (the date a timestamp shows, whatever its offset) and a value without an offset is a wall-clock time of an
 * unknown zone; see {@link CrmDateTime#isBefore(CrmDateTime)}.
 *
 * @param idField    the name of the records' unique id ({@code orderId} by default, {@code leadId}, ...)
 * @param feedDate   the day every {@code updatedAt} of a daily feed falls on, or {@code null} for a snapshot
 *                   feed
 * @param feedZone   the zone whose day a daily feed holds and in which values without an offset are read, or
 *                   {@code null} to take dates as written
 * @param strictness whether warnings count as errors
 * @param limits     the limits of the checks across records (duplicate detection, feed history)
 */
public record CrmProfile(
        String idField,
        @Nullable LocalDate feedDate,
        @Nullable ZoneId feedZone,
        Strictness strictness,
        FeedLimits limits) implements FileProfile {

    /**
     * The defaults: id field {@value CrmField#DEFAULT_ID_FIELD}, a snapshot feed, dates as written (no feed zone),
     * {@link Strictness#STANDARD}, {@link FeedLimits#DEFAULTS}.
     */
    public static final CrmProfile DEFAULT = new CrmProfile(CrmField.DEFAULT_ID_FIELD, null, null,
            Strictness.STANDARD, FeedLimits.DEFAULTS);

    /**
     * Checks the arguments.
     *
     * @param idField the name of the records' unique id
     * @param feedDate the day of a daily feed, or {@code null} for a snapshot feed
     * @param feedZone the feed's zone, or {@code null} to take dates as written
     * @param strictness whether warnings count as errors
     * @param limits the limits of the checks across records
     * @throws IllegalArgumentException if the id field's name is blank or names another CRM field
     */
    public CrmProfile {
        checkIdField(idField);
        Objects.requireNonNull(strictness, "strictness");
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * Creates a profile that takes dates as written (no feed zone), as profiles did before the feed zone.
     *
     * @param idField the name of the records' unique id
     * @param feedDate the day of a daily feed, or {@code null} for a snapshot feed
     * @param strictness whether warnings count as errors
     * @param limits the limits of the checks across records
     * @throws IllegalArgumentException if the id field's name is blank or names another CRM field
     */
    public CrmProfile(String idField, @Nullable LocalDate feedDate, Strictness strictness, FeedLimits limits) {
        this(idField, feedDate, null, strictness, limits);
    }

    /**
     * Returns a builder that starts from {@link #DEFAULT}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(DEFAULT);
    }

    /**
     * Returns a builder that starts from this profile.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns {@link Profile#CRM}.
     *
     * @return the kind
     */
    @Override
    public Profile kind() {
        return Profile.CRM;
    }

    /**
     * Returns the feed's mode.
     *
     * @return {@link FeedMode#DAILY} when a feed date is set, else {@link FeedMode#SNAPSHOT}
     */
    public FeedMode mode() {
        return feedDate == null ? FeedMode.SNAPSHOT : FeedMode.DAILY;
    }

    /**
     * Returns the daily feed's date.
     *
     * @return the date, or empty for a snapshot feed
     */
    public Optional<LocalDate> optionalFeedDate() {
        return Optional.ofNullable(feedDate);
    }

    /**
     * Returns the feed's zone.
     *
     * @return the zone, or empty when dates are taken as written
     */
    public Optional<ZoneId> optionalFeedZone() {
        return Optional.ofNullable(feedZone);
    }

    /**
     * Returns the name a field has in this profile's feeds.
     *
     * @param field the field
     * @return the id field's configured name, or the field's fixed name
     */
    public String nameOf(CrmField field) {
        return field == CrmField.ID ? idField : field.defaultName();
    }

    static String checkIdField(String idField) {
        Objects.requireNonNull(idField, "idField");
        if (idField.isBlank()) {
            throw new IllegalArgumentException("the id field's name must not be blank");
        }
        for (CrmField field : CrmField.values()) {
            if (field != CrmField.ID && field.defaultName().equals(idField)) {
                throw new IllegalArgumentException("'" + idField + "' is a CRM field of its own; name the id field"
                        + " after the record's unique identifier, e.g. orderId or leadId");
            }
        }
        return idField;
    }

    /**
     * Builds a {@link CrmProfile}; every setting is checked when it is set.
     */
    public static final class Builder {

        private String idField;
        private @Nullable LocalDate feedDate;
        private @Nullable ZoneId feedZone;
        private Strictness strictness;
        private FeedLimits limits;

        private Builder(CrmProfile start) {
            this.idField = start.idField;
            this.feedDate = start.feedDate;
            this.feedZone = start.feedZone;
            this.strictness = start.strictness;
            this.limits = start.limits;
        }

        /**
         * Sets the name of the id field.
         *
         * @param idField e.g. {@code orderId} (the default) or {@code leadId}
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or names another CRM field
         */
        public Builder idField(String idField) {
            this.idField = checkIdField(idField);
            return this;
        }

        /**
         * Makes the feed a daily feed for a date (the command line's {@code --feed-date}).
         *
         * @param feedDate the day every {@code updatedAt} must fall on
         * @return this builder
         */
        public Builder dailyFeed(LocalDate feedDate) {
            this.feedDate = Objects.requireNonNull(feedDate, "feedDate");
            return this;
        }

        /**
         * Makes the feed a snapshot feed (the default): every order or lead once.
         *
         * @return this builder
         */
        public Builder snapshotFeed() {
            this.feedDate = null;
            return this;
        }

        /**
         * Sets the feed's zone (the command line's {@code --feed-zone}): a timestamp with an offset belongs to the
         * day it falls on there (a daily feed's {@code DATE_MISMATCH}), and values without an offset are read
         * there ({@code UPDATED_BEFORE_CREATED}, the feed history).
         *
         * @param feedZone a region such as {@code Europe/Paris}, {@code UTC}, or an offset such as {@code +02:00}
         * @return this builder
         */
        public Builder feedZone(ZoneId feedZone) {
            this.feedZone = Objects.requireNonNull(feedZone, "feedZone");
            return this;
        }

        /**
         * Takes dates as written (the default): a timestamp's date is the one it shows, whatever its offset, and a
         * value without an offset is a wall-clock time of an unknown zone.
         *
         * @return this builder
         */
        public Builder datesAsWritten() {
            this.feedZone = null;
            return this;
        }

        /**
         * Sets whether warnings count as errors, in reports and for typed readers alike.
         *
         * @param strictness {@link Strictness#STANDARD} (the default) or {@link Strictness#STRICT}
         * @return this builder
         */
        public Builder strictness(Strictness strictness) {
            this.strictness = Objects.requireNonNull(strictness, "strictness");
            return this;
        }

        /**
         * Sets the limits of the checks across records.
         *
         * @param limits the limits; default {@link FeedLimits#DEFAULTS}
         * @return this builder
         */
        public Builder limits(FeedLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Builds the profile.
         *
         * @return the profile
         */
        public CrmProfile build() {
            return new CrmProfile(idField, feedDate, feedZone, strictness, limits);
        }
    }
}
