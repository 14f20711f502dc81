package org.conversionkit.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.conversionkit.cli.ConversionCheck;
import org.conversionkit.files.internal.Printable;
import org.conversionkit.json.BigQuerySchema;
import org.conversionkit.json.SchemaAnalysis;
import org.conversionkit.json.SchemaField;
import org.conversionkit.json.SchemaFinding;
import org.conversionkit.json.SchemaInference;
import org.conversionkit.model.Severity;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code schema FILE}: predicts the table BigQuery creates from an NDJSON feed, prints it as a BigQuery
 * JSON schema, and reports on standard error every finding that says where a load would fail.
 */
@Command(name = "schema", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predicts the table BigQuery's schema auto-detection creates from an NDJSON feed (from its"
                + " first 500 rows), prints it as a BigQuery JSON schema (a JSON list, fields in first-seen order),"
                + " and reports on standard error, with the field and the line, everything that would make a"
                + " load fail: conflicting types, arrays and single values mixed, arrays of arrays, null array"
                + " elements, names BigQuery refuses, rows past the sample that its table cannot take.",
                "Two deliberate differences from BigQuery, each an option: date-times without a time zone are"
                        + " DATETIME (BigQuery: TIMESTAMP read as UTC), and a JSON string stays STRING even when it"
                        + " looks like a number or a boolean; --bigquery-exact turns both off."},
        footer = {"", "Exit codes: 0 every row loads with the printed schema (warnings allowed unless --strict);"
                + " 1 at least one error finding (a row would not load, or the feed cannot be read on); 2 usage"
                + " error, missing or unreadable file or table schema."})
final class SchemaCommand implements Callable<Integer> {

    /** The report styles of {@code --report}. */
    enum ReportStyle { text, json }

    /** The values of {@code --quoted-values}. */
    enum QuotedValuesOption { string, detected }

    /** The values of {@code --local-date-times}. */
    enum LocalDateTimesOption { datetime, timestamp }

    /** The values of {@code --target}. */
    enum TargetOption { bigquery, segmentstream }

    /** The values of {@code --empty-fields}. */
    enum EmptyFieldsOption { keep, omit }

    /** The values of {@code --column-names}. */
    enum ColumnNamesOption { standard, flexible }

    private final Cli cli;

    @Parameters(index = "0", paramLabel = "FILE", description = "the NDJSON feed, gzip-compressed or not; '-' for"
            + " standard input")
    String file = "";

    @Option(names = "--report", paramLabel = "text|json", defaultValue = "text",
            description = "text (default): the schema on standard output, findings on standard error; json: one JSON"
                    + " object on standard output with the schema and the findings")
    ReportStyle report = ReportStyle.text;

    @Option(names = "--strict", description = "warnings count as errors")
    boolean strict;

    @Option(names = "--sample-rows", paramLabel = "N|all",
            description = "the rows BigQuery detects the schema from (default 500); later rows are checked against"
                    + " it; 'all' infers from every row, for a table created before the load")
    @Nullable String sampleRows;

    @Option(names = "--against", paramLabel = "TABLE.json",
            description = "check the feed against an existing table's schema (as 'bq show --schema' prints it):"
                    + " every field the table cannot take is an error; prints the table's schema extended to"
                    + " take the feed")
    @Nullable String against;

    @Option(names = "--bigquery-exact", description = "type as BigQuery does, without the two deliberate"
            + " differences: --quoted-values detected --local-date-times timestamp")
    boolean bigQueryExact;

    @Option(names = "--quoted-values", paramLabel = "string|detected",
            description = "strings that look like numbers or booleans: string (default) keeps them STRING;"
                    + " detected types them as BigQuery does (\"42\" INTEGER)")
    @Nullable QuotedValuesOption quotedValues;

    @Option(names = "--local-date-times", paramLabel = "datetime|timestamp",
            description = "date-times without a time zone: datetime (default) or timestamp (read as UTC, as"
                    + " BigQuery does)")
    @Nullable LocalDateTimesOption localDateTimes;

    @Option(names = "--target", paramLabel = "bigquery|segmentstream", defaultValue = "bigquery",
            description = "bigquery (default): BigQuery's auto-detection; segmentstream: the table SegmentStream's"
                    + " JSON feed import documents (dates are DATETIME)")
    TargetOption target = TargetOption.bigquery;

    @Option(names = "--empty-fields", paramLabel = "keep|omit", defaultValue = "keep",
            description = "fields only ever null, [] or {}: keep (default) types them as BigQuery does (a record"
                    + " gets a placeholder field); omit leaves them out")
    EmptyFieldsOption emptyFields = EmptyFieldsOption.keep;

    @Option(names = "--column-names", paramLabel = "standard|flexible", defaultValue = "standard",
            description = "standard (default): letters, digits and underscores; flexible: BigQuery's flexible column"
                    + " names (dashes, spaces, any script)")
    ColumnNamesOption columnNames = ColumnNamesOption.standard;

    SchemaCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        SchemaInference inference = inference();
        InputStream in = Inputs.open(file, cli.in());
        SchemaAnalysis analysis;
        try {
            analysis = inference.analyze(in);
        } finally {
            Inputs.closeQuietly(in);
        }
        // The schema is the result: a write that fails (a full disk, a closed pipe) is an error, not a silent exit 0.
        if (report == ReportStyle.json) {
            // Named as validate's JSON report names it: '-' for standard input.
            cli.writeReport(out -> writeJson(file, analysis, out));
        } else {
            cli.writeReport(out -> {
                BigQuerySchema.write(analysis.schema(), out);
                out.println();
                out.flush();
            });
            // Standard input is '-' in the text findings too, as in this command's JSON and in validate's reports.
            writeText(file, analysis, cli.err());
        }
        return analysis.valid() ? ConversionCheck.EXIT_VALID : ConversionCheck.EXIT_INVALID;
    }

    private SchemaInference inference() {
        SchemaInference.Builder builder = SchemaInference.builder().strict(strict);
        if (bigQueryExact) {
            builder.bigQueryExact();
        }
        if (quotedValues != null) {
            builder.quotedValues(quotedValues == QuotedValuesOption.detected ? SchemaInference.QuotedValues.DETECTED
                    : SchemaInference.QuotedValues.STRING);
        }
        if (localDateTimes != null) {
            builder.localDateTimes(localDateTimes == LocalDateTimesOption.timestamp
                    ? SchemaInference.LocalDateTimes.TIMESTAMP : SchemaInference.LocalDateTimes.DATETIME);
        }
        builder.target(target == TargetOption.segmentstream ? SchemaInference.Target.SEGMENTSTREAM
                : SchemaInference.Target.BIGQUERY);
        builder.emptyFields(emptyFields == EmptyFieldsOption.omit ? SchemaInference.EmptyFields.OMIT
                : SchemaInference.EmptyFields.KEEP);
        builder.columnNames(columnNames == ColumnNamesOption.flexible ? SchemaInference.ColumnNames.FLEXIBLE
                : SchemaInference.ColumnNames.STANDARD);
        if (against != null && sampleRows != null) {
            throw new UsageException("--sample-rows does not apply with --against: an existing table is not"
                    + " detected from a sample");
        }
        if (sampleRows != null) {
            builder.sampleRows(sampleRows(sampleRows));
        }
        if (against != null) {
            builder.against(table(against));
        }
        return builder.build();
    }

    private static long sampleRows(String value) {
        if (value.toLowerCase(Locale.ROOT).equals("all")) {
            return SchemaInference.ALL_ROWS;
        }
        try {
            long rows = Long.parseLong(value);
            if (rows >= 1) {
                return rows;
            }
        } catch (NumberFormatException e) {
            // A usage error below.
        }
        throw new UsageException("--sample-rows: '" + value + "' is not a number of rows (1 or more) or 'all'");
    }

    private static List<SchemaField> table(String name) {
        Path path = Inputs.path(name);
        if (path == null) {
            throw new InputException("--against " + name + ": " + Inputs.badName(name));
        }
        try {
            return BigQuerySchema.read(path);
        } catch (NoSuchFileException e) {
            throw new InputException("--against " + name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputException("--against " + name + ": permission denied");
        } catch (IOException e) {
            throw new InputException("--against " + name + ": cannot be read (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new InputException("--against " + name + ": " + e.getMessage());
        }
    }

    /** One line per finding, then a verdict when there is any. */
    private static void writeText(String name, SchemaAnalysis analysis, PrintStream err) {
        if (analysis.findings().isEmpty()) {
            return;
        }
        String file = Printable.name(name);
        for (SchemaFinding finding : analysis.findings()) {
            StringBuilder line = new StringBuilder(file).append(": ");
            if (finding.line() > 0) {
                line.append("line ").append(finding.line()).append(", record ").append(finding.record()).append(": ");
            }
            line.append(finding.kind().name());
            if (finding.severity() == Severity.WARNING) {
                line.append(" (warning)");
            }
            if (finding.field() != null) {
                line.append(" [").append(Printable.of(finding.field())).append(']');
            }
            err.println(line.append(' ').append(Printable.of(finding.message())));
        }
        err.println(file + ": " + analysis.rows() + (analysis.rows() == 1 ? " row; " : " rows; ") + analysis.errors()
                + (analysis.errors() == 1 ? " error, " : " errors, ") + analysis.warnings()
                + (analysis.warnings() == 1 ? " warning" : " warnings") + (analysis.valid()
                        ? ": every row loads with this schema" : ": the schema does not load every row"));
        err.flush();
    }

    /** Only JSON on standard output: the verdict, the counts, the schema and the findings. */
    private static void writeJson(String name, SchemaAnalysis analysis, PrintStream out) {
        JsonFactory factory = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
        try (JsonGenerator json = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeStringProperty("file", name);
            json.writeBooleanProperty("valid", analysis.valid());
            json.writeNumberProperty("rows", analysis.rows());
            json.writeNumberProperty("errors", analysis.errors());
            json.writeNumberProperty("warnings", analysis.warnings());
            json.writeName("schema");
            json.writeRawValue(BigQuerySchema.toJson(analysis.schema()));
            json.writeArrayPropertyStart("findings");
            for (SchemaFinding finding : analysis.findings()) {
                json.writeStartObject();
                json.writeStringProperty("kind", finding.kind().name());
                json.writeStringProperty("severity", finding.severity().label());
                json.writeStringProperty("field", finding.field());
                json.writeNumberProperty("line", finding.line());
                json.writeNumberProperty("record", finding.record());
                json.writeStringProperty("value", finding.value());
                json.writeStringProperty("message", finding.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.println();
        out.flush();
    }
}
