package org.conversionkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code schema -} names standard input {@code -} in its text findings, as its JSON report and {@code validate}'s
 * reports (text and JSON) do, so that a script reads the same name from either report.
 */
class SchemaStandardInputTest {

    private static final byte[] FEED = "{\"a\":1}\n{\"a\":\"x\"}\n".getBytes(StandardCharsets.UTF_8);

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = ConversionCheck.run(args, new ByteArrayInputStream(FEED), outStream, errStream);
        }
        return new String[] {Integer.toString(exit), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void standardInputIsNamedDashInTheTextFindingsAsInTheJsonReport() {
        String[] json = run("schema", "--report", "json", "-");
        assertThat(json[0]).isEqualTo("1");
        assertThat(json[1]).startsWith("{\"file\":\"-\",");
        String[] text = run("schema", "-");
        assertThat(text[0]).isEqualTo("1");
        assertThat(text[2]).startsWith("-: line 2, record 2: TYPE_CONFLICT [a] ")
                .contains("\n-: 2 rows; 1 error, 0 warnings: the schema does not load every row")
                .doesNotContain("(standard input)");
    }
}
