package org.conversionkit.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.Severity;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.spec.Expect;
import org.conversionkit.spec.SpecCase;
import org.conversionkit.spec.SpecInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Schema inference over every case of {@code spec/schema.json} ({@link SchemaCases}: the feed, its options, the
 * expected schema and findings), read from a path, a byte stream, a char stream and gzip; malformed feeds, each a
 * located exception from {@code infer} and a finding from {@code analyze}; and the value types.
 */
class SchemaInferenceTest {

    private static final SchemaInference INFERENCE = SchemaInference.builder().build();

    static List<SpecCase> fixtures() {
        return SchemaCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixture(SpecCase c, @TempDir Path dir) throws IOException {
        Path input = SchemaCases.files(c, dir);
        SchemaInference inference = SchemaCases.inference(c, input);
        byte[] bytes = Files.readAllBytes(input);
        String schema = c.expect().only("schema", "findings").get("schema").toJson();

        SchemaAnalysis fromPath = inference.analyze(input);
        assertThat(BigQuerySchema.toJson(fromPath.schema())).isEqualTo(schema);
        Expect.check(c.expect().get("findings"), SchemaCases.findings(fromPath.findings()));
        assertThat(fromPath.valid()).isEqualTo(fromPath.findings().stream()
                .noneMatch(f -> f.severity() == Severity.ERROR));
        assertThat(inference.analyze(new ByteArrayInputStream(bytes))).isEqualTo(fromPath);
        assertThat(inference.analyze(new StringReader(new String(bytes, UTF_8)))).isEqualTo(fromPath);
        assertThat(inference.analyze(new ByteArrayInputStream(SpecInput.gzip(bytes)))).isEqualTo(fromPath);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BigQuerySchema.write(fromPath.schema(), out);
        assertThat(out.toString(UTF_8)).isEqualTo(schema);
        // What the printed schema says is what a table read from it says.
        assertThat(BigQuerySchema.read(schema)).isEqualTo(fromPath.schema());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void inferIsTheSchemaOfAnalyze(SpecCase c, @TempDir Path dir) throws IOException {
        Path input = SchemaCases.files(c, dir);
        SchemaInference inference = SchemaCases.inference(c, input);
        SchemaAnalysis analysis = inference.analyze(input);
        boolean unreadable = analysis.findings().stream().anyMatch(f -> f.kind() == SchemaFinding.Kind.UNREADABLE
                || f.kind() == SchemaFinding.Kind.NOT_AN_OBJECT);
        if (unreadable) {
            assertThatThrownBy(() -> inference.infer(input)).isInstanceOf(ConversionDataException.class);
        } else {
            assertThat(inference.infer(input)).isEqualTo(analysis.schema());
        }
    }

    @Test
    void everyKindOfFindingHasAFixture() {
        Set<String> kinds = SchemaCases.all().stream().flatMap(c -> c.expect().get("findings").list().stream())
                .map(f -> f.text("kind")).collect(Collectors.toSet());
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(Stream.of(SchemaFinding.Kind.values())
                .map(Enum::name).toList());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a syntax error", "{\"a\": 1}\n{\"a\": 2,}\n", JsonLimits.DEFAULTS,
                        ViolationCode.MALFORMED_JSON, 2, "line 2, column 9"),
                Arguments.of("a row that is not an object", "{\"a\": 1}\n\n[1]\n", JsonLimits.DEFAULTS,
                        ViolationCode.NOT_AN_OBJECT, 3, "not an array"),
                Arguments.of("more fields than maxSchemaFields", "{\"a\": 1, \"b\": {\"c\": 1}}\n{\"d\": 1}",
                        JsonLimits.builder().maxSchemaFields(3).build(), ViolationCode.RECORD_TOO_LARGE, 2,
                        "maxSchemaFields (3)"),
                Arguments.of("nesting past the limit", "{\"a\": " + "[".repeat(10_000), JsonLimits.DEFAULTS,
                        ViolationCode.RECORD_TOO_LARGE, 1, "maxNestingDepth (32)"),
                Arguments.of("a truncated feed", "{\"a\": 1}\n{\"a\": ", JsonLimits.DEFAULTS,
                        ViolationCode.MALFORMED_JSON, 2, "truncated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedFeed(String name, String feed, JsonLimits limits, ViolationCode code, long line, String fragment) {
        SchemaInference inference = SchemaInference.builder().limits(limits).build();
        assertThatThrownBy(() -> inference.infer(new ByteArrayInputStream(feed.getBytes(UTF_8))))
                .isInstanceOfSatisfying(ConversionDataException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.getMessage()).contains(fragment);
                });
        SchemaAnalysis analysis = inference.analyze(new ByteArrayInputStream(feed.getBytes(UTF_8)));
        SchemaFinding.Kind kind = code == ViolationCode.NOT_AN_OBJECT ? SchemaFinding.Kind.NOT_AN_OBJECT
                : SchemaFinding.Kind.UNREADABLE;
        assertThat(analysis.findings(kind)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(line);
            assertThat(f.message()).contains(fragment);
        });
        assertThat(analysis.valid()).isFalse();
    }

