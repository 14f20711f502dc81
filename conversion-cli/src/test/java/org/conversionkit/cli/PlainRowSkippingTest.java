package org.conversionkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.csv.CsvLimits;
import org.conversionkit.json.ConversionJsonReader;
import org.conversionkit.json.JsonLimits;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionLimits;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.FileProfile;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.internal.HeldRecords;
import org.conversionkit.model.internal.HeldValues;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.conversionkit.spec.SpecFile;
import org.conversionkit.spec.SpecInput;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.ValidationReport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A source read through {@link HeldRecords}, whose plain rows the validator counts on the characters held without
 * building them (its fast path), gives the very report a source that builds every record gives: counts, and every
 * violation with its line, record, field, value and message. On every fixture of the test suites and on many generated files full of what breaks a row or a record (quotes, line breaks in
 * fields, headers, comments, wrong field counts, small limits, other layouts), each read both ways.
 */
class PlainRowSkippingTest {

    private static final LocalDate DATE = LocalDate.of(2020, 9, 22);

    /**
     * Every input of the file cases under 1 MiB (the readers', the bad-input suite's, the command line's), and the
     * schemas and the table of the schema cases.
     */
    static Stream<Arguments> fixtures() throws IOException {
        List<Arguments> inputs = new ArrayList<>();
        for (String name : List.of("csv.json", "json.json", "crm.json", "hostile.json", "equivalence.json",
                "schema.json")) {
            SpecFile file = Spec.load(name);
            for (SpecCase c : file.cases()) {
                List<SpecInput> all = new ArrayList<>(List.of(c.input()));
                if (c.has("equivalents")) {
                    c.get("equivalents").list().forEach(node -> all.add(SpecInput.of(node, file.directory())));
                }
                for (SpecInput input : all) {
                    if (!input.generated() && input.size() < 1 << 20) {
                        inputs.add(Arguments.of(name + " " + c.id() + " " + input, input.name(), input.bytes()));
                    }
                }
                if (name.equals("schema.json")) {
                    // The schema a feed gives, a JSON document that is no conversion file.
                    inputs.add(Arguments.of(name + " " + c.id() + " schema", c.id() + ".schema.json",
                            c.expect().get("schema").toJson().getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        inputs.add(Arguments.of("schema.json against.table.json", "against.table.json",
                Files.readAllBytes(Spec.extracted("schema").resolve("against.table.json"))));
        Path files = Spec.extracted("cli").resolve("files");
        try (Stream<Path> all = Files.walk(files)) {
            for (Path file : all.filter(Files::isRegularFile).sorted().toList()) {
                inputs.add(Arguments.of("cli.json " + files.relativize(file), file.getFileName().toString(),
                        Files.readAllBytes(file)));
            }
        }
        return inputs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureReportsAreTheSame(String what, String name, byte[] bytes) throws IOException {
        boolean json = name.matches(".*\\.(json|ndjson|jsonl)(\\.gz)?");
        ConversionValidator validator = ConversionValidator.builder().maxViolations(1000).build();
        ConversionProfile profile = ConversionProfile.builder().date(DATE).build();
        Opener opener = () -> json ? ConversionJsonReader.builder().profile(profile)
                .source(new ByteArrayInputStream(bytes))
                : ConversionCsvReader.builder().profile(profile).source(new ByteArrayInputStream(bytes));
        assertSameReports(what, validator, opener);
    }

    @Test
    void generatedReportsAreTheSame() throws IOException {
        Random random = new Random(20261122L);
        long skipped = 0;
        long built = 0;
        long duplicates = 0;
        for (int i = 0; i < 1500; i++) {
            String text = generate(random);
            char delimiter = random.nextInt(4) == 0 ? ';' : ',';
            String csv = delimiter == ',' ? text : text.replace(',', ';');
            CsvLimits limits = switch (random.nextInt(4)) {
                case 0 -> CsvLimits.builder().maxFieldSize(40).maxRecordSize(120).build();
                case 1 -> CsvLimits.builder().maxRecords(1 + random.nextInt(30)).maxFieldsPerRecord(5).build();
                default -> CsvLimits.DEFAULTS;
            };
            ColumnLayout layout = switch (random.nextInt(5)) {
                case 0 -> ColumnLayout.parse("date,url,channel,transactions,revenue");
                case 1 -> ColumnLayout.parse("url,date,-,transactions,revenue");
                case 2 -> ColumnLayout.parse("url,channel,transactions,revenue,date");
                default -> ColumnLayout.parse("url,date,channel,transactions,revenue");
            };
            Settings settings = Settings.random(random);
            ConversionValidator validator = settings.validator();
            ConversionCsvReader.Builder builder = ConversionCsvReader.builder().profile(settings.profile(layout))
                    .limits(limits);
            if (random.nextBoolean()) {
                builder.delimiter(delimiter);
            }
            long[] counts = assertSameReports("generated file " + i + " (layout " + layout.spec() + ", limits "
                    + limits + "):\n" + csv, validator, () -> builder.source(new StringReader(csv)));
            skipped += counts[0];
            built += counts[1];
            duplicates += counts[2];
        }
        // Both ways are really taken: most rows are plain, and many are not; rows repeat (DUPLICATE_ROW).
        assertThat(skipped).as("plain rows skipped").isGreaterThan(5_000);
        assertThat(built).as("records built").isGreaterThan(5_000);
        assertThat(duplicates).as("rows repeated").isGreaterThan(200);
    }

    /**
     * Plain rows are looked up in batches: a duplicate among the last rows read before the input fails is reported,
     * in its place, before the failure, as when every record is built; strict, it makes its row invalid. The rows
     * are read ahead to sniff the delimiter, or not: the rows read before the failure are checked either way.
     */
    @Test
    void aFailureAfterPlainRowsComesAfterTheirDuplicates() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int row = 1; row <= 40; row++) {
            text.append("https://d.tld/p").append(row == 38 ? 3 : row).append(",2020-09-22,organic,1,2.50\n");
        }
        String csv = text.toString();
        for (int run = 0; run < 4; run++) {
            Strictness strictness = run % 2 == 0 ? Strictness.STANDARD : Strictness.STRICT;
            ConversionCsvReader.Builder builder = ConversionCsvReader.builder().profile(ConversionProfile.builder()
                    .date(DATE).strictness(strictness).build());
            if (run >= 2) {
                builder.delimiter(',');
            }
            ValidationReport report = ConversionValidator.builder().build().validate(builder.source(failingAfter(csv)));
            assertThat(report.violations()).as("run %d", run).extracting(v -> v.code().name() + " " + v.line())
                    .containsExactly("DUPLICATE_ROW 38", "FILE_UNREADABLE 0");
            assertThat(report.records()).isEqualTo(40);
            assertThat(report.invalidRecords()).isEqualTo(strictness == Strictness.STRICT ? 1 : 0);
            long[] counts = assertSameReports("run " + run, ConversionValidator.builder().build(),
                    () -> builder.source(failingAfter(csv)));
            assertThat(counts[0]).as("plain rows skipped").isEqualTo(39);
        }
    }

    /** A reader of the text that then fails, as a broken connection does. */
    private static Reader failingAfter(String text) {
        return new Reader() {
            private final StringReader rest = new StringReader(text);

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int read = rest.read(buffer, offset, length);
                if (read < 0) {
                    throw new IOException("connection reset");
                }
                return read;
            }

            @Override
            public void close() {
                rest.close();
            }
        };
    }

    @Test
    void generatedJsonReportsAreTheSame() throws IOException {
        Random random = new Random(20261124L);
        long skipped = 0;
        long built = 0;
        long duplicates = 0;
        for (int i = 0; i < 1500; i++) {
            String json = generateJson(random);
            JsonLimits limits = switch (random.nextInt(4)) {
                case 0 -> JsonLimits.builder().maxStringLength(40).build();
                case 1 -> JsonLimits.builder().maxRecords(1 + random.nextInt(30)).maxRecordSize(150).build();
                default -> JsonLimits.DEFAULTS;
            };
            Settings settings = Settings.random(random);
            ConversionValidator validator = settings.validator();
            ConversionJsonReader.Builder builder = ConversionJsonReader.builder()
                    .profile(settings.profile(ColumnLayout.DEFAULT)).limits(limits);
            boolean bytes = random.nextBoolean();
            long[] counts = assertSameReports("generated JSON " + i + " (limits " + limits + "):\n" + json, validator,
                    () -> bytes ? builder.source(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
                            : builder.source(new StringReader(json)));
            skipped += counts[0];
            built += counts[1];
            duplicates += counts[2];
        }
        assertThat(skipped).as("plain rows skipped").isGreaterThan(5_000);
        assertThat(built).as("records built").isGreaterThan(5_000);
        assertThat(duplicates).as("rows repeated").isGreaterThan(200);
    }

    /** Rows of every kind as JSON objects, NDJSON or the loose form, good ones the most. */
    private static String generateJson(Random random) {
        boolean loose = random.nextInt(5) == 0;
        StringBuilder text = new StringBuilder(loose && random.nextBoolean() ? "[\n" : "");
        int rows = random.nextInt(40);
        for (int r = 0; r < rows; r++) {
            int kind = random.nextInt(100);
            if (kind < 2) {
                text.append(pick(random, "\n", "  \n", "[1]\n", "\"x\"\n"));
                continue;
            }
            List<String> members = new ArrayList<>();
            members.add("\"url\":" + (random.nextInt(100) < 80 ? "\"" + ofItsOwn(random, pick(random,
                    "https://www.example-shop.com/women/shoes-123.html", "http://a.b/p?q=1#f",
                    "https:\\/\\/example.com\\/x", "https://ex.com/%41b",
                    "https://shop.example.co.uk/x/y-1.html?utm=a&b=c")) + "\""
                    : pick(random, "\"/relative\"", "\"www.example.com/p\"", "\"https://ex.com/a b\"", "1", "true",
                            "null", "{}", "[\"https://ex.com/\"]", "\"https://ex.com/\\u00e9\"",
                            "\"https://x.y/" + "p".repeat(60) + "\"", "\"\"", "\"https://ex.com:8080/\"")));
            members.add("\"date\":" + (random.nextInt(100) < 85 ? "\"2020-09-22\"" : pick(random, "\"2020-09-21\"",
                    "\"22/09/2020\"", "20200922", "null", "\"\"", "\" 2020-09-22\"")));
            if (random.nextInt(4) > 0) {
                members.add("\"channel\":" + pick(random, "\"organic\"", "\"paid\"", "null", "1", "\"\"",
                        random.nextInt(100) < 90 ? "\"email\"" : "true"));
            }
            if (random.nextInt(4) > 0) {
                members.add("\"transactions\":" + (random.nextInt(100) < 88 ? pick(random, "1", "2", "\"3\"", "null")
                        : pick(random, "2.0", "-1", "\"x\"", "1e2", "99999999999999999999", "\"\"")));
            }
            if (random.nextInt(4) > 0) {
                members.add("\"revenue\":" + (random.nextInt(100) < 90 ? pick(random, "12.50", "5", "\"0.5\"", "null")
                        : pick(random, "-3.5", "\"10,50\"", "1e3", "\".5\"", "false", "[]")));
            }
            if (kind >= 96) {
                members.add(pick(random, "\"Url\":\"x\"", "\"extra\":{\"a\":[1,2]}", "\"url\":\"dup\"",
                        "\"device\":\"mobile\"", "\"device\":{}"));
            }
            java.util.Collections.shuffle(members.subList(random.nextInt(3) == 0 ? 0 : members.size(),
                    members.size()), random);
            if (random.nextInt(3) == 0) {
                java.util.Collections.shuffle(members, random);
            }
            text.append('{').append(String.join(random.nextBoolean() ? "," : ", ", members)).append('}');
            text.append(loose ? pick(random, ",\n", "\n", ", ") : "\n");
        }
        if (random.nextInt(25) == 0) {
            text.append("{\"url\":\"https://ex.com/\",\"date\":");
        }
        return text.toString();
    }

    /**
     * A profile with or without a date, strict or not, with rows remembered to the end or to a limit reached on
     * the way (in a batch of plain rows or on a built one), and a validator listing few or many violations.
     */
    private record Settings(@Nullable LocalDate date, Strictness strictness, int maxTrackedRows,
            ConversionValidator validator) {

        static Settings random(Random random) {
            LocalDate date = random.nextInt(10) == 0 ? null : DATE;
            Strictness strictness = random.nextBoolean() ? Strictness.STRICT : Strictness.STANDARD;
            int maxTrackedRows = random.nextInt(4) == 0 ? 1 + random.nextInt(400) : 1_000_000;
            return new Settings(date, strictness, maxTrackedRows, ConversionValidator.builder()
                    .maxViolations(random.nextInt(3) == 0 ? 3 : 500).build());
        }

        ConversionProfile profile(ColumnLayout layout) {
            return ConversionProfile.builder().columns(layout).date(date).strictness(strictness)
                    .limits(ConversionLimits.builder().maxTrackedRows(maxTrackedRows).build()).build();
        }
    }

    /**
     * Validates both ways; returns the rows skipped and the records built by the skipping source, and the
     * DUPLICATE_ROW warnings listed.
     */
    private static long[] assertSameReports(String what, ConversionValidator validator, Opener opener)
            throws IOException {
        ValidationReport expected;
        try (RecordSource source = opener.open()) {
            expected = validator.validate(new Building(source));
        }
        ValidationReport actual;
        long skipped;
        try (RecordSource source = opener.open()) {
            Counting counting = new Counting(source, (HeldRecords) source);
            actual = validator.validate(counting);
            skipped = counting.advanced - counting.built;
        }
        assertThat(actual).as(what).isEqualTo(expected);
        long duplicates = expected.violations().stream().filter(v -> v.code() == ViolationCode.DUPLICATE_ROW).count();
        return new long[] {skipped, expected.records() - skipped, duplicates};
    }

    /** Rows of every kind, good ones the most. */
    private static String generate(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(8) == 0) {
            text.append(pick(random, "url,date,channel,transactions,revenue\n", "\n", "# comment\n", "\uFEFF"));
        }
        int rows = random.nextInt(40);
        for (int r = 0; r < rows; r++) {
            int kind = random.nextInt(100);
            if (kind < 3) {
                text.append(pick(random, "\n", "  \n", "# note\n", "// note\n", "\r\n"));
                continue;
            }
            String url = random.nextInt(100) < 80 ? ofItsOwn(random, pick(random,
                    "https://www.example-shop.com/women/shoes-123.html", "http://a.b/p?q=1#f", "https://example.com",
                    "https://shop.example.co.uk/x/y-1.html?utm=a&b=c", "https://ex.com/%41b"))
                    : pick(random, "/relative", "www.example.com/p", "https://ex..com/", "https://ex.com/a b",
                            "\"https://ex.com/a,b\"", "\"https://ex.com/\"\"q\"\"\"", "\"https://ex.com/\nx\"",
                            "https://EXAMPLE.com/", "ftp://x.y/", "", " https://ex.com/ ", "\"https://ex.com/q\"",
                            "https://ex.com:8080/", "https://ex.com/\u00e9", "https://x.y/" + "p".repeat(60));
            String date = random.nextInt(100) < 85 ? "2020-09-22" : pick(random, "2020-09-21", "22/09/2020", "", "2020-02-30",
                    "\"2020-09-22\"", " 2020-09-22");
            String channel = pick(random, "organic", "paid", "", "\"a,b\"", "#x", " \"c,d\"", "\"e\" ", "\"   \"");
            String transactions = random.nextInt(100) < 88 ? pick(random, "1", "2", "12") : pick(random, "", "-1", "2.0", "x",
                    "99999999999999999999");
            String revenue = random.nextInt(100) < 90 ? pick(random, "12.50", "5", "0.5") : pick(random, "", "-3.5", "10,50",
                    "\"10,50\"", ".5", "1e3");
            List<String> fields = new ArrayList<>(List.of(url, date, channel, transactions, revenue));
            if (kind >= 97) {
                if (random.nextBoolean()) {
                    fields.add("extra");
                } else {
                    fields.remove(fields.size() - 1);
                }
            }
            text.append(String.join(",", fields)).append(random.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        if (random.nextInt(20) == 0) {
            text.append("\"https://ex.com/open,2020-09-22,paid,1,2\n");
        }
        return text.toString();
    }

    /**
     * Makes most good URLs the URL of a row of their own, a query parameter more, so that most rows are plain; one
     * in four is left as it is, and may repeat a row of the file (DUPLICATE_ROW), which the skipping source must
     * build and report as the building one does.
     */
    private static String ofItsOwn(Random random, String url) {
        if (random.nextInt(4) == 0) {
            return url;
        }
        String parameter = "r=" + random.nextInt(1_000_000);
        int fragment = url.indexOf('#');
        if (fragment >= 0) {
            return url.substring(0, fragment) + "&" + parameter + url.substring(fragment);
        }
        return url + (url.indexOf('?') >= 0 ? "&" : url.lastIndexOf('/') > "https://".length() ? "?" : "/?")
                + parameter;
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Opens a fresh source on the same input. */
    @FunctionalInterface
    private interface Opener {
        RecordSource open() throws IOException;
    }

    /** A source that hands everything on to another. */
    private abstract static class Delegating implements RecordSource {

        final RecordSource source;

        Delegating(RecordSource source) {
            this.source = source;
        }

        @Override
        public @Nullable RawRecord next() {
            return source.next();
        }

        @Override
        public long blankLines() {
            return source.blankLines();
        }

        @Override
        public String format() {
            return source.format();
        }

        @Override
        public Optional<String> delimiter() {
            return source.delimiter();
        }

        @Override
        public FileProfile profile() {
            return source.profile();
        }

        @Override
        public Optional<String> name() {
            return source.name();
        }

        @Override
        public void close() {
            source.close();
        }
    }

    /** A source that hides its held records, so that the validator builds every record. */
    private static final class Building extends Delegating {

        Building(RecordSource source) {
            super(source);
        }
    }

    /**
     * A source read through its held records, that counts the records read and those built. Without an expected
     * date no row is plain: the validator reads with {@code next()}, and none is skipped.
     */
    private static final class Counting extends Delegating implements HeldRecords {

        private final HeldRecords held;
        long advanced;
        long built;

        Counting(RecordSource source, HeldRecords held) {
            super(source);
            this.held = held;
        }

        @Override
        public boolean advance() {
            boolean more = held.advance();
            if (more) {
                advanced++;
            }
            return more;
        }

        @Override
        public @Nullable HeldValues held() {
            return held.held();
        }

        @Override
        public RawRecord record() {
            built++;
            return held.record();
        }
    }
}
