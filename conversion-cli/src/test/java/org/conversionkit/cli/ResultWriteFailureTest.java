package org.conversionkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every command whose result goes to standard output fails (exit 2, the reason on standard error) when that
 * output cannot be written, as {@code validate} and {@code deliveries} do: a schema, a feed URL or a table name
 * lost to a full disk or a closed pipe must not exit 0.
 */
class ResultWriteFailureTest {

    private static final Path FILES = CliCases.directory().resolve("files");

    /** A standard output whose every write fails, as on a full disk. */
    private static final class FullDisk extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    /** What a run gave. */
    private record Run(int exit, String stderr) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream outStream = new PrintStream(new FullDisk(), true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = ConversionCheck.run(args, new ByteArrayInputStream(new byte[0]), outStream, errStream);
        }
        return new Run(exit, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aResultThatCannotBeWrittenIsAnError() {
        String feed = FILES.resolve("crm-snapshot-2020-01-20.ndjson").toString();
        for (List<String> args : List.of(
                List.of("schema", feed),
                List.of("schema", "--report", "json", feed),
                List.of("feed-url", "https://example.com/feed.ndjson", "--date", "2020-01-20"),
                List.of("feed-url", "https://example.com/feed.ndjson", "--from", "2020-01-20", "--to", "2020-01-22"),
                List.of("table-name", "example-project.dataset_name.orders", "--date", "2020-01-20"),
                List.of("validate", FILES.resolve("conversion-export-2020-09-22.csv").toString()))) {
            Run run = run(args.toArray(String[]::new));
            assertThat(run.exit).as("%s: %s", args, run.stderr).isEqualTo(2);
            assertThat(run.stderr).as("%s", args).contains("cannot write the report to standard output")
                    .doesNotContain("\tat ").doesNotContain("Exception");
        }
    }
}
