package org.conversionkit.json.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Locale;
import org.conversionkit.json.JsonForm;
import org.conversionkit.json.JsonLimits;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.rules.Problem;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * The byte stack between a JSON input and the parser, built once, at a source's first read: gzip (by its magic
 * bytes or a name ending in {@code .gz}; corrupt data is {@code ENCODING}), the count of what the parser reads
 * against {@code maxFileBytes} ({@link ReadAhead}), a UTF-8 byte order mark skipped, UTF-16 and UTF-32 refused,
 * bytes that are not well-formed UTF-8 stopped ({@link Utf8CheckingInputStream}), the {@link JsonForm} detected
 * ({@link FormDetector}) and the loose forms filtered ({@link LooseScanner}); for strict NDJSON, the filter of its
 * lines ({@link StrictLines}). A character input takes the same steps that apply to characters. The record source
 * reads what this builds and knows none of its layers.
 */
final class JsonInput {

    /** The problem of an input that starts like UTF-16 or UTF-32. */
    static final Problem UTF16_OR_32 = new Problem(ViolationCode.ENCODING, "the input is not UTF-8: it"
            + " starts like UTF-16 or UTF-32 (a UTF-16 byte order mark, or NUL bytes between its first characters);"
            + " save it as UTF-8");
    /** The most bytes looked at to detect the form: the first row. */
    private static final long MAX_LOOK_AHEAD = 1024 * 1024;

    /** Opens the input: the layers between the raw input and the parser, once, at the first read. */
    @FunctionalInterface
    interface Opener {
        Opened open(JsonLimits limits, ObjectHandler handler, long firstLine) throws IOException;
    }

    /**
     * What opening gives: the input to close, the byte count, the form, and the parser or the problem; for strict
     * NDJSON, the filter of its lines and the factory of the parsers that read them; for the other forms of byte
     * input, the UTF-8 check the parser reads through, which turns its byte columns into characters.
     */
    record Opened(Closeable input, ReadAhead counter, JsonForm form, @Nullable Problem problem,
            @Nullable LooseScanner scanner, @Nullable JsonParser parser, @Nullable StrictLines lines,
            @Nullable JsonFactory factory, @Nullable Utf8CheckingInputStream columns) {

        Opened(Closeable input, ReadAhead counter, JsonForm form, @Nullable Problem problem,
                @Nullable LooseScanner scanner, @Nullable JsonParser parser) {
            this(input, counter, form, problem, scanner, parser, null, null, null);
        }
    }

    static Opened openBytes(InputStream in, @Nullable String name, JsonLimits limits, ObjectHandler handler,
            long strictFirstLine) throws IOException {
        InputStream closeable = in;
        try {
            ReadAhead.Bytes raw = new ReadAhead.Bytes(in);
            ReadAhead.Bytes bytes = raw;
            // The magic bytes, or the first of them and nothing after (gzip data cut short), or the name.
            int first = raw.peek(0);
            int second = raw.peek(1);
            if ((first == 0x1f && (second == 0x8b || second < 0))
                    || (name != null && name.toLowerCase(Locale.ROOT).endsWith(".gz"))) {
                try {
                    closeable = new GuardedGzipInputStream(raw.stream());
                } catch (CorruptGzipException e) {
                    return new Opened(raw.stream(), raw, JsonForm.NDJSON, e.problem(), null, null);
                }
                bytes = new ReadAhead.Bytes(closeable);
            }
            // Counted after decompression: the limit is on what the parser reads.
            bytes.limit(limits.maxFileBytes());
            closeable = bytes.stream();
            boolean encodingProblem = false;
            if (bytes.peek(0) == 0xEF && bytes.peek(1) == 0xBB && bytes.peek(2) == 0xBF) {
                bytes.discard(3);
            } else {
                encodingProblem = isUtf16Or32(bytes);
            }
            if (encodingProblem) {
                return new Opened(bytes.stream(), bytes, JsonForm.NDJSON, UTF16_OR_32, null, null);
            }
            if (strictFirstLine > 0) {
                // One value a line: no form to detect; the filter hands the parser a line at a time.
                Utf8CheckingInputStream checked = new Utf8CheckingInputStream(bytes.stream());
                StrictLines lines = StrictLines.bytes(checked, strictFirstLine);
                JsonFactory factory = factory(limits, JsonForm.NDJSON, handler);
                return new Opened(checked, bytes, JsonForm.NDJSON, null, null, lines.newParser(factory), lines,
                        factory, null);
            }
            JsonForm form = FormDetector.detect(bytes, lookAhead(limits));
            LooseScanner scanner = form == JsonForm.NDJSON ? null : new LooseScanner(form == JsonForm.ARRAY);
            // jackson-core lets overlong forms and some surrogates through: the parser reads checked bytes.
            Utf8CheckingInputStream checked = new Utf8CheckingInputStream(bytes.stream());
            InputStream parsed = scanner == null ? checked : new LooseFilterInputStream(checked, scanner);
            JsonParser parser = factory(limits, form, handler).createParser(ObjectReadContext.empty(), parsed);
            return new Opened(parsed, bytes, form, null, scanner, parser, null, null, checked);
        } catch (CorruptGzipException e) {
            // Corrupt within the first bytes: the first record reports it.
            return new Opened(closeable, new ReadAhead.Bytes(closeable), JsonForm.NDJSON, e.problem(), null, null);
        } catch (JacksonIOException e) {
            throw e.getCause();
        }
    }

