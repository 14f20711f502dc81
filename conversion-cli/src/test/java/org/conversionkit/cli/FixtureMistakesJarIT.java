package org.conversionkit.cli;

import static org.conversionkit.test.ConversionAssertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.FeedMode;
import org.conversionkit.model.Severity;
import org.conversionkit.spec.Node;
import org.conversionkit.test.CrmFeedFixture;
import org.conversionkit.test.CrmMistake;
import org.conversionkit.test.ExportFixture;
import org.conversionkit.test.ExportMistake;
import org.conversionkit.test.WrittenExport;
import org.conversionkit.test.WrittenFeed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mistake the test kit injects, checked by the built {@code conversion-check.jar} in its own JVM: each fixture
 * file gets exactly its mistake's documented code, at the mistake's line, on its field, with its severity, and
 * nothing else. The files of a kind are checked by one run of the command (one JVM), so that the whole takes a few
 * seconds.
 */
class FixtureMistakesJarIT {

    private static final LocalDate DAY = LocalDate.of(2020, 9, 22);
    private static final LocalDate FEED_DAY = LocalDate.of(2020, 1, 20);
    private static final List<String> FORMS = List.of("csv-comma", "csv-semicolon", "ndjson");

    @TempDir
    static Path folder;

    /** The command's JSON report of each file, by the file's path as given. */
    private static final Map<String, Map<?, ?>> REPORTS = new HashMap<>();
    private static final Map<String, WrittenExport> EXPORTS = new HashMap<>();
    private static final Map<String, WrittenFeed> FEEDS = new HashMap<>();

    static Stream<Arguments> exportMistakes() {
        List<Arguments> cases = new ArrayList<>();
        for (ExportMistake mistake : ExportMistake.values()) {
            for (String form : FORMS) {
                if (!(mistake.csvOnly() && form.equals("ndjson"))) {
                    cases.add(Arguments.of(mistake, form));
                }
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> crmMistakes() {
        List<Arguments> cases = new ArrayList<>();
        for (CrmMistake mistake : CrmMistake.values()) {
            cases.add(Arguments.of(mistake, FeedMode.DAILY));
            if (!mistake.dailyOnly()) {
                cases.add(Arguments.of(mistake, FeedMode.SNAPSHOT));
            }
        }
        return cases.stream();
    }

    @BeforeAll
    static void writeEveryFixtureAndCheckThemWithTheJar() throws Exception {
        List<String> exports = new ArrayList<>();
        for (Arguments arguments : exportMistakes().toList()) {
            ExportMistake mistake = (ExportMistake) arguments.get()[0];
            String form = (String) arguments.get()[1];
            Path dir = Files.createDirectory(folder.resolve(mistake + "-" + form));
            ExportFixture fixture = ExportFixture.of(DAY).rows(12).seed(mistake.ordinal()).mistakes(mistake);
            fixture = form.equals("ndjson") ? fixture.ndjson() : fixture.csv(form.equals("csv-comma") ? ',' : ';');
            WrittenExport export = fixture.writeTo(dir);
            EXPORTS.put(mistake + " " + form, export);
            exports.add(export.path().toString());
        }
        List<String> daily = new ArrayList<>();
        List<String> snapshot = new ArrayList<>();
        for (Arguments arguments : crmMistakes().toList()) {
            CrmMistake mistake = (CrmMistake) arguments.get()[0];
            FeedMode mode = (FeedMode) arguments.get()[1];
            Path dir = Files.createDirectory(folder.resolve(mistake + "-" + mode));
            CrmFeedFixture fixture = mode == FeedMode.DAILY ? CrmFeedFixture.daily(FEED_DAY)
                    : CrmFeedFixture.snapshot(FEED_DAY);
            WrittenFeed feed = fixture.records(12).seed(mistake.ordinal()).mistakes(mistake).writeTo(dir);
            FEEDS.put(mistake + " " + mode, feed);
            (mode == FeedMode.DAILY ? daily : snapshot).add(feed.path().toString());
        }
        check(List.of("validate", "--report", "json"), exports);
        check(List.of("validate", "--profile", "crm", "--feed-date", FEED_DAY.toString(), "--report", "json"), daily);
        check(List.of("validate", "--profile", "crm", "--report", "json"), snapshot);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("exportMistakes")
    void eachExportMistakeGivesItsCodeThroughTheJar(ExportMistake mistake, String form) {
        WrittenExport export = EXPORTS.get(mistake + " " + form);
        expect(export.path(), mistake.code().name(), mistake.severity(), export.lineOf(mistake), mistake.field(),
                export.recordCount());
    }

    @ParameterizedTest(name = "{0} in a {1} feed")
    @MethodSource("crmMistakes")
    void eachCrmMistakeGivesItsCodeThroughTheJar(CrmMistake mistake, FeedMode mode) {
        WrittenFeed feed = FEEDS.get(mistake + " " + mode);
        CrmProfile profile = feed.profile();
        expect(feed.path(), mistake.code().name(), mistake.severityIn(mode), feed.lineOf(mistake),
                profile.nameOf(mistake.field()), feed.recordCount());
    }

    private static void expect(Path file, String code, Severity severity, long line, String field, long records) {
        Map<?, ?> report = REPORTS.get(file.toString());
        assertThat(report).as("the command reports %s", file).isNotNull();
        List<?> violations = (List<?>) report.get("violations");
        assertThat(violations).as("%s: %s", file, report).hasSize(1);
        Map<?, ?> violation = (Map<?, ?>) violations.get(0);
        assertThat(violation.get("code")).as("%s", violation).isEqualTo(code);
        assertThat(violation.get("severity")).as("%s", violation).isEqualTo(severity.label());
        assertThat(violation.get("line")).as("%s", violation).isEqualTo(line);
        assertThat(violation.get("record")).as("%s", violation).isEqualTo(line);
        assertThat(violation.containsKey("field")).as("%s has a field, null or not", violation).isTrue();
        assertThat(violation.get("field")).as("%s", violation).isEqualTo(field);
        assertThat(report.get("records")).isEqualTo(records);
        assertThat(report.get("valid")).isEqualTo(severity == Severity.WARNING);
    }

    private static void check(List<String> options, List<String> files) throws IOException, InterruptedException {
        Path jar = ConversionCheckJarIT.JAR;
        assertThat(jar).as("the jar is built in the package phase").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx64m", "-jar", jar.toString()));
        command.addAll(options);
        command.addAll(files);
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String stdout = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s%n%s", stdout, stderr).isEqualTo(1);
        assertThat(ReportSchema.problems(stdout)).as("the report fits its JSON Schema").isEmpty();
        List<?> reports = (List<?>) Node.parse(stdout, "stdout").get("files").plain();
        assertThat(reports).hasSameSizeAs(files);
        for (Object report : reports) {
            Map<?, ?> file = (Map<?, ?>) report;
            REPORTS.put((String) file.get("file"), file);
        }
    }
}
