package org.conversionkit.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.json.ConversionJsonReader;
import org.conversionkit.json.CrmFeedReader;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.spec.Expect;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.SpecCase;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.FeedValidator;
import org.conversionkit.validation.ValidationReport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input suite: every case of {@code spec/hostile.json} (see {@link HostileCases}) read through the library
 * (reader and validator, as a Java service would) and through the command line, in process. Both must give the
 * expected counts and exactly the expected violations, at their lines, with their fields and messages; the command
 * line must exit 1 (never 2), print only JSON to standard output and no stack trace anywhere. {@code SmallHeapTest}
 * runs the largest of them in a child JVM with {@code -Xmx64m}.
 */
class HostileSuiteTest {

    static final LocalDate DATE = LocalDate.of(2020, 9, 22);
    private static final int MAX_VIOLATIONS = 10_000;

    static List<SpecCase> cases() {
        return HostileCases.all();
    }

    @Test
    void theSuiteCoversAtLeastThirtyInputs() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void library(SpecCase c) throws IOException {
        String format = HostileCases.format(c);
        Set<ViolationCode> allowed = HostileCases.crm(c) ? Outcomes.CRM : format.equals("csv") ? Outcomes.CSV
                : Outcomes.JSON;
        List<RawRecord> records;
        try (RecordSource source = source(c, c.input().open())) {
            records = Outcomes.readAll(source, allowed, format.equals("csv"));
        }
        ValidationReport report;
        try (RecordSource source = source(c, c.input().open())) {
            report = validate(c, source);
        }
        Outcomes.checkReport(report, records, allowed);
        Node expect = c.expect().only("exit", "report");
        assertThat(report.valid() ? 0 : 1).as("valid").isEqualTo(expect.get("exit").intValue());
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("records", report.records());
        actual.put("validRecords", report.validRecords());
        actual.put("blankLines", report.blankLines());
        List<Object> violations = new ArrayList<>();
        for (Violation v : report.violations()) {
            violations.add(violation(v.code().name(), v.line(), v.field(), v.message()));
        }
        actual.put("violations", violations);
        Expect.check(report(c), actual);
    }

    /** What a case expects of the report: the counts given, every violation (code, line, field, message). */
    static Node report(SpecCase c) {
        Node report = c.expect().get("report").only("records", "validRecords", "blankLines", "violations");
        for (Node violation : report.get("violations").list()) {
            violation.only("code", "line", "field", "message");
            assertThat(violation.keys()).as(violation.path()).contains("code", "line", "field");
        }
        return report;
    }

    static Map<String, @Nullable Object> violation(String code, long line, @Nullable String field, String message) {
        Map<String, @Nullable Object> violation = new LinkedHashMap<>();
        violation.put("code", code);
        violation.put("line", line);
        violation.put("field", field);
        violation.put("message", message);
        return violation;
    }

    /** The source a service would build for the case: its profile, and the file's name, as the CLI gives them. */
    private static RecordSource source(SpecCase c, InputStream in) {
        Node options = HostileCases.options(c);
        Strictness strictness = options.bool("strict", false) ? Strictness.STRICT : Strictness.STANDARD;
        String name = c.input().generated() ? null : c.input().name();
        if (HostileCases.crm(c)) {
            CrmProfile.Builder profile = CrmProfile.builder().strictness(strictness);
            if (options.has("feedDate")) {
                profile.dailyFeed(LocalDate.parse(options.text("feedDate")));
            }
            if (options.has("feedZone")) {
                profile.feedZone(ZoneId.of(options.text("feedZone")));
            }
            CrmFeedReader.Builder crm = CrmFeedReader.builder().profile(profile.build());
            return name == null ? crm.source(in) : crm.source(name, in);
        }
        ConversionProfile profile = ConversionProfile.builder().strictness(strictness)
                .date(name == null ? DATE : null).build();
        if (HostileCases.format(c).equals("csv")) {
            ConversionCsvReader.Builder csv = ConversionCsvReader.builder().profile(profile);
            return name == null ? csv.source(in) : csv.source(name, in);
        }
        ConversionJsonReader.Builder json = ConversionJsonReader.builder().profile(profile);
        return name == null ? json.source(in) : json.source(name, in);
    }

    private static ValidationReport validate(SpecCase c, RecordSource source) {
        if (HostileCases.crm(c)) {
            return FeedValidator.builder().maxViolations(MAX_VIOLATIONS).build().validate(source);
        }
        return ConversionValidator.builder().maxViolations(MAX_VIOLATIONS).build().validate(source);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void commandLine(SpecCase c, @TempDir Path dir) throws IOException {
        List<String> args = arguments(c, dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (InputStream in = c.input().generated() ? c.input().open() : new ByteArrayInputStream(new byte[0]);
                PrintStream outStream = new PrintStream(out, true, UTF_8);
                PrintStream errStream = new PrintStream(err, true, UTF_8)) {
            exit = ConversionCheck.run(args.toArray(String[]::new), in, outStream, errStream);
        }
        checkRun(c, exit, out.toString(UTF_8), err.toString(UTF_8));
    }

    /**
     * The command line of a case: a JSON report of every violation, the file (written into a folder, by its name)
     * or standard input.
     */
    static List<String> arguments(SpecCase c, Path dir) {
        List<String> args = new ArrayList<>(List.of("validate", "--report", "json", "--max-violations",
                String.valueOf(MAX_VIOLATIONS)));
        args.addAll(HostileCases.commandLine(c));
        if (c.input().generated()) {
            args.addAll(List.of("--format", HostileCases.format(c), "--date", DATE.toString(), "-"));
        } else {
            args.add(c.input().writeTo(dir).toString());
        }
        return args;
    }

    /** Holds a run of the command line to the case: exit code, report, no stack trace. */
    static void checkRun(SpecCase c, int exit, String stdout, String stderr) {
        String context = "stdout: " + abbreviate(stdout) + "\nstderr: " + abbreviate(stderr);
        int expected = c.expect().get("exit").intValue();
        assertThat(exit).as("exit code, never 2 for bad data\n%s", context).isEqualTo(expected).isNotEqualTo(2);
        for (String stream : List.of(stdout, stderr)) {
            assertThat(stream).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception")
                    .doesNotContain("Error:");
        }
        Node report = Node.parse(stdout, "stdout");
        assertThat(report.get("valid").bool()).isEqualTo(expected == 0);
        assertThat(ReportSchema.problems(stdout)).as("the report fits its JSON Schema\n%s", context).isEmpty();
        Node file = report.get("files").list().get(0);
        long records = file.longValue("records");
        assertThat(file.longValue("validRecords") + file.longValue("invalidRecords"))
                .as("records == validRecords + invalidRecords").isEqualTo(records);
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("records", records);
        actual.put("validRecords", file.longValue("validRecords"));
        actual.put("blankLines", file.longValue("blankLines"));
        List<Object> violations = new ArrayList<>();
        for (Node v : file.get("violations").list()) {
            Node field = v.has("field") ? v.get("field") : null;
            violations.add(violation(v.text("code"), v.longValue("line"), field == null ? null : field.textOrNull(),
                    v.text("message")));
        }
        actual.put("violations", violations);
        Expect.check(report(c), actual);
        assertThat(file.longValue("errors") + file.longValue("warnings")).isEqualTo(violations.size());
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }
}
