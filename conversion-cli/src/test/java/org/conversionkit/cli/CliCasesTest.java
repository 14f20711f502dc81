package org.conversionkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every acceptance case of {@code src/test/resources/cases/cases.json} (the public corpus's
 * cases and ours, in the corpus's format) through the real command-line entry point, in process.
 * {@code ConversionCheckJarIT} runs the same cases against the built jar.
 */
class CliCasesTest {

    static final Path CASES = Path.of("src/test/resources/cases");

    static List<CliCase> cases() throws IOException {
        return CliCase.load(CASES.resolve("cases.json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void passes(CliCase cliCase) throws IOException {
        List<String> args = new ArrayList<>();
        for (String arg : cliCase.args) {
            // Paths in cases are relative to the cases directory; the JVM cannot change directory.
            Path file = CASES.resolve(arg);
            args.add(!arg.startsWith("-") && arg.contains("/") && Files.exists(file) ? file.toString() : arg);
        }
        InputStream in = cliCase.stdin() == null ? new ByteArrayInputStream(new byte[0])
                : Files.newInputStream(CASES.resolve(cliCase.stdin()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (in; PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = ConversionCheck.run(args.toArray(String[]::new), in, outStream, errStream);
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(cliCase.check(exit, out.toString(StandardCharsets.UTF_8)))
                .as("%s%nstdout: %s%nstderr: %s", cliCase, out.toString(StandardCharsets.UTF_8), stderr)
                .isEmpty();
        assertThat(stderr).as("no stack trace reaches the user").doesNotContain("\tat ").doesNotContain("Exception");
        String stdout = out.toString(StandardCharsets.UTF_8);
        if (args.contains("json") && !stdout.isEmpty() && !args.get(0).equals("schema")) {
            assertThat(ReportSchema.problems(stdout)).as("the report fits its JSON Schema: %s", stdout).isEmpty();
        }
    }
}
