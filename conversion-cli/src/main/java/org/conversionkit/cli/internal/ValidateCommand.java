package org.conversionkit.cli.internal;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.conversionkit.cli.ConversionCheck;
import org.conversionkit.files.FileChecker;
import org.conversionkit.files.FileFormat;
import org.conversionkit.files.ReportFormat;
import org.conversionkit.files.ReportWriter;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.model.Profile;
import org.conversionkit.model.Strictness;
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
            description = "conversions (default): daily exports; crm: NDJSON CRM feeds")
    String profile = "conversions";

    @Option(names = "--id-field", paramLabel = "NAME", description = "crm: the id field (default orderId)")
    @Nullable String idField;

    @Option(names = "--feed-date", paramLabel = "YYYY-MM-DD",
            description = "crm: a daily feed for that date (absent: a snapshot feed)")
    @Nullable String feedDate;

    @Option(names = "--strict", description = "warnings count as errors")
    boolean strict;

    @Option(names = "--max-violations", paramLabel = "N", defaultValue = "100",
            description = "violations listed per file (default 100); counting never stops")
    int maxViolations = 100;

    @Option(names = "--report", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json; json writes only JSON to standard output")
    ReportStyle report = ReportStyle.text;

    ValidateCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        FileChecker checker = checker();
        if (profile() == Profile.CONVERSIONS && date == null && files.contains(Inputs.STDIN)) {
            throw new UsageException("standard input has no file name to take its date from: give --date"
                    + " YYYY-MM-DD");
        }
        List<ValidationReport> reports = new ArrayList<>();
        boolean unreadable = false;
        for (String file : files) {
            try {
                reports.add(validate(checker, file));
            } catch (InputException e) {
                cli.error(e.getMessage());
                unreadable = true;
            }
        }
        if (reports.isEmpty()) {
            // Nothing could be read: no report, only the errors already printed.
            return ConversionCheck.EXIT_USAGE;
        }
        ReportWriter writer = ReportWriter.of(report == ReportStyle.json ? ReportFormat.JSON : ReportFormat.TEXT)
                .withLimitName("--max-violations");
        cli.writeReport(out -> writer.write(reports, out));
        if (unreadable) {
            return ConversionCheck.EXIT_USAGE;
        }
        // A loop, not a stream: a stream's first use costs a lambda bootstrap at start-up.
        for (ValidationReport each : reports) {
            if (!each.valid()) {
                return ConversionCheck.EXIT_INVALID;
            }
        }
        return ConversionCheck.EXIT_VALID;
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
            if (idField != null || feedDate != null) {
                throw new UsageException("--id-field and --feed-date apply to --profile crm only");
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
            if (dailyDate != null) {
                crm.dailyFeed(dailyDate);
            }
            builder.profile(crm.build());
        }
        if (separator != null) {
            builder.delimiter(separator);
        }
        if (format != FormatOption.auto) {
            builder.format(format == FormatOption.csv ? FileFormat.CSV : FileFormat.JSON);
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

    private ValidationReport validate(FileChecker checker, String file) {
        InputStream in = Inputs.open(file, cli.in());
        try {
            return file.equals(Inputs.STDIN) ? checker.check(in) : checker.check(file, in);
        } catch (UncheckedIOException e) {
            // An UncheckedIOException always has its cause.
            throw new InputException(file + ": cannot be read (" + Objects.requireNonNull(e.getCause()).getMessage()
                    + ")");
        } catch (IllegalArgumentException e) {
            // The detected format does not fit the profile.
            throw new UsageException(file + ": " + e.getMessage());
        } finally {
            Inputs.closeQuietly(in);
        }
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
