package org.conversionkit.json;

import org.jspecify.annotations.Nullable;

/**
 * The limits a JSON reader holds its input to, as one immutable value.
 *
 * <p>The defaults ({@link #DEFAULTS}) are sized for conversion rows and CRM records, which are a few
 * hundred bytes: generous for real data, small enough that hostile input (deep nesting, huge
 * strings, keys or numbers, endless records) costs little memory. Every breach is a
 * {@code RECORD_TOO_LARGE} violation that names the limit, on the record where it happens; the
 * rest of the input is not read, since it cannot be trusted to be where the parser is.
 *
 * <table>
 * <caption>Limits and defaults</caption>
 * <tr><th>limit</th><th>default</th><th>what it bounds</th></tr>
 * <tr><td>{@link #maxNestingDepth()}</td><td>32</td>
 *     <td>objects and arrays inside each other, the row counting as 1</td></tr>
 * <tr><td>{@link #maxStringLength()}</td><td>65,536 chars</td><td>one string value that is read</td></tr>
 * <tr><td>{@link #maxNumberLength()}</td><td>100 chars</td><td>one number, digits, sign and exponent included</td></tr>
 * <tr><td>{@link #maxNameLength()}</td><td>256 chars</td><td>one key</td></tr>
 * <tr><td>{@link #maxRecordSize()}</td><td>1 MiB</td>
 *     <td>one record (row), from its first byte to its last, values skipped unread included</td></tr>
 * <tr><td>{@link #maxFileBytes()}</td><td>unlimited</td><td>the whole input, after gzip decompression</td></tr>
 * <tr><td>{@link #maxRecords()}</td><td>unlimited</td><td>the number of records</td></tr>
 * <tr><td>{@link #maxSchemaFields()}</td><td>10,000</td>
 *     <td>distinct fields schema inference collects, nested ones included</td></tr>
 * </table>
 *
 * <p>Sizes are counted in bytes for byte input ({@code Path}, {@code InputStream}) and in chars for
 * a {@code Reader}. A string longer than {@code maxStringLength} that is skipped unread (the value
 * of an unknown key) is bounded by {@code maxRecordSize} instead.
 */
public final class JsonLimits {

    /** The default deepest nesting: rows are flat, CRM extras nest a few levels. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 32;
    /** The default longest string read, in chars (64 Ki): far above any URL, id or status. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 64 * 1024;
    /** The default longest number, in chars: a 64-bit float needs 24. */
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 100;
    /** The default longest key, in chars. */
    public static final int DEFAULT_MAX_NAME_LENGTH = 256;
    /** The default largest record, in bytes (1 Mi): rows and CRM records are a few hundred. */
    public static final long DEFAULT_MAX_RECORD_SIZE = 1024 * 1024;
    /** The default most distinct fields of an inferred schema: BigQuery's column limit. */
    public static final int DEFAULT_MAX_SCHEMA_FIELDS = 10_000;
    /** No limit, for {@link Builder#maxFileBytes(long)} and {@link Builder#maxRecords(long)}: the default. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /** The default limits. */
    public static final JsonLimits DEFAULTS = new Builder().build();

    /** The deepest nesting {@link Builder#maxNestingDepth(int)} accepts: readers recurse into values. */
    public static final int MAX_NESTING_DEPTH = 1_000;

    private final int maxNestingDepth;
    private final int maxStringLength;
    private final int maxNumberLength;
    private final int maxNameLength;
    private final long maxRecordSize;
    private final long maxFileBytes;
    private final long maxRecords;
    private final int maxSchemaFields;

    private JsonLimits(Builder builder) {
        this.maxNestingDepth = builder.maxNestingDepth;
        this.maxStringLength = builder.maxStringLength;
        this.maxNumberLength = builder.maxNumberLength;
        this.maxNameLength = builder.maxNameLength;
        this.maxRecordSize = builder.maxRecordSize;
        this.maxFileBytes = builder.maxFileBytes;
        this.maxRecords = builder.maxRecords;
        this.maxSchemaFields = builder.maxSchemaFields;
    }

    /**
     * Returns a builder starting from the {@link #DEFAULTS defaults}.
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
        Builder builder = new Builder();
        builder.maxNestingDepth = maxNestingDepth;
        builder.maxStringLength = maxStringLength;
        builder.maxNumberLength = maxNumberLength;
        builder.maxNameLength = maxNameLength;
        builder.maxRecordSize = maxRecordSize;
        builder.maxFileBytes = maxFileBytes;
        builder.maxRecords = maxRecords;
        builder.maxSchemaFields = maxSchemaFields;
        return builder;
    }

    /**
     * Returns the deepest nesting of objects and arrays; the row object itself is depth 1.
     *
     * @return the depth limit; default {@value #DEFAULT_MAX_NESTING_DEPTH}
     */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /**
     * Returns the longest string value that is read, in chars.
     *
     * @return the string limit; default {@value #DEFAULT_MAX_STRING_LENGTH}
     */
    public int maxStringLength() {
        return maxStringLength;
    }

    /**
     * Returns the longest number, in chars (digits, sign, point and exponent).
     *
     * @return the number limit; default {@value #DEFAULT_MAX_NUMBER_LENGTH}
     */
    public int maxNumberLength() {
        return maxNumberLength;
    }

    /**
     * Returns the longest key, in chars.
     *
     * @return the name limit; default {@value #DEFAULT_MAX_NAME_LENGTH}
     */
    public int maxNameLength() {
        return maxNameLength;
    }

