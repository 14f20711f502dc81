package org.conversionkit.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.json.ConversionJsonReader;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.rules.UrlRule;
import org.jspecify.annotations.Nullable;

/**
 * The round-trip property: rows written as CSV (any delimiter, any quoting, any column order and line
 * ending) and as JSON (NDJSON or an array, any key order, numbers as numbers or strings, any escaping)
 * read back as the same typed rows. Driven by {@link Choices}: seeded {@link Random} in the normal test run,
 * Jazzer's data when fuzzing.
 */
final class RoundTrip {

    /** Where the choices come from. */
    interface Choices {
        /** Returns 0 to {@code bound - 1}. */
        int pick(int bound);

        boolean flag();

        /** Returns any text of at most {@code max} characters, lone surrogates left out. */
        String text(int max);

        long number();
    }

    /** Choices from a seeded generator. */
    static final class RandomChoices implements Choices {
        private static final String ALPHABET = "aZ09 ,;|\t\"'\\\r\n#/.-_:{}[]é€😀\u0000\u0007\u2028\u200f\ufeff";
        private final Random random;

        RandomChoices(long seed) {
            this.random = new Random(seed);
        }

        @Override
        public int pick(int bound) {
            return random.nextInt(bound);
        }

        @Override
        public boolean flag() {
            return random.nextBoolean();
        }

