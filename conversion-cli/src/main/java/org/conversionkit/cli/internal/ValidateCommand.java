package org.conversionkit.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.conversionkit.cli.ConversionCheck;
import org.conversionkit.csv.CsvLimits;
import org.conversionkit.files.FileChecker;
import org.conversionkit.files.FileFormat;
import org.conversionkit.files.ReportFormat;
import org.conversionkit.files.ReportWriter;
import org.conversionkit.files.internal.Parallel;
import org.conversionkit.json.JsonLimits;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.model.Profile;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.internal.FileInput;
import org.conversionkit.validation.DeliveryReport;
import org.conversionkit.validation.DeliveryValidator;
import org.conversionkit.validation.ValidationReport;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code validate FILE...}: checks files and reports, as text or JSON. */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks conversion exports (CSV or JSON rows) or CRM feeds (NDJSON) and reports every"
                + " violation with its line, record and field.",
                "FILE '-' reads standard input (the conversions profile then needs --date)."},
        footer = {"", "Exit codes: 0 every file valid (warnings allowed unless --strict); 1 at least one error;"
                + " 2 usage error, missing or unreadable file."})
final class ValidateCommand implements Callable<Integer> {

    /** The formats of {@code --format}. */
    enum FormatOption { auto, csv, json }

    /** The report styles of {@code --report}. */
    enum ReportStyle { text, json }

    /** The default of {@code --max-violations}. */
    static final int DEFAULT_MAX_VIOLATIONS = 100;

