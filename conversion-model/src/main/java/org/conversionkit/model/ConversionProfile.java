package org.conversionkit.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a daily conversion file's check (profile {@code conversions}), as one immutable value that
 * readers and validators share.
 *
 * <pre>{@code
 * ConversionProfile profile = ConversionProfile.builder()
 *         .columns(ColumnLayout.parse("url,date,transactions"))
 *         .defaults(FieldDefaults.NONE.with(Field.CHANNEL, "organic"))
 *         .build();
 * }</pre>
 *
 * <p>The date rows are held to ({@code DATE_MISMATCH}) is {@link #date()} when set, else, under
 * {@link FileNameRule#CHECK}, the one date in the file's name; an input without a name (standard input, a
 * stream) and without a set date is not held to one: see {@link #dateFor(String)}.
 *
 * @param columns   the CSV column layout; JSON rows name their fields, so a JSON reader refuses a layout
 *                  other than {@link ColumnLayout#DEFAULT}
 * @param defaults  the values absent or blank optional fields take
 * @param date      the date every row must have, or {@code null} to take the file name's
 * @param fileNames whether the file's name is checked and gives the date
 * @param strictness whether warnings count as errors
 * @param limits    the limits of the checks across rows (the duplicate-row check)
 */
public record ConversionProfile(
        ColumnLayout columns,
        FieldDefaults defaults,
        @Nullable LocalDate date,
        FileNameRule fileNames,
        Strictness strictness,
        ConversionLimits limits) implements FileProfile {

    /**
     * The defaults: layout {@link ColumnLayout#DEFAULT}, no field defaults, the file name's date,
     * {@link FileNameRule#CHECK}, {@link Strictness#STANDARD}, {@link ConversionLimits#DEFAULTS}.
     */
    public static final ConversionProfile DEFAULT = new ConversionProfile(ColumnLayout.DEFAULT, FieldDefaults.NONE,
            null, FileNameRule.CHECK, Strictness.STANDARD, ConversionLimits.DEFAULTS);

    /**
     * Checks the arguments.
     *
     * @param columns the CSV column layout
     * @param defaults the values absent or blank optional fields take
     * @param date the date every row must have, or {@code null} to take the file name's
     * @param fileNames whether the file's name is checked and gives the date
     * @param strictness whether warnings count as errors
     * @param limits the limits of the checks across rows
     */
    public ConversionProfile {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(fileNames, "fileNames");
        Objects.requireNonNull(strictness, "strictness");
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * Creates a profile with the default limits ({@link ConversionLimits#DEFAULTS}), as profiles were created before
     * they held limits.
     *
     * @param columns the CSV column layout
     * @param defaults the values absent or blank optional fields take
     * @param date the date every row must have, or {@code null} to take the file name's
     * @param fileNames whether the file's name is checked and gives the date
     * @param strictness whether warnings count as errors
     */
    public ConversionProfile(ColumnLayout columns, FieldDefaults defaults, @Nullable LocalDate date,
            FileNameRule fileNames, Strictness strictness) {
        this(columns, defaults, date, fileNames, strictness, ConversionLimits.DEFAULTS);
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
     * Returns {@link Profile#CONVERSIONS}.
     *
     * @return the kind
     */
    @Override
    public Profile kind() {
        return Profile.CONVERSIONS;
    }

    /**
     * Returns the date the rows of a file are held to: {@link #date()} when set; else, under
     * {@link FileNameRule#CHECK}, the one valid date in the file name; else none.
     *
     * @param fileName the file's name or path as given, or {@code null} for an input without a name
     * @return the date, or empty when rows are not compared with a date
     */
    public Optional<LocalDate> dateFor(@Nullable String fileName) {
        if (date != null) {
            return Optional.of(date);
        }
        if (fileName == null || fileNames == FileNameRule.IGNORE) {
            return Optional.empty();
        }
        return ExportFileName.parse(fileName).optionalDate();
    }

    /**
     * Builds a {@link ConversionProfile}; every setting is checked when it is set.
     */
    public static final class Builder {

        private ColumnLayout columns;
        private FieldDefaults defaults;
        private @Nullable LocalDate date;
        private FileNameRule fileNames;
        private Strictness strictness;
        private ConversionLimits limits;

        private Builder(ConversionProfile start) {
            this.columns = start.columns;
            this.defaults = start.defaults;
            this.date = start.date;
            this.fileNames = start.fileNames;
            this.strictness = start.strictness;
            this.limits = start.limits;
        }

        /**
         * Sets the CSV column layout: which field each column holds, or that it is skipped.
         *
         * @param columns the layout; default {@link ColumnLayout#DEFAULT}
         * @return this builder
         */
        public Builder columns(ColumnLayout columns) {
            this.columns = Objects.requireNonNull(columns, "columns");
            return this;
        }

        /**
         * Sets the values absent or blank optional fields take, e.g. channel {@code organic}.
         *
         * @param defaults the defaults; default {@link FieldDefaults#NONE}
         * @return this builder
         */
        public Builder defaults(FieldDefaults defaults) {
            this.defaults = Objects.requireNonNull(defaults, "defaults");
            return this;
        }

        /**
         * Sets the date every row must have (the command line's {@code --date}): needed to hold the rows of an
         * input without a name to a date; with a named file it replaces the name's date, and the name rules
         * still apply.
         *
         * @param date the date, or {@code null} (the default) to take the file name's
         * @return this builder
         */
        public Builder date(@Nullable LocalDate date) {
            this.date = date;
            return this;
        }

        /**
         * Sets whether a file's name is checked and gives the date its rows are held to.
         *
         * @param fileNames {@link FileNameRule#CHECK} (the default) or {@link FileNameRule#IGNORE}
         * @return this builder
         */
        public Builder fileNames(FileNameRule fileNames) {
            this.fileNames = Objects.requireNonNull(fileNames, "fileNames");
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
         * Sets the limits of the checks across rows.
         *
         * @param limits the limits; default {@link ConversionLimits#DEFAULTS}
         * @return this builder
         */
        public Builder limits(ConversionLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Builds the profile.
         *
         * @return the profile
         */
        public ConversionProfile build() {
            return new ConversionProfile(columns, defaults, date, fileNames, strictness, limits);
        }
    }
}
