package org.conversionkit.json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.jspecify.annotations.Nullable;

/**
 * The cases of {@code spec/schema.json}: a feed, the command line's options ({@code args}), the schema expected and
 * every finding.
 */
final class SchemaCases {

    private SchemaCases() {
    }

    static List<SpecCase> all() {
        return Spec.load("schema.json").cases();
    }

    /** Writes the case's feed, and the table an option names, to a folder; returns the feed. */
    static Path files(SpecCase c, Path dir) throws IOException {
        c.node().only("id", "why", "input", "args", "expect");
        List<String> args = args(c);
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--against")) {
                String table = args.get(i + 1);
                Files.copy(c.file().directory().resolve(table), dir.resolve(table));
            }
        }
        return c.input().writeTo(dir);
    }

    static List<String> args(SpecCase c) {
        return c.has("args") ? c.get("args").texts() : List.of();
    }

    /** The inference the options ask for, read as the command line reads them. */
    static SchemaInference inference(SpecCase c, Path input) throws IOException {
        List<String> options = args(c);
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
                default -> throw new IllegalArgumentException("unknown option in " + c + ": " + option);
            }
        }
        return builder.build();
    }

    /** The findings as the case writes them. */
    static List<Map<String, @Nullable Object>> findings(List<SchemaFinding> findings) {
        List<Map<String, @Nullable Object>> rendered = new ArrayList<>();
        for (SchemaFinding finding : findings) {
            Map<String, @Nullable Object> one = new LinkedHashMap<>();
            one.put("line", finding.line());
            one.put("kind", finding.kind().name());
            one.put("severity", finding.severity().label());
            one.put("field", finding.field());
            one.put("message", finding.message());
            rendered.add(one);
        }
        return rendered;
    }
}
