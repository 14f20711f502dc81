package org.conversionkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.csv.CsvLimits;
import org.conversionkit.json.ConversionJsonReader;
import org.conversionkit.json.CrmFeedReader;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.ExportFileName;
import org.conversionkit.model.Field;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Severity;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.spec.Expect;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.FeedValidator;
import org.conversionkit.validation.ValidationReport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The readers' cases ({@code spec/csv.json}, {@code json.json}, {@code crm.json}: every record a reader delivers,
 * with its violations) at the two levels above the reader, where a service and a user meet them: the validator (a
 * source of the case's input and options, as a Java service builds it) and the command line ({@code validate
 * --report json}, in process). What a case says of its records says what the report holds: every violation of every
 * record, in order, with its line (field and message where the case gives them) and its record; around them, the
 * violations of the file that the contract adds ({@code FILENAME_NO_DATE} first for a named file whose name holds
 * no date, {@code EMPTY_FILE} last for a file without records); the records counted, invalid those with an error
 * by the catalogue's severities, and the verdict. The reader level is the modules' own ({@code CsvFixturesTest},
 * {@code ConversionFixturesTest}, {@code CrmFixturesTest}).
 */
class ReaderCasesTest {

    private static final int MAX_VIOLATIONS = 10_000;
    private static final List<String> FILES = List.of("csv.json", "json.json", "crm.json");

    static Stream<Arguments> cases() {
        return FILES.stream().flatMap(file -> Spec.load(file).cases().stream().map(c -> Arguments.of(file, c)));
    }

    /** The cases the command line can run: its options do not set limits it has no option for. */
    static Stream<Arguments> commandLineCases() {
        return cases().filter(arguments -> ((SpecCase) arguments.get()[1]).options().getOrEmpty("limits").keys()
                .stream().allMatch(limit -> limit.equals("maxFileBytes") || limit.equals("maxRecords")));
    }

