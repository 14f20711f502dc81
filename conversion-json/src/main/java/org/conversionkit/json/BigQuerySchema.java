package org.conversionkit.json;

import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes an inferred schema as a BigQuery JSON schema: a bare list
 * {@code [{"name":…,"type":…,"mode":…,"fields":[…]}]}, {@code "fields"} only for a {@code RECORD},
 * fields in the order given — what {@code bq mk --schema} and the console's "edit as text" take.
 */
public final class BigQuerySchema {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private BigQuerySchema() {
    }

    /**
     * Returns the schema as compact JSON text.
     *
     * @param fields the fields
     * @return e.g. {@code [{"name":"orderId","type":"STRING","mode":"NULLABLE"}]}
     */
    public static String toJson(List<SchemaField> fields) {
        Objects.requireNonNull(fields, "fields");
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
            writeFields(generator, fields);
        }
        return text.toString();
    }

    /**
     * Writes the schema as compact UTF-8 JSON, then flushes the stream, which stays open.
     *
     * @param fields the fields
     * @param out    the stream
     * @throws UncheckedIOException if writing fails
     */
    public static void write(List<SchemaField> fields, OutputStream out) {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(out, "out");
        try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            writeFields(generator, fields);
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        }
    }

    private static void writeFields(JsonGenerator generator, List<SchemaField> fields) {
        generator.writeStartArray();
        for (SchemaField field : fields) {
            generator.writeStartObject();
            generator.writeStringProperty("name", field.name());
            generator.writeStringProperty("type", field.type().name());
            generator.writeStringProperty("mode", field.mode().name());
            if (field.type() == BigQueryType.RECORD) {
                generator.writeName("fields");
                writeFields(generator, field.fields());
            }
            generator.writeEndObject();
        }
        generator.writeEndArray();
    }
}
