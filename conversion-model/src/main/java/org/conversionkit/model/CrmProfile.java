package org.conversionkit.model;

import java.time.LocalDate;
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
 * @param idField    the name of the records' unique id ({@code orderId} by default, {@code leadId}, ...)
 * @param feedDate   the day every {@code updatedAt} of a daily feed falls on, or {@code null} for a snapshot
 *                   feed
 * @param strictness whether warnings count as errors
 * @param limits     the limits of the checks across records (duplicate detection)
 */
public record CrmProfile(
        String idField,
        @Nullable LocalDate feedDate,
        Strictness strictness,
        FeedLimits limits) implements FileProfile {

    /**
     * The defaults: id field {@value CrmField#DEFAULT_ID_FIELD}, a snapshot feed, {@link Strictness#STANDARD},
     * {@link FeedLimits#DEFAULTS}.
     */
    public static final CrmProfile DEFAULT = new CrmProfile(CrmField.DEFAULT_ID_FIELD, null, Strictness.STANDARD,
            FeedLimits.DEFAULTS);

    /**
     * Checks the arguments.
     *
     * @param idField the name of the records' unique id
     * @param feedDate the day of a daily feed, or {@code null} for a snapshot feed
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
        private Strictness strictness;
        private FeedLimits limits;

        private Builder(CrmProfile start) {
            this.idField = start.idField;
            this.feedDate = start.feedDate;
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
            return new CrmProfile(idField, feedDate, strictness, limits);
        }
    }
}
