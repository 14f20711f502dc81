package org.conversionkit.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.csv.CsvLimits;
import org.conversionkit.files.internal.NoEmptyReads;
import org.conversionkit.files.internal.Parallel;
import org.conversionkit.json.ConversionJsonReader;
import org.conversionkit.json.CrmFeedReader;
import org.conversionkit.json.JsonLimits;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.ExportFileName;
import org.conversionkit.model.FileProfile;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.internal.FileInput;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.FeedHistory;
import org.conversionkit.validation.FeedValidator;
import org.conversionkit.validation.ValidationReport;
import org.jspecify.annotations.Nullable;

/**
 * Checks conversion files or CRM feeds, each in one call, the way {@code conversion-check validate} checks them:
 * the format detected by the file name's extension, else by the content ({@link FileFormat#detect}); the
 * delimiter of a CSV file sniffed unless given; the file's date taken from its name unless the profile sets one;
 * and the report the command prints for the same file and options.
 *
 * <pre>{@code
 * FileChecker checker = FileChecker.builder()
 *         .profile(ConversionProfile.builder().defaults(FieldDefaults.NONE.with(Field.CHANNEL, "organic")).build())
 *         .maxViolations(20)
 *         .build();
 * ValidationReport report = checker.check(Path.of("conversion-export-2020-09-22.csv.gz"));
 * }</pre>
 *
 * <p>Every setting applies to every file it can apply to, or is refused: a CRM feed is JSON, so a
 * {@link CrmProfile} with the format {@link FileFormat#CSV}, a delimiter or CSV limits is refused when the checker
 * is built, and a CRM input detected as CSV when it is checked; a delimiter, CSV limits and a profile's column layout
 * apply to CSV files only, so with the format {@link FileFormat#JSON} they are refused when the checker is built,
 * while with the format detected they apply to the CSV files and a JSON file reads its fields by name under the JSON
 * limits.
 *
 * <p>Instances are immutable and thread-safe; each check reads its input once, streaming, one record in memory.
 */
public final class FileChecker {

    /** The day of the example name in {@link ExportFileName}'s messages, conversion-export-2020-09-22.csv. */
    private static final LocalDate SAMPLE_DAY = LocalDate.of(2020, 9, 22);

    private final FileProfile profile;
    private final @Nullable FileFormat format;
    private final @Nullable Character delimiter;
    private final CsvLimits csvLimits;
    private final JsonLimits jsonLimits;
    private final int maxViolations;

    private FileChecker(Builder builder) {
        this.profile = builder.profile;
        this.format = builder.format;
        this.delimiter = builder.delimiter;
        this.csvLimits = builder.csvLimits;
        this.jsonLimits = builder.jsonLimits;
        this.maxViolations = builder.maxViolations;
    }

    /**
     * Returns a builder. Defaults: {@link ConversionProfile#DEFAULT}; format detected; delimiter sniffed;
     * {@link CsvLimits#DEFAULTS}; {@link JsonLimits#DEFAULTS}; at most
     * {@value ConversionValidator.Builder#DEFAULT_MAX_VIOLATIONS} violations listed.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks a file, plain or gzip-compressed; its path is its name in the report, and its name gives the
     * date a conversion file's rows are held to. A file that cannot be read is not an exception but a report:
     * not valid, with a {@code FILE_UNREADABLE} error that says why (no such file, permission denied, a
     * directory), or, when reading fails part of the way, the records read before and that error.
     *
     * @param path the file; a named pipe or a device is read as a stream
     * @return the report
     * @throws IllegalArgumentException if the file's detected format does not fit the profile (a CRM feed
     *                                  detected as CSV)
     */
    public ValidationReport check(Path path) {
        Objects.requireNonNull(path, "path");
        String name = path.toString();
        InputStream in;
        try {
            in = FileInput.open(path);
        } catch (IOException e) {
            return unreadable(name, FileInput.reason(e));
        }
        return run(name, in);
    }

    /**
     * Returns the profile the checker checks by.
     *
     * @return the profile
     */
    public FileProfile profile() {
        return profile;
    }

