package org.conversionkit.model;

import org.jspecify.annotations.Nullable;

/**
 * The limits of a conversion file's checks across records, as one immutable value, part of its
 * {@link ConversionProfile}.
 *
 * <p>{@code maxTrackedRows}: how many distinct rows the duplicate-row check remembers ({@code DUPLICATE_ROW}: the
 * same url, date, channel and device as an earlier row), each as a keyed 64-bit hash in the tables that remember
 * a CRM feed's ids ({@link FeedLimits}): 16 to 32 bytes a row depending on how full the tables are (16.8 at
 * 1,000,000 or 2,000,000 rows). The default, {@value #DEFAULT_MAX_TRACKED_ROWS}, takes 32 MiB and lets the
 * command line run in {@code -Xmx64m}, a daily file of two million rows whole. Past the limit the check reports
 * one {@code RECORD_TOO_LARGE} warning that names it and stops remembering rows; every other rule goes on. (A
 * warning, not an error as for a feed's ids: the check it stops finds warnings only, and a large file is not
 * wrong for being large.)
 */
public final class ConversionLimits {

    /** The default of {@link #maxTrackedRows()}. */
    public static final int DEFAULT_MAX_TRACKED_ROWS = 2_000_000;

    /** The highest {@link #maxTrackedRows()} allowed: 2<sup>28</sup>, whose tables take 4 GiB. */
    public static final int MAX_TRACKED_ROWS_LIMIT = 1 << 28;

    /** The default limits. */
    public static final ConversionLimits DEFAULTS = new ConversionLimits(DEFAULT_MAX_TRACKED_ROWS);

    private final int maxTrackedRows;

    private ConversionLimits(int maxTrackedRows) {
        this.maxTrackedRows = maxTrackedRows;
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
     * Returns how many distinct rows the duplicate-row check remembers.
     *
     * @return the limit, 1 or more
     */
    public int maxTrackedRows() {
        return maxTrackedRows;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ConversionLimits limits && limits.maxTrackedRows == maxTrackedRows;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(maxTrackedRows);
    }

    @Override
    public String toString() {
        return "ConversionLimits[maxTrackedRows=" + maxTrackedRows + "]";
    }

    /**
     * Builds {@link ConversionLimits}. Default: {@code maxTrackedRows}
     * {@value ConversionLimits#DEFAULT_MAX_TRACKED_ROWS}.
     */
    public static final class Builder {

        private int maxTrackedRows;

        private Builder(ConversionLimits start) {
            this.maxTrackedRows = start.maxTrackedRows;
        }

        /**
         * Sets how many distinct rows the duplicate-row check remembers.
         *
         * @param maxTrackedRows from 1 to {@value ConversionLimits#MAX_TRACKED_ROWS_LIMIT}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxTrackedRows(int maxTrackedRows) {
            if (maxTrackedRows < 1 || maxTrackedRows > MAX_TRACKED_ROWS_LIMIT) {
                throw new IllegalArgumentException("maxTrackedRows must be from 1 to " + MAX_TRACKED_ROWS_LIMIT
                        + ", was " + maxTrackedRows);
            }
            this.maxTrackedRows = maxTrackedRows;
            return this;
        }

        /**
         * Builds the limits.
         *
         * @return the limits
         */
        public ConversionLimits build() {
            return maxTrackedRows == DEFAULT_MAX_TRACKED_ROWS ? DEFAULTS : new ConversionLimits(maxTrackedRows);
        }
    }
}
