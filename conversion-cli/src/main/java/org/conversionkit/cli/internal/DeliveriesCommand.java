package org.conversionkit.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.conversionkit.cli.ConversionCheck;
import org.conversionkit.files.ReportFormat;
import org.conversionkit.files.ReportWriter;
import org.conversionkit.model.Strictness;
import org.conversionkit.validation.DeliveryReport;
import org.conversionkit.validation.DeliveryValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deliveries NAME...}: checks a delivery set of file names. */
@Command(name = "deliveries", mixinStandardHelpOptions = true,
        description = {"Checks a delivery set of file names, e.g. a bucket listing: one file a day, each name holding"
                + " its date, no gaps."},
        footer = {"", "Exit codes: 0 the set is valid (warnings allowed); 1 at least one error; 2 usage error."})
final class DeliveriesCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "the file names, in delivery order")
    List<String> names = new ArrayList<>();

    @Option(names = "--report", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json")
    ValidateCommand.ReportStyle report = ValidateCommand.ReportStyle.text;

    @Option(names = "--strict", description = "warnings (MISSING_DELIVERY) count as errors")
    boolean strict;

    @Option(names = "--max-violations", paramLabel = "N", defaultValue = "100",
            description = "violations listed per name (default 100); counting never stops")
    int maxViolations = ValidateCommand.DEFAULT_MAX_VIOLATIONS;

    DeliveriesCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (maxViolations < 0) {
            throw new UsageException("--max-violations must be 0 or more, was " + maxViolations);
        }
        DeliveryReport result;
        try {
            result = DeliveryValidator.validate(names, strict ? Strictness.STRICT : Strictness.STANDARD,
                    maxViolations);
        } catch (OutOfMemoryError e) {
            // A gap of years between two names is as many MISSING_DELIVERY warnings as days.
            ValidateCommand.blameMaxViolations(maxViolations, "name");
            throw e;
        }
        ReportWriter writer = ReportWriter.of(report == ValidateCommand.ReportStyle.json ? ReportFormat.JSON
                : ReportFormat.TEXT).withLimitName("--max-violations");
        cli.writeReport(out -> writer.write(result, out));
        return result.valid() ? ConversionCheck.EXIT_VALID : ConversionCheck.EXIT_INVALID;
    }
}