    static Opened openChars(Reader in, JsonLimits limits, ObjectHandler handler, long strictFirstLine)
            throws IOException {
        ReadAhead.Chars chars = new ReadAhead.Chars(in, limits.maxFileBytes());
        if (chars.peek(0) == '\uFEFF') {
            chars.discard(1);
        }
        if (strictFirstLine > 0) {
            StrictLines lines = StrictLines.chars(chars.reader(), strictFirstLine);
            JsonFactory factory = factory(limits, JsonForm.NDJSON, handler);
            return new Opened(chars.reader(), chars, JsonForm.NDJSON, null, null, lines.newParser(factory), lines,
                    factory, null);
        }
        JsonForm form = FormDetector.detect(chars, lookAhead(limits));
        LooseScanner scanner = form == JsonForm.NDJSON ? null : new LooseScanner(form == JsonForm.ARRAY);
        Reader parsed = scanner == null ? chars.reader() : new LooseFilterReader(chars.reader(), scanner);
        JsonParser parser = factory(limits, form, handler).createParser(ObjectReadContext.empty(), parsed);
        return new Opened(parsed, chars, form, null, scanner, parser);
    }

    private static int lookAhead(JsonLimits limits) {
        return (int) Math.min(limits.maxRecordSize(), MAX_LOOK_AHEAD) + 16;
    }

    /**
     * Tells UTF-16 and UTF-32 from UTF-8 by the first four bytes, as RFC 4627 section 3 does: a byte order mark
     * {@code FE FF} or {@code FF FE}, or the pattern of NUL bytes that two ASCII characters (the start of any JSON
     * text) leave in them: {@code 00 00 00 xx} (UTF-32BE), {@code 00 xx 00 xx} (UTF-16BE), {@code xx 00 00 00}
     * (UTF-32LE), {@code xx 00 xx 00} (UTF-16LE). Any other NUL is a character of a UTF-8 input, which the
     * parser reports where it is.
     */
    static boolean isUtf16Or32(ReadAhead bytes) throws IOException {
        int b0 = bytes.peek(0);
        int b1 = bytes.peek(1);
        if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
            return true;
        }
        int b2 = bytes.peek(2);
        int b3 = bytes.peek(3);
        if (b0 < 0 || b1 < 0) {
            return false;
        }
        boolean twoBytes = b2 < 0;
        if (b0 == 0) {
            // 00 00 00 xx, or 00 xx (00 xx): UTF-32BE or UTF-16BE.
            return b1 == 0 ? b2 == 0 && b3 > 0 : twoBytes || (b2 == 0 && b3 > 0);
        }
        // xx 00 00 00, or xx 00 (xx 00): UTF-32LE or UTF-16LE.
        return b1 == 0 && (twoBytes || b3 == 0);
    }

    /** A factory of our own for every source: Jackson's global defaults are never touched. */
    static JsonFactory factory(JsonLimits limits, JsonForm form, ObjectHandler handler) {
        JsonFactoryBuilder builder = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNumberLength(limits.maxNumberLength())
                        .maxNameLength(limits.maxNameLength())
                        .maxDocumentLength(-1)
                        .maxTokenCount(-1)
                        .build())
                .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, !handler.detectsDuplicates())
                .enable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // UTF-8 is the contract; UTF-16 and UTF-32 are refused before the parser sees them.
                .disable(TokenStreamFactory.Feature.CHARSET_DETECTION)
                // Fresh buffers of known size: the read-ahead bound of the record size check relies on it.
                .recyclerPool(JsonRecyclerPools.nonRecyclingPool());
        if (form != JsonForm.NDJSON) {
            builder.enable(JsonReadFeature.ALLOW_SINGLE_QUOTES);
        }
        return builder.build();
    }

    private JsonInput() {
    }
}
