package org.conversionkit.cli.internal;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.conversionkit.cli.ConversionCheck;
import org.conversionkit.model.feed.TableName;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code table-name PROJECT.DATASET.TABLE [--date D]}: prints the destination table. */
@Command(name = "table-name", mixinStandardHelpOptions = true,
        description = {"Checks a BigQuery destination table PROJECT.DATASET.TABLE against the naming rules and prints"
                + " it, as TABLE_YYYYMMDD for a date (a table partitioned by date)."},
        footer = {"", "Exit codes: 0 printed; 1 the name is refused (the reason on standard error); 2 usage error."})
final class TableNameCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(index = "0", paramLabel = "PROJECT.DATASET.TABLE", description = "the destination table")
    String name = "";

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the day of the partition table")
    @Nullable String date;

    TableNameCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        LocalDate day = Options.date("--date", date);
        TableName table;
        try {
            table = TableName.parse(name);
            if (day != null) {
                table = table.forDate(day);
            }
        } catch (IllegalArgumentException refused) {
            cli.error(refused.getMessage());
            return ConversionCheck.EXIT_INVALID;
        }
        // The name is the result: a write that fails is an error (exit 2), as for a report.
        String printed = table.toString();
        cli.writeReport(out -> {
            out.println(printed);
            out.flush();
        });
        return ConversionCheck.EXIT_VALID;
    }
}
