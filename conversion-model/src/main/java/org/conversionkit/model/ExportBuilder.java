package org.conversionkit.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The settings every day's-export writer shares, whatever its format: what a bad row does, compression, the file
 * name's prefix, whether an existing file of the day is replaced, and how many violations a report lists. The
 * writers' builders extend it with the settings of their format.
 *
 * @param <B> the builder itself, which each setter returns
 */
public abstract class ExportBuilder<B extends ExportBuilder<B>> {

    /** How many violations a writer's report lists unless told otherwise. */
    public static final int DEFAULT_MAX_VIOLATIONS = 100;

    private WritePolicy policy = WritePolicy.REFUSE;
    private boolean gzip;
    private boolean replaceExisting;
    private String prefix = ExportFileName.DEFAULT_PREFIX;
    private int maxViolations = DEFAULT_MAX_VIOLATIONS;

    /** Creates the settings at their defaults. */
    protected ExportBuilder() {
    }

    /**
     * Returns this builder as its own type.
     *
     * @return {@code this}
     */
    protected abstract B self();

    /**
     * Sets what a row with an error does.
     *
     * @param policy default {@link WritePolicy#REFUSE}
     * @return this builder
     */
    public B policy(WritePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        return self();
    }

    /**
     * Sets whether the file is gzip-compressed, its name ending in {@code .gz}.
     *
     * @param gzip default {@code false}
     * @return this builder
     */
    public B gzip(boolean gzip) {
        this.gzip = gzip;
        return self();
    }

    /**
     * Sets whether an existing file of the same name is replaced, atomically, when the new one is finished. A file
     * of the same day under another name (another extension) is refused either way: one file a day.
     *
     * @param replaceExisting default {@code false}
     * @return this builder
     */
    public B replaceExisting(boolean replaceExisting) {
        this.replaceExisting = replaceExisting;
        return self();
    }

    /**
     * Sets the text of the file name before its date.
     *
     * @param prefix default {@value ExportFileName#DEFAULT_PREFIX}; no digit right before the date, no path
     *               separator
     * @return this builder
     * @throws IllegalArgumentException if the name would not be read back as the file of its day
     */
    public B prefix(String prefix) {
        ExportFileName.of(Objects.requireNonNull(prefix, "prefix"), LocalDate.of(2020, 9, 22), "csv");
        this.prefix = prefix;
        return self();
    }

    /**
     * Sets how many violations each of the writer's reports lists; the rest are counted.
     *
     * @param maxViolations 0 or more; default {@value #DEFAULT_MAX_VIOLATIONS}
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public B maxViolations(int maxViolations) {
        if (maxViolations < 0) {
            throw new IllegalArgumentException("maxViolations must be 0 or more, was " + maxViolations);
        }
        this.maxViolations = maxViolations;
        return self();
    }

    /**
     * Returns what a row with an error does.
     *
     * @return the policy
     */
    protected final WritePolicy policy() {
        return policy;
    }

    /**
     * Returns whether the file is compressed.
     *
     * @return {@code true} for gzip
     */
    protected final boolean gzip() {
        return gzip;
    }

    /**
     * Returns whether an existing file of the same name is replaced.
     *
     * @return {@code true} to replace
     */
    protected final boolean replaceExisting() {
        return replaceExisting;
    }

    /**
     * Returns the file name's prefix.
     *
     * @return the prefix
     */
    protected final String prefix() {
        return prefix;
    }

    /**
     * Returns how many violations a report lists.
     *
     * @return the count
     */
    protected final int maxViolations() {
        return maxViolations;
    }

    /**
     * Refuses a profile date other than the day written.
     *
     * @param profile the profile
     * @param day     the day written
     * @throws IllegalArgumentException if the profile holds rows to another date
     */
    protected static void checkDay(ConversionProfile profile, LocalDate day) {
        LocalDate date = profile.date();
        if (date != null && !date.equals(Objects.requireNonNull(day, "day"))) {
            throw new IllegalArgumentException("the profile holds rows to " + date + " and the file is of " + day
                    + ": give the profile no date, or the same");
        }
    }
}