    private final Cli cli;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "the files to check; '-' for standard input")
    List<String> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "auto|csv|json", defaultValue = "auto",
            description = "auto (default): by extension (.csv .tsv .txt / .json .ndjson .jsonl, with .gz), else by"
                    + " content")
    FormatOption format = FormatOption.auto;

    @Option(names = "--delimiter", paramLabel = "auto|,|;|tab|pipe|C", defaultValue = "auto",
            description = "CSV field delimiter; auto (default) sniffs it from the first records")
    String delimiter = "auto";

    @Option(names = "--columns", paramLabel = "url,date,...",
            description = "CSV column layout, '-' skips a column (default url,date,channel,transactions,revenue)")
    @Nullable String columns;

    @Option(names = "--default", paramLabel = "FIELD=VALUE",
            description = "a default for an optional field, repeatable, e.g. --default channel=organic")
    List<String> defaults = new ArrayList<>();

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "the file's date when its name holds none (required for '-')")
    @Nullable String date;

    @Option(names = "--profile", paramLabel = "conversions|crm", defaultValue = "conversions",
            description = "conversions (default): daily exports; crm: NDJSON CRM feeds, one JSON object a line (a"
                    + " line that is not is a NOT_NDJSON error, and checking goes on with the next line)")
    String profile = "conversions";

    @Option(names = "--id-field", paramLabel = "NAME", description = "crm: the id field (default orderId)")
    @Nullable String idField;

    @Option(names = "--feed-date", paramLabel = "YYYY-MM-DD",
            description = "crm: a daily feed for that date (absent: a snapshot feed)")
    @Nullable String feedDate;

    @Option(names = "--feed-zone", paramLabel = "ZONE",
            description = "crm: the zone whose day a daily feed holds and in which times without an offset are read,"
                    + " e.g. Europe/Paris, UTC or +02:00; default as-written: an updatedAt's date is the one it shows,"
                    + " whatever its offset, and no zone is assumed")
    @Nullable String feedZone;

    @Option(names = "--history",
            description = "crm: the FILEs are the daily files of one feed, each the daily feed of the date in its name"
                    + " (orders-2020-01-20.ndjson): checked on its own and against the files before it (an id keeps"
                    + " its createdAt; its updatedAt never goes back), in date order, which the report follows")
    boolean history;

    @Option(names = "--strict", description = "warnings count as errors")
    boolean strict;

    @Option(names = "--max-violations", paramLabel = "N", defaultValue = "100",
            description = "violations listed per file (default 100); counting never stops")
    int maxViolations = DEFAULT_MAX_VIOLATIONS;

    @Option(names = "--max-file-bytes", paramLabel = "N",
            description = "stop reading a file past N bytes (after gzip), a located RECORD_TOO_LARGE error;"
                    + " suffixes K, M, G (default: no limit)")
    @Nullable String maxFileBytes;

    @Option(names = "--max-records", paramLabel = "N",
            description = "stop reading a file past N records, a located RECORD_TOO_LARGE error; suffixes K, M, G"
                    + " (default: no limit)")
    @Nullable String maxRecords;

    @Option(names = "--report", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json; json writes only JSON to standard output")
    ReportStyle report = ReportStyle.text;

    @Option(names = "--jobs", paramLabel = "N",
            description = "files checked at once, each by one thread (default: the processors); reports keep the"
                    + " files' order")
    @Nullable Integer jobs;

    @Option(names = "--recursive", description = "a folder's files in its subfolders too")
    boolean recursive;

    @Option(names = "--glob", paramLabel = "PATTERN",
            description = "the files of a folder to check, by name, e.g. '*.csv.gz' (default: every file with a"
                    + " known extension)")
    @Nullable String glob;

    @Option(names = "--deliveries",
            description = "also check the files' names as a delivery set (one file a day, no gaps, no duplicates)")
    boolean deliveries;

    @Option(names = "--quiet", description = "no progress line on standard error")
    boolean quiet;

    ValidateCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        FileChecker checker = checker();
        if (files.indexOf(Inputs.STDIN) != files.lastIndexOf(Inputs.STDIN)) {
            throw new UsageException("standard input ('-') can be read once: name it once");
        }
        if (files.contains(Inputs.STDIN)) {
            if (profile() == Profile.CONVERSIONS && date == null) {
                throw new UsageException("standard input has no file name to take its date from: give --date"
                        + " YYYY-MM-DD");
            }
            if (Inputs.standardInputIsClosed()) {
                throw new UsageException("standard input is closed, so '-' has nothing to read: feed it a file or a"
                        + " pipe, or name the file instead");
            }
        }
        // A history's files in date order, each file's date from its name, every name read before any file is.
        List<String> inputs = history ? historyOrder(Folders.expand(files, recursive, glob))
                : Folders.expand(files, recursive, glob);
        if (deliveries && inputs.contains(Inputs.STDIN)) {
            throw new UsageException("--deliveries checks the files' names, and standard input ('-') has none");
        }
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (threads < 1) {
            throw new UsageException("--jobs must be 1 or more, was " + threads);
        }
        if (history && jobs != null && jobs > 1) {
            throw new UsageException("--history checks the feeds one after the other, in date order: --jobs does not"
                    + " apply; leave it out");
        }
        // Every file named gets its report, in order, even one that cannot be read (FILE_UNREADABLE).
        List<ValidationReport> reports;
        try (Progress progress = Progress.start(cli.err(), quiet, inputs)) {
            FileChecker.@Nullable History feeds = history ? checker.history() : null;
            List<Callable<ValidationReport>> tasks = new ArrayList<>(inputs.size());
            for (String file : inputs) {
                tasks.add(() -> {
                    ValidationReport checked = validate(checker, feeds, file, progress);
                    progress.fileDone(checked.records());
                    return checked;
                });
            }
            // A history is checked in date order, one feed after the other.
            reports = Parallel.inOrder(tasks, feeds != null ? 1 : threads);
        } catch (OutOfMemoryError e) {
            blameMaxViolations(maxViolations, "file");
            throw e;
        }
        ReportWriter writer = ReportWriter.of(report == ReportStyle.json ? ReportFormat.JSON : ReportFormat.TEXT)
                .withLimitName("--max-violations");
        DeliveryReport names;
        try {
            names = deliveries ? DeliveryValidator.validate(inputs, strict ? Strictness.STRICT : Strictness.STANDARD,
                    maxViolations) : null;
        } catch (OutOfMemoryError e) {
            // A gap of years between two names is as many MISSING_DELIVERY warnings as days.
            blameMaxViolations(maxViolations, "name");
            throw e;
        }
        if (names == null) {
            cli.writeReport(out -> writer.write(reports, out));
        } else {
            cli.writeReport(out -> writer.write(reports, names, out));
        }
        // Loops, not streams: a stream's first use costs a lambda bootstrap at start-up.
        for (ValidationReport each : reports) {
            if (each.unreadableInput()) {
                return ConversionCheck.EXIT_USAGE;
            }
        }
        for (ValidationReport each : reports) {
            if (!each.valid()) {
                return ConversionCheck.EXIT_INVALID;
            }
        }
        return names == null || names.valid() ? ConversionCheck.EXIT_VALID : ConversionCheck.EXIT_INVALID;
    }

    /**
     * Throws, when {@code --max-violations} asked for more than its default, an error that names it, since the
     * violations listed are what filled the heap; else returns, and the caller rethrows the {@link OutOfMemoryError}.
     *
     * @param maxViolations the value of {@code --max-violations}
     * @param each          what each list belongs to: {@code file} for file reports, {@code name} for a delivery set
     * @throws OutputException if {@code maxViolations} is above its default
     */
    static void blameMaxViolations(int maxViolations, String each) {
        if (maxViolations > DEFAULT_MAX_VIOLATIONS) {
            throw new OutputException("out of memory while keeping up to " + maxViolations + " violations a " + each
                    + " (--max-violations " + maxViolations + "): lower --max-violations, or raise the JVM's heap"
                    + " (-Xmx)");
        }
    }

    /** The checker the options describe; a contradiction between options is a usage error. */
    private FileChecker checker() {
        if (maxViolations < 0) {
            throw new UsageException("--max-violations must be 0 or more, was " + maxViolations);
        }
        Strictness strictness = strict ? Strictness.STRICT : Strictness.STANDARD;
        FileChecker.Builder builder = FileChecker.builder().maxViolations(maxViolations);
        Character separator = Options.delimiter(delimiter);
        if (profile() == Profile.CONVERSIONS) {
            if (idField != null || feedDate != null || feedZone != null || history) {
                throw new UsageException("--id-field, --feed-date, --feed-zone and --history apply to --profile crm"
                        + " only");
            }
            builder.profile(ConversionProfile.builder().columns(layout()).defaults(defaults())
                    .date(Options.date("--date", date)).strictness(strictness).build());
        } else {
            if (date != null || !defaults.isEmpty() || columns != null) {
                throw new UsageException("--date, --default and --columns apply to --profile conversions only;"
                        + " a CRM feed's date is --feed-date");
            }
            CrmProfile.Builder crm = CrmProfile.builder().strictness(strictness);
            if (idField != null) {
                try {
                    crm.idField(idField);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--id-field: " + e.getMessage());
                }
            }
            LocalDate dailyDate = Options.date("--feed-date", feedDate);
            if (dailyDate != null && history) {
                throw new UsageException("--history takes each file's date from its name, and --feed-date sets one date"
                        + " for every file: give one or the other");
            }
            if (dailyDate != null) {
                crm.dailyFeed(dailyDate);
            }
            ZoneId zone = Options.zone("--feed-zone", feedZone);
            if (zone != null) {
                crm.feedZone(zone);
            }
            builder.profile(crm.build());
        }
        if (separator != null) {
            builder.delimiter(separator);
        }
        if (format != FormatOption.auto) {
            builder.format(format == FormatOption.csv ? FileFormat.CSV : FileFormat.JSON);
        }
        long fileBytes = Options.size("--max-file-bytes", maxFileBytes);
        long recordCount = Options.size("--max-records", maxRecords);
        if (fileBytes > 0 || recordCount > 0) {
            CsvLimits.Builder csv = CsvLimits.builder();
            JsonLimits.Builder json = JsonLimits.builder();
            if (fileBytes > 0) {
                csv.maxFileBytes(fileBytes);
                json.maxFileBytes(fileBytes);
            }
            if (recordCount > 0) {
                csv.maxRecords(recordCount);
                json.maxRecords(recordCount);
            }
            builder.jsonLimits(json.build());
            if (profile() != Profile.CRM && format != FormatOption.json) {
                // The checker refuses CSV limits where no file can be CSV; the options apply to every format.
                builder.csvLimits(csv.build());
            }
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + ": " + optionsHint());
        }
    }

    /** Names the options that contradict each other, for the usage error. */
    private String optionsHint() {
        if (profile() == Profile.CRM) {
            return "--format csv and --delimiter do not apply to --profile crm";
        }
        return "--delimiter and --columns do not apply to --format json";
    }

    /**
     * Checks one file, or standard input, on its own or as the next file of a history; a file that cannot be opened
     * gets a FILE_UNREADABLE report.
     */
    private ValidationReport validate(FileChecker checker, FileChecker.@Nullable History feeds, String file,
            Progress progress) {
        try {
            if (file.equals(Inputs.STDIN)) {
                // Never in a history: its files are named by date.
                return checker.check(progress.counting(Inputs.standardInput(cli.in())));
            }
            Path path = Inputs.path(file);
            String cause;
            if (path == null) {
                cause = Inputs.badName(file);
            } else {
                try {
                    InputStream in = progress.counting(FileInput.open(path));
                    return feeds != null ? feeds.check(file, in) : checker.check(file, in);
                } catch (IOException e) {
                    cause = Inputs.reason(file, e);
                }
            }
            return feeds != null ? feeds.unreadable(file, cause) : checker.unreadable(file, cause);
        } catch (IllegalArgumentException e) {
            // The detected format does not fit the profile.
            throw new UsageException(file + ": " + e.getMessage());
        }
    }

    /** The files of a history in date order; a name without one date, or two files of a date, is a usage error. */
    private static List<String> historyOrder(List<String> inputs) {
        TreeMap<LocalDate, String> byDate = new TreeMap<>();
        for (String file : inputs) {
            if (file.equals(Inputs.STDIN)) {
                throw new UsageException("--history takes each file's date from its name, and standard input has"
                        + " none: name the files");
            }
            LocalDate date;
            try {
                date = FileChecker.feedDateOf(file);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--history: " + e.getMessage());
            }
            String other = byDate.putIfAbsent(date, file);
            if (other != null) {
                throw new UsageException("--history: " + other + " and " + file + " are both the feed of " + date
                        + "; a history holds one feed a day");
            }
        }
        return new ArrayList<>(byDate.values());
    }

    private Profile profile() {
        try {
            return Profile.of(profile);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--profile: " + e.getMessage());
        }
    }

    private ColumnLayout layout() {
        if (columns == null) {
            return ColumnLayout.DEFAULT;
        }
        try {
            return ColumnLayout.parse(columns);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--columns: " + e.getMessage());
        }
    }

    private FieldDefaults defaults() {
        FieldDefaults result = FieldDefaults.NONE;
        for (String assignment : defaults) {
            try {
                result = result.with(assignment);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--default: " + e.getMessage());
            }
        }
        return result;
    }
}