    /**
     * Returns the largest record, in bytes (chars for a {@code Reader}) from its first to its last
     * character.
     *
     * @return the record limit; default {@value #DEFAULT_MAX_RECORD_SIZE}
     */
    public long maxRecordSize() {
        return maxRecordSize;
    }

    /**
     * Returns the largest input, in bytes after decompression (chars for a {@code Reader}).
     *
     * @return the input limit; default {@link #UNLIMITED}
     */
    public long maxFileBytes() {
        return maxFileBytes;
    }

    /**
     * Returns the most records an input may hold.
     *
     * @return the record count limit; default {@link #UNLIMITED}
     */
    public long maxRecords() {
        return maxRecords;
    }

    /**
     * Returns the most distinct fields schema inference collects, nested fields included
     * (BigQuery allows 10,000 columns in a table).
     *
     * @return the schema field limit; default {@value #DEFAULT_MAX_SCHEMA_FIELDS}
     */
    public int maxSchemaFields() {
        return maxSchemaFields;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof JsonLimits limits
                && maxNestingDepth == limits.maxNestingDepth
                && maxStringLength == limits.maxStringLength
                && maxNumberLength == limits.maxNumberLength
                && maxNameLength == limits.maxNameLength
                && maxRecordSize == limits.maxRecordSize
                && maxFileBytes == limits.maxFileBytes
                && maxRecords == limits.maxRecords
                && maxSchemaFields == limits.maxSchemaFields;
    }

    @Override
    public int hashCode() {
        int hash = maxNestingDepth;
        hash = 31 * hash + maxStringLength;
        hash = 31 * hash + maxNumberLength;
        hash = 31 * hash + maxNameLength;
        hash = 31 * hash + Long.hashCode(maxRecordSize);
        hash = 31 * hash + Long.hashCode(maxFileBytes);
        hash = 31 * hash + Long.hashCode(maxRecords);
        return 31 * hash + maxSchemaFields;
    }

    @Override
    public String toString() {
        return "JsonLimits[maxNestingDepth=" + maxNestingDepth + ", maxStringLength=" + maxStringLength
                + ", maxNumberLength=" + maxNumberLength + ", maxNameLength=" + maxNameLength
                + ", maxRecordSize=" + maxRecordSize + ", maxFileBytes=" + maxFileBytes
                + ", maxRecords=" + maxRecords + ", maxSchemaFields=" + maxSchemaFields + "]";
    }

    /**
     * Builds {@link JsonLimits}. Every limit starts at its default (see {@link JsonLimits}) and must
     * be at least 1.
     */
    public static final class Builder {

        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
        private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;
        private int maxNumberLength = DEFAULT_MAX_NUMBER_LENGTH;
        private int maxNameLength = DEFAULT_MAX_NAME_LENGTH;
        private long maxRecordSize = DEFAULT_MAX_RECORD_SIZE;
        private long maxFileBytes = UNLIMITED;
        private long maxRecords = UNLIMITED;
        private int maxSchemaFields = DEFAULT_MAX_SCHEMA_FIELDS;

        private Builder() {
        }

        /**
         * Sets the deepest nesting of objects and arrays, the row object itself being depth 1.
         *
         * @param maxNestingDepth 1 to {@value JsonLimits#MAX_NESTING_DEPTH}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxNestingDepth(int maxNestingDepth) {
            if (maxNestingDepth > MAX_NESTING_DEPTH) {
                throw new IllegalArgumentException("maxNestingDepth must be at most " + MAX_NESTING_DEPTH
                        + ", was " + maxNestingDepth);
            }
            this.maxNestingDepth = (int) positive("maxNestingDepth", maxNestingDepth);
            return this;
        }

        /**
         * Sets the longest string value that is read, in chars.
         *
         * @param maxStringLength at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxStringLength(int maxStringLength) {
            this.maxStringLength = (int) positive("maxStringLength", maxStringLength);
            return this;
        }

        /**
         * Sets the longest number, in chars.
         *
         * @param maxNumberLength at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxNumberLength(int maxNumberLength) {
            this.maxNumberLength = (int) positive("maxNumberLength", maxNumberLength);
            return this;
        }

        /**
         * Sets the longest key, in chars.
         *
         * @param maxNameLength at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxNameLength(int maxNameLength) {
            this.maxNameLength = (int) positive("maxNameLength", maxNameLength);
            return this;
        }

        /**
         * Sets the largest record, in bytes (chars for a {@code Reader}).
         *
         * @param maxRecordSize at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxRecordSize(long maxRecordSize) {
            this.maxRecordSize = positive("maxRecordSize", maxRecordSize);
            return this;
        }

        /**
         * Sets the largest input, in bytes after decompression (chars for a {@code Reader}).
         *
         * @param maxFileBytes at least 1; {@link JsonLimits#UNLIMITED} for no limit
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxFileBytes(long maxFileBytes) {
            this.maxFileBytes = positive("maxFileBytes", maxFileBytes);
            return this;
        }

        /**
         * Sets the most records an input may hold.
         *
         * @param maxRecords at least 1; {@link JsonLimits#UNLIMITED} for no limit
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxRecords(long maxRecords) {
            this.maxRecords = positive("maxRecords", maxRecords);
            return this;
        }

        /**
         * Sets the most distinct fields schema inference collects, nested fields included.
         *
         * @param maxSchemaFields at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxSchemaFields(int maxSchemaFields) {
            this.maxSchemaFields = (int) positive("maxSchemaFields", maxSchemaFields);
            return this;
        }

        /**
         * Builds the limits.
         *
         * @return the limits
         */
        public JsonLimits build() {
            return new JsonLimits(this);
        }

        private static long positive(String name, long value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            }
            return value;
        }
    }
}
