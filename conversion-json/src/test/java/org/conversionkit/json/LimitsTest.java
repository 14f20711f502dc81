package org.conversionkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.ConversionMapper;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and oversized inputs, generated while they are read: every limit is a located
 * {@code RECORD_TOO_LARGE} naming the limit, never an OutOfMemoryError or a foreign exception; and
 * large inputs within the limits read in full.
 */
class LimitsTest {

    private static final String ROW = "{\"url\":\"https://domain.tld\",\"date\":\"2020-09-22\"";
    private static final String ROW_LINE = ROW + "}\n";
    private static final long MB_50 = 50L * 1024 * 1024;

    /**
     * A case: the input, the limits, and what is expected: the number of records, and the last
     * record's violation (record, line, code and a fragment of the message), or null when every
     * record is valid.
     */
    record Case(String name, Generated input, JsonLimits limits, long records, @Nullable String last,
            @Nullable String fragment) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        JsonLimits defaults = JsonLimits.DEFAULTS;
        return Stream.of(
                new Case("10,000 nested arrays in a value", Generated.of(ROW_LINE + ROW + ",\"x\":",
                        "[", 10_000, "]".repeat(10_000) + "}\n"), defaults, 2, "2 @2 RECORD_TOO_LARGE",
                        "nested deeper than maxNestingDepth (32) allows (at line 2, column 85)"),
                new Case("10,000 nested arrays as a row", Generated.of(ROW_LINE, "[", 10_000, ""), defaults, 2,
                        "2 @2 RECORD_TOO_LARGE", "maxNestingDepth (32)"),
                new Case("10,000 nested objects in an unknown value", Generated.of(ROW + ",\"x\":", "{\"a\":",
                        10_000, "1"), defaults, 1, "1 @1 RECORD_TOO_LARGE", "maxNestingDepth (32)"),
                new Case("nesting at the limit", Generated.of(ROW + ",\"x\":", "[", 31, "]".repeat(31) + "}"),
                        defaults, 1, "1 @1 UNKNOWN_FIELD x", null),
                new Case("a 50 MB url", Generated.of("\n" + "{\"date\":\"2020-09-22\",\"url\":\"", "a", MB_50,
                        "\"}\n"), defaults, 1, "1 @2 RECORD_TOO_LARGE", "maxStringLength (65536 chars) allows (at line 2, column "),
                new Case("a 50 MB unknown value, skipped unread", Generated.of(ROW + ",\"note\":\"", "a", MB_50,
                        "\"}\n"), defaults, 1, "1 @1 RECORD_TOO_LARGE", "maxRecordSize (1048576)"),
                new Case("a 50 MB string as a row", Generated.of(ROW_LINE + "\"", "a", MB_50, "\"\n"), defaults, 2,
                        "2 @2 RECORD_TOO_LARGE", "maxStringLength (65536 chars)"),
                new Case("a string at maxStringLength", Generated.of(ROW + ",\"channel\":\"", "c", 30, "\"}"),
                        JsonLimits.builder().maxStringLength(30).build(), 1, null, null),
                new Case("a string one past maxStringLength", Generated.of(ROW + ",\"channel\":\"", "c", 31, "\"}"),
                        JsonLimits.builder().maxStringLength(30).build(), 1, "1 @1 RECORD_TOO_LARGE",
                        "maxStringLength (30 chars)"),
                new Case("a 60,000-character key", Generated.of(ROW + ",\"", "k", 60_000, "\":1}"), defaults, 1,
                        "1 @1 RECORD_TOO_LARGE", "maxNameLength (256 chars)"),
                new Case("a 1001-digit revenue", Generated.of(ROW + ",\"revenue\":", "9", 1001, "}"), defaults, 1,
                        "1 @1 RECORD_TOO_LARGE", "maxNumberLength (100 chars)"),
                new Case("a 1001-digit number skipped unread", Generated.of(ROW + ",\"x\":[", "9", 1001, "]}"),
                        defaults, 1, "1 @1 RECORD_TOO_LARGE", "maxNumberLength (100 chars)"),
                new Case("a 1001-digit row", Generated.of(ROW_LINE, "1", 1001, ""), defaults, 2,
                        "2 @2 RECORD_TOO_LARGE", "maxNumberLength (100 chars)"),
                // Past maxStringLength too, which the parser names for a number's text as for a string's.
                new Case("a 50 MB revenue", Generated.of(ROW + ",\"revenue\":", "9", MB_50, "}"), defaults, 1,
                        "1 @1 RECORD_TOO_LARGE", "maxNumberLength (100 chars)"),
                new Case("a 50 MB number skipped unread", Generated.of(ROW + ",\"x\":[", "9", MB_50, "]}"),
                        defaults, 1, "1 @1 RECORD_TOO_LARGE", "maxNumberLength (100 chars)"),
                new Case("a 50 MB row of digits", Generated.of(ROW_LINE, "1", MB_50, ""), defaults, 2,
                        "2 @2 RECORD_TOO_LARGE", "maxNumberLength (100 chars)"),
                new Case("200,000 distinct unknown keys in one record", Generated.of(ROW,
                        i -> ",\"k" + i + "\":" + i, 200_000, "}"), defaults, 1, "1 @1 RECORD_TOO_LARGE",
                        "maxRecordSize (1048576)"),
                new Case("a record past maxRecordSize", Generated.of(ROW_LINE + ROW + ",\"channel\":\"", "c", 60,
                        "\"}\n"), JsonLimits.builder().maxRecordSize(100).build(), 2, "2 @2 RECORD_TOO_LARGE",
                        "maxRecordSize (100)"),
                new Case("a record at maxRecordSize", Generated.of(ROW_LINE, "", 0, ""),
                        JsonLimits.builder().maxRecordSize(ROW.length() + 1).build(), 1, null, null),
                new Case("more records than maxRecords", Generated.of("", ROW_LINE, 10, ""),
                        JsonLimits.builder().maxRecords(5).build(), 6, "6 @6 RECORD_TOO_LARGE",
                        "more records than maxRecords (5)"),
                new Case("an input past maxFileBytes", Generated.of("", i -> padded(i), 30, ""),
                        JsonLimits.builder().maxFileBytes(2000).build(), 21, "21 @21 RECORD_TOO_LARGE",
                        "larger than maxFileBytes (2000)"),
                new Case("an input of exactly maxFileBytes", Generated.of("", i -> padded(i), 20, ""),
                        JsonLimits.builder().maxFileBytes(2000).build(), 20, null, null),
                new Case("100,000 loose rows on one line", Generated.of("", ROW + "},", 100_000, ""), defaults,
                        100_000, null, null),
                new Case("50 MB of spaces between two rows", Generated.of(ROW + "}", " ", MB_50, ROW + "}"),
                        defaults, 2, null, null),
                new Case("50 MB of spaces and no row", Generated.of("", " ", MB_50, ""), defaults, 0, null, null),
                new Case("1e999999999 as revenue", Generated.of(ROW + ",\"revenue\":1e999999999}", "", 0, ""),
                        defaults, 1, "1 @1 FIELD_TYPE revenue", "out of range"));
    }

    private static String padded(long i) {
        String row = "{\"url\":\"https://domain.tld/" + i + "\",\"date\":\"2020-09-22\"}";
        return row + " ".repeat(99 - row.length()) + "\n";
    }

    static Stream<Arguments> casesAsBytesAndChars() {
        return cases().flatMap(c -> Stream.of(Arguments.of(c, "bytes"), Arguments.of(c, "chars")));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("casesAsBytesAndChars")
    void limit(Case c, String input) {
        ConversionJsonReader.Builder builder = ConversionJsonReader.builder().limits(c.limits());
        ConversionMapper mapper = ConversionMapper.builder().build();
        long records = 0;
        Violation last = null;
        String lastRendered = null;
        try (RecordSource source = "bytes".equals(input) ? builder.source(c.input().bytes())
                : builder.source(c.input().chars())) {
            RawRecord record;
            while ((record = source.next()) != null) {
                records++;
                List<Violation> violations = new ArrayList<>();
                mapper.map(record, violations::add);
                if (!violations.isEmpty()) {
                    last = violations.get(violations.size() - 1);
                    lastRendered = last.record() + " @" + last.line() + " " + last.code()
                            + (last.field() == null ? "" : " " + last.field());
                }
            }
        }
        assertThat(records).as("records").isEqualTo(c.records());
        assertThat(lastRendered).isEqualTo(c.last());
        if (c.fragment() != null) {
            assertThat(last).isNotNull();
            assertThat(last.message()).contains(c.fragment());
            if (last.code() == ViolationCode.RECORD_TOO_LARGE) {
                assertThat(last.isError()).isTrue();
            }
        }
    }

    private static final String CRM = "{\"orderId\":\"N1\",\"createdAt\":\"2020-01-10\",\"updatedAt\":\"2020-01-15\"";

    /** Hostile CRM records, read with extras (the typed reader) and without (the validator's source). */
    static Stream<Arguments> crmCases() {
        return Stream.of(
                Arguments.of("10,000 nested arrays in an extra", Generated.of(CRM + ",\"x\":", "[", 10_000, ""),
                        "maxNestingDepth (32)", "maxNestingDepth (32)"),
                Arguments.of("a 50 MB extra string", Generated.of(CRM + ",\"x\":\"", "a", MB_50, "\"}"),
                        "maxStringLength (65536 chars)", "maxRecordSize (1048576)"),
                Arguments.of("a 50 MB id", Generated.of("{\"orderId\":\"", "a", MB_50, "\"}"),
                        "maxStringLength (65536 chars)", "maxStringLength (65536 chars)"),
                Arguments.of("200,000 extras", Generated.of(CRM, i -> ",\"k" + i + "\":[" + i + "]", 200_000, "}"),
                        "maxRecordSize (1048576)", "maxRecordSize (1048576)"),
                Arguments.of("a 1001-digit extra", Generated.of(CRM + ",\"x\":{\"y\":", "7", 1001, "}}"),
                        "maxNumberLength (100 chars)", "maxNumberLength (100 chars)"),
                Arguments.of("a 50 MB extra number", Generated.of(CRM + ",\"x\":", "7", MB_50, "}"),
                        "maxNumberLength (100 chars)", "maxNumberLength (100 chars)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crmCases")
    void crmLimit(String name, Generated input, String withExtras, String withoutExtras) {
        assertThatThrownBy(() -> CrmFeedReader.builder().build(input.bytes()).stream().count())
                .isInstanceOfSatisfying(ConversionDataException.class, tooLarge(withExtras));
        try (RecordSource source = CrmFeedReader.builder().source(input.chars())) {
            RawRecord record = source.next();
            assertThat(record).isNotNull();
            assertThat(record.isRejected()).isTrue();
            assertThat(record.violations()).singleElement().satisfies(v -> {
                assertThat(v.code()).isEqualTo(ViolationCode.RECORD_TOO_LARGE);
                assertThat(v.message()).contains(withoutExtras);
            });
            assertThat(source.next()).isNull();
        }
    }

    /**
     * A feed's line with a value past a limit (a number, a nesting, a string: the id of 70,000 characters) is one
     * rejected record, and the lines after it are read: each line of a feed is a record of its own, so the breach ends that record, not the feed.
     */
    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"bytes", "chars"})
    void aFeedLinePastALimitIsSkippedAlone(String input) {
        String feed = CRM + "}\n"
                + CRM.replace("N1", "N2") + ",\"x\":" + "7".repeat(150) + "}\n"
                + CRM.replace("N1", "N3") + ",\"x\":" + "[".repeat(40) + "1" + "]".repeat(40) + "}\n"
                + CRM.replace("N1", "N4".repeat(35_000)) + "}\n"
                + CRM.replace("N1", "N5") + "}\n";
        CrmFeedReader.Builder builder = CrmFeedReader.builder();
        List<String> seen = new ArrayList<>();
        try (RecordSource source = "bytes".equals(input)
                ? builder.source(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)))
                : builder.source(new StringReader(feed))) {
            for (RawRecord record = source.next(); record != null; record = source.next()) {
                seen.add(record.line() + " " + (record.isRejected() ? record.violations().get(0).code() + " "
                        + limitNamed(record.violations().get(0).message()) : "read"));
            }
        }
        assertThat(seen).containsExactly("1 read", "2 RECORD_TOO_LARGE maxNumberLength",
                "3 RECORD_TOO_LARGE maxNestingDepth", "4 RECORD_TOO_LARGE maxStringLength", "5 read");
    }

    /** The name of the limit a message names, its first {@code max…} word, and what it says of the line. */
    private static String limitNamed(String message) {
        Matcher limit = Pattern.compile("max\\w+").matcher(message);
        return (limit.find() ? limit.group() : message)
                + (message.endsWith("the line is skipped, reading goes on with the next one") ? "" : " (stops)");
    }

    static Stream<Arguments> schemaCases() {
        return Stream.of(
                Arguments.of("a 50 MB first value", Generated.of("{\"s\":\"", "a", MB_50, "\"}"),
                        "maxStringLength (65536 chars)"),
                Arguments.of("a 50 MB value of a STRING field", Generated.of("{\"s\":\"x\"}\n{\"s\":\"", "a",
                        MB_50, "\"}"), "maxRecordSize (1048576)"),
                Arguments.of("10,000 nested objects", Generated.of("{\"a\":", "{\"a\":", 10_000, ""),
                        "maxNestingDepth (32)"),
                Arguments.of("20,000 distinct fields", Generated.of("{\"a\":0", i -> ",\"k" + i + "\":0", 20_000, "}"),
                        "maxSchemaFields (10000)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaCases")
    void schemaLimit(String name, Generated input, String fragment) {
        assertThatThrownBy(() -> SchemaInference.builder().build().infer(input.bytes()))
                .isInstanceOfSatisfying(ConversionDataException.class, tooLarge(fragment));
    }

    private static Consumer<ConversionDataException> tooLarge(String fragment) {
        return e -> {
            assertThat(e.code()).isEqualTo(ViolationCode.RECORD_TOO_LARGE);
            assertThat(e.getMessage()).contains(fragment);
        };
    }
}
