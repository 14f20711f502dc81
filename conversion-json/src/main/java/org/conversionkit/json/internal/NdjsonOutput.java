package org.conversionkit.json.internal;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.conversionkit.json.JsonLimits;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.Field;
import org.conversionkit.model.ValueKind;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * NDJSON out of jackson-core's generator: one object a line, each line ended by LF, UTF-8, slashes not escaped
 * (a URL stays readable). The writers' output.
 *
 * <p>Each record is written in two steps: {@code prepare} generates it into a buffer and checks it against the
 * {@link JsonLimits} the file will be read with, and only {@link #commit()} sends it to the stream. A record the
 * reader would stop on (a string, key or number too long, nesting too deep, a record too large, one record or
 * byte too many) is never sent: {@code prepare} returns the reader's wording of the breach, and the writer refuses
 * the record before any rule across records has seen it. Each is measured as the reader measures it from bytes:
 * a string and a number in characters, a key in the bytes of its UTF-8 (jackson-core's parser counts a name's
 * bytes), the record and the file in bytes. Closing the output closes the stream.
 */
public final class NdjsonOutput implements Closeable {

    private static final JsonFactory FACTORY = JsonFactory.builder().rootValueSeparator((String) null)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES).build();
    private static final Field[] FIELDS = Field.values();

    private final OutputStream out;
    private final JsonLimits limits;
    private final Buffer buffer = new Buffer();
    private final JsonGenerator generator;
    private long records;
    private long bytes;
    private boolean prepared;
    /** Whether the last breach {@code prepare} returned was a value's (nesting, a string, a number, a key). */
    private boolean valueBreach;

    /** A byte buffer whose content goes to a stream without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(1024);
        }

        @Override
        public void flush() {
            // The generator flushes into the buffer; nothing further.
        }
    }

    /**
     * Opens the output.
     *
     * @param out    the stream; closed with the output
     * @param limits the limits of the reader the output will be read with
     */
    public NdjsonOutput(OutputStream out, JsonLimits limits) {
        this.out = Objects.requireNonNull(out, "out");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.generator = FACTORY.createGenerator(ObjectWriteContext.empty(), buffer, JsonEncoding.UTF8);
    }

    /**
     * Generates a conversion row's values as one object, not yet sent: each present value under its field's name,
     * a number kind as a JSON number written as given. The names are keys like any other to the reader.
     *
     * @param values the values by field ordinal, {@code null} where absent
     * @param kinds  their kinds
     * @return the breach of a limit, worded as the reader words it, or {@code null} when the record may be sent
     */
    public @Nullable String prepare(@Nullable String[] values, @Nullable ValueKind[] kinds) {
        String breach = null;
        for (Field field : FIELDS) {
            String value = values[field.ordinal()];
            if (value != null && breach == null) {
                ValueKind kind = kinds[field.ordinal()];
                breach = name(field.fieldName());
                if (breach == null) {
                    breach = kind == ValueKind.INTEGER || kind == ValueKind.DECIMAL ? number(value) : string(value);
                }
            }
        }
        valueBreach = breach != null;
        if (breach != null) {
            return breach;
        }
        buffer.reset();
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
        return generated();
    }

    /**
     * Generates a map of JSON values as one object, in its order, not yet sent: {@link String}, {@link Number}
     * ({@link BigDecimal} as {@link BigDecimal#toString()}, which keeps an exponent short), {@link Boolean},
     * {@code null}, and lists and maps of them.
     *
     * @param object the object
     * @return the breach of a limit, worded as the reader words it, or {@code null} when the record may be sent
     * @throws IllegalArgumentException if a value is not a JSON value
     */
    public @Nullable String prepare(Map<String, ?> object) {
        String breach = check(object, 1);
        valueBreach = breach != null;
        if (breach != null) {
            return breach;
        }
        buffer.reset();
        writeValue(object);
        return generated();
    }

    private @Nullable String generated() {
        generator.flush();
        if (buffer.size() > limits.maxRecordSize()) {
            buffer.reset();
            return "the record is larger than maxRecordSize (" + limits.maxRecordSize() + ") allows";
        }
        if (records + 1 > limits.maxRecords()) {
            buffer.reset();
            return "the input holds more records than maxRecords (" + limits.maxRecords() + ") allows";
        }
        if (bytes + buffer.size() + 1 > limits.maxFileBytes()) {
            buffer.reset();
            return "the input is larger than maxFileBytes (" + limits.maxFileBytes() + ") allows";
        }
        prepared = true;
        return null;
    }

    /**
     * Sends the prepared record, ended by LF.
     *
     * @throws UncheckedIOException  if the stream fails
     * @throws IllegalStateException if no record is prepared
     */
    public void commit() {
        if (!prepared) {
            throw new IllegalStateException("no record prepared");
        }
        prepared = false;
        buffer.write('\n');
        try {
            buffer.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            records++;
            bytes += buffer.size();
            buffer.reset();
        }
    }

    /**
     * Returns the refusal of a record that breaches a limit: under every policy, since a reader would not read it.
     * The message says what the reader does: it stops at the record and reads nothing after it, except a CRM
     * feed's reader at a value past a limit, which rejects the line unread and reads on.
     *
     * @param breach the breach {@code prepare} returned, last
     * @param given  the record's number among those given to the writer
     * @param feed   whether the output is a CRM feed
     * @return the exception to throw
     */
    public ConversionDataException refusal(String breach, long given, boolean feed) {
        String reader = feed && valueBreach
                ? "a feed's reader with these limits rejects such a line without reading its values, and reads on"
                        + " from the next one"
                : "a reader with these limits stops at such a record and reads nothing after it";
        return new ConversionDataException(List.of(Violation.of(ViolationCode.RECORD_TOO_LARGE, given, given, null,
                null, breach + ": " + reader + "; write and read the " + (feed ? "feed" : "file") + " with larger"
                        + " JsonLimits, or make the record fit them")));
    }

    /** Checks the limits a value's parts must keep, before anything is generated. */
    private @Nullable String check(@Nullable Object value, int depth) {
        if (value instanceof String text) {
            return string(text);
        }
        if (value instanceof Number number) {
            return number(text(number));
        }
        if (value instanceof Map<?, ?> map) {
            if (depth > limits.maxNestingDepth()) {
                return nesting();
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String breach = name(String.valueOf(entry.getKey()));
                if (breach == null) {
                    breach = check(entry.getValue(), depth + 1);
                }
                if (breach != null) {
                    return breach;
                }
            }
        } else if (value instanceof Iterable<?> list) {
            if (depth > limits.maxNestingDepth()) {
                return nesting();
            }
            for (Object item : list) {
                String breach = check(item, depth + 1);
                if (breach != null) {
                    return breach;
                }
            }
        }
        return null;
    }

    private String nesting() {
        return "objects and arrays are nested deeper than maxNestingDepth (" + limits.maxNestingDepth() + ") allows";
    }

    /**
     * A key past maxNameLength in the bytes of its UTF-8, as jackson-core's parser counts a name read from bytes
     * (the writers write bytes): {@code éééé} is four characters and eight bytes.
     */
    private @Nullable String name(String name) {
        long bytes = name.length();
        if (bytes <= limits.maxNameLength() / 3) {
            // No character takes more than three bytes (a surrogate pair four, two a char): no need to count.
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            bytes += c < 0x80 ? 0 : c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
        }
        return bytes > limits.maxNameLength() ? JsonErrors.nameTooLong(limits) : null;
    }

    private @Nullable String string(String value) {
        return value.length() > limits.maxStringLength() ? JsonErrors.stringTooLong(limits) : null;
    }

    private @Nullable String number(String value) {
        return value.length() > limits.maxNumberLength()
                ? "a number is longer than maxNumberLength (" + limits.maxNumberLength() + " chars) allows" : null;
    }

    private static String text(Number number) {
        return number instanceof BigDecimal decimal ? decimal.toString() : number.toString();
    }

    private void writeValue(@Nullable Object value) {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Number number) {
            generator.writeNumber(text(number));
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
     * Closes the stream, flushing it first.
     *
     * @throws UncheckedIOException if the stream fails
     */
    @Override
    public void close() {
        try (OutputStream closing = out) {
            generator.close();
            closing.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        }
    }
}