        @Override
        public String text(int max) {
            int length = random.nextInt(max + 1);
            StringBuilder text = new StringBuilder();
            while (text.length() < length) {
                int cp = ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
                        random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length()))));
                text.appendCodePoint(cp);
            }
            return text.toString();
        }

        @Override
        public long number() {
            return random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(10_000) - 100;
        }
    }

    /** Choices from Jazzer. */
    static final class FuzzChoices implements Choices {
        private final FuzzedDataProvider data;

        FuzzChoices(FuzzedDataProvider data) {
            this.data = data;
        }

        @Override
        public int pick(int bound) {
            return data.consumeInt(0, bound - 1);
        }

        @Override
        public boolean flag() {
            return data.consumeBoolean();
        }

        @Override
        public String text(int max) {
            String text = data.consumeString(max);
            StringBuilder clean = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    clean.append(c).append(text.charAt(++i));
                } else if (!Character.isSurrogate(c)) {
                    clean.append(c);
                }
            }
            return clean.toString();
        }

        @Override
        public long number() {
            return data.consumeLong();
        }
    }

    private static final String[] HOSTS = {"domain.tld", "www.example.com", "bücher.de", "xn--bcher-kva.de",
        "192.0.2.1", "[2001:db8::1]", "a.b.c.example", "shop_1.example.org"};
    private static final String PATH_CHARS = "abcXYZ019-._~!$&'()*+,;=:@/?%éü€";
    private static final String[] FIELDS = {"url", "date", "channel", "device", "transactions", "revenue"};
    private static final char[] DELIMITERS = {',', ';', '\t', '|', ' ', ':', '.', '-', '/', 'h', '2', '#', '\u0000',
        '\u00a7', '\u00a0', '\'', '\\', '{', '='};
    private static final String[] LINE_ENDINGS = {"\n", "\r\n", "\r"};

    private RoundTrip() {
    }

    static void check(Choices choices) {
        int count = 1 + choices.pick(4);
        List<ConversionRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(choices));
        }
        List<String> order = new ArrayList<>(List.of(FIELDS));
        for (int i = order.size() - 1; i > 0; i--) {
            java.util.Collections.swap(order, i, choices.pick(i + 1));
        }

        char delimiter = DELIMITERS[choices.pick(DELIMITERS.length)];
        String csv = csv(rows, order, delimiter, choices);
        List<ConversionRow> fromCsv = new ArrayList<>();
        try (ConversionCsvReader reader = ConversionCsvReader.builder().delimiter(delimiter)
                .profile(ConversionProfile.builder().columns(ColumnLayout.parse(String.join(",", order))).build())
                .build(new ByteArrayInputStream(csv.getBytes(UTF_8)))) {
            reader.forEach(fromCsv::add);
        }
        assertThat(fromCsv).as("CSV with delimiter U+%04X:%n%s", (int) delimiter, csv).isEqualTo(rows);

        String json = json(rows, choices);
        List<ConversionRow> fromJson = new ArrayList<>();
        try (ConversionJsonReader reader = ConversionJsonReader.builder()
                .build(new ByteArrayInputStream(json.getBytes(UTF_8)))) {
            reader.forEach(fromJson::add);
        }
        assertThat(fromJson).as("JSON:%n%s", json).isEqualTo(rows);
    }

    private static ConversionRow row(Choices choices) {
        String url;
        do {
            StringBuilder text = new StringBuilder(choices.flag() ? "https://" : "HTTP://");
            text.append(HOSTS[choices.pick(HOSTS.length)]);
            if (choices.pick(4) == 0) {
                text.append(':').append(1 + choices.pick(65535));
            }
            text.append('/');
            int length = choices.pick(12);
            for (int i = 0; i < length; i++) {
                char c = PATH_CHARS.charAt(choices.pick(PATH_CHARS.length()));
                text.append(c == '%' ? "%2F" : String.valueOf(c));
            }
            url = text.toString();
        } while (UrlRule.check(url) != null);
        LocalDate date = LocalDate.ofEpochDay(LocalDate.of(0, 1, 1).toEpochDay()
                + choices.pick((int) (LocalDate.of(9999, 12, 31).toEpochDay() - LocalDate.of(0, 1, 1).toEpochDay())));
        String channel = optionalText(choices);
        String device = optionalText(choices);
        Long transactions = choices.flag() ? null : choices.number();
        BigDecimal revenue = choices.flag() ? null
                : BigDecimal.valueOf(choices.number() % 1_000_000_000_000L, choices.pick(7));
        return new ConversionRow(url, date, channel, device, transactions, revenue);
    }

    private static @Nullable String optionalText(Choices choices) {
        if (choices.flag()) {
            return null;
        }
        String text = choices.text(12);
        return text.isBlank() ? null : text;
    }

    private static @Nullable String text(ConversionRow row, String field) {
        return switch (field) {
            case "url" -> row.url();
            case "date" -> row.date().toString();
            case "channel" -> row.channel();
            case "device" -> row.device();
            case "transactions" -> row.transactions() == null ? null : row.transactions().toString();
            default -> row.revenue() == null ? null : row.revenue().toPlainString();
        };
    }

    private static String csv(List<ConversionRow> rows, List<String> order, char delimiter, Choices choices) {
        StringBuilder csv = new StringBuilder();
        if (choices.pick(4) == 0) {
            csv.append('\ufeff');
        }
        int quoting = choices.pick(3);
        String ending = LINE_ENDINGS[choices.pick(LINE_ENDINGS.length)];
        for (ConversionRow row : rows) {
            if (choices.pick(5) == 0) {
                csv.append(ending);
            }
            for (int i = 0; i < order.size(); i++) {
                if (i > 0) {
                    csv.append(delimiter);
                }
                String value = text(row, order.get(i));
                if (value == null) {
                    // Absent: empty, or quoted empty (a quoted empty value is empty too).
                    if (quoting == 1) {
                        csv.append("\"\"");
                    }
                    continue;
                }
                boolean quote = quoting == 1 || needsQuotes(value, delimiter, i == 0)
                        || quoting == 2 && choices.flag();
                if (quote) {
                    csv.append('"').append(value.replace("\"", "\"\"")).append('"');
                } else {
                    csv.append(value);
                }
            }
            csv.append(ending);
        }
        if (choices.flag()) {
            csv.setLength(csv.length() - ending.length());
        }
        return csv.toString();
    }

    private static boolean needsQuotes(String value, char delimiter, boolean first) {
        if (value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0 || !value.equals(value.strip())) {
            return true;
        }
        // The reader strips what String.strip() strips, a first field that looks like a comment is one, and
        // U+FEFF at the start of the input is a byte order mark. (U+FEFF is no delimiter here for that reason.)
        return first && (value.startsWith("#") || value.startsWith("//") || value.startsWith("\ufeff"));
    }

    private static String json(List<ConversionRow> rows, Choices choices) {
        boolean array = choices.pick(3) == 0;
        StringBuilder json = new StringBuilder(array ? "[\n" : "");
        for (int r = 0; r < rows.size(); r++) {
            ConversionRow row = rows.get(r);
            List<String> keys = new ArrayList<>(List.of(FIELDS));
            for (int i = keys.size() - 1; i > 0; i--) {
                java.util.Collections.swap(keys, i, choices.pick(i + 1));
            }
            json.append('{');
            boolean first = true;
            for (String key : keys) {
                String value = text(row, key);
                if (value == null && choices.flag()) {
                    continue;
                }
                if (!first) {
                    json.append(choices.flag() ? ", " : ",");
                }
                first = false;
                json.append('"').append(key).append("\":");
                if (value == null) {
                    json.append("null");
                } else if ((key.equals("transactions") || key.equals("revenue")) && choices.flag()) {
                    json.append(value);
                } else {
                    string(json, value, choices);
                }
            }
            json.append('}');
            json.append(array ? (r + 1 < rows.size() ? ",\n" : "\n]") : "\n");
        }
        return json.toString();
    }

    private static void string(StringBuilder json, String value, Choices choices) {
        boolean escapeAll = choices.pick(4) == 0;
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || escapeAll && c > 0x7e) {
                json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else if (c == '/' && escapeAll) {
                json.append("\\/");
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
