package org.conversionkit.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conversionkit.spec.Expect;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code spec/schema.json} (the table a row a case, and every option) through the command
 * line, in process: the same options, the schema printed on standard output, the findings in the JSON report and on
 * standard error, and the exit code. {@code SchemaFixturesJarIT} runs them against the built jar.
 */
class SchemaFixturesTest {

    /** The folder the cases run from: the feeds, and the table an option names. */
    static Path folder() {
        return Spec.extracted("schema");
    }

    /** A case: its name, feed, options (the command line's), expected schema and findings. */
    record SchemaCase(String name, String file, List<String> options, String schema, Node findings) {

        @Override
        public String toString() {
            return name + (options.isEmpty() ? "" : " " + String.join(" ", options));
        }

        /** 1 when a finding is an error, else 0. */
        int exit() {
            return findings.list().stream().anyMatch(f -> f.text("severity").equals("error")) ? 1 : 0;
        }

        List<String> args(String report) {
            List<String> args = new ArrayList<>(List.of("schema", "--report", report));
            args.addAll(options);
            args.add(file);
            return args;
        }
    }

    static List<SchemaCase> cases() {
        List<SchemaCase> cases = new ArrayList<>();
        for (SpecCase c : Spec.load("schema.json").cases()) {
            c.node().only("id", "why", "input", "args", "expect");
            Node expect = c.expect().only("schema", "findings");
            String file = c.input().node().text("file");
            assertThat(folder().resolve(file)).as("the feed is a file of the folder").exists();
            cases.add(new SchemaCase(c.id(), file, c.has("args") ? c.get("args").texts() : List.of(),
                    expect.get("schema").toJson(), expect.get("findings")));
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
            List<Node> findings = c.findings().list();
            // One line a finding, then the verdict; nothing at all when there is none.
            assertThat(lines).hasSize(findings.isEmpty() ? 0 : findings.size() + 1);
            for (int i = 0; i < findings.size(); i++) {
                long line = findings.get(i).longValue("line");
                assertThat(lines.get(i)).startsWith(c.file() + ": " + (line == 0 ? "" : "line " + line + ", "))
                        .contains(findings.get(i).text("kind"));
            }
            if (!findings.isEmpty()) {
                assertThat(lines.get(lines.size() - 1)).endsWith(c.exit() == 0 ? "every row loads with this schema"
                        : "the schema does not load every row");
            }
            return;
        }
        assertThat(run.stderr).isEmpty();
        assertThat(run.stdout).contains("\"schema\":" + c.schema() + ",\"findings\":");
        Node tree = Node.parse(run.stdout, "stdout");
        assertThat(tree.get("valid").bool()).isEqualTo(c.exit() == 0);
        assertThat(tree.text("file")).isEqualTo(c.file());
        List<Object> findings = new ArrayList<>();
        for (Node finding : tree.get("findings").list()) {
            assertThat(finding.text("message")).isNotBlank();
            Map<String, @Nullable Object> one = new LinkedHashMap<>();
            one.put("line", finding.longValue("line"));
            one.put("kind", finding.text("kind"));
            one.put("severity", finding.text("severity"));
            one.put("field", finding.has("field") ? finding.get("field").textOrNull() : null);
            findings.add(one);
        }
        Expect.check(c.findings(), findings);
    }

    record Run(int exit, String stdout, String stderr) {
    }

    /** Runs the command line in process, from the fixtures' directory as far as file names go. */
    private static Run run(List<String> args) {
        List<String> resolved = new ArrayList<>();
        for (String arg : args) {
            Path file = folder().resolve(arg);
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
        String prefix = folder() + java.io.File.separator;
        return new Run(exit, out.toString(UTF_8).replace(quoteJson(prefix), ""), err.toString(UTF_8)
                .replace(prefix, ""));
    }

    private static String quoteJson(String path) {
        return path.replace("\\", "\\\\");
    }
}
