package org.conversionkit.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conversionkit.spec.Node;
import org.jspecify.annotations.Nullable;

/** The command line run in process, and its JSON report read as the cases write one. */
final class InProcess {

    private InProcess() {
    }

    /** What a run gave. */
    record Run(int exit, String stdout, String stderr) {
    }

    /** Runs the command line, standard input from a stream. */
    static Run run(List<String> args, InputStream stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (InputStream in = stdin; PrintStream outStream = new PrintStream(out, true, UTF_8);
                PrintStream errStream = new PrintStream(err, true, UTF_8)) {
            exit = ConversionCheck.run(args.toArray(String[]::new), in, outStream, errStream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Run(exit, out.toString(UTF_8), err.toString(UTF_8));
    }

    /**
     * The first file's report of a {@code validate --report json} run, as plain values ({@code field} and
     * {@code value} null where the report leaves them out), after the checks every run passes: no stack trace, the
     * report fits its JSON Schema, and the exit code is the verdict.
     */
    @SuppressWarnings("unchecked")
    static Map<String, @Nullable Object> firstReport(Run run) {
        assertThat(run.stderr()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(ReportSchema.problems(run.stdout())).as("the report fits its JSON Schema: %s", run.stdout())
                .isEmpty();
        Node first = Node.parse(run.stdout(), "stdout").get("files").list().get(0);
        assertThat(run.exit()).as("exit: %s", run.stdout()).isEqualTo(first.get("valid").bool() ? 0 : 1);
        Map<String, @Nullable Object> report = new LinkedHashMap<>((Map<String, @Nullable Object>) first.plain());
        List<Object> violations = new ArrayList<>();
        for (Node violation : first.get("violations").list()) {
            Map<String, @Nullable Object> plain = new LinkedHashMap<>(
                    (Map<String, @Nullable Object>) violation.plain());
            plain.putIfAbsent("field", null);
            plain.putIfAbsent("value", null);
            violations.add(plain);
        }
        report.put("violations", violations);
        return report;
    }
}
