package org.conversionkit.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The public test data of bigquery-schema-generator, the most complete public model of BigQuery's schema
 * auto-detection ({@code bigquery-schema-generator/testdata.txt}, Apache-2.0, see the README beside it): every
 * case in JSON form, with the exactness options on, gives that project's schema after field order is
 * normalised; with the defaults, only the two documented differences remain; where that project reports an
 * error, there is a finding on the same field and line. {@code spec/bigquery-schema-generator.json} lists every
 * exception and why.
 */
class BigQuerySchemaGeneratorTest {

    private static final Path DIRECTORY = Path.of("src/test/resources/bigquery-schema-generator");
    private static final Pattern NAMED_FIELD = Pattern.compile("old=\\([a-z]+,([^,]+),|schema for \"([^\"]+)\"");
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** One case: its DATA line, flags, records, existing schema, errors ({@code line: message}) and schema. */
    record Case(int line, List<String> flags, List<String> records, @Nullable String existing,
            List<String> errors, String schema) {

        @Override
        public String toString() {
            return "line " + line + (flags.isEmpty() ? "" : " " + flags);
        }

        String data() {
            return String.join("\n", records) + "\n";
        }
    }

    /** What {@code spec/bigquery-schema-generator.json} says. */
    record Expectations(Map<Integer, Set<String>> differs, Map<Integer, String> disagrees, Map<Integer, String> ours,
            Map<String, String> fields, Map<String, String> unmatched) {
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        List<String> lines = Files.readAllLines(DIRECTORY.resolve("testdata.txt"), UTF_8);
        Map<String, List<String>> sections = null;
        String section = null;
        int dataLine = 0;
        List<String> flags = List.of();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String tag = line.split(" ")[0];
            switch (tag) {
                case "DATA" -> {
                    sections = new HashMap<>();
                    section = tag;
                    dataLine = n + 1;
                    flags = Arrays.stream(line.split(" ")).skip(1).toList();
                    sections.put(tag, new ArrayList<>());
                }
                case "EXISTING_SCHEMA", "ERRORS", "SCHEMA" -> {
                    section = tag;
                    Objects.requireNonNull(sections).put(tag, new ArrayList<>());
                }
                case "END" -> {
                    Map<String, List<String>> s = Objects.requireNonNull(sections);
                    if (!flags.contains("csv")) {
                        cases.add(new Case(dataLine, flags, s.get("DATA"),
                                s.containsKey("EXISTING_SCHEMA") ? String.join("\n", s.get("EXISTING_SCHEMA")) : null,
                                s.getOrDefault("ERRORS", List.of()), String.join("\n", s.get("SCHEMA"))));
                    }
                    section = null;
                }
                default -> Objects.requireNonNull(sections).get(Objects.requireNonNull(section, line)).add(line);
            }
        }
        return cases;
    }

    /** Our expectations, {@code spec/bigquery-schema-generator.json}: one a case, each of one kind. */
    static Expectations expectations() {
        Map<Integer, Set<String>> differs = new HashMap<>();
        Map<Integer, String> disagrees = new HashMap<>();
        Map<Integer, String> ours = new HashMap<>();
        Map<String, String> fields = new HashMap<>();
        Map<String, String> unmatched = new HashMap<>();
        for (SpecCase c : Spec.load("bigquery-schema-generator.json").cases()) {
            c.node().only("id", "why", "input", "expect");
            Node input = c.get("input").only("case", "error");
            int at = input.get("case").intValue();
            String error = input.has("error") ? at + ":" + input.longValue("error") : null;
            Node expect = c.expect().only("differs", "disagrees", "ours", "field", "unmatched");
            assertThat(expect.keys()).as(c.id()).hasSize(1);
            String kind = expect.keys().iterator().next();
            assertThat(error == null).as("%s: input.error with field and unmatched only", c.id())
                    .isEqualTo(!kind.equals("field") && !kind.equals("unmatched"));
            switch (kind) {
                case "differs" -> differs.put(at, new TreeSet<>(expect.get("differs").texts()));
                case "disagrees" -> disagrees.put(at, expect.text("disagrees"));
                case "ours" -> ours.put(at, expect.get("ours").toJson());
                // A field that is null: the error is about the whole row.
                case "field" -> fields.put(error, expect.get("field").isNull() ? "-" : expect.text("field"));
                default -> unmatched.put(error, expect.text("unmatched"));
            }
        }
        return new Expectations(differs, disagrees, ours, fields, unmatched);
    }

    @Test
    void theDataHoldsSixtyJsonCases() throws IOException {
        assertThat(cases()).hasSize(60);
        Set<Integer> lines = cases().stream().map(Case::line).collect(Collectors.toSet());
        Expectations expected = expectations();
        assertThat(lines).as("every case our expectations name exists").containsAll(expected.differs().keySet())
                .containsAll(expected.disagrees().keySet()).containsAll(expected.ours().keySet());
        assertThat(expected.ours().keySet()).isEqualTo(expected.disagrees().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void withTheExactnessOptionsTheSchemaIsThatProjects(Case c) throws IOException {
        Expectations expected = expectations();
        SchemaAnalysis analysis = inference(c, true, true).analyze(new StringReader(c.data()));
        String ours = normalised(BigQuerySchema.toJson(analysis.schema()));
        String theirs = normalised(c.schema());
        if (expected.disagrees().containsKey(c.line())) {
            assertThat(ours).as("a listed disagreement: %s", expected.disagrees().get(c.line())).isNotEqualTo(theirs);
            assertThat(BigQuerySchema.toJson(analysis.schema())).isEqualTo(expected.ours().get(c.line()));
        } else {
            assertThat(ours).isEqualTo(theirs);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void withTheDefaultsOnlyTheDocumentedDifferencesRemain(Case c) throws IOException {
        Expectations expected = expectations();
        if (expected.disagrees().containsKey(c.line())) {
            return;
        }
        String theirs = normalised(c.schema());
        // The smallest set of differences that, turned to BigQuery's way, gives that project's schema.
        Set<String> needed = null;
        for (Set<String> off : List.of(Set.<String>of(), Set.of("quoted"), Set.of("datetime"),
                Set.of("datetime", "quoted"))) {
            SchemaAnalysis analysis = inference(c, off.contains("quoted"), off.contains("datetime"))
                    .analyze(new StringReader(c.data()));
            if (normalised(BigQuerySchema.toJson(analysis.schema())).equals(theirs)) {
                needed = new TreeSet<>(off);
                break;
            }
        }
        assertThat(needed).as("some documented differences explain the whole difference").isNotNull();
        assertThat(needed).isEqualTo(expected.differs().getOrDefault(c.line(), Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyErrorOfThatProjectIsAFindingOnTheSameFieldAndLine(Case c) throws IOException {
        Expectations expected = expectations();
        SchemaAnalysis analysis = inference(c, true, true).analyze(new StringReader(c.data()));
        for (String error : c.errors()) {
            long line = Long.parseLong(error.substring(0, error.indexOf(':')));
            String key = c.line() + ":" + line;
            String field = expected.fields().get(key);
            if (field == null) {
                Matcher matcher = NAMED_FIELD.matcher(error);
                assertThat(matcher.find()).as("the field of '%s' is in its message or our expectations", error)
                        .isTrue();
                field = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            }
            String wanted = field.equals("-") ? null : field;
            boolean found = analysis.findings().stream()
                    .anyMatch(f -> f.line() == line && Objects.equals(f.field(), wanted));
            if (expected.unmatched().containsKey(key)) {
                assertThat(found).as("a listed exception: %s", expected.unmatched().get(key)).isFalse();
            } else {
                assertThat(found).as("a finding on %s at line %d for '%s'; found %s", wanted, line, error,
                        analysis.findings()).isTrue();
            }
        }
    }

    @Test
    void theAgreementFigures() throws IOException {
        List<Case> cases = cases();
        Expectations expected = expectations();
        long exact = 0;
        long defaults = 0;
        for (Case c : cases) {
            String theirs = normalised(c.schema());
            if (normalised(BigQuerySchema.toJson(inference(c, true, true).analyze(new StringReader(c.data()))
                    .schema())).equals(theirs)) {
                exact++;
            }
            if (normalised(BigQuerySchema.toJson(inference(c, false, false).analyze(new StringReader(c.data()))
                    .schema())).equals(theirs)) {
                defaults++;
            }
        }
        System.out.printf(Locale.ROOT, "bigquery-schema-generator: %d JSON cases; with the exactness options %d give"
                + " its schema, with the defaults %d (%d more differ only through the documented differences);"
                + " %d disagree: %s%n", cases.size(), exact, defaults, expected.differs().size(),
                expected.disagrees().size(), new TreeSet<>(expected.disagrees().keySet()));
        assertThat(exact).isEqualTo(cases.size() - expected.disagrees().size());
        assertThat(defaults).isEqualTo(exact - expected.differs().size());
    }

    private static SchemaInference inference(Case c, boolean quotedDetected, boolean localTimestamp) {
        SchemaInference.Builder builder = SchemaInference.builder()
                .quotedValues(quotedDetected && !c.flags().contains("quoted_values_are_strings")
                        ? SchemaInference.QuotedValues.DETECTED : SchemaInference.QuotedValues.STRING)
                .localDateTimes(localTimestamp ? SchemaInference.LocalDateTimes.TIMESTAMP
                        : SchemaInference.LocalDateTimes.DATETIME)
                .emptyFields(c.flags().contains("keep_nulls") ? SchemaInference.EmptyFields.KEEP
                        : SchemaInference.EmptyFields.OMIT);
        if (c.existing() != null) {
            builder.against(BigQuerySchema.read(c.existing()));
        }
        return builder.build();
    }

    /** A schema as text with fields sorted by name at every level, legacy type names, a missing mode NULLABLE. */
    static String normalised(String schemaJson) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), schemaJson)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            return fields(parser);
        }
    }

    private static String fields(JsonParser parser) {
        List<String> fields = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            Map<String, String> field = new LinkedHashMap<>();
            String key;
            while ((key = parser.nextName()) != null) {
                field.put(key, parser.nextToken() == JsonToken.START_ARRAY ? fields(parser) : parser.getString());
            }
            String type = field.get("type");
            type = switch (type) {
                case "INT64" -> "INTEGER";
                case "FLOAT64" -> "FLOAT";
                case "BOOL" -> "BOOLEAN";
                case "STRUCT" -> "RECORD";
                default -> type;
            };
            fields.add(field.get("name") + ":" + type + ":" + field.getOrDefault("mode", "NULLABLE")
                    + (field.containsKey("fields") ? field.get("fields") : ""));
        }
        fields.sort(Comparator.comparing(f -> f.toLowerCase(Locale.ROOT)));
        return fields.stream().collect(Collectors.joining(",", "[", "]"));
    }
}
