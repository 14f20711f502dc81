package org.conversionkit.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.conversionkit.cli.ConversionCheck;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.json.ConversionJsonReader;
import org.conversionkit.json.CrmFeedReader;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.CrmField;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.model.Profile;
import org.conversionkit.model.RecordSource;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.FeedValidator;
import org.conversionkit.validation.Strictness;
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
        Profile chosen = profile();
        Strictness strictness = strict ? Strictness.STRICT : Strictness.STANDARD;
        if (maxViolations < 0) {
            throw new UsageException("--max-violations must be 0 or more, was " + maxViolations);
        }
        Character separator = Options.delimiter(delimiter);
        ColumnLayout layout = layout();
        LocalDate fileDate = Options.date("--date", date);
        LocalDate dailyDate = Options.date("--feed-date", feedDate);
        ConversionValidator conversions = null;
        FeedValidator feeds = null;
        if (chosen == Profile.CONVERSIONS) {
            if (idField != null || feedDate != null) {
                throw new UsageException("--id-field and --feed-date apply to --profile crm only");
            }
            if (fileDate == null && files.contains(Inputs.STDIN)) {
                throw new UsageException("standard input has no file name to take its date from: give --date"
                        + " YYYY-MM-DD");
            }
            conversions = ConversionValidator.builder().defaults(defaults()).date(fileDate).strictness(strictness)
                    .maxViolations(maxViolations).build();
        } else {
            if (date != null || !defaults.isEmpty() || columns != null) {
                throw new UsageException("--date, --default and --columns apply to --profile conversions only;"
                        + " a CRM feed's date is --feed-date");
            }
            FeedValidator.Builder builder = FeedValidator.builder().strictness(strictness).maxViolations(maxViolations)
                    .idField(idField == null ? CrmField.DEFAULT_ID_FIELD : idField);
            if (dailyDate != null) {
                builder.dailyFeed(dailyDate);
            }
            feeds = builder.build();
        }
        List<ValidationReport> reports = new ArrayList<>();
        boolean unreadable = false;
        for (String file : files) {
            try {
                reports.add(validate(file, chosen, separator, layout, conversions, feeds));
            } catch (InputException e) {
                cli.error(e.getMessage());
                unreadable = true;
            }
        }
        if (reports.isEmpty()) {
            // Nothing could be read: no report, only the errors already printed.
            return ConversionCheck.EXIT_USAGE;
        }
        if (report == ReportStyle.json) {
            Reports.writeJson(reports, cli.out());
        } else {
            Reports.writeText(reports, maxViolations, cli.out());
        }
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

    private ValidationReport validate(String file, Profile chosen, @Nullable Character separator,
            ColumnLayout layout, @Nullable ConversionValidator conversions, @Nullable FeedValidator feeds) {
        InputStream in = Inputs.open(file, cli.in());
        try {
            Inputs.Format detected = detect(file, in);
            String name = file.equals(Inputs.STDIN) ? null : file;
            if (chosen == Profile.CRM) {
                if (detected != Inputs.Format.JSON) {
                    throw new UsageException(file + ": the crm profile reads NDJSON feeds; use --format json if this"
                            + " file is one");
                }
                String id = idField == null ? CrmField.DEFAULT_ID_FIELD : idField;
                try (RecordSource source = CrmFeedReader.builder().idField(id).source(in)) {
                    return java.util.Objects.requireNonNull(feeds).validate(name, source);
                }
            }
            try (RecordSource source = detected == Inputs.Format.JSON
                    ? ConversionJsonReader.builder().source(in)
                    : csv(separator, layout).source(in)) {
                return java.util.Objects.requireNonNull(conversions).validate(name, source);
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ")");
        } finally {
            Inputs.closeQuietly(in);
        }
    }

    private Inputs.Format detect(String file, InputStream in) throws IOException {
        if (format == FormatOption.csv) {
            return Inputs.Format.CSV;
        }
        if (format == FormatOption.json) {
            return Inputs.Format.JSON;
        }
        Inputs.Format byName = file.equals(Inputs.STDIN) ? null : Inputs.byExtension(file);
        return byName != null ? byName : Inputs.byContent(in);
    }

    private static ConversionCsvReader.Builder csv(@Nullable Character separator, ColumnLayout layout) {
        ConversionCsvReader.Builder builder = ConversionCsvReader.builder().columns(layout);
        return separator == null ? builder.detectDelimiter() : builder.delimiter(separator);
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
