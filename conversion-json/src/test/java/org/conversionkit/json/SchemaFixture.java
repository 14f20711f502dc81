package org.conversionkit.json;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A schema fixture under {@code fixtures/schema}: the feed ({@code NAME.ndjson} or {@code NAME.json}), the
 * expected schema ({@code NAME.schema.json}, compared with its lines' white space stripped), the expected
 * findings ({@code NAME.findings}, one a line: {@code LINE KIND SEVERITY FIELD}, the field a JSON string or
 * {@code -}; empty for none) and, optionally, the options ({@code NAME.options}: the command line's own
 * options, the same file the CLI's fixture test passes to {@code schema}).
 */
record SchemaFixture(String name, Path input, List<String> options, String schema, List<String> findings) {

    static final String DIRECTORY = "schema";

    static Stream<SchemaFixture> all() {
        Path dir = Fixture.resourceDir(DIRECTORY);
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json")).sorted()
                    .map(n -> load(dir, n.substring(0, n.length() - ".schema.json".length()))).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SchemaFixture load(Path dir, String name) {
        try {
            Path ndjson = dir.resolve(name + ".ndjson");
            Path input = Files.exists(ndjson) ? ndjson : dir.resolve(name + ".json");
            Path optionsFile = dir.resolve(name + ".options");
            List<String> options = Files.exists(optionsFile)
                    ? Arrays.asList(Files.readString(optionsFile, UTF_8).trim().split("\\s+")) : List.of();
            String schema = Files.readAllLines(dir.resolve(name + ".schema.json"), UTF_8).stream().map(String::strip)
                    .collect(Collectors.joining());
            List<String> findings = Files.readAllLines(dir.resolve(name + ".findings"), UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            return new SchemaFixture(name, input, options, schema, findings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name + (options.isEmpty() ? "" : " " + String.join(" ", options));
    }

    /** The inference the options ask for, read as the command line reads them. */
    SchemaInference inference() throws IOException {
        SchemaInference.Builder builder = SchemaInference.builder();
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            switch (option) {
                case "--bigquery-exact" -> builder.bigQueryExact();
                case "--strict" -> builder.strict(true);
                case "--quoted-values" -> builder.quotedValues(
                        SchemaInference.QuotedValues.valueOf(options.get(++i).toUpperCase(Locale.ROOT)));
                case "--local-date-times" -> builder.localDateTimes(
                        SchemaInference.LocalDateTimes.valueOf(options.get(++i).toUpperCase(Locale.ROOT)));
                case "--target" -> builder.target(
                        SchemaInference.Target.valueOf(options.get(++i).toUpperCase(Locale.ROOT)));
                case "--empty-fields" -> builder.emptyFields(
                        SchemaInference.EmptyFields.valueOf(options.get(++i).toUpperCase(Locale.ROOT)));
                case "--column-names" -> builder.columnNames(
                        SchemaInference.ColumnNames.valueOf(options.get(++i).toUpperCase(Locale.ROOT)));
                case "--sample-rows" -> {
                    String rows = options.get(++i);
                    builder.sampleRows(rows.equals("all") ? SchemaInference.ALL_ROWS : Long.parseLong(rows));
                }
                case "--against" -> builder.against(BigQuerySchema.read(input.resolveSibling(options.get(++i))));
                default -> throw new IllegalArgumentException("unknown option in " + name + ".options: " + option);
            }
        }
        return builder.build();
    }

    /** A finding as a fixture line. */
    static String format(SchemaFinding finding) {
        return finding.line() + " " + finding.kind() + " " + finding.severity().label() + " "
                + (finding.field() == null ? "-" : quote(finding.field()));
    }

    static List<String> format(List<SchemaFinding> findings) {
        List<String> lines = new ArrayList<>();
        findings.forEach(f -> lines.add(format(f)));
        return lines;
    }

    /** A JSON string literal, everything outside printable ASCII escaped. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
