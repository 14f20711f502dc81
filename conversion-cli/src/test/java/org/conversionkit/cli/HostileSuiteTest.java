package org.conversionkit.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.FeedValidator;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input suite: every case of {@code src/test/resources/hostile/} (see {@link HostileCase}) read
 * through the library (reader and validator, as a Java service would) and through the command line, in
 * process. Both must give the expected counts and exactly the expected violations, at their lines; the
 * command line must exit 1 (never 2), print only JSON to standard output and no stack trace anywhere.
 * {@code SmallHeapTest} runs the largest of them in a child JVM with {@code -Xmx64m}.
 */
class HostileSuiteTest {

    static final LocalDate DATE = LocalDate.of(2020, 9, 22);
    private static final int MAX_VIOLATIONS = 10_000;

    static List<HostileCase> cases() {
        return HostileCase.all();
    }

    @Test
    void theSuiteCoversAtLeastThirtyInputs() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void library(HostileCase c) throws IOException {
        Set<ViolationCode> allowed = c.crm() ? Outcomes.CRM : c.format().equals("csv") ? Outcomes.CSV : Outcomes.JSON;
        List<RawRecord> records;
        try (RecordSource source = source(c, c.open())) {
            records = Outcomes.readAll(source, allowed, c.format().equals("csv"));
        }
        ValidationReport report;
        try (RecordSource source = source(c, c.open())) {
            report = validate(c, source);
        }
        Outcomes.checkReport(report, records, allowed);
        assertThat(report.records()).as("records").isEqualTo(c.records);
        assertThat(report.validRecords()).as("valid records").isEqualTo(c.valid);
        if (c.blankLines >= 0) {
            assertThat(report.blankLines()).as("blank lines").isEqualTo(c.blankLines);
        }
        assertThat(report.violations().stream().map(HostileSuiteTest::render).toList()).as("violations")
                .containsExactlyElementsOf(c.violations);
        assertThat(report.valid() ? 0 : 1).as("valid").isEqualTo(c.exit);
        for (String[] message : c.messages) {
            assertThat(report.violations()).filteredOn(v -> v.code().name().equals(message[0])).first()
                    .extracting(Violation::message).asString().contains(message[1]);
        }
    }

    /** The source a service would build for the case: its profile, and the file's name, as the CLI gives them. */
    private static RecordSource source(HostileCase c, InputStream in) {
        Strictness strictness = c.args.contains("--strict") ? Strictness.STRICT : Strictness.STANDARD;
        String name = c.input == null ? null : c.input.toString();
        if (c.crm()) {
            CrmProfile.Builder profile = CrmProfile.builder().strictness(strictness);
            int date = c.args.indexOf("--feed-date");
            if (date >= 0) {
                profile.dailyFeed(LocalDate.parse(c.args.get(date + 1)));
            }
            int zone = c.args.indexOf("--feed-zone");
            if (zone >= 0) {
                profile.feedZone(ZoneId.of(c.args.get(zone + 1)));
            }
            CrmFeedReader.Builder crm = CrmFeedReader.builder().profile(profile.build());
            return name == null ? crm.source(in) : crm.source(name, in);
        }
        ConversionProfile profile = ConversionProfile.builder().strictness(strictness)
                .date(c.input == null ? DATE : null).build();
        if (c.format().equals("csv")) {
            ConversionCsvReader.Builder csv = ConversionCsvReader.builder().profile(profile);
            return name == null ? csv.source(in) : csv.source(name, in);
        }
        ConversionJsonReader.Builder json = ConversionJsonReader.builder().profile(profile);
        return name == null ? json.source(in) : json.source(name, in);
    }

    private static ValidationReport validate(HostileCase c, RecordSource source) {
        if (c.crm()) {
            return FeedValidator.builder().maxViolations(MAX_VIOLATIONS).build().validate(source);
        }
        return ConversionValidator.builder().maxViolations(MAX_VIOLATIONS).build().validate(source);
    }

    static String render(Violation v) {
        return v.code() + "@" + v.line() + (v.field() == null ? "" : " " + v.field());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void commandLine(HostileCase c) throws IOException {
        List<String> args = arguments(c);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (InputStream in = c.input == null ? c.open() : new ByteArrayInputStream(new byte[0]);
                PrintStream outStream = new PrintStream(out, true, UTF_8);
                PrintStream errStream = new PrintStream(err, true, UTF_8)) {
            exit = ConversionCheck.run(args.toArray(String[]::new), in, outStream, errStream);
        }
        checkRun(c, exit, out.toString(UTF_8), err.toString(UTF_8));
    }

    /** The command line of a case: a JSON report of every violation, the file or standard input. */
    static List<String> arguments(HostileCase c) {
        List<String> args = new ArrayList<>(List.of("validate", "--report", "json", "--max-violations",
                String.valueOf(MAX_VIOLATIONS)));
        args.addAll(c.args);
        if (c.input == null) {
            args.addAll(List.of("--format", c.format, "--date", DATE.toString(), "-"));
        } else {
            args.add(c.input.toString());
        }
        return args;
    }

    /** Holds a run of the command line to the case: exit code, report, no stack trace. */
    @SuppressWarnings("unchecked")
    static void checkRun(HostileCase c, int exit, String stdout, String stderr) {
        String context = "stdout: " + abbreviate(stdout) + "\nstderr: " + abbreviate(stderr);
        assertThat(exit).as("exit code, never 2 for bad data\n%s", context).isEqualTo(c.exit).isNotEqualTo(2);
        for (String stream : List.of(stdout, stderr)) {
            assertThat(stream).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception")
                    .doesNotContain("Error:");
        }
        Map<String, Object> report = (Map<String, Object>) JsonTree.parse(stdout);
        assertThat(report.get("valid")).isEqualTo(c.exit == 0);
        assertThat(ReportSchema.problems(stdout)).as("the report fits its JSON Schema\n%s", context).isEmpty();
        Map<String, Object> file = (Map<String, Object>) ((List<Object>) report.get("files")).get(0);
        long records = number(file.get("records"));
        assertThat(records).as("records").isEqualTo(c.records);
        assertThat(number(file.get("validRecords"))).as("valid records").isEqualTo(c.valid);
        assertThat(number(file.get("validRecords")) + number(file.get("invalidRecords")))
                .as("records == validRecords + invalidRecords").isEqualTo(records);
        if (c.blankLines >= 0) {
            assertThat(number(file.get("blankLines"))).as("blank lines").isEqualTo(c.blankLines);
        }
        List<String> violations = new ArrayList<>();
        for (Object v : (List<Object>) file.get("violations")) {
            Map<String, Object> violation = (Map<String, Object>) v;
            Object field = violation.get("field");
            violations.add(violation.get("code") + "@" + number(violation.get("line"))
                    + (field instanceof String name ? " " + name : ""));
        }
        assertThat(violations).as("violations").containsExactlyElementsOf(c.violations);
        assertThat(number(file.get("errors")) + number(file.get("warnings"))).isEqualTo(violations.size());
    }

    private static long number(Object value) {
        return ((BigDecimal) value).longValueExact();
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }
}
