package org.conversionkit.json;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.model.Violation;
import org.jspecify.annotations.Nullable;

/**
 * A fixture file with its expected results: {@code NAME.json} (or another extension) and
 * {@code NAME.expected} beside it.
 *
 * <p>The expected file holds {@code key: value} lines ({@code #} starts a comment):
 * {@code transform} (CRLF, CR, BOM, GZIP, ESCAPES, UTF16; may repeat), {@code default}
 * ({@code FIELD=VALUE}), {@code expectedDate}, {@code idField}, {@code form}, {@code records},
 * {@code blankLines}, and in order the outcome of each record: {@code violation: R @L CODE [field]
 * [~ message fragment]} and {@code row: R @L | url | date | channel | device | transactions |
 * revenue} (empty for null), or {@code record: R @L | …} for CRM records.
 */
record Fixture(String name, byte[] text, List<String> transforms, FieldDefaults defaults,
        @Nullable String expectedDate, @Nullable String idField, String form, long records, long blankLines,
        List<String> outcomes, List<@Nullable String> fragments) {

    /** Transforms that only exist as bytes: such fixtures are not read through a Reader. */
    private static final List<String> BYTES_ONLY = List.of("GZIP", "ESCAPES", "UTF16");

    static Stream<Fixture> all(String directory) {
        Path dir = resourceDir(directory);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".expected")).sorted()
                    .map(Fixture::load).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resourceDir(String directory) {
        URL url = Objects.requireNonNull(Fixture.class.getResource("/fixtures/" + directory), directory);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Fixture load(Path expected) {
        String file = expected.getFileName().toString();
        String name = file.substring(0, file.length() - ".expected".length());
        try (Stream<Path> siblings = Files.list(expected.getParent())) {
            Path input = siblings.filter(p -> {
                String other = p.getFileName().toString();
                return other.startsWith(name + ".") && !other.equals(file);
            }).findFirst().orElseThrow(() -> new IllegalStateException("no input for " + expected));
            byte[] text = Files.readAllBytes(input);
            List<String> transforms = new ArrayList<>();
            FieldDefaults defaults = FieldDefaults.NONE;
            String expectedDate = null;
            String idField = null;
            String form = null;
            long records = -1;
            long blankLines = -1;
            List<String> outcomes = new ArrayList<>();
            List<@Nullable String> fragments = new ArrayList<>();
            for (String line : Files.readAllLines(expected, UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String key = line.substring(0, colon);
                String value = line.substring(colon + 1).strip();
                switch (key) {
                    case "transform" -> transforms.add(value);
                    case "default" -> defaults = defaults.with(value);
                    case "expectedDate" -> expectedDate = value;
                    case "idField" -> idField = value;
                    case "form" -> form = value;
                    case "records" -> records = Long.parseLong(value);
                    case "blankLines" -> blankLines = Long.parseLong(value);
                    case "violation" -> {
                        int tilde = value.indexOf(" ~ ");
                        outcomes.add("violation: " + (tilde < 0 ? value : value.substring(0, tilde)));
                        fragments.add(tilde < 0 ? null : value.substring(tilde + 3));
                    }
                    case "row", "record" -> {
                        outcomes.add(normalize(key + ": " + value));
                        fragments.add(null);
                    }
                    default -> throw new IllegalStateException("unknown key '" + key + "' in " + expected);
                }
            }
            if (form == null || records < 0 || blankLines < 0) {
                throw new IllegalStateException("form, records and blankLines are required in " + expected);
            }
            return new Fixture(name, text, List.copyOf(transforms), defaults, expectedDate, idField, form, records,
                    blankLines, List.copyOf(outcomes), fragments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean readableAsChars() {
        return transforms.stream().noneMatch(BYTES_ONLY::contains);
    }

    /** Returns the input as bytes, every transform applied. */
    byte[] bytes() {
        String content = new String(text, UTF_8);
        byte[] result = null;
        for (String transform : transforms) {
            switch (transform) {
                case "CRLF" -> content = content.replace("\n", "\r\n");
                case "CR" -> content = content.replace("\n", "\r");
                case "BOM" -> content = "\uFEFF" + content;
                default -> { }
            }
        }
        result = content.getBytes(UTF_8);
        for (String transform : transforms) {
            switch (transform) {
                case "ESCAPES" -> result = unescape(content);
                case "UTF16" -> result = content.getBytes(StandardCharsets.UTF_16);
                case "GZIP" -> result = gzip(result);
                default -> { }
            }
        }
        return result;
    }

    /** Returns the input as text, the text transforms applied. */
    String chars() {
        return new String(bytes(), UTF_8);
    }

 /** Trims the cells of a row so that fixtures may align them freely. */
    static String normalize(String row) {
        StringBuilder result = new StringBuilder();
        for (String cell : row.split("\\|", -1)) {
            if (result.length() > 0) {
                result.append('|');
            }
            result.append(cell.strip());
        }
        return result.toString();
    }

    static String render(long record, long line, ConversionRow row) {
        return normalize("row: " + record + " @" + line + " | " + row.url() + " | " + row.date() + " | "
                + orEmpty(row.channel()) + " | " + orEmpty(row.device()) + " | " + orEmpty(row.transactions()) + " | "
                + orEmpty(row.revenue()));
    }

    static String render(Violation violation) {
        return "violation: " + violation.record() + " @" + violation.line() + " " + violation.code()
                + (violation.field() == null ? "" : " " + violation.field());
    }

    static String orEmpty(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    /** Replaces {@code \xHH} by the byte HH, leaving the rest UTF-8. */
    private static byte[] unescape(String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < content.length()) {
            if (content.startsWith("\\x", i)) {
                out.write(Integer.parseInt(content.substring(i + 2, i + 4), 16));
                i += 4;
            } else {
                int cp = content.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(UTF_8));
                i += Character.charCount(cp);
            }
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return name;
    }
}
