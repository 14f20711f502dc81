package org.conversionkit.model;

import org.jspecify.annotations.Nullable;

/**
 * The limits of a CRM feed's checks across records, as one immutable value, part of its {@link CrmProfile}.
 *
 * <p>{@code maxTrackedIds}: how many distinct keys duplicate detection remembers (ids in a snapshot
 * feed, id and {@code updatedAt} pairs in a daily feed). Each costs 16 to 32 bytes depending on
 * how full the tables are (16.8 at 1,000,000 or 2,000,000 keys); the default,
 * {@value #DEFAULT_MAX_TRACKED_IDS}, takes 32 MiB and lets the command line run in {@code -Xmx64m}
 * (measured with the G1, Serial and Parallel collectors). Past the limit the check reports one
 * {@code RECORD_TOO_LARGE} error that names it and stops detecting duplicates; every other rule goes
 * on.
 */
public final class FeedLimits {

    /** The default of {@link #maxTrackedIds()}. */
    public static final int DEFAULT_MAX_TRACKED_IDS = 2_000_000;

    /** The highest {@link #maxTrackedIds()} allowed: 2<sup>28</sup>, whose tables take 4 GiB. */
    public static final int MAX_TRACKED_IDS_LIMIT = 1 << 28;

    /** The default limits. */
    public static final FeedLimits DEFAULTS = new FeedLimits(DEFAULT_MAX_TRACKED_IDS);

    private final int maxTrackedIds;

    private FeedLimits(int maxTrackedIds) {
        this.maxTrackedIds = maxTrackedIds;
    }

    /**
     * Returns a builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /**
     * Returns a builder starting from these limits.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns how many distinct keys duplicate detection remembers.
     *
     * @return the limit, 1 or more
     */
    public int maxTrackedIds() {
        return maxTrackedIds;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof FeedLimits limits && limits.maxTrackedIds == maxTrackedIds;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(maxTrackedIds);
    }

    @Override
    public String toString() {
        return "FeedLimits[maxTrackedIds=" + maxTrackedIds + "]";
    }

    /**
     * Builds {@link FeedLimits}. Default: {@code maxTrackedIds} {@value FeedLimits#DEFAULT_MAX_TRACKED_IDS}.
     */
    public static final class Builder {

        private int maxTrackedIds;

        private Builder(FeedLimits start) {
            this.maxTrackedIds = start.maxTrackedIds;
        }

        /**
         * Sets how many distinct keys duplicate detection remembers.
         *
         * @param maxTrackedIds from 1 to {@value FeedLimits#MAX_TRACKED_IDS_LIMIT}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxTrackedIds(int maxTrackedIds) {
            if (maxTrackedIds < 1 || maxTrackedIds > MAX_TRACKED_IDS_LIMIT) {
                throw new IllegalArgumentException("maxTrackedIds must be from 1 to " + MAX_TRACKED_IDS_LIMIT
                        + ", was " + maxTrackedIds);
            }
            this.maxTrackedIds = maxTrackedIds;
            return this;
        }

        /**
         * Builds the limits.
         *
         * @return the limits
         */
        public FeedLimits build() {
            return maxTrackedIds == DEFAULT_MAX_TRACKED_IDS ? DEFAULTS : new FeedLimits(maxTrackedIds);
        }
    }
}
