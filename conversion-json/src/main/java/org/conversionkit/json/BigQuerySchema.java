package org.conversionkit.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a schema as a BigQuery JSON schema: a bare list {@code [{"name":…,"type":…,"mode":…,"fields":[…]}]},
 * {@code "fields"} only for a {@code RECORD}, fields in the order given — what {@code bq mk --schema} and the
 * console's "edit as text" take; and reads one, as {@code bq show --schema} prints it, to check a feed
 * against an existing table.
 */
public final class BigQuerySchema {

    /** The deepest nesting of records a schema read may have: BigQuery allows 15 levels. */
    private static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2 * MAX_DEPTH + 4).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
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

    /**
     * Reads a BigQuery JSON schema from a file: the bare list {@code bq show --schema} prints, an object with
     * {@code "fields"}, or a table resource with {@code "schema": {"fields": …}} ({@code bq show --format=json}).
     * Type names may be legacy or standard SQL ({@code INT64}, {@code FLOAT64}, {@code BOOL}, {@code STRUCT}),
     * in any case; a missing mode is {@code NULLABLE}; other keys (descriptions, policy tags) are ignored.
     *
     * @param path the file, UTF-8
     * @return the columns, in order
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if it is not a BigQuery JSON schema; says where and why
     */
    public static List<SchemaField> read(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(in);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Reads a BigQuery JSON schema from text: see {@link #read(Path)}.
     *
     * @param json the schema
     * @return the columns, in order
     * @throws IllegalArgumentException if it is not a BigQuery JSON schema; says where and why
     */
    public static List<SchemaField> read(String json) {
        Objects.requireNonNull(json, "json");
        return read(new StringReader(json));
    }

    /**
     * Reads a BigQuery JSON schema from a char stream, which stays open: see {@link #read(Path)}.
     *
     * @param in the schema
     * @return the columns, in order
     * @throws UncheckedIOException     if the stream cannot be read
     * @throws IllegalArgumentException if it is not a BigQuery JSON schema; says where and why
     */
    public static List<SchemaField> read(Reader in) {
        Objects.requireNonNull(in, "in");
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), in)) {
            JsonToken token = parser.nextToken();
            List<SchemaField> fields;
            if (token == JsonToken.START_ARRAY) {
                fields = readFields(parser, 0);
            } else if (token == JsonToken.START_OBJECT) {
                fields = readContainer(parser);
            } else {
                throw invalid(parser, "a schema is a JSON list of fields, or an object with \"fields\"");
            }
            if (parser.nextToken() != null) {
                throw invalid(parser, "text after the schema");
            }
            return fields;
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new IllegalArgumentException("not a BigQuery JSON schema: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
        }
    }

    /** Reads {@code {"fields": […]}} or {@code {"schema": {"fields": […]}}}, standing on its start. */
    private static List<SchemaField> readContainer(JsonParser parser) {
        List<SchemaField> fields = null;
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken token = parser.nextToken();
            if (name.equals("fields") && token == JsonToken.START_ARRAY && fields == null) {
                fields = readFields(parser, 0);
            } else if (name.equals("schema") && token == JsonToken.START_OBJECT && fields == null) {
                fields = readContainer(parser);
            } else {
                parser.skipChildren();
            }
        }
        if (fields == null) {
            throw invalid(parser, "an object schema needs \"fields\" (or \"schema\": {\"fields\": …})");
        }
        return fields;
    }

    private static List<SchemaField> readFields(JsonParser parser, int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid(parser, "records nested deeper than " + MAX_DEPTH + " levels");
        }
        List<SchemaField> fields = new ArrayList<>();
        // BigQuery column names ignore case, so no table has two names in one record that differ only in case:
        // such a file is refused here, where its line is known, as any other schema BigQuery would not take
        // (left to SchemaInference.Builder.against, it surfaced from the CLI as an internal error).
        Set<String> names = new HashSet<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                throw invalid(parser, "a field is a JSON object with \"name\" and \"type\"");
            }
            SchemaField field = readField(parser, depth);
            if (!names.add(field.name().toLowerCase(Locale.ROOT))) {
                throw invalid(parser, "the table names " + field.name()
                        + " twice: BigQuery column names ignore case");
            }
            fields.add(field);
        }
        return fields;
    }

    private static SchemaField readField(JsonParser parser, int depth) {
        String name = null;
        String type = null;
        String mode = null;
        List<SchemaField> fields = List.of();
        String key;
        while ((key = parser.nextName()) != null) {
            JsonToken token = parser.nextToken();
            switch (key) {
                case "name" -> name = text(parser, token, key);
                case "type" -> type = text(parser, token, key);
                case "mode" -> mode = text(parser, token, key);
                case "fields" -> {
                    if (token != JsonToken.START_ARRAY) {
                        throw invalid(parser, "\"fields\" is a list");
                    }
                    fields = readFields(parser, depth + 1);
                }
                default -> parser.skipChildren();
            }
        }
        if (name == null || type == null) {
            throw invalid(parser, "a field needs \"name\" and \"type\"");
        }
        BigQueryType columnType = type(parser, type);
        if (columnType == BigQueryType.RECORD && fields.isEmpty()) {
            throw invalid(parser, "the RECORD " + name + " has no fields");
        }
        if (columnType != BigQueryType.RECORD && !fields.isEmpty()) {
            throw invalid(parser, name + " has fields but is " + type + ", not a RECORD");
        }
        return new SchemaField(name, columnType, mode(parser, mode), fields);
    }

    private static String text(JsonParser parser, JsonToken token, String key) {
        if (token != JsonToken.VALUE_STRING) {
            throw invalid(parser, "\"" + key + "\" is a string");
        }
        return parser.getString();
    }

    private static BigQueryType type(JsonParser parser, String type) {
        switch (type.toUpperCase(Locale.ROOT)) {
            case "INT64":
                return BigQueryType.INTEGER;
            case "FLOAT64":
                return BigQueryType.FLOAT;
            case "BOOL":
                return BigQueryType.BOOLEAN;
            case "STRUCT":
                return BigQueryType.RECORD;
            case "BIGDECIMAL":
                return BigQueryType.BIGNUMERIC;
            case "DECIMAL":
                return BigQueryType.NUMERIC;
            default:
                for (BigQueryType known : BigQueryType.values()) {
                    if (known.name().equalsIgnoreCase(type)) {
                        return known;
                    }
                }
                throw invalid(parser, "unknown or unsupported column type " + type);
        }
    }

    private static FieldMode mode(JsonParser parser, @Nullable String mode) {
        if (mode == null || mode.isEmpty()) {
            return FieldMode.NULLABLE;
        }
        for (FieldMode known : FieldMode.values()) {
            if (known.name().equalsIgnoreCase(mode)) {
                return known;
            }
        }
        throw invalid(parser, "unknown mode " + mode + " (NULLABLE, REQUIRED or REPEATED)");
    }

    private static IllegalArgumentException invalid(JsonParser parser, String why) {
        TokenStreamLocation at = parser.currentLocation();
        return new IllegalArgumentException("not a BigQuery JSON schema: " + why + " (line " + at.getLineNr()
                + ", column " + at.getColumnNr() + ")");
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
