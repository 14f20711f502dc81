package org.conversionkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema fixture through the built {@code conversion-check.jar} in its own JVM with {@code -Xmx64m}, run
 * from the fixtures' directory as a user runs it: the JSON report, which holds the schema and every finding
 * (the text report is the same run's other rendering, held to the fixtures in process by
 * {@code SchemaFixturesTest}).
 */
class SchemaFixturesJarIT {

    static List<SchemaFixturesTest.SchemaCase> cases() {
        return SchemaFixturesTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void passes(SchemaFixturesTest.SchemaCase c) throws IOException, InterruptedException {
        SchemaFixturesTest.Run run = run(c.args("json"));
        assertThat(run.exit()).as(run.stderr()).isEqualTo(c.exit());
        SchemaFixturesTest.check(c, run, "json");
    }

    private static SchemaFixturesTest.Run run(List<String> args) throws IOException, InterruptedException {
        assertThat(ConversionCheckJarIT.JAR).as("the jar is built in the package phase").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx64m", "-jar", ConversionCheckJarIT.JAR.toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(SchemaFixturesTest.folder().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new SchemaFixturesTest.Run(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }
}
