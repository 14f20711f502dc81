package org.conversionkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every acceptance case against the built {@code conversion-check.jar} in its own JVM, from the
 * cases directory, exactly as a user (or the corpus's checker) runs it.
 */
class ConversionCheckJarIT {

    static final Path JAR = Path.of("target/conversion-check.jar").toAbsolutePath();

    static List<SpecCase> cases() {
        return CliCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void passes(SpecCase cliCase) throws IOException, InterruptedException {
        assertThat(JAR).as("the jar is built in the package phase").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx64m", "-jar", JAR.toString()));
        List<String> args = CliCases.args(cliCase);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(CliCases.directory().toFile());
        Path stdin = CliCases.stdin(cliCase);
        builder.redirectInput(ProcessBuilder.Redirect.from(stdin == null ? new File("/dev/null") : stdin.toFile()));
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(err, StandardCharsets.UTF_8);
        String stdout = new String(out, StandardCharsets.UTF_8);
        assertThat(CliCases.check(cliCase, process.exitValue(), stdout))
                .as("%s: %s%nstdout: %s%nstderr: %s", cliCase, cliCase.why(), stdout, stderr).isEmpty();
        assertThat(stderr).as("no stack trace reaches the user").doesNotContain("\tat ").doesNotContain("Exception");
        if (args.contains("json") && !stdout.isEmpty() && !args.get(0).equals("schema")) {
            assertThat(ReportSchema.problems(stdout)).as("the report fits its JSON Schema: %s", stdout).isEmpty();
        }
    }
}
