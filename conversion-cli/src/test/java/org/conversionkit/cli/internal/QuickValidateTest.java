package org.conversionkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The picocli-free parse of plain {@code validate} lines sets exactly what picocli sets, and leaves every
 * other line to picocli. Arguments are separated by spaces here; {@code ␣} stands for a space inside one.
 */
class QuickValidateTest {

    private static final Cli CLI = new Cli(new ByteArrayInputStream(new byte[0]),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "validate conversion-export-2020-09-22.csv",
        "validate a.csv b.json -",
        "validate --report json a.csv",
        "validate --report=json --format csv --delimiter ; a.csv",
        "validate --delimiter=, --columns url,date,-,revenue a.csv",
        "validate --columns=-,url,date a.csv",
        "validate --default channel=organic --default device=mobile a.csv --strict",
        "validate --date 2020-09-22 - --max-violations 5",
        "validate --max-violations=0 a.csv",
        "validate --profile crm --id-field leadId --feed-date 2020-01-20 feed.ndjson",
        "validate --profile crm --feed-zone Europe/Paris --feed-date=2020-01-20 feed.ndjson",
        "validate --profile=crm --feed-zone=as-written feed.ndjson",
        "validate --profile crm --history orders-2020-01-20.ndjson orders-2020-01-21.ndjson",
        "validate orders-2020-01-21.ndjson --history --feed-zone UTC --profile crm orders-2020-01-20.ndjson",
        "validate --feed-zone Nowhere/Else feed.ndjson",
        "validate --max-file-bytes 10M --max-records=5K a.csv",
        "validate --delimiter tab a.tsv",
        "validate --date=bad a.csv",
        "validate --delimiter= a.csv",
        "validate --profile nonsense a.csv",
        "validate a␣b.csv",
    })
    void setsWhatPicocliSets(String line) {
        String[] args = args(line);
        ValidateCommand quick = QuickValidate.parse(args, CLI);
        assertThat(quick).as("taken by the quick parse").isNotNull();
        ValidateCommand picocli = new ValidateCommand(CLI);
        new CommandLine(picocli).parseArgs(Arrays.copyOfRange(args, 1, args.length));
        assertThat(fields(quick)).isEqualTo(fields(picocli));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "validate",
        "validate --help",
        "validate -h a.csv",
        "validate --version",
        "validate --strict",
        "validate --report a.csv",
        "validate --report Json a.csv",
        "validate --format xml a.csv",
        "validate --max-violations -1 a.csv",
        "validate --max-violations=-1 a.csv",
        "validate --max-violations 1e3 a.csv",
        "validate --max-violations 99999999999 a.csv",
        "validate --report json --report text a.csv",
        "validate --strict --strict a.csv",
        "validate --history --history a.ndjson",
        "validate --history=true a.ndjson",
        "validate --strict=true a.csv",
        "validate --columns -,url a.csv",
        "validate --date",
        "validate --feed-zone -05:00 feed.ndjson",
        "validate --feed-zone a.ndjson --feed-zone b.ndjson c.ndjson",
        "validate -- a.csv",
        "validate -x a.csv",
        "validate --unknown a.csv",
        "validate @args.txt",
        "validate --columns @layout a.csv",
        "schema a.ndjson",
        "deliveries a.csv b.csv",
        "--version",
    })
    void leavesTheRestToPicocli(String line) {
        assertThat(QuickValidate.parse(args(line), CLI)).isNull();
    }

    private static String[] args(String line) {
        return Arrays.stream(line.split(" ")).map(arg -> arg.replace('␣', ' ')).toArray(String[]::new);
    }

    private static List<Object> fields(ValidateCommand command) {
        return new ArrayList<>(Arrays.asList(command.files, command.format, command.delimiter, command.columns,
                command.defaults, command.date, command.profile, command.idField, command.feedDate, command.feedZone,
                command.history, command.strict, command.maxViolations, command.maxFileBytes, command.maxRecords, command.report));
    }
}
