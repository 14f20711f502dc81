package org.conversionkit.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.json.ConversionJsonReader;
import org.conversionkit.json.CrmFeedReader;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionLimits;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.CrmField;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.FeedLimits;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.TypedReader;
import org.conversionkit.model.Violation;
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
 * The validators' cases of conversion files and CRM feeds ({@code spec/validation/conversions.json} and
 * {@code crm.json}: records as a reader would deliver them, and the report they make) as files where the records can
 * be written so, conversions in CSV and in JSON, feeds in NDJSON: each record a line of its own at its line number,
 * blank lines between, values as text (and, in JSON, numbers and booleans of their kind). A file is read by the
 * reader, checked by the validator with a consumer of valid rows, read by the typed reader, and checked by the
 * command line, in process; each must give the case's report exactly (every count, every violation with its
 * severity, line, record, field and value) and deliver its rows. {@code FileCasesTest} runs the same cases from the
 * records themselves.
 */
class ValidatorCasesTest {

    private static final List<String> CONVERSION_FIELDS = List.of("url", "date", "channel", "device",
            "transactions", "revenue");

    static List<SpecCase> cases() {
        List<SpecCase> cases = new ArrayList<>(Spec.load("validation/conversions.json").cases());
        cases.addAll(Spec.load("validation/crm.json").cases());
        return cases;
    }

    private static boolean crm(SpecCase c) {
        return c.options().text("profile", "conversions").equals("crm");
    }

    /** Every case that can be written as a file of a format, with the format: conversions both, CRM feeds JSON. */
    static Stream<Arguments> files() {
        List<Arguments> files = new ArrayList<>();
        for (SpecCase c : cases()) {
            for (String format : crm(c) ? List.of("json") : List.of("csv", "json")) {
                if (render(c, format) != null) {
                    files.add(Arguments.of(c, format));
                }
            }
        }
        return files.stream();
    }

