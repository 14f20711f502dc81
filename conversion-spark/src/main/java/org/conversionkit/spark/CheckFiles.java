package org.conversionkit.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.conversionkit.files.FileChecker;
import org.conversionkit.files.FileFormat;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.model.Strictness;
import org.jspecify.annotations.Nullable;

/**
 * The {@code spark-submit} entry point: checks the files of paths or globs and writes two result sets, one row per
 * file and one row per violation, so that a data team runs the check without writing code.
 *
 * <pre>
 * spark-submit --class org.conversionkit.spark.CheckFiles conversion-spark.jar \
 *     --output s3a://bucket/checks/2020-09 [--output-format parquet|json|csv] [--rows] \
 *     [--profile conversions|crm] [--format auto|csv|json] [--delimiter C] [--columns url,date,...] \
 *     [--default FIELD=VALUE]... [--date YYYY-MM-DD] [--id-field NAME] [--feed-date YYYY-MM-DD] [--strict] \
 *     [--max-violations N] PATH...
 * </pre>
 *
 * <p>It writes {@code OUTPUT/files} and {@code OUTPUT/violations} (and, with {@code --rows}, {@code OUTPUT/rows}:
 * the typed rows of the valid records), prints how many files are valid, and exits 0 when every file is, 1 when
 * one is not, 2 for a usage error. The options mean what they mean to {@code conversion-check validate}.
 */
public final class CheckFiles {

    private CheckFiles() {
    }

    /** The options, as given: plain values, so that the checker's recipe sends only them to the executors. */
    private static final class Options implements Serializable {
        private static final long serialVersionUID = 1L;

        @Nullable String output;
        String outputFormat = "parquet";
        boolean rows;
        String profile = "conversions";
        String format = "auto";
        @Nullable String delimiter;
        @Nullable String columns;
        final ArrayList<String> defaults = new ArrayList<>();
        @Nullable String date;
        @Nullable String idField;
        @Nullable String feedDate;
        boolean strict;
        int maxViolations = 100;
        final ArrayList<String> paths = new ArrayList<>();
    }

    /**
     * Runs the check in the session {@code spark-submit} provides.
     *
     * @param args the options and paths
     */
    public static void main(String[] args) {
        int exit;
        try {
            Options options = parse(args);
            FileChecker.Builder probe = builder(options);
            probe.build();
            SparkSession spark = SparkSession.builder().appName("conversion-check").getOrCreate();
            try {
                exit = run(spark, options);
            } finally {
                spark.stop();
            }
        } catch (IllegalArgumentException e) {
            System.err.println("conversion-check: " + e.getMessage());
            exit = 2;
        }
        System.exit(exit);
    }

    /**
     * Runs the check in a session and writes its results.
     *
     * @param spark the session
     * @param args  the options and paths
     * @return 0 when every file is valid, 1 when one is not
     * @throws IllegalArgumentException for a usage error
     */
    public static int run(SparkSession spark, String[] args) {
        return run(spark, parse(args));
    }

    private static int run(SparkSession spark, Options options) {
        String output = options.output;
        if (output == null) {
            throw new IllegalArgumentException("--output: where to write the results is needed");
        }
        String outputFormat = options.outputFormat;
        Options recipe = options;
        SparkCheck check = SparkCheck.of(spark, () -> builder(recipe).build());
        String[] paths = options.paths.toArray(String[]::new);
        SparkCheck.Result result = check.check(paths);
        try {
            write(result.files(), output + "/files", outputFormat);
            write(result.violations(), output + "/violations", outputFormat);
            if (options.rows) {
                write(options.profile.equals("crm") ? check.crmRecords(paths) : check.conversionRows(paths),
                        output + "/rows", outputFormat);
            }
            long files = result.files().count();
            long invalid = result.files().filter("NOT valid").count();
            System.out.println(files + " files: " + (files - invalid) + " valid, " + invalid + " invalid; results in "
                    + output);
            return invalid == 0 ? 0 : 1;
        } finally {
            result.unpersist();
        }
    }

    private static void write(Dataset<Row> rows, String path, String format) {
        rows.write().mode(SaveMode.ErrorIfExists).format(format).save(path);
    }

    /** The checker the options describe, built where it runs: on the driver to check them, on each executor. */
    private static FileChecker.Builder builder(Options options) {
        Strictness strictness = options.strict ? Strictness.STRICT : Strictness.STANDARD;
        FileChecker.Builder builder = FileChecker.builder().maxViolations(options.maxViolations);
        if (options.profile.equals("crm")) {
            CrmProfile.Builder crm = CrmProfile.builder().strictness(strictness);
            if (options.idField != null) {
                crm.idField(options.idField);
            }
            if (options.feedDate != null) {
                crm.dailyFeed(date("--feed-date", options.feedDate));
            }
            builder.profile(crm.build());
        } else if (options.profile.equals("conversions")) {
            FieldDefaults defaults = FieldDefaults.NONE;
            for (String assignment : options.defaults) {
                defaults = defaults.with(assignment);
            }
            builder.profile(ConversionProfile.builder()
                    .columns(options.columns == null ? ColumnLayout.DEFAULT : ColumnLayout.parse(options.columns))
                    .defaults(defaults).date(options.date == null ? null : date("--date", options.date))
                    .strictness(strictness).build());
        } else {
            throw new IllegalArgumentException("--profile: '" + options.profile + "' is not conversions or crm");
        }
        switch (options.format) {
            case "auto" -> builder.detectFormat();
            case "csv" -> builder.format(FileFormat.CSV);
            case "json" -> builder.format(FileFormat.JSON);
            default -> throw new IllegalArgumentException("--format: '" + options.format
                    + "' is not auto, csv or json");
        }
        String delimiter = options.delimiter;
        if (delimiter != null) {
            builder.delimiter(switch (delimiter) {
                case "tab", "\\t" -> '\t';
                case "pipe" -> '|';
                default -> {
                    if (delimiter.length() != 1) {
                        throw new IllegalArgumentException("--delimiter: '" + delimiter + "' is not one character");
                    }
                    yield delimiter.charAt(0);
                }
            });
        }
        return builder;
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not a YYYY-MM-DD date");
        }
    }

    private static Options parse(String[] args) {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--rows" -> options.rows = true;
                case "--strict" -> options.strict = true;
                case "--output", "--output-format", "--profile", "--format", "--delimiter", "--columns", "--default",
                        "--date", "--id-field", "--feed-date", "--max-violations" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException(arg + ": a value is needed");
                    }
                    set(options, arg, args[++i]);
                }
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("'" + arg + "' is not an option");
                    }
                    options.paths.add(arg);
                }
            }
        }
        if (options.paths.isEmpty()) {
            throw new IllegalArgumentException("name the files to check: paths, folders or globs");
        }
        if (!List.of("parquet", "json", "csv").contains(options.outputFormat)) {
            throw new IllegalArgumentException("--output-format: '" + options.outputFormat
                    + "' is not parquet, json or csv");
        }
        return options;
    }

    private static void set(Options options, String option, String value) {
        switch (option) {
            case "--output" -> options.output = value;
            case "--output-format" -> options.outputFormat = value;
            case "--profile" -> options.profile = value;
            case "--format" -> options.format = value;
            case "--delimiter" -> options.delimiter = value;
            case "--columns" -> options.columns = value;
            case "--default" -> options.defaults.add(value);
            case "--date" -> options.date = value;
            case "--id-field" -> options.idField = value;
            case "--feed-date" -> options.feedDate = value;
            default -> {
                try {
                    options.maxViolations = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--max-violations: '" + value + "' is not a number");
                }
            }
        }
    }
}
