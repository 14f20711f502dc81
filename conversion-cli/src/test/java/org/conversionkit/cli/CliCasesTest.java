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
import java.util.List;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every acceptance case of {@code spec/cli.json} (the public corpus's cases and ours) through the real
 * command-line entry point, in process. {@code ConversionCheckJarIT} runs the same cases against the built jar.
 */
class CliCasesTest {

    static List<SpecCase> cases() {
        return CliCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void passes(SpecCase cliCase) throws IOException {
        List<String> args = CliCases.resolved(cliCase);
        Path stdin = CliCases.stdin(cliCase);
        InputStream in = stdin == null ? new ByteArrayInputStream(new byte[0]) : Files.newInputStream(stdin);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (in; PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = ConversionCheck.run(args.toArray(String[]::new), in, outStream, errStream);
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(CliCases.check(cliCase, exit, stdout))
                .as("%s: %s%nstdout: %s%nstderr: %s", cliCase, cliCase.why(), stdout, stderr).isEmpty();
        assertThat(stderr).as("no stack trace reaches the user").doesNotContain("\tat ").doesNotContain("Exception");
        if (args.contains("json") && !stdout.isEmpty() && !args.get(0).equals("schema")) {
            assertThat(ReportSchema.problems(stdout)).as("the report fits its JSON Schema: %s", stdout).isEmpty();
        }
    }
}
