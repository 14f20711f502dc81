package org.conversionkit.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.Field;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.model.internal.ConversionFileCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads every fixture under {@code src/test/resources/fixtures} through {@code source(...)} and the
 * {@link ConversionFileCheck} (the mapper's field rules and the rule across rows), and compares with its
 * {@code .expected} file.
 *
 * <p>An expected file holds, one a line ({@code #} starts a comment):
 * <ul>
 *   <li>{@code RECORD LINE VALID} or {@code RECORD LINE CODE[,CODE...]}: every record in order with the codes of
 *       its violations, reader's and mapper's; {@code CODE@N} when the violation's line differs from the
 *       record's; {@code valid FROM-TO} for records FROM to TO, valid, one a line;</li>
 *   <li>{@code delimiter X} the delimiter reported ({@code tab} for tab), {@code blankLines N};</li>
 *   <li>{@code value R FIELD=TEXT} a raw value of record R, {@code row R FIELD=TEXT} a value of its typed row
 *       (escapes {@code \n \r \t \s \\}; {@code <absent>} for an absent value), {@code message R TEXT} a text in one of its
 *       violation messages;</li>
 *   <li>configuration: {@code given-delimiter X}, {@code columns SPEC}, {@code default FIELD=VALUE},
 *       {@code date YYYY-MM-DD}, {@code limit NAME=VALUE}.</li>
 * </ul>
 * Each fixture is read from a {@link Path}, an {@link InputStream}, and, when its bytes are plain UTF-8, a
 * {@link Reader}; all must give the same result.
 */
class CsvFixturesTest {

    enum Input { PATH, STREAM, READER }

    static Stream<Arguments> fixtures() throws IOException, URISyntaxException {
        Path directory = Path.of(Objects.requireNonNull(CsvFixturesTest.class.getResource("/fixtures")).toURI());
        List<Arguments> arguments = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path expected : files.filter(f -> f.toString().endsWith(".expected")).sorted().toList()) {
                String base = expected.getFileName().toString().replace(".expected", "");
                Path data;
                try (Stream<Path> candidates = Files.list(directory)) {
                    data = candidates.filter(f -> f.getFileName().toString().startsWith(base + ".")
                            && !f.equals(expected)).findFirst().orElseThrow(() -> new AssertionError(
                                    "no data file for " + expected));
                }
                arguments.add(Arguments.of(base, Input.PATH, data, expected));
                arguments.add(Arguments.of(base, Input.STREAM, data, expected));
                if (plainUtf8(data)) {
                    arguments.add(Arguments.of(base, Input.READER, data, expected));
                }
            }
        }
        assertThat(arguments).hasSizeGreaterThan(40);
        return arguments.stream();
    }

    private static boolean plainUtf8(Path data) throws IOException {
        byte[] bytes = Files.readAllBytes(data);
        if (bytes.length >= 2 && bytes[0] == 0x1F && bytes[1] == (byte) 0x8B) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("fixtures")
    void fixture(String name, Input input, Path data, Path expectedFile) throws IOException {
        Expected expected = Expected.parse(expectedFile);
        ConversionCsvReader.Builder builder = ConversionCsvReader.builder()
                .profile(ConversionProfile.builder().columns(expected.columns).build()).limits(expected.limits);
        if (expected.givenDelimiter != null) {
            builder.delimiter(expected.givenDelimiter);
        }
        // The mapper's field rules and the rule across rows (DUPLICATE_ROW), as the validator applies them.
        ConversionFileCheck mapper = new ConversionFileCheck(ConversionProfile.builder().columns(expected.columns)
                .defaults(expected.defaults).date(expected.date).build(), null);

        List<String> records = new ArrayList<>();
        Map<Long, List<Violation>> violations = new LinkedHashMap<>();
        Map<Long, RawRecord> raw = new LinkedHashMap<>();
        Map<Long, ConversionRow> rows = new LinkedHashMap<>();
        try (RecordSource source = open(builder, input, data)) {
            assertThat(source.format()).isEqualTo("csv");
            RawRecord record;
            while ((record = source.next()) != null) {
                List<Violation> found = new ArrayList<>();
                ConversionRow row = mapper.map(record, found::add);
                if (row != null) {
                    rows.put(record.record(), row);
                }
                raw.put(record.record(), record);
                violations.put(record.record(), found);
                records.add(describe(record, found));
            }
            assertThat(source.next()).as("after the end").isNull();
            assertThat(records).as("records of %s", name).containsExactlyElementsOf(expected.records);
            if (expected.blankLines != null) {
                assertThat(source.blankLines()).as("blank lines").isEqualTo(expected.blankLines);
            }
            assertThat(source.delimiter()).as("delimiter").contains(expected.delimiter);
        }
        for (String[] value : expected.values) {
            RawRecord record = raw.get(Long.parseLong(value[0]));
            assertThat(record).as("record %s", value[0]).isNotNull();
            Field field = Field.byName(value[1]).orElseThrow();
            assertThat(record.value(field.ordinal())).as("value %s of record %s", value[1], value[0])
                    .isEqualTo(value[2]);
        }
        for (String[] value : expected.rowValues) {
            ConversionRow row = rows.get(Long.parseLong(value[0]));
            assertThat(row).as("row %s", value[0]).isNotNull();
            assertThat(rowValue(row, value[1])).as("row value %s of record %s", value[1], value[0])
                    .isEqualTo(value[2]);
        }
        for (Map.Entry<Long, String> message : expected.messages) {
            assertThat(violations.get(message.getKey())).as("violations of record %s", message.getKey())
                    .isNotNull()
                    .anySatisfy(v -> assertThat(v.message()).contains(message.getValue()));
        }
    }

    private static RecordSource open(ConversionCsvReader.Builder builder, Input input, Path data)
            throws IOException {
        return switch (input) {
            case PATH -> builder.source(data);
            case STREAM -> builder.source(Files.newInputStream(data));
            case READER -> builder.source(new StringReader(Files.readString(data)));
        };
    }

    private static String describe(RawRecord record, List<Violation> found) {
        String codes = found.isEmpty() ? "VALID" : found.stream()
                .map(v -> v.code() + (v.line() == record.line() ? "" : "@" + v.line()))
                .collect(Collectors.joining(","));
        for (Violation violation : found) {
            assertThat(violation.record()).isEqualTo(record.record());
        }
        return record.record() + " " + record.line() + " " + codes;
    }

    private static String rowValue(ConversionRow row, String field) {
        Object value = switch (field) {
            case "url" -> row.url();
            case "date" -> row.date();
            case "channel" -> row.channel();
            case "device" -> row.device();
            case "transactions" -> row.transactions();
            case "revenue" -> row.revenue();
            default -> throw new AssertionError("no field " + field);
        };
        return value == null ? null : value.toString();
    }

    /** An expected-results file. */
    static final class Expected {
        static final String ABSENT = "<absent>";
        final List<String> records = new ArrayList<>();
        final List<String[]> values = new ArrayList<>();
        final List<String[]> rowValues = new ArrayList<>();
        final List<Map.Entry<Long, String>> messages = new ArrayList<>();
        String delimiter = ",";
        Character givenDelimiter;
        Long blankLines;
        ColumnLayout columns = ColumnLayout.DEFAULT;
        FieldDefaults defaults = FieldDefaults.NONE;
        LocalDate date;
        CsvLimits limits = CsvLimits.DEFAULTS;

        static Expected parse(Path file) {
            Expected expected = new Expected();
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ", 2);
                String rest = parts.length > 1 ? parts[1] : "";
                switch (parts[0]) {
                    case "delimiter" -> expected.delimiter = delimiter(rest);
                    case "given-delimiter" -> expected.givenDelimiter = delimiter(rest).charAt(0);
                    case "blankLines" -> expected.blankLines = Long.parseLong(rest);
                    case "columns" -> expected.columns = ColumnLayout.parse(rest);
                    case "default" -> expected.defaults = expected.defaults.with(rest);
                    case "date" -> expected.date = LocalDate.parse(rest);
                    case "limit" -> expected.limits = limit(expected.limits, rest);
                    case "value" -> expected.values.add(keyValue(rest));
                    case "row" -> expected.rowValues.add(keyValue(rest));
                    case "valid" -> {
                        String[] range = rest.split("-");
                        for (long r = Long.parseLong(range[0]); r <= Long.parseLong(range[1]); r++) {
                            expected.records.add(r + " " + r + " VALID");
                        }
                    }
                    case "message" -> {
                        String[] message = rest.split(" ", 2);
                        expected.messages.add(Map.entry(Long.parseLong(message[0]), message[1]));
                    }
                    default -> {
                        assertThat(parts[0]).as("expected-file line '%s'", line).matches("\\d+");
                        expected.records.add(line.strip());
                    }
                }
            }
            return expected;
        }

        private static String delimiter(String text) {
            return text.equals("tab") ? "\t" : text;
        }

        private static CsvLimits limit(CsvLimits limits, String assignment) {
            String[] parts = assignment.split("=", 2);
            long value = Long.parseLong(parts[1]);
            CsvLimits.Builder builder = limits.toBuilder();
            switch (parts[0]) {
                case "maxFieldSize" -> builder.maxFieldSize((int) value);
                case "maxRecordSize" -> builder.maxRecordSize((int) value);
                case "maxFieldsPerRecord" -> builder.maxFieldsPerRecord((int) value);
                case "maxFileBytes" -> builder.maxFileBytes(value);
                case "maxRecords" -> builder.maxRecords(value);
                default -> throw new AssertionError("no limit " + parts[0]);
            }
            return builder.build();
        }

        /** Parses {@code R FIELD=TEXT} into record, field and unescaped text ({@code null} when empty). */
        private static String[] keyValue(String text) {
            String[] parts = text.split(" ", 2);
            String[] assignment = parts[1].split("=", 2);
            String value = assignment[1].equals(ABSENT) ? null : unescape(assignment[1]);
            return new String[] {parts[0], assignment[0], value};
        }

        private static String unescape(String text) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c != '\\' || i + 1 == text.length()) {
                    out.append(c);
                    continue;
                }
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 's' -> ' ';
                    default -> next;
                });
            }
            return out.toString();
        }
    }
}
