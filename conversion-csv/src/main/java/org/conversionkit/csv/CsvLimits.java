package org.conversionkit.csv;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The limits that keep reading a CSV file bounded in memory and time, as one immutable value.
 *
 * <p>Exceeding a limit is a {@code RECORD_TOO_LARGE} violation at the line of the record concerned, with a
 * message that names the limit (for example "field 3 has 70,000 characters; the limit maxFieldSize is
 * 65,536"). A field or record past its limit is rejected and reading goes on with the next record, except
 * where the parser itself cannot go on (a field too large for its buffer, {@link #maxFileBytes()},
 * {@link #maxRecords()}): then that record is the last one read. {@code ConversionCsvWriter} takes the limits of
 * the reader its file will be read with: it refuses, under every write policy, a row past {@link #maxRecords()} or
 * one that would take the file past {@link #maxFileBytes()}, so that the file is read to its end.
 *
 * <p>The defaults are sized for conversion data, whose records are a URL and a few short values, so that
 * reading never needs more than about a megabyte of heap, whatever the input:
 * <ul>
 *   <li>{@link #maxFieldSize()}: {@value #DEFAULT_MAX_FIELD_SIZE} characters (64 Ki), far above any URL
 *       a browser or a warehouse accepts;</li>
 *   <li>{@link #maxRecordSize()}: {@value #DEFAULT_MAX_RECORD_SIZE} characters (1 Mi), the characters of all
 *       the fields of one record;</li>
 *   <li>{@link #maxFieldsPerRecord()}: {@value #DEFAULT_MAX_FIELDS_PER_RECORD};</li>
 *   <li>{@link #maxFileBytes()}: unlimited ({@link Long#MAX_VALUE}): records are streamed one at a time, so
 *       the size of a file costs time, not memory; set it to bound the time a file may take;</li>
 *   <li>{@link #maxRecords()}: unlimited ({@link Long#MAX_VALUE}), for the same reason.</li>
 * </ul>
 *
 * <p>The parser's buffer holds one field at a time; it is sized from {@link #maxFieldSize()} (twice that,
 * plus 16 Ki characters, so that a quoted field whose quotes are all doubled still fits). A field that does
 * not fit even that buffer ends reading: an unquoted one at once, a quoted one after the rest of the input is
 * scanned (a block at a time, nothing kept) for its closing quote, so that a quote left open is reported as
 * {@code MALFORMED_CSV} at its line however much of the file it swallows.
 */
public final class CsvLimits {

    /** The default {@link #maxFieldSize()}: 65,536 characters. */
    public static final int DEFAULT_MAX_FIELD_SIZE = 64 * 1024;
    /** The default {@link #maxRecordSize()}: 1,048,576 characters. */
    public static final int DEFAULT_MAX_RECORD_SIZE = 1024 * 1024;
    /** The default {@link #maxFieldsPerRecord()}: 1,024 fields. */
    public static final int DEFAULT_MAX_FIELDS_PER_RECORD = 1024;
    /** The largest {@link #maxFieldSize()} that can be set: 268,435,456 characters (256 Mi). */
    public static final int MAX_FIELD_SIZE_CAP = 256 * 1024 * 1024;

    /** The defaults described above. */
    public static final CsvLimits DEFAULTS = new Builder().build();

    private final int maxFieldSize;
    private final int maxRecordSize;
    private final int maxFieldsPerRecord;
    private final long maxFileBytes;
    private final long maxRecords;

    private CsvLimits(Builder builder) {
        this.maxFieldSize = builder.maxFieldSize;
        this.maxRecordSize = builder.maxRecordSize;
        this.maxFieldsPerRecord = builder.maxFieldsPerRecord;
        this.maxFileBytes = builder.maxFileBytes;
        this.maxRecords = builder.maxRecords;
    }

    /**
     * Returns a builder that starts from the {@linkplain #DEFAULTS defaults}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder that starts from these limits.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder()
                .maxFieldSize(maxFieldSize)
                .maxRecordSize(maxRecordSize)
                .maxFieldsPerRecord(maxFieldsPerRecord)
                .maxFileBytes(maxFileBytes)
                .maxRecords(maxRecords);
    }

    /**
     * Returns the most characters one field may hold, quotes and doubled quotes not counted.
     *
     * @return the limit; default {@value #DEFAULT_MAX_FIELD_SIZE}
     */
    public int maxFieldSize() {
        return maxFieldSize;
    }

    /**
     * Returns the most characters the fields of one record may hold together, delimiters and quotes not
     * counted.
     *
     * @return the limit; default {@value #DEFAULT_MAX_RECORD_SIZE}
     */
    public int maxRecordSize() {
        return maxRecordSize;
    }

    /**
     * Returns the most fields one record may have. A record with more fields than the column layout is a
     * {@code FIELD_COUNT} violation first; this limit applies to layouts wider than it.
     *
     * @return the limit; default {@value #DEFAULT_MAX_FIELDS_PER_RECORD}
     */
    public int maxFieldsPerRecord() {
        return maxFieldsPerRecord;
    }

    /**
     * Returns the most bytes a file may have, counted after gzip decompression (so that it bounds a
     * compressed file's real size too); for a {@link java.io.Reader} input, characters are counted. Exceeding
     * it ends reading.
     *
     * @return the limit; default {@link Long#MAX_VALUE}, unlimited
     */
    public long maxFileBytes() {
        return maxFileBytes;
    }

    /**
     * Returns the most records a file may have, blank lines not counted. The record past it is rejected and
     * ends reading.
     *
     * @return the limit; default {@link Long#MAX_VALUE}, unlimited
     */
    public long maxRecords() {
        return maxRecords;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof CsvLimits limits
                && maxFieldSize == limits.maxFieldSize
                && maxRecordSize == limits.maxRecordSize
                && maxFieldsPerRecord == limits.maxFieldsPerRecord
                && maxFileBytes == limits.maxFileBytes
                && maxRecords == limits.maxRecords;
    }

    @Override
    public int hashCode() {
        int hash = maxFieldSize;
        hash = 31 * hash + maxRecordSize;
        hash = 31 * hash + maxFieldsPerRecord;
        hash = 31 * hash + Long.hashCode(maxFileBytes);
        return 31 * hash + Long.hashCode(maxRecords);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "CsvLimits[maxFieldSize=%d, maxRecordSize=%d, maxFieldsPerRecord=%d, maxFileBytes=%d, maxRecords=%d]",
                maxFieldSize, maxRecordSize, maxFieldsPerRecord, maxFileBytes, maxRecords);
    }

    /**
     * Builds {@link CsvLimits}. Every limit starts at its default (see {@link CsvLimits}); a limit below 1 is
     * rejected at once with an {@link IllegalArgumentException}.
     */
    public static final class Builder {

        private int maxFieldSize = DEFAULT_MAX_FIELD_SIZE;
        private int maxRecordSize = DEFAULT_MAX_RECORD_SIZE;
        private int maxFieldsPerRecord = DEFAULT_MAX_FIELDS_PER_RECORD;
        private long maxFileBytes = Long.MAX_VALUE;
        private long maxRecords = Long.MAX_VALUE;

        private Builder() {
        }

        /**
         * Sets the most characters one field may hold.
         *
         * @param maxFieldSize 1 to {@value CsvLimits#MAX_FIELD_SIZE_CAP}; default
         *                     {@value CsvLimits#DEFAULT_MAX_FIELD_SIZE}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxFieldSize(int maxFieldSize) {
            if (maxFieldSize > MAX_FIELD_SIZE_CAP) {
                throw new IllegalArgumentException("maxFieldSize must be at most " + MAX_FIELD_SIZE_CAP
                        + ", was " + maxFieldSize);
            }
            this.maxFieldSize = positive("maxFieldSize", maxFieldSize);
            return this;
        }

        /**
         * Sets the most characters the fields of one record may hold together.
         *
         * @param maxRecordSize 1 or more; default {@value CsvLimits#DEFAULT_MAX_RECORD_SIZE}
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxRecordSize(int maxRecordSize) {
            this.maxRecordSize = positive("maxRecordSize", maxRecordSize);
            return this;
        }

        /**
         * Sets the most fields one record may have.
         *
         * @param maxFieldsPerRecord 1 or more; default {@value CsvLimits#DEFAULT_MAX_FIELDS_PER_RECORD}
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxFieldsPerRecord(int maxFieldsPerRecord) {
            this.maxFieldsPerRecord = positive("maxFieldsPerRecord", maxFieldsPerRecord);
            return this;
        }

        /**
         * Sets the most bytes a file may have, after decompression.
         *
         * @param maxFileBytes 1 or more; default {@link Long#MAX_VALUE}, unlimited
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxFileBytes(long maxFileBytes) {
            this.maxFileBytes = positive("maxFileBytes", maxFileBytes);
            return this;
        }

        /**
         * Sets the most records a file may have.
         *
         * @param maxRecords 1 or more; default {@link Long#MAX_VALUE}, unlimited
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxRecords(long maxRecords) {
            this.maxRecords = positive("maxRecords", maxRecords);
            return this;
        }

        /**
         * Builds the limits.
         *
         * @return the limits
         */
        public CsvLimits build() {
            return new CsvLimits(this);
        }

        private static int positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be 1 or more, was " + value);
            }
            return value;
        }

        private static long positive(String name, long value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be 1 or more, was " + value);
            }
            return value;
        }
    }
}