    /**
     * Opens the typed rows of a conversion file as this checker reads it: the same format detection, delimiter,
     * profile and limits, so that the rows are exactly the records its report counts valid (the others are
     * skipped and counted by the reader).
     *
     * @param name the input's name, as a path or a bare name
     * @param in   the bytes, plain or gzip-compressed; the reader closes them
     * @return the reader: a {@link ConversionCsvReader} or a {@link ConversionJsonReader}, as an iterable of rows
     * @throws IllegalStateException    if the checker's profile is not a {@link ConversionProfile}
     * @throws UncheckedIOException     if the start of the input cannot be read to tell the format
     */
    public TypedRows<ConversionRow> conversionRows(String name, InputStream in) {
        if (!(profile instanceof ConversionProfile conversions)) {
            throw new IllegalStateException("the checker's profile is " + profile.kind().label()
                    + ": use crmRecords");
        }
        InputStream buffered = buffered(in);
        FileFormat detected;
        try {
            detected = formatOf(name, buffered);
        } catch (IOException e) {
            closeQuietly(buffered, e);
            throw new UncheckedIOException(e);
        }
        if (detected == FileFormat.JSON) {
            ConversionJsonReader reader = ConversionJsonReader.builder()
                    .profile(conversions.toBuilder().columns(ColumnLayout.DEFAULT).build()).limits(jsonLimits)
                    .invalidRecords(InvalidRecordStrategy.SKIP).build(name, buffered);
            return TypedRows.of(reader);
        }
        ConversionCsvReader.Builder builder = ConversionCsvReader.builder().profile(conversions).limits(csvLimits)
                .invalidRecords(InvalidRecordStrategy.SKIP);
        if (delimiter != null) {
            builder.delimiter(delimiter);
        }
        ConversionCsvReader reader = builder.build(name, buffered);
        return TypedRows.of(reader);
    }

    /**
     * Opens the typed records of a CRM feed as this checker reads it: the same profile and limits, so that the
     * records are exactly those its report counts valid (the others are skipped and counted by the reader).
     *
     * @param name the input's name, as a path or a bare name
     * @param in   the bytes, plain or gzip-compressed; the reader closes them
     * @return the reader, as an iterable of records
     * @throws IllegalStateException if the checker's profile is not a {@link CrmProfile}
     */
    public TypedRows<CrmRecord> crmRecords(String name, InputStream in) {
        if (!(profile instanceof CrmProfile crm)) {
            throw new IllegalStateException("the checker's profile is " + profile.kind().label()
                    + ": use conversionRows");
        }
        CrmFeedReader reader = CrmFeedReader.builder().profile(crm).limits(jsonLimits)
                .invalidRecords(InvalidRecordStrategy.SKIP)
                .build(name, new NoEmptyReads(Objects.requireNonNull(in, "in")));
        return TypedRows.of(reader);
    }

