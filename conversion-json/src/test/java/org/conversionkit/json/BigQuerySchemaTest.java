package org.conversionkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading a table's schema as {@code bq show} prints it, and what it refuses. */
class BigQuerySchemaTest {

    private static final List<SchemaField> TABLE = List.of(
            SchemaField.of("id", BigQueryType.INTEGER, FieldMode.REQUIRED),
            new SchemaField("r", BigQueryType.RECORD, FieldMode.REPEATED,
                    List.of(SchemaField.of("at", BigQueryType.TIMESTAMP, FieldMode.NULLABLE))));

    static Stream<Arguments> forms() {
        return Stream.of(
                Arguments.of("the bare list of bq show --schema", "[{\"name\":\"id\",\"type\":\"INTEGER\","
                        + "\"mode\":\"REQUIRED\"},{\"name\":\"r\",\"type\":\"RECORD\",\"mode\":\"REPEATED\","
                        + "\"fields\":[{\"name\":\"at\",\"type\":\"TIMESTAMP\",\"mode\":\"NULLABLE\"}]}]"),
                Arguments.of("an object with fields, standard SQL names, no mode", "{\"fields\":[{\"type\":\"int64\","
                        + "\"name\":\"id\",\"mode\":\"required\",\"description\":\"the id\"},{\"name\":\"r\","
                        + "\"type\":\"STRUCT\",\"mode\":\"REPEATED\",\"fields\":[{\"name\":\"at\","
                        + "\"type\":\"TIMESTAMP\",\"policyTags\":{\"names\":[\"x\"]}}]}]}"),
                Arguments.of("a table resource of bq show --format=json", "{\"kind\":\"bigquery#table\",\"schema\":"
                        + "{\"fields\":[{\"name\":\"id\",\"type\":\"INTEGER\",\"mode\":\"REQUIRED\"},{\"name\":\"r\","
                        + "\"type\":\"RECORD\",\"mode\":\"REPEATED\",\"fields\":[{\"name\":\"at\","
                        + "\"type\":\"TIMESTAMP\"}]}]},\"numRows\":\"3\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void readsEveryForm(String name, String json) {
        assertThat(BigQuerySchema.read(json)).isEqualTo(TABLE);
        assertThat(BigQuerySchema.read(new StringReader(json))).isEqualTo(TABLE);
    }

    @Test
    void readsWhatItWrites() {
        assertThat(BigQuerySchema.read(BigQuerySchema.toJson(TABLE))).isEqualTo(TABLE);
    }

    @Test
    void readsEveryTypeName() {
        StringBuilder json = new StringBuilder("[");
        for (BigQueryType type : BigQueryType.values()) {
            json.append(json.length() > 1 ? "," : "").append("{\"name\":\"c").append(type).append("\",\"type\":\"")
                    .append(type).append('"').append(type == BigQueryType.RECORD
                            ? ",\"fields\":[{\"name\":\"x\",\"type\":\"STRING\"}]" : "").append('}');
        }
        List<SchemaField> fields = BigQuerySchema.read(json.append(']').toString());
        assertThat(fields).extracting(SchemaField::type).containsExactly(BigQueryType.values());
        assertThat(BigQuerySchema.read("[{\"name\":\"a\",\"type\":\"BOOL\"},{\"name\":\"b\",\"type\":\"FLOAT64\"},"
                + "{\"name\":\"c\",\"type\":\"BIGDECIMAL\"},{\"name\":\"d\",\"type\":\"DECIMAL\"}]"))
                .extracting(SchemaField::type).containsExactly(BigQueryType.BOOLEAN, BigQueryType.FLOAT,
                        BigQueryType.BIGNUMERIC, BigQueryType.NUMERIC);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("not JSON", "[{\"name\":", "not a BigQuery JSON schema"),
                Arguments.of("a string", "\"id\"", "a JSON list of fields"),
                Arguments.of("an object without fields", "{\"name\":\"id\"}", "needs \"fields\""),
                Arguments.of("a field without type", "[{\"name\":\"id\"}]", "needs \"name\" and \"type\""),
                Arguments.of("an unknown type", "[{\"name\":\"id\",\"type\":\"VARCHAR\"}]", "column type VARCHAR"),
                Arguments.of("RANGE, not supported", "[{\"name\":\"d\",\"type\":\"RANGE\"}]", "column type RANGE"),
                Arguments.of("an unknown mode", "[{\"name\":\"id\",\"type\":\"STRING\",\"mode\":\"OPTIONAL\"}]",
                        "unknown mode OPTIONAL"),
                Arguments.of("a record without fields", "[{\"name\":\"r\",\"type\":\"RECORD\",\"fields\":[]}]",
                        "has no fields"),
                Arguments.of("fields on a scalar", "[{\"name\":\"r\",\"type\":\"STRING\",\"fields\":[{\"name\":\"x\","
                        + "\"type\":\"STRING\"}]}]", "not a RECORD"),
                Arguments.of("a name that is not a string", "[{\"name\":1,\"type\":\"STRING\"}]", "is a string"),
                Arguments.of("a duplicate key", "[{\"name\":\"a\",\"name\":\"b\",\"type\":\"STRING\"}]",
                        "Duplicate"),
                Arguments.of("text after the schema", "[] []", "text after the schema"),
                Arguments.of("a name twice ignoring case", "[{\"name\":\"a\",\"type\":\"INTEGER\"},"
                        + "{\"name\":\"A\",\"type\":\"STRING\"}]", "names A twice"),
                Arguments.of("a nested name twice ignoring case", "[{\"name\":\"r\",\"type\":\"RECORD\","
                        + "\"fields\":[{\"name\":\"orderId\",\"type\":\"STRING\"},{\"name\":\"ORDERID\","
                        + "\"type\":\"STRING\"}]}]", "names ORDERID twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesWhatIsNotASchema(String name, String json, String fragment) {
        assertThatThrownBy(() -> BigQuerySchema.read(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(fragment).hasMessageContaining("line 1");
    }

    @Test
    void aTableNamingAColumnTwiceIgnoringCaseIsRefused() {
        List<SchemaField> table = List.of(SchemaField.of("orderId", BigQueryType.STRING, FieldMode.NULLABLE),
                SchemaField.of("ORDERID", BigQueryType.STRING, FieldMode.NULLABLE));
        assertThatThrownBy(() -> SchemaInference.builder().against(table))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORDERID twice");
    }

    @Test
    void aSampleWindowDoesNotApplyToAnExistingTable() {
        assertThatThrownBy(() -> SchemaInference.builder().sampleRows(10).against(TABLE).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sampleRows");
        assertThatThrownBy(() -> SchemaInference.builder().sampleRows(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 or more");
    }
}
