package org.conversionkit.cli.internal;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.conversionkit.cli.ConversionCheck;
import org.conversionkit.json.BigQuerySchema;
import org.conversionkit.json.SchemaField;
import org.conversionkit.json.SchemaInference;
import org.conversionkit.model.ConversionDataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code schema FILE}: infers an NDJSON feed's warehouse schema and prints it as a BigQuery JSON schema. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Infers the warehouse schema of an NDJSON feed, as BigQuery's auto-detection would create it,"
                + " and prints it as a BigQuery JSON schema (a JSON list, fields in first-seen order).",
                "Two deliberate differences: date-times without an offset are DATETIME (BigQuery: TIMESTAMP read as"
                        + " UTC), and a JSON string stays STRING even when it looks like a number."},
        footer = {"", "Exit codes: 0 printed; 1 the feed is not readable JSON (the reason on standard error); 2 usage"
                + " error, missing or unreadable file."})
final class SchemaCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(index = "0", paramLabel = "FILE", description = "the NDJSON feed; '-' for standard input")
    String file = "";

    SchemaCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        InputStream in = Inputs.open(file, cli.in());
        List<SchemaField> schema;
        try {
            schema = SchemaInference.builder().build().infer(in);
        } catch (ConversionDataException e) {
            cli.error(file + ": " + e.getMessage());
            return ConversionCheck.EXIT_INVALID;
        } finally {
            Inputs.closeQuietly(in);
        }
        BigQuerySchema.write(schema, cli.out());
        cli.out().println();
        cli.out().flush();
        return ConversionCheck.EXIT_VALID;
    }
}