    @Test
    void mostCasesAreFilesOfBothFormats() {
        List<Arguments> files = files().toList();
        assertThat(files.stream().filter(a -> a.get()[1].equals("csv"))).hasSizeGreaterThanOrEqualTo(24);
        assertThat(files.stream().filter(a -> a.get()[1].equals("json"))).hasSizeGreaterThanOrEqualTo(44);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("files")
    void readerAndValidator(SpecCase c, String format) {
        byte[] file = render(c, format);
        Node options = c.options();
        String name = name(c);
        List<Object> delivered = new ArrayList<>();
        ValidationReport report;
        int maxViolations = (int) options.longValue("maxViolations",
                ConversionValidator.Builder.DEFAULT_MAX_VIOLATIONS);
        try (RecordSource source = source(c, format, name, new ByteArrayInputStream(file))) {
            report = crm(c) ? FeedValidator.builder().maxViolations(maxViolations).build().validate(source,
                    delivered::add) : ConversionValidator.builder().maxViolations(maxViolations).build()
                            .validate(source, delivered::add);
        }
        assertThat(report.format()).isEqualTo(format);
        Expect.check(c.expect().get("report"), render(report));
        assertThat(delivered).as("valid rows delivered").hasSize((int) c.expect().longValue("delivered"));

        // The typed reader delivers the rows the validator counts as valid (a CRM record with its extras, which a
        // validator's source does not keep: the same ids).
        try (TypedReader<?> reader = typed(c, format, name, new ByteArrayInputStream(file))) {
            List<?> rows = reader.stream().toList();
            if (crm(c)) {
                assertThat(rows.stream().map(r -> ((CrmRecord) r).id()).toList())
                        .isEqualTo(delivered.stream().map(r -> ((CrmRecord) r).id()).toList());
            } else {
                assertThat(rows).isEqualTo(delivered);
            }
        }
    }

    static Stream<Arguments> commandLineFiles() {
        // The command line reads conversions from standard input with --date only, and has no option for
        // maxTrackedRows and maxTrackedIds.
        return files().filter(a -> {
            SpecCase c = (SpecCase) a.get()[0];
            return !c.options().has("maxTrackedRows") && !c.options().has("maxTrackedIds")
                    && (name(c) != null || c.options().has("date") || crm(c));
        });
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("commandLineFiles")
    void commandLine(SpecCase c, String format, @TempDir Path dir) throws IOException {
        byte[] file = render(c, format);
        Node options = c.options();
        List<String> args = new ArrayList<>(List.of("validate", "--report", "json", "--format", format));
        if (options.bool("strict", false)) {
            args.add("--strict");
        }
        if (options.has("maxViolations")) {
            args.addAll(List.of("--max-violations", options.get("maxViolations").literal()));
        }
        for (Map.Entry<String, Node> entry : options.getOrEmpty("defaults").fields().entrySet()) {
            args.addAll(List.of("--default", entry.getKey() + "=" + entry.getValue().text()));
        }
        if (options.has("date")) {
            args.addAll(List.of("--date", options.text("date")));
        }
        if (crm(c)) {
            args.addAll(List.of("--profile", "crm"));
            for (String[] option : new String[][] {{"idField", "--id-field"}, {"feedDate", "--feed-date"},
                {"feedZone", "--feed-zone"}}) {
                if (options.has(option[0])) {
                    args.addAll(List.of(option[1], options.text(option[0])));
                }
            }
        }
        if (format.equals("csv")) {
            String delimiter = delimiter(c);
            args.addAll(List.of("--delimiter", delimiter.equals("\t") ? "tab" : delimiter, "--columns",
                    layout(c).spec()));
        }
        String name = name(c);
        InputStream stdin = new ByteArrayInputStream(name == null ? file : new byte[0]);
        if (name == null) {
            args.add("-");
        } else {
            Path path = dir.resolve(name);
            Files.createDirectories(path.getParent());
            args.add(Files.write(path, file).toString());
        }
        InProcess.Run run = InProcess.run(args, stdin);
        // Reports name the file as given: the folder it was written to is where a user would run the command.
        String prefix = Node.ofText("", dir + File.separator).toJson();
        run = new InProcess.Run(run.exit(), run.stdout().replace(prefix.substring(1, prefix.length() - 1), ""),
                run.stderr());
        Map<String, @Nullable Object> report = InProcess.firstReport(run);
        assertThat(report.get("format")).isEqualTo(format);
        Expect.check(c.expect().get("report"), report);
    }

    /** The delivery sets of at least one name: the command line takes one at least. */
    static Stream<SpecCase> deliveries() {
        return Spec.load("validation/deliveries.json").cases().stream()
                .filter(c -> !c.get("input").get("names").list().isEmpty());
    }

    /** The delivery sets of {@code DeliveryCasesTest} through the command line's {@code deliveries}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("deliveries")
    void deliveriesOnTheCommandLine(SpecCase c) {
        Node options = c.options().only("strict", "maxViolations");
        List<String> args = new ArrayList<>(List.of("deliveries", "--report", "json"));
        if (options.bool("strict", false)) {
            args.add("--strict");
        }
        if (options.has("maxViolations")) {
            args.addAll(List.of("--max-violations", options.get("maxViolations").literal()));
        }
        args.addAll(c.get("input").get("names").texts());
        InProcess.Run run = InProcess.run(args, new ByteArrayInputStream(new byte[0]));
        assertThat(run.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(ReportSchema.problems(run.stdout())).as(run.stdout()).isEmpty();
        Node report = Node.parse(run.stdout(), "stdout");
        assertThat(run.exit()).isEqualTo(report.get("valid").bool() ? 0 : 1);
        Map<String, @Nullable Object> actual = new LinkedHashMap<>();
        actual.put("valid", report.get("valid").bool());
        actual.put("entries", report.get("files").plain());
        Expect.check(c.expect(), actual);
    }

    /** The case's file name; null for none or standard input. */
    private static @Nullable String name(SpecCase c) {
        Node input = c.get("input");
        return input.has("name") && !input.text("name").equals("-") ? input.text("name") : null;
    }

    /** The report as a case writes it: its components, a violation's severity as the contract words it. */
    @SuppressWarnings("unchecked")
    private static Map<String, @Nullable Object> render(ValidationReport report) {
        Map<String, @Nullable Object> rendered = (Map<String, @Nullable Object>) Expect.plain(report);
        List<Violation> violations = report.violations();
        for (int i = 0; i < violations.size(); i++) {
            ((List<Map<String, Object>>) rendered.get("violations")).get(i).put("severity",
                    violations.get(i).severity().label());
        }
        return rendered;
    }

    private static ConversionProfile profile(SpecCase c, String format) {
        Node options = c.options().only("date", "defaults", "strict", "maxTrackedRows", "maxViolations");
        FieldDefaults defaults = FieldDefaults.NONE;
        for (Map.Entry<String, Node> entry : options.getOrEmpty("defaults").fields().entrySet()) {
            defaults = defaults.with(entry.getKey() + "=" + entry.getValue().text());
        }
        ConversionProfile.Builder profile = ConversionProfile.builder().defaults(defaults)
                .strictness(options.bool("strict", false) ? Strictness.STRICT : Strictness.STANDARD)
                .date(options.has("date") ? LocalDate.parse(options.text("date")) : null);
        if (format.equals("csv")) {
            profile.columns(layout(c));
        }
        if (options.has("maxTrackedRows")) {
            profile.limits(ConversionLimits.builder().maxTrackedRows((int) options.longValue("maxTrackedRows"))
                    .build());
        }
        return profile.build();
    }

    private static CrmProfile crmProfile(SpecCase c) {
        Node options = c.options().only("profile", "strict", "maxViolations", "idField", "feedDate", "feedZone",
                "maxTrackedIds");
        CrmProfile.Builder profile = CrmProfile.builder().idField(options.text("idField", CrmField.DEFAULT_ID_FIELD))
                .strictness(options.bool("strict", false) ? Strictness.STRICT : Strictness.STANDARD);
        if (options.has("feedDate")) {
            profile.dailyFeed(LocalDate.parse(options.text("feedDate")));
        }
        if (options.has("feedZone")) {
            profile.feedZone(ZoneId.of(options.text("feedZone")));
        }
        if (options.has("maxTrackedIds")) {
            profile.limits(FeedLimits.builder().maxTrackedIds((int) options.longValue("maxTrackedIds")).build());
        }
        return profile.build();
    }

    private static RecordSource source(SpecCase c, String format, @Nullable String name, InputStream in) {
        if (crm(c)) {
            CrmFeedReader.Builder crm = CrmFeedReader.builder().profile(crmProfile(c));
            return name == null ? crm.source(in) : crm.source(name, in);
        }
        if (format.equals("csv")) {
            ConversionCsvReader.Builder csv = ConversionCsvReader.builder().profile(profile(c, format))
                    .delimiter(delimiter(c).charAt(0));
            return name == null ? csv.source(in) : csv.source(name, in);
        }
        ConversionJsonReader.Builder json = ConversionJsonReader.builder().profile(profile(c, format));
        return name == null ? json.source(in) : json.source(name, in);
    }

    private static TypedReader<?> typed(SpecCase c, String format, @Nullable String name, InputStream in) {
        if (crm(c)) {
            CrmFeedReader.Builder crm = CrmFeedReader.builder().profile(crmProfile(c))
                    .invalidRecords(InvalidRecordStrategy.SKIP);
            return name == null ? crm.build(in) : crm.build(name, in);
        }
        if (format.equals("csv")) {
            ConversionCsvReader.Builder csv = ConversionCsvReader.builder().profile(profile(c, format))
                    .delimiter(delimiter(c).charAt(0)).invalidRecords(InvalidRecordStrategy.SKIP);
            return name == null ? csv.build(in) : csv.build(name, in);
        }
        ConversionJsonReader.Builder json = ConversionJsonReader.builder().profile(profile(c, format))
                .invalidRecords(InvalidRecordStrategy.SKIP);
        return name == null ? json.build(in) : json.build(name, in);
    }

    /** The delimiter of the case's source, or a comma for a source without one (JSON). */
    private static String delimiter(SpecCase c) {
        Node delimiter = c.get("input").get("delimiter");
        return delimiter.isNull() ? "," : delimiter.text();
    }

    /** The CSV layout: the default one, with a device column when a record has a device. */
    private static ColumnLayout layout(SpecCase c) {
        boolean device = c.get("input").get("records").list().stream()
                .anyMatch(r -> r.has("values") && r.get("values").has("device"));
        return device ? ColumnLayout.parse("url,date,channel,device,transactions,revenue") : ColumnLayout.DEFAULT;
    }

    /**
     * The case's records as a file of the format, each at its line, or null when they cannot be one: a record the
     * reader rejected or with the reader's violations, records not one a line in order, fewer blank lines than the
     * gaps between records, a kind the format does not write (CSV: any kind; JSON: objects and arrays).
     */
    static byte @Nullable [] render(SpecCase c, String format) {
        Node input = c.get("input");
        if (!input.text("format").equals("csv") && !input.text("format").equals("json")) {
            return null;
        }
        List<Node> records = input.get("records").list();
        StringBuilder text = new StringBuilder();
        long line = 0;
        for (int i = 0; i < records.size(); i++) {
            Node record = records.get(i);
            if (record.has("rejected") || record.has("violations") || record.longValue("record") != i + 1
                    || record.longValue("line") <= line || format.equals("csv") && record.has("kinds")) {
                return null;
            }
            while (++line < record.longValue("line")) {
                text.append('\n');
            }
            String written = format.equals("csv") ? csv(record, delimiter(c), layout(c))
                    : json(record, crm(c));
            if (written == null) {
                return null;
            }
            text.append(written).append('\n');
        }
        // The blank lines the gaps do not account for come last.
        long trailing = input.longValue("blankLines") - (line - records.size());
        if (trailing < 0) {
            return null;
        }
        text.append("\n".repeat((int) trailing));
        return text.toString().getBytes(UTF_8);
    }

    private static String csv(Node record, String delimiter, ColumnLayout layout) {
        Node values = record.get("values");
        List<String> fields = new ArrayList<>();
        for (String name : layout.spec().split(",")) {
            String value = values.has(name) ? values.text(name) : "";
            boolean quoted = value.contains(delimiter) || value.contains("\"") || value.contains("\n")
                    || value.contains("\r") || !value.equals(value.strip()) || value.startsWith("#")
                    || value.startsWith("//");
            fields.add(quoted ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
        }
        return String.join(delimiter, fields);
    }

    private static @Nullable String json(Node record, boolean crm) {
        Node values = record.get("values");
        Node kinds = record.getOrEmpty("kinds");
        StringBuilder object = new StringBuilder("{");
        for (String name : values.keys()) {
            if (!crm && !CONVERSION_FIELDS.contains(name)) {
                return null;
            }
            String value = values.text(name);
            String kind = kinds.has(name) ? kinds.text(name) : "STRING";
            String literal = switch (kind) {
                case "STRING" -> Node.ofText("", value).toJson();
                case "INTEGER", "DECIMAL", "BOOLEAN" -> value;
                default -> null;
            };
            if (literal == null || !kind.equals("STRING") && !Node.parse(literal, "a value").toJson().equals(literal)) {
                return null;
            }
            object.append(object.length() > 1 ? ", " : "").append(Node.ofText("", name).toJson()).append(": ")
                    .append(literal);
        }
        return object.append('}').toString();
    }
}