    /**
     * Checks files on several threads, each file streamed by one thread, and returns their reports in the order of
     * the files: the reports {@link #check(Path)} gives one at a time. Each thread holds one record of its file at
     * a time (and its file's report), so memory grows with the threads, not with the files' size.
     *
     * @param paths the files
     * @param jobs  how many files are checked at once, 1 or more; {@link Runtime#availableProcessors()} keeps every
     *              core busy
     * @return the reports, in the order of {@code paths}
     * @throws IllegalArgumentException if {@code jobs} is below 1, or a file's detected format does not fit the
     *                                  profile (the other files' checks are then stopped)
     */
    public List<ValidationReport> checkAll(List<Path> paths, int jobs) {
        List<Path> files = List.copyOf(paths);
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be 1 or more, was " + jobs);
        }
        List<Callable<ValidationReport>> tasks = new ArrayList<>(files.size());
        for (Path file : files) {
            tasks.add(() -> check(file));
        }
        return Parallel.inOrder(tasks, jobs);
    }

    /**
     * Returns the report of an input that could not be opened: what the name and the settings tell of it, and
     * why it cannot be read.
     *
     * @param name  the input's name as given
     * @param cause why it cannot be read, e.g. {@code "no such file"}
     * @return the report: not valid, one {@code FILE_UNREADABLE} error
     */
    public ValidationReport unreadable(String name, String cause) {
        FileFormat known = format != null ? format : FileFormat.byExtension(name).orElse(null);
        LocalDate date = profile instanceof ConversionProfile conversions ? conversions.dateFor(name).orElse(null)
                : ((CrmProfile) profile).feedDate();
        return ValidationReport.unreadable(name, known == null ? null : known.label(), profile.kind(), date, cause);
    }

    /**
     * Checks a named input, for example an upload under its file name; the name is the input's name in the
     * report and gives the date a conversion file's rows are held to, as a file's would. The stream is read to
     * its end and closed.
     *
     * @param name the input's file name, as a path or a bare name
     * @param in   the bytes, plain or gzip-compressed
     * @return the report; when reading fails part of the way, the records read before and a
     *         {@code FILE_UNREADABLE} error, as when the stream's {@code read} gives 0 bytes without ending
     * @throws IllegalArgumentException if the input's detected format does not fit the profile
     */
    public ValidationReport check(String name, InputStream in) {
        return run(Objects.requireNonNull(name, "name"), in);
    }

    /**
     * Checks an input without a name (standard input, a stream): no file-name rule applies, and a conversion
     * file's rows are held only to the profile's date, if it sets one. The stream is read to its end and closed.
     *
     * @param in the bytes, plain or gzip-compressed
     * @return the report, with {@value ValidationReport#NO_NAME} as the input's name; when reading fails part of
     *         the way, the records read before and a {@code FILE_UNREADABLE} error
     * @throws IllegalArgumentException if the input's detected format does not fit the profile
     */
    public ValidationReport check(InputStream in) {
        return run(null, in);
    }

    /**
     * Returns the format an input is read in: the one set, else the detected one.
     *
     * @param name the input's name, or {@code null}
     * @param in   the content at its start, supporting mark and reset; left where it was
     * @return the format
     * @throws IOException if the content has to be read and cannot be
     */
    FileFormat formatOf(@Nullable String name, InputStream in) throws IOException {
        return format != null ? format : FileFormat.detect(name, in);
    }

    private ValidationReport run(@Nullable String name, InputStream in) {
        return run(name, in, profile, null);
    }

    /**
     * Opens an input with a profile and checks it, as the next feed of a history when one is given (no lambdas: the
     * first one costs the command's start-up a bootstrap).
     */
    private ValidationReport run(@Nullable String name, InputStream in, FileProfile checked,
            @Nullable FeedHistory feeds) {
        InputStream buffered = buffered(in);
        RecordSource opened;
        try {
            opened = source(name, buffered, checked);
        } catch (UncheckedIOException e) {
            // The start could not be read to tell the format.
            String shown = name == null ? ValidationReport.NO_NAME : name;
            String cause = FileInput.reason(Objects.requireNonNull(e.getCause()));
            return feeds != null ? feeds.unreadable(shown, (CrmProfile) checked, cause) : unreadable(shown, cause);
        }
        try (RecordSource source = opened) {
            if (feeds != null) {
                return feeds.validate(source);
            }
            if (checked instanceof CrmProfile) {
                return FeedValidator.builder().maxViolations(maxViolations).build().validate(source);
            }
            return ConversionValidator.builder().maxViolations(maxViolations).build().validate(source);
        }
    }

    /** Opens the source of an input in its format; closes the input when it cannot. */
    private RecordSource source(@Nullable String name, InputStream in, FileProfile checked) {
        FileFormat detected;
        boolean blank;
        try {
            detected = formatOf(name, in);
            // An input of nothing but white space, named without a CSV extension, is not "read as CSV": it is an
            // empty feed (a daily feed of a day without changes), which the feed's report calls EMPTY_FILE.
            blank = checked instanceof CrmProfile && detected != FileFormat.JSON && format == null
                    && (name == null || FileFormat.byExtension(name).isEmpty())
                    && FileFormat.byContentIfAny(in) == null;
        } catch (IOException e) {
            closeQuietly(in, e);
            throw new UncheckedIOException(e);
        }
        if (checked instanceof CrmProfile crm) {
            if (detected != FileFormat.JSON && !blank) {
                closeQuietly(in, null);
                throw new IllegalArgumentException((name == null ? "the input" : name) + " reads as CSV, and the crm"
                        + " profile reads NDJSON feeds; give the format JSON if it is one");
            }
            CrmFeedReader.Builder builder = CrmFeedReader.builder().profile(crm).limits(jsonLimits);
            return name == null ? builder.source(in) : builder.source(name, in);
        }
        ConversionProfile conversions = (ConversionProfile) checked;
        if (detected == FileFormat.JSON) {
            // The layout orders CSV columns: a JSON file of the same export reads its fields by name.
            ConversionJsonReader.Builder builder = ConversionJsonReader.builder()
                    .profile(conversions.toBuilder().columns(ColumnLayout.DEFAULT).build()).limits(jsonLimits);
            return name == null ? builder.source(in) : builder.source(name, in);
        }
        ConversionCsvReader.Builder builder = ConversionCsvReader.builder().profile(conversions).limits(csvLimits);
        if (delimiter != null) {
            builder.delimiter(delimiter);
        }
        return name == null ? builder.source(in) : builder.source(name, in);
    }

    /**
     * Starts checking the daily files of one CRM feed as a history ({@link FeedHistory}): each file is the daily feed
     * of the date in its name ({@link #feedDateOf(String)}), checked on its own, as {@link #check(Path)} checks it,
     * and against the files before it, which come in date order. {@link #checkHistory(List)} checks a list of files
     * in one call.
     *
     * @return a new history, for one series of files; not thread-safe
     * @throws IllegalStateException if the profile is not a {@link CrmProfile}, or sets a feed date (each file's date
     *                               comes from its name)
     */
    public History history() {
        if (!(profile instanceof CrmProfile crm)) {
            throw new IllegalStateException("a feed history checks the daily files of a CRM feed: build the checker"
                    + " with a CrmProfile");
        }
        if (crm.feedDate() != null) {
            throw new IllegalStateException("a feed history takes each file's date from its name, and the profile sets"
                    + " the date " + crm.feedDate() + " for all: leave the profile's date unset");
        }
        return new History(crm);
    }

    /**
     * Checks the daily files of one CRM feed as a history ({@link #history()}), in the order of the dates in their
     * names, whatever the order given. Every name is read for its date before any file is: a name without one date, or
     * two files of one date, are refused at once. A file that cannot be read gets a report with a
     * {@code FILE_UNREADABLE} error and keeps its place in the order.
     *
     * @param files the files, plain or gzip-compressed, each named after its day ({@code orders-2020-01-20.ndjson})
     * @return their reports, in date order
     * @throws IllegalArgumentException if a name holds no date or several, or two files have one date, or a file's
     *                                  detected format does not fit the profile
     * @throws IllegalStateException    as {@link #history()}
     */
    public List<ValidationReport> checkHistory(List<Path> files) {
        Objects.requireNonNull(files, "files");
        History history = history();
        TreeMap<LocalDate, Path> byDate = new TreeMap<>();
        for (Path file : files) {
            LocalDate date = feedDateOf(file.toString());
            Path other = byDate.putIfAbsent(date, file);
            if (other != null) {
                throw new IllegalArgumentException("two files of " + date + " in one history, " + other + " and "
                        + file + ": a history holds one feed a day");
            }
        }
        List<ValidationReport> reports = new ArrayList<>(byDate.size());
        for (Path file : byDate.values()) {
            reports.add(history.check(file));
        }
        return reports;
    }

    /**
     * Returns the date of a daily feed's file in a history: the one {@code YYYY-MM-DD} date in its name, as
     * {@link ExportFileName} reads a file's date.
     *
     * @param name the file's name, as a path or a bare name
     * @return the date
     * @throws IllegalArgumentException if the name holds no date, several, or an impossible one; the message says so
     */
    public static LocalDate feedDateOf(String name) {
        ExportFileName parsed = ExportFileName.parse(name);
        LocalDate date = parsed.date();
        if (date == null) {
            Violation problem = parsed.violations().get(0);
            String message = problem.message();
            if (problem.code() == ViolationCode.FILENAME_NO_DATE) {
                // The name rules' example is a conversion export's name; a history's files are a CRM feed's days.
                message = message.replace(ExportFileName.of(SAMPLE_DAY, "csv"), "orders-2020-01-20.ndjson");
            }
            throw new IllegalArgumentException("a feed history takes each file's date from its name: " + message);
        }
        return date;
    }

    /**
     * The daily files of one CRM feed, checked as a history, one after the other in date order ({@link FeedHistory}):
     * each file is the daily feed of the date in its name. Made by {@link FileChecker#history()}; not thread-safe.
     */
    public final class History {

        private final CrmProfile profile;
        private final FeedHistory feeds;

        private History(CrmProfile profile) {
            this.profile = profile;
            this.feeds = FeedValidator.builder().maxViolations(maxViolations).build().history();
        }

        /**
         * Checks the next file of the history, plain or gzip-compressed; one that cannot be read gets a report with
         * a {@code FILE_UNREADABLE} error, and keeps its place in the order.
         *
         * @param path the file, named after its day
         * @return its report
         * @throws IllegalArgumentException if its name holds no date or several, the date is not after the last
         *                                  file's, or its detected format does not fit the profile
         */
        public ValidationReport check(Path path) {
            String name = Objects.requireNonNull(path, "path").toString();
            CrmProfile daily = next(name);
            InputStream in;
            try {
                in = FileInput.open(path);
            } catch (IOException e) {
                return feeds.unreadable(name, daily, FileInput.reason(e));
            }
            return check(name, daily, in);
        }

        /**
         * Checks the next input of the history, for example an upload under its file name. The stream is read to its
         * end and closed.
         *
         * @param name the input's file name, which gives its date
         * @param in   the bytes, plain or gzip-compressed
         * @return its report
         * @throws IllegalArgumentException as {@link #check(Path)}
         */
        public ValidationReport check(String name, InputStream in) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(in, "in");
            CrmProfile daily;
            try {
                daily = next(name);
            } catch (IllegalArgumentException e) {
                closeQuietly(in, e);
                throw e;
            }
            return check(name, daily, in);
        }

        /**
         * Takes the next file of the history that cannot be opened: its report, and its place in the order.
         *
         * @param name  the file's name as given, which gives its date
         * @param cause why it cannot be read, e.g. {@code "no such file"}
         * @return the report: not valid, one {@code FILE_UNREADABLE} error
         * @throws IllegalArgumentException if its name holds no date or several, or the date is not after the last
         *                                  file's
         */
        public ValidationReport unreadable(String name, String cause) {
            return feeds.unreadable(name, next(Objects.requireNonNull(name, "name")), cause);
        }

        /** The profile of the next file: its date from its name, after the last one's. */
        private CrmProfile next(String name) {
            LocalDate date = feedDateOf(name);
            LocalDate last = feeds.lastFeedDate().orElse(null);
            if (last != null && !date.isAfter(last)) {
                throw new IllegalArgumentException(name + ": the files of a history come in date order, one a day,"
                        + " and " + date + " comes after " + last);
            }
            return profile.toBuilder().dailyFeed(date).build();
        }

        private ValidationReport check(String name, CrmProfile daily, InputStream in) {
            return run(name, in, daily, feeds);
        }
    }

    /**
     * Holds a caller's input to read's contract (a read that gives 0 bytes without the stream ending fails, instead
     * of reading as the end of the input), buffered for the format's peek unless it supports a mark itself: a
     * buffer more would copy every byte once more.
     */
    private static InputStream buffered(InputStream in) {
        InputStream held = new NoEmptyReads(Objects.requireNonNull(in, "in"));
        return in.markSupported() ? held : new BufferedInputStream(held, FileFormat.PEEK);
    }

    private static void closeQuietly(InputStream in, @Nullable Exception failure) {
        try {
            in.close();
        } catch (IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * Builds a {@link FileChecker}; every setting is checked when it is set, and combinations that cannot apply
     * when the checker is built.
     */
    public static final class Builder {

        private FileProfile profile = ConversionProfile.DEFAULT;
        private @Nullable FileFormat format;
        private @Nullable Character delimiter;
        private CsvLimits csvLimits = CsvLimits.DEFAULTS;
        private JsonLimits jsonLimits = JsonLimits.DEFAULTS;
        private int maxViolations = ConversionValidator.Builder.DEFAULT_MAX_VIOLATIONS;

        private Builder() {
        }

        /**
         * Sets the profile: {@link ConversionProfile} for daily conversion files, {@link CrmProfile} for CRM
         * feeds.
         *
         * @param profile the profile; default {@link ConversionProfile#DEFAULT}
         * @return this builder
         */
        public Builder profile(FileProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * Reads every input in one format instead of detecting it.
         *
         * @param format the format
         * @return this builder
         */
        public Builder format(FileFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * Detects each input's format (the default): by the name's extension, else by the content.
         *
         * @return this builder
         */
        public Builder detectFormat() {
            this.format = null;
            return this;
        }

        /**
         * Sets the delimiter of CSV files instead of sniffing it.
         *
         * @param delimiter any single character except {@code "}, CR and LF
         * @return this builder
         * @throws IllegalArgumentException if the delimiter is a quote or a line break
         */
        public Builder delimiter(char delimiter) {
            ConversionCsvReader.builder().delimiter(delimiter);
            this.delimiter = delimiter;
            return this;
        }

        /**
         * Sniffs the delimiter of each CSV file (the default).
         *
         * @return this builder
         */
        public Builder detectDelimiter() {
            this.delimiter = null;
            return this;
        }

        /**
         * Sets the limits of CSV files. Limits other than the defaults are refused by {@link #build()} when no file
         * can be CSV: with a CRM profile, or the format {@link FileFormat#JSON}.
         *
         * @param limits the limits; default {@link CsvLimits#DEFAULTS}
         * @return this builder
         */
        public Builder csvLimits(CsvLimits limits) {
            this.csvLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Sets the limits of JSON files and feeds.
         *
         * @param limits the limits; default {@link JsonLimits#DEFAULTS}
         * @return this builder
         */
        public Builder jsonLimits(JsonLimits limits) {
            this.jsonLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Sets how many violations a report lists; the rest are counted only.
         *
         * @param maxViolations 0 or more; 0 lists none
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxViolations(int maxViolations) {
            ConversionValidator.builder().maxViolations(maxViolations);
            this.maxViolations = maxViolations;
            return this;
        }

        /**
         * Builds the checker.
         *
         * @return the checker
         * @throws IllegalArgumentException if settings contradict each other: a CRM profile with the format CSV, a
         *                                  delimiter or CSV limits; the format JSON with a delimiter, CSV limits or a
         *                                  column layout other than {@link ColumnLayout#DEFAULT}
         */
        public FileChecker build() {
            if (profile instanceof CrmProfile) {
                if (format == FileFormat.CSV) {
                    throw new IllegalArgumentException("the crm profile reads NDJSON feeds, not CSV");
                }
                if (delimiter != null) {
                    throw new IllegalArgumentException("a delimiter separates CSV fields, and the crm profile reads"
                            + " NDJSON feeds");
                }
                if (!csvLimits.equals(CsvLimits.DEFAULTS)) {
                    throw new IllegalArgumentException("CSV limits apply to CSV files, and the crm profile reads"
                            + " NDJSON feeds: give jsonLimits");
                }
            } else if (format == FileFormat.JSON) {
                if (delimiter != null) {
                    throw new IllegalArgumentException("a delimiter separates CSV fields, and the format is JSON");
                }
                if (!csvLimits.equals(CsvLimits.DEFAULTS)) {
                    throw new IllegalArgumentException("CSV limits apply to CSV files, and the format is JSON: give"
                            + " jsonLimits");
                }
                ColumnLayout columns = ((ConversionProfile) profile).columns();
                if (!columns.equals(ColumnLayout.DEFAULT)) {
                    throw new IllegalArgumentException("the column layout " + columns + " orders CSV columns, and"
                            + " the format is JSON, whose rows name their fields");
                }
            }
            return new FileChecker(this);
        }
    }
}