    @Test
    void invalidUtf8IsAnEncodingError() {
        byte[] feed = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};
        assertThatThrownBy(() -> INFERENCE.infer(new ByteArrayInputStream(feed)))
                .isInstanceOfSatisfying(ConversionDataException.class,
                        e -> assertThat(e.code()).isEqualTo(ViolationCode.ENCODING));
    }

    @Test
    void stringsAlreadyStringAreNotReadAgain() {
        // After the first non-date string the field is STRING for good: a later huge string is skipped
        // unread (bounded by maxRecordSize), not read against maxStringLength.
        JsonLimits limits = JsonLimits.builder().maxStringLength(10).build();
        String feed = "{\"s\": \"abc\"}\n{\"s\": \"" + "x".repeat(1000) + "\"}";
        assertThat(SchemaInference.builder().limits(limits).build().infer(new StringReader(feed)))
                .containsExactly(SchemaField.of("s", BigQueryType.STRING, FieldMode.NULLABLE));
    }

    @Test
    void namesAsLongAsBigQueryTakesAreReadAndLongerOnesAreInvalidNames() {
        // BigQuery takes column names of up to 300 characters: such a feed is read to its end, with one
        // INVALID_NAME for the name past 300, not stopped by the 256-char key limit of the readers' defaults.
        String taken = "a".repeat(300);
        String tooLong = "b".repeat(301);
        String feed = "{\"" + taken + "\": 1}\n{\"" + tooLong + "\": 2}\n{\"id\": \"N3\"}\n";
        SchemaAnalysis analysis = INFERENCE.analyze(new StringReader(feed));
        assertThat(analysis.rows()).isEqualTo(3);
        assertThat(analysis.schema()).extracting(SchemaField::name).containsExactly(taken, tooLong, "id");
        assertThat(analysis.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(SchemaFinding.Kind.INVALID_NAME);
            assertThat(f.field()).isEqualTo(tooLong);
            assertThat(f.line()).isEqualTo(2);
        });
    }

    @Test
    void aNameOf300LettersPastUffffIsReadFromBytes() {
        // U+20000, a CJK letter a flexible column name may hold: 4 bytes of UTF-8, so 300 of them are 1,200 bytes,
        // which the key limit counts in a file.
        String taken = "\uD840\uDC00".repeat(300);
        String tooLong = "\uD840\uDC00".repeat(299) + "bb";
        byte[] feed = ("{\"" + taken + "\": 1}\n{\"" + tooLong + "\": 2}\n{\"id\": \"N3\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        SchemaAnalysis analysis = SchemaInference.builder().columnNames(SchemaInference.ColumnNames.FLEXIBLE).build()
                .analyze(new ByteArrayInputStream(feed));
        assertThat(analysis.rows()).isEqualTo(3);
        assertThat(analysis.schema()).extracting(SchemaField::name).containsExactly(taken, tooLong, "id");
        assertThat(analysis.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(SchemaFinding.Kind.INVALID_NAME);
            assertThat(f.field()).isEqualTo(tooLong);
        });
    }

    @Test
    void aMissingFileIsAnIOException(@TempDir Path dir) {
        assertThatThrownBy(() -> INFERENCE.infer(dir.resolve("missing.ndjson")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void schemaFieldChecksRecords() {
        assertThatThrownBy(() -> SchemaField.of("r", BigQueryType.RECORD, FieldMode.NULLABLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one field");
        SchemaField leaf = SchemaField.of("x", BigQueryType.STRING, FieldMode.NULLABLE);
        assertThatThrownBy(() -> new SchemaField("s", BigQueryType.STRING, FieldMode.NULLABLE, List.of(leaf)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only a RECORD");
    }

    @Test
    void namesAreEscapedInTheJsonSchema() {
        List<SchemaField> fields = List.of(SchemaField.of("a\"b\\c", BigQueryType.STRING, FieldMode.NULLABLE));
        assertThat(BigQuerySchema.toJson(fields))
                .isEqualTo("[{\"name\":\"a\\\"b\\\\c\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"}]");
    }
}
