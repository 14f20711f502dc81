package org.conversionkit.model.internal;

import org.conversionkit.model.InvalidRecordStrategy;
import org.jspecify.annotations.Nullable;

/**
 * The one reader setting that applies to typed readers only, and what the reader builders do with it: a
 * builder builds typed readers and record sources, every setting must apply to all it builds, and a source
 * delivers every record, valid or not.
 */
public final class ReaderSettings {

    private ReaderSettings() {
    }

    /**
     * Refuses to build a record source once a strategy for invalid records was set.
     *
     * @param invalidRecords the strategy set on the builder, or {@code null} when none was
     * @throws IllegalStateException if one was set
     */
    public static void checkSource(@Nullable InvalidRecordStrategy invalidRecords) {
        if (invalidRecords != null) {
            throw new IllegalStateException("invalidRecords(" + invalidRecords + ") applies to typed readers: a"
                    + " record source delivers every record, valid or not; build the source with a builder that"
                    + " does not set it");
        }
    }

    /**
     * Returns the strategy of a typed reader.
     *
     * @param invalidRecords the strategy set on the builder, or {@code null} when none was
     * @return the strategy, {@link InvalidRecordStrategy#FAIL} by default
     */
    public static InvalidRecordStrategy strategy(@Nullable InvalidRecordStrategy invalidRecords) {
        return invalidRecords == null ? InvalidRecordStrategy.FAIL : invalidRecords;
    }
}
