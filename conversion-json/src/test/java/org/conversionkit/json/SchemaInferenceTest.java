package org.conversionkit.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.ViolationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Schema inference over every fixture under {@code fixtures/schema} ({@code NAME.ndjson} or
 * {@code NAME.json} and the expected {@code NAME.schema.json}), read from a path, a byte stream and
 * a char stream; and malformed feeds, each a located exception.
 */
class SchemaInferenceTest {

    private static final SchemaInference INFERENCE = SchemaInference.builder().build();

    static Stream<Arguments> fixtures() throws IOException {
        Path dir = Fixture.resourceDir("schema");
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json")).sorted()
                    .map(n -> n.substring(0, n.length() - ".schema.json".length()))
                    .map(name -> Arguments.of(name, input(dir, name), dir.resolve(name + ".schema.json")))
                    .toList().stream();
        }
    }

    private static Path input(Path dir, String name) {
        Path ndjson = dir.resolve(name + ".ndjson");
        return Files.exists(ndjson) ? ndjson : dir.resolve(name + ".json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixture(String name, Path input, Path expectedFile) throws IOException {
        String expected = Files.readAllLines(expectedFile, UTF_8).stream().map(String::strip)
                .collect(Collectors.joining());
        byte[] bytes = Files.readAllBytes(input);

        List<SchemaField> fromPath = INFERENCE.infer(input);
        assertThat(BigQuerySchema.toJson(fromPath)).isEqualTo(expected);
        assertThat(INFERENCE.infer(new ByteArrayInputStream(bytes))).isEqualTo(fromPath);
        assertThat(INFERENCE.infer(new StringReader(new String(bytes, UTF_8)))).isEqualTo(fromPath);
        assertThat(INFERENCE.infer(new ByteArrayInputStream(Fixture.gzip(bytes)))).isEqualTo(fromPath);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BigQuerySchema.write(fromPath, out);
        assertThat(out.toString(UTF_8)).isEqualTo(expected);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a syntax error", "{\"a\": 1}\n{\"a\": 2,}\n", JsonLimits.DEFAULTS,
                        ViolationCode.MALFORMED_JSON, 2, "line 2, column 9"),
                Arguments.of("a row that is not an object", "{\"a\": 1}\n\n[1]\n", JsonLimits.DEFAULTS,
                        ViolationCode.NOT_AN_OBJECT, 3, "not an array"),
                Arguments.of("a duplicate key", "{\"a\": 1, \"a\": 2}", JsonLimits.DEFAULTS,
                        ViolationCode.MALFORMED_JSON, 1, "duplicate key 'a'"),
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
