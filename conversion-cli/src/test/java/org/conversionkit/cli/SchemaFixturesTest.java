package org.conversionkit.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema fixture of the library ({@code conversion-json/src/test/resources/fixtures/schema}: the issue's
 * table a row a fixture, and every option) through the command line, in process: the same options file, the
 * schema printed on standard output, the findings in the JSON report and on standard error, and the exit code.
 * {@code SchemaFixturesJarIT} runs them against the built jar.
 */
class SchemaFixturesTest {

    static final Path FIXTURES = Path.of("../conversion-json/src/test/resources/fixtures/schema");

    /** A fixture: its name, feed, options (the command line's), expected schema and findings. */
    record SchemaCase(String name, String file, List<String> options, String schema, List<String> findings) {

        @Override
        public String toString() {
            return name + (options.isEmpty() ? "" : " " + String.join(" ", options));
        }

        /** 1 when a finding is an error, else 0. */
        int exit() {
            return findings.stream().anyMatch(f -> f.split(" ")[2].equals("error")) ? 1 : 0;
        }

        List<String> args(String report) {
            List<String> args = new ArrayList<>(List.of("schema", "--report", report));
            args.addAll(options);
            args.add(file);
            return args;
        }
    }

    static List<SchemaCase> cases() throws IOException {
        List<SchemaCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (String schemaFile : files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
                    .sorted().toList()) {
                String name = schemaFile.substring(0, schemaFile.indexOf(".schema.json"));
                String file = Files.exists(FIXTURES.resolve(name + ".ndjson")) ? name + ".ndjson" : name + ".json";
                Path options = FIXTURES.resolve(name + ".options");
                cases.add(new SchemaCase(name, file, Files.exists(options)
                        ? Arrays.asList(Files.readString(options, UTF_8).trim().split("\\s+")) : List.of(),
                        Files.readAllLines(FIXTURES.resolve(schemaFile), UTF_8).stream().map(String::strip)
                                .collect(Collectors.joining()),
                        Files.readAllLines(FIXTURES.resolve(name + ".findings"), UTF_8).stream()
                                .filter(l -> !l.isBlank()).toList()));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void passes(SchemaCase c) {
        for (String report : List.of("text", "json")) {
            Run run = run(c.args(report));
            assertThat(run.exit).as("%s: %s", report, run.stderr).isEqualTo(c.exit());
            check(c, run, report);
        }
    }

    /** Holds a run of a case to the fixture, in either report style. */
    static void check(SchemaCase c, Run run, String report) {
        if (report.equals("text")) {
            assertThat(run.stdout).isEqualTo(c.schema() + System.lineSeparator());
            List<String> lines = run.stderr.lines().toList();
            // One line a finding, then the verdict; nothing at all when there is none.
            assertThat(lines).hasSize(c.findings().isEmpty() ? 0 : c.findings().size() + 1);
            for (int i = 0; i < c.findings().size(); i++) {
                String[] expected = c.findings().get(i).split(" ");
                assertThat(lines.get(i)).startsWith(c.file() + ": " + (expected[0].equals("0") ? ""
                        : "line " + expected[0] + ", ")).contains(expected[1]);
            }
            if (!c.findings().isEmpty()) {
                assertThat(lines.get(lines.size() - 1)).endsWith(c.exit() == 0 ? "every row loads with this schema"
                        : "the schema does not load every row");
            }
            return;
        }
        assertThat(run.stderr).isEmpty();
        assertThat(run.stdout).contains("\"schema\":" + c.schema() + ",\"findings\":");
        Object tree = JsonTree.parse(run.stdout);
        assertThat(JsonTree.resolve(tree, "valid")).isEqualTo(c.exit() == 0);
        assertThat(JsonTree.resolve(tree, "file")).isEqualTo(c.file());
        List<String> findings = new ArrayList<>();
        for (Object item : (List<?>) JsonTree.resolve(tree, "findings")) {
            Map<?, ?> finding = (Map<?, ?>) item;
            Object field = finding.get("field");
            findings.add(((BigDecimal) finding.get("line")).longValue() + " " + finding.get("kind") + " "
                    + finding.get("severity") + " " + (field instanceof String name ? quote(name) : "-"));
            assertThat((String) finding.get("message")).isNotBlank();
        }
        assertThat(findings).isEqualTo(c.findings());
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            quoted.append(ch == '"' || ch == '\\' ? "\\" + ch : ch < 0x20 || ch > 0x7e
                    ? String.format(Locale.ROOT, "\\u%04x", (int) ch) : String.valueOf(ch));
        }
        return quoted.append('"').toString();
    }

    record Run(int exit, String stdout, String stderr) {
    }

    /** Runs the command line in process, from the fixtures' directory as far as file names go. */
    private static Run run(List<String> args) {
        List<String> resolved = new ArrayList<>();
        for (String arg : args) {
            Path file = FIXTURES.resolve(arg);
            resolved.add(!arg.startsWith("-") && Files.isRegularFile(file) ? file.toString() : arg);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream outStream = new PrintStream(out, true, UTF_8);
                PrintStream errStream = new PrintStream(err, true, UTF_8)) {
            exit = ConversionCheck.run(resolved.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
                    outStream, errStream);
        }
        // Reports name the file as given: the fixtures' directory is where the jar test runs.
        String prefix = FIXTURES + java.io.File.separator;
        return new Run(exit, out.toString(UTF_8).replace(quoteJson(prefix), ""), err.toString(UTF_8)
                .replace(prefix, ""));
    }

    private static String quoteJson(String path) {
        return path.replace("\\", "\\\\");
    }
}
