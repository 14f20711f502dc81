package org.conversionkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.conversionkit.json.internal.JsonRecordSource;
import org.conversionkit.model.Field;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random rows whose strings are full of quotes, commas, brackets, braces and escapes,
 * written in every form: NDJSON, loose on one line, loose one row a line, loose with leading
 * commas, and an array. Every form must read to the same values and kinds, with exact lines —
 * the loose-form filter must never touch a character inside a string.
 */
class FormEquivalenceTest {

    private static final String ALPHABET = "ab ,;:'\"[]{}\\/#é😀\t";
    private static final String[] KEYS = {"url", "date", "channel", "device", "transactions", "revenue", "x"};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void everyFormReadsTheSame(long seed) {
        Random random = new Random(seed);
        List<List<Object[]>> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<Object[]> row = new ArrayList<>();
            for (String key : KEYS) {
                if (random.nextInt(4) > 0) {
                    row.add(new Object[] {key, value(random, key.equals("x") ? 2 : 0)});
                }
            }
            rows.add(row);
        }
        List<String> expected = read(render(rows, '"', "", "\n", ""), JsonForm.NDJSON, 1, 1);
        assertThat(expected).hasSize(200);
        assertThat(read(render(rows, '\'', "", ", ", ","), JsonForm.LOOSE, 1, 0)).isEqualTo(expected);
        assertThat(read(render(rows, '\'', "", ",\n", ",\n"), JsonForm.LOOSE, 1, 1)).isEqualTo(expected);
        assertThat(read(render(rows, '"', "", "\n, ", "\n"), JsonForm.LOOSE, 1, 1)).isEqualTo(expected);
        assertThat(read("[\n" + render(rows, '\'', "  ", ",\n", "\n") + "]\n", JsonForm.ARRAY, 2, 1))
                .isEqualTo(expected);
    }

    /** Reads the text as bytes and as chars; returns each record's values and kinds, checking its line. */
    private static List<String> read(String text, JsonForm form, long firstLine, long linesPerRow) {
        List<String> asBytes = read(ConversionJsonReader.builder().source(new java.io.ByteArrayInputStream(
                text.getBytes(StandardCharsets.UTF_8))), form, firstLine, linesPerRow);
        List<String> asChars = read(ConversionJsonReader.builder().source(new StringReader(text)), form, firstLine,
                linesPerRow);
        assertThat(asChars).isEqualTo(asBytes);
        return asBytes;
    }

    private static List<String> read(RecordSource source, JsonForm form, long firstLine, long linesPerRow) {
        List<String> result = new ArrayList<>();
        try (source) {
            assertThat(((JsonRecordSource) source).form()).isEqualTo(form);
            RawRecord record;
            while ((record = source.next()) != null) {
                assertThat(record.line()).as("line of record %d", record.record())
                        .isEqualTo(firstLine + (record.record() - 1) * linesPerRow);
                StringBuilder text = new StringBuilder();
                for (Field field : Field.values()) {
                    text.append(record.kind(field.ordinal())).append('=').append(record.value(field.ordinal()))
                            .append(';');
                }
                text.append(record.violations().stream().map(v -> v.code() + " " + v.field()).toList());
                result.add(text.toString());
            }
        }
        return result;
    }

    private static String render(List<List<Object[]>> rows, char quote, String indent, String separator,
            String end) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            text.append(indent).append('{');
            List<Object[]> row = rows.get(i);
            for (int j = 0; j < row.size(); j++) {
                text.append(j == 0 ? "" : ", ").append(quoted((String) row.get(j)[0], quote)).append(": ");
                text.append(json(row.get(j)[1], quote));
            }
            text.append('}').append(i < rows.size() - 1 ? separator : end);
        }
        return text.toString();
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        switch (kind) {
            case 0, 1, 2:
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(12);
                for (int i = 0; i < length; i++) {
                    text.appendCodePoint(ALPHABET.codePoints().toArray()[random.nextInt(
                            (int) ALPHABET.codePoints().count())]);
                }
                return text.toString();
            case 3:
                return (long) random.nextInt(1000) - 500;
            case 4:
                return random.nextInt(1000) + "." + random.nextInt(100);
            case 5:
                return random.nextBoolean();
            case 6: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(value(random, depth - 1));
                }
                return list;
            }
            default: {
                List<Object[]> object = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.add(new Object[] {"k" + i, value(random, depth - 1)});
                }
                return object.toArray(new Object[0][]);
            }
        }
    }

    private static String json(Object value, char quote) {
        if (value instanceof String text) {
            return text.indexOf('.') > 0 && text.chars().allMatch(c -> c == '.' || Character.isDigit(c))
                    ? text : quoted(text, quote);
        }
        if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder("[");
            for (Object element : list) {
                text.append(text.length() > 1 ? ", " : "").append(json(element, quote));
            }
            return text.append(']').toString();
        }
        if (value instanceof Object[][] object) {
            StringBuilder text = new StringBuilder("{");
            for (Object[] entry : object) {
                text.append(text.length() > 1 ? ", " : "").append(quoted((String) entry[0], quote)).append(": ")
                        .append(json(entry[1], quote));
            }
            return text.append('}').toString();
        }
        return String.valueOf(value);
    }

    private static String quoted(String text, char quote) {
        StringBuilder result = new StringBuilder().append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote || c == '\\') {
                result.append('\\');
            }
            if (c == '\t') {
                result.append("\\t");
                continue;
            }
            result.append(c);
        }
        return result.append(quote).toString();
    }
}
