package org.conversionkit.json.internal;

import java.io.Closeable;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import org.conversionkit.model.Field;
import org.conversionkit.model.ValueKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * NDJSON out of jackson-core's generator: one object a line, each line ended by LF, UTF-8, slashes not escaped
 * (a URL stays readable). The writers' output; closing it closes the stream.
 */
public final class NdjsonOutput implements Closeable {

    private static final JsonFactory FACTORY = JsonFactory.builder().rootValueSeparator((String) null)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES).build();
    private static final Field[] FIELDS = Field.values();

    private final JsonGenerator generator;

    /**
     * Opens the output.
     *
     * @param out the stream; closed with the output
     */
    public NdjsonOutput(OutputStream out) {
        this.generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8);
    }

    /**
     * Writes a conversion row's values as one object: each present value under its field's name, a number kind as
     * a JSON number written as given.
     *
     * @param values the values by field ordinal, {@code null} where absent
     * @param kinds  their kinds
     * @throws UncheckedIOException if the stream fails
     */
    public void writeObject(@Nullable String[] values, @Nullable ValueKind[] kinds) {
        try {
            writeFields(values, kinds);
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        }
    }

    private void writeFields(@Nullable String[] values, @Nullable ValueKind[] kinds) {
        generator.writeStartObject();
        for (Field field : FIELDS) {
            String value = values[field.ordinal()];
            if (value == null) {
                continue;
            }
            generator.writeName(field.fieldName());
            ValueKind kind = kinds[field.ordinal()];
            if (kind == ValueKind.INTEGER || kind == ValueKind.DECIMAL) {
                generator.writeNumber(value);
            } else {
                generator.writeString(value);
            }
        }
        generator.writeEndObject();
        generator.writeRaw('\n');
    }

    /**
     * Writes a map of JSON values as one object, in its order: {@link String}, {@link Number}, {@link Boolean},
     * {@code null}, and lists and maps of them.
     *
     * @param object the object
     * @throws UncheckedIOException if the stream fails
     */
    public void writeObject(Map<String, ?> object) {
        try {
            writeValue(object);
            generator.writeRaw('\n');
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        }
    }

    private void writeValue(@Nullable Object value) {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof BigDecimal decimal) {
            generator.writeNumber(decimal.toPlainString());
        } else if (value instanceof Number number) {
            generator.writeNumber(number.toString());
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeName(String.valueOf(entry.getKey()));
                writeValue(entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof Iterable<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                writeValue(item);
            }
            generator.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    /**
     * Flushes and closes the stream.
     *
     * @throws UncheckedIOException if the stream fails
     */
    @Override
    public void close() {
        try {
            generator.close();
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        }
    }
}