    @Test
    void nearlyEveryCaseRunsOnTheCommandLine() {
        assertThat(commandLineCases().count()).as("cases on the command line")
                .isGreaterThanOrEqualTo(cases().count() - 3);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void validator(String file, SpecCase c) {
        ValidationReport report;
        try (RecordSource source = source(file, c)) {
            report = file.equals("crm.json")
                    ? FeedValidator.builder().maxViolations(MAX_VIOLATIONS).build().validate(source)
                    : ConversionValidator.builder().maxViolations(MAX_VIOLATIONS).build().validate(source);
        }
        List<Object> violations = new ArrayList<>();
        report.violations().forEach(v -> violations.add(Expect.plain(v)));
        check(c, false, report.valid(), report.records(), report.validRecords(), report.invalidRecords(),
                report.blankLines(), report.errors(), report.warnings(), violations);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("commandLineCases")
    void commandLine(String file, SpecCase c, @TempDir Path dir) {
        List<String> args = arguments(file, c, dir);
        boolean named = !args.get(args.size() - 1).equals("-");
        Map<String, @Nullable Object> first = InProcess.firstReport(InProcess.run(args,
                named ? new ByteArrayInputStream(new byte[0]) : c.input().open()));
        @SuppressWarnings("unchecked")
        List<Object> violations = (List<Object>) first.get("violations");
        check(c, named, (Boolean) first.get("valid"), (Long) first.get("records"), (Long) first.get("validRecords"),
                (Long) first.get("invalidRecords"), (Long) first.get("blankLines"), (Long) first.get("errors"),
                (Long) first.get("warnings"), violations);
    }

    /** Holds a report to what the case's records say of it. */
    private static void check(SpecCase c, boolean named, boolean valid, long records, long validRecords,
            long invalidRecords, long blankLines, long errors, long warnings, List<Object> violations) {
        Node expect = c.expect();
        List<Node> expected = new ArrayList<>();
        List<Long> recordOf = new ArrayList<>();
        if (named && ExportFileName.parse(c.input().name()).date() == null) {
            expected.add(Node.parse("{\"code\": \"FILENAME_NO_DATE\", \"line\": 0, \"field\": null}", "the name"));
            recordOf.add(0L);
        }
        long invalid = 0;
        List<Node> list = expect.get("records").list();
        for (Node record : list) {
            boolean error = false;
            for (Node violation : record.get("violations").list()) {
                expected.add(violation);
                recordOf.add(record.longValue("record"));
                error |= ViolationCode.valueOf(violation.text("code")).defaultSeverity() == Severity.ERROR;
            }
            invalid += error ? 1 : 0;
        }
        if (list.isEmpty()) {
            expected.add(Node.parse("{\"code\": \"EMPTY_FILE\", \"line\": 0, \"field\": null}", "an empty file"));
            recordOf.add(0L);
        }
        assertThat(violations).as("violations: %s", violations).hasSameSizeAs(expected);
        long expectedErrors = 0;
        for (int i = 0; i < expected.size(); i++) {
            Expect.check(expected.get(i), violations.get(i));
            @SuppressWarnings("unchecked")
            Map<String, Object> actual = (Map<String, Object>) violations.get(i);
            assertThat(actual.get("record")).as("the record of %s", actual).isEqualTo(recordOf.get(i));
            expectedErrors += ViolationCode.valueOf(expected.get(i).text("code")).defaultSeverity()
                    == Severity.ERROR ? 1 : 0;
        }
        assertThat(records).as("records").isEqualTo(list.size());
        assertThat(invalidRecords).as("invalid records").isEqualTo(invalid);
        assertThat(validRecords).as("valid records").isEqualTo(list.size() - invalid);
        if (expect.has("blankLines")) {
            assertThat(blankLines).as("blank lines").isEqualTo(expect.longValue("blankLines"));
        }
        assertThat(errors).as("errors").isEqualTo(expectedErrors);
        assertThat(warnings).as("warnings").isEqualTo(expected.size() - expectedErrors);
        assertThat(valid).as("valid").isEqualTo(expectedErrors == 0);
    }

    /** A source of the case's bytes with its options, as a Java service builds it. */
    private static RecordSource source(String file, SpecCase c) {
        Node options = c.options();
        InputStream in = c.input().open();
        if (file.equals("crm.json")) {
            CrmProfile profile = options.has("idField")
                    ? CrmProfile.builder().idField(options.text("idField")).build() : CrmProfile.DEFAULT;
            return CrmFeedReader.builder().profile(profile).source(in);
        }
        FieldDefaults defaults = FieldDefaults.NONE;
        for (Map.Entry<String, Node> entry : options.getOrEmpty("defaults").fields().entrySet()) {
            defaults = defaults.with(Field.byName(entry.getKey()).orElseThrow(), entry.getValue().text());
        }
        ConversionProfile.Builder profile = ConversionProfile.builder().defaults(defaults)
                .date(options.has("date") ? LocalDate.parse(options.text("date")) : null);
        if (file.equals("json.json")) {
            return ConversionJsonReader.builder().profile(profile.build()).source(in);
        }
        if (options.has("columns")) {
            profile.columns(ColumnLayout.parse(options.text("columns")));
        }
        ConversionCsvReader.Builder csv = ConversionCsvReader.builder().profile(profile.build())
                .limits(limits(options.getOrEmpty("limits")));
        if (options.has("delimiter")) {
            csv.delimiter(options.text("delimiter").charAt(0));
        }
        return csv.source(in);
    }

    private static CsvLimits limits(Node limits) {
        CsvLimits.Builder builder = CsvLimits.builder();
        for (Map.Entry<String, Node> limit : limits.fields().entrySet()) {
            int value = limit.getValue().intValue();
            switch (limit.getKey()) {
                case "maxFieldSize" -> builder.maxFieldSize(value);
                case "maxRecordSize" -> builder.maxRecordSize(value);
                case "maxFieldsPerRecord" -> builder.maxFieldsPerRecord(value);
                case "maxFileBytes" -> builder.maxFileBytes(value);
                case "maxRecords" -> builder.maxRecords(value);
                default -> throw new IllegalArgumentException(limit.getValue().path() + ": no limit " + limit.getKey());
            }
        }
        return builder.build();
    }

    /**
     * The command line of a case: its options as the command's, the input on standard input with the case's date,
     * else as a file of its name written into the folder.
     */
    private static List<String> arguments(String file, SpecCase c, Path dir) {
        Node options = c.options();
        List<String> args = new ArrayList<>(List.of("validate", "--report", "json", "--max-violations",
                String.valueOf(MAX_VIOLATIONS)));
        if (file.equals("crm.json")) {
            args.addAll(List.of("--profile", "crm", "--format", "json"));
            if (options.has("idField")) {
                args.addAll(List.of("--id-field", options.text("idField")));
            }
            args.add("-");
            return args;
        }
        args.addAll(List.of("--format", file.equals("csv.json") ? "csv" : "json"));
        if (options.has("columns")) {
            args.addAll(List.of("--columns", options.text("columns")));
        }
        if (options.has("delimiter")) {
            String delimiter = options.text("delimiter");
            args.addAll(List.of("--delimiter", delimiter.equals("\t") ? "tab" : delimiter));
        }
        for (Map.Entry<String, Node> entry : options.getOrEmpty("defaults").fields().entrySet()) {
            args.addAll(List.of("--default", entry.getKey() + "=" + entry.getValue().text()));
        }
        for (Map.Entry<String, Node> limit : options.getOrEmpty("limits").fields().entrySet()) {
            switch (limit.getKey()) {
                case "maxFileBytes" -> args.addAll(List.of("--max-file-bytes", limit.getValue().literal()));
                case "maxRecords" -> args.addAll(List.of("--max-records", limit.getValue().literal()));
                default -> throw new IllegalArgumentException("no option for the limit " + limit.getKey());
            }
        }
        if (options.has("date")) {
            args.addAll(List.of("--date", options.text("date"), "-"));
        } else {
            args.add(c.input().writeTo(dir).toString());
        }
        return args;
    }
}
