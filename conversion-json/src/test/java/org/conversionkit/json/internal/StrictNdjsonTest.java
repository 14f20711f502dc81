package org.conversionkit.json.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.conversionkit.json.JsonForm;
import org.conversionkit.json.JsonLimits;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The record source of a CRM feed, strict NDJSON (issue 14, item 1): each line that is not one JSON value is
 * {@code NOT_NDJSON} at the character that shows it, a syntax error inside a line {@code MALFORMED_JSON}, and
 * reading goes on with the next line, through bytes and chars alike; lines are counted in 64 bits (issue 16,
 * item 10).
 */
class StrictNdjsonTest {

    private static final String OK = "{\"orderId\":\"N1\",\"createdAt\":\"2020-01-10\",\"updatedAt\":\"2020-01-15\"}";

    /** Reads an input as bytes and as chars; returns each record as "line:column CODE" or "line ok". */
    private static List<String> read(String text) {
        List<String> bytes = read(text, true, 1);
        assertThat(read(text, false, 1)).as("the same through a Reader").isEqualTo(bytes);
        return bytes;
    }

    private static List<String> read(String text, boolean asBytes, long firstLine) {
        List<String> outcomes = new ArrayList<>();
        ObjectHandler handler = ObjectHandler.crm("orderId", false);
        try (JsonRecordSource source = asBytes
                ? JsonRecordSource.ndjson(new ByteArrayInputStream(text.getBytes(UTF_8)), null, CrmProfile.DEFAULT,
                        JsonLimits.DEFAULTS, handler, firstLine)
                : JsonRecordSource.ndjson(new StringReader(text), null, CrmProfile.DEFAULT, JsonLimits.DEFAULTS,
                        handler)) {
            assertThat(source.form()).isEqualTo(JsonForm.NDJSON);
            long expected = 0;
            RawRecord record;
            while ((record = source.next()) != null) {
                assertThat(record.record()).isEqualTo(++expected);
                if (record.violations().isEmpty()) {
                    outcomes.add(record.line() + " ok");
                }
                for (Violation violation : record.violations()) {
                    assertThat(violation.line()).isEqualTo(record.line());
                    outcomes.add(violation.line() + ":" + violation.column() + " " + violation.code());
                }
            }
            outcomes.add("blank " + source.blankLines());
        }
        return outcomes;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            single-quoted keys                  | {'orderId': 'N1'}                         | 1:2 NOT_NDJSON
            single-quoted value                 | {"orderId": 'N1'}                         | 1:13 NOT_NDJSON
            the escape \\'                       | {"orderId": "N\\'1"}                       | 1:16 NOT_NDJSON
            a comma after the record            | {"orderId": "N1"},                        | 1:18 NOT_NDJSON
            a comma before the record           | ,{"orderId": "N1"}                        | 1:1 NOT_NDJSON
            an array of records                 | [{"orderId": "N1"}, {"orderId": "N2"}]    | 1:2 NOT_NDJSON
            an empty array of records           | []                                        | 1:2 NOT_NDJSON
            an array of records, spaced         | [ {"orderId": "N1"} ]                     | 1:3 NOT_NDJSON
            two objects on one line             | {"orderId": "N1"} {"orderId": "N2"}       | 1:19 NOT_NDJSON
            two objects touching                | {"orderId": "N1"}{"orderId": "N2"}        | 1:18 NOT_NDJSON
            a number and an object              | 42 {"orderId": "N2"}                      | 1:4 NOT_NDJSON
            a key and its value alone           | "orderId": "N1",                          | 1:10 NOT_NDJSON
            a closing brace alone               | }                                         | 1:1 NOT_NDJSON
            a closing bracket alone             | ]                                         | 1:1 NOT_NDJSON
            Python's u'' (its own message)      | {"orderId": u'N1'}                        | 1:13 MALFORMED_JSON
            a trailing comma in the object      | {"orderId": "N1",}                        | 1:18 MALFORMED_JSON
            a missing colon                     | {"orderId" "N1"}                          | 1:12 MALFORMED_JSON
            a bare word                         | {"orderId": N1}                           | 1:13 MALFORMED_JSON
            an array of numbers                 | [1, 2]                                    | 1:1 NOT_AN_OBJECT
            a string                            | "N1"                                      | 1:1 NOT_AN_OBJECT
            a number                            | 42                                        | 1:1 NOT_AN_OBJECT
            """)
    void aLineThatIsNotOneObjectIsRejectedAloneAndReadingGoesOn(String what, String line, String outcome) {
        String text = OK + "\n" + line + "\n" + OK + "\n";
        assertThat(read(text)).as(what).containsExactly("1 ok", outcome.replace("1:", "2:"), "3 ok", "blank 0");
    }

    @Test
    void aPrettyPrintedRecordIsAnErrorOnEachOfItsLines() {
        String text = "{\n  \"orderId\": \"N1\",\n  \"createdAt\": \"2020-01-10\"\n}\n" + OK + "\n";
        assertThat(read(text)).containsExactly("1:2 NOT_NDJSON", "2:12 NOT_NDJSON", "3:14 NOT_NDJSON",
                "4:1 NOT_NDJSON", "5 ok", "blank 0");
    }

    @Test
    void aLineBreakInAStringEndsTheLine() {
        String text = "{\"orderId\": \"N\n1\"}\n" + OK;
        assertThat(read(text)).containsExactly("1:15 NOT_NDJSON", "2:2 NOT_NDJSON", "3 ok", "blank 0");
    }

    @Test
    void theLooseFormsOfConversionRowsAreNotAFeedsForms() {
        String text = "[{'orderId': 'N1', 'createdAt': '2020-01-10'},\n {'orderId': 'N2'},\n]\n";
        assertThat(read(text)).containsExactly("1:2 NOT_NDJSON", "2:3 NOT_NDJSON", "3:1 NOT_NDJSON", "blank 0");
    }

    @Test
    void aLastLineCutShortIsNotNdjson() {
        assertThat(read(OK + "\n{\"orderId\": \"N")).containsExactly("1 ok", "2:15 NOT_NDJSON", "blank 0");
        assertThat(read(OK + "\n[")).containsExactly("1 ok", "2:2 NOT_NDJSON", "blank 0");
        assertThat(read(OK + "\n" + OK)).containsExactly("1 ok", "2 ok", "blank 0");
    }

    @Test
    void aLineOfAFaultAtTheStartOfTheInputIsSkipped() {
        assertThat(read("'\n" + OK + "\n'")).containsExactly("1:1 NOT_NDJSON", "2 ok", "3:1 NOT_NDJSON", "blank 0");
    }

    @Test
    void blankLinesAreCountedWhereverTheyAre() {
        String text = "\n  \n" + OK + "\n\t\n" + "{'x'}\n\n" + OK + "\n \n  ";
        assertThat(read(text)).containsExactly("3 ok", "5:2 NOT_NDJSON", "7 ok", "blank 6");
    }

    @Test
    void whiteSpaceBeforeTheRecordCountsInItsColumns() {
        String text = "   {'x'}\n\t\t{\"orderId\" 1}\r  \r\n \t" + OK + " x\r\r\n  \n{\"a\":\"b\",\"a\":1}";
        assertThat(read(text)).containsExactly("1:5 NOT_NDJSON", "2:14 MALFORMED_JSON", "4:" + (OK.length() + 4)
                + " NOT_NDJSON", "7:10 DUPLICATE_KEY", "blank 3");
    }

    @Test
    void lineEndsOfEveryKindAndWhiteSpaceAfterTheRecord() {
        String text = OK + "  \t\r\n" + OK + "\r" + "{\"a\":1}\r" + OK + " ,\r\n" + OK;
        assertThat(read(text)).containsExactly("1 ok", "2 ok", "3 ok", "4:" + (OK.length() + 2) + " NOT_NDJSON",
                "5 ok", "blank 0");
    }

    /**
     * Lines longer than the buffers of the filter (8 KiB) and of the parser: a record whose end falls on a buffer's
     * end, white space or a comma after it in the next buffer, a fault far into a line.
     */
    @Test
    void longLines() {
        List<String> lines = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int length = 8150; length < 8250; length++) {
            String record = "{\"orderId\":\"N1\",\"createdAt\":\"2020-01-10\",\"updatedAt\":\"2020-01-15\",\"note\":\""
                    + "x".repeat(length - OK.length() - 11) + "\"}";
            lines.add(record);
            expected.add(lines.size() + " ok");
            lines.add(record + "   ");
            expected.add(lines.size() + " ok");
            lines.add(record + " ,");
            expected.add(lines.size() + ":" + (record.length() + 2) + " NOT_NDJSON");
            lines.add(record.replace("\"N1\"", "'N1'") + " ,");
            expected.add(lines.size() + ":12 NOT_NDJSON");
            lines.add(record.replace("xx\"}", "x\\'\"}"));
            expected.add(lines.size() + ":" + (record.length() - 1) + " NOT_NDJSON");
        }
        expected.add("blank 0");
        assertThat(read(String.join("\n", lines))).containsExactlyElementsOf(expected);
        assertThat(read(String.join("\r\n", lines))).containsExactlyElementsOf(expected);
    }

    @Test
    void badBytesInTheSkippedRestOfALineAreStillBadBytes() {
        byte[] text = (OK + "\n{'a': '\u00e9'}\n" + OK + "\n").getBytes(UTF_8);
        // The é's second byte: a lead byte followed by one that is not a continuation byte.
        int at = OK.length() + 9;
        text[at] = 'x';
        List<String> outcomes = new ArrayList<>();
        try (JsonRecordSource source = JsonRecordSource.ndjson(new ByteArrayInputStream(text), null,
                CrmProfile.DEFAULT, JsonLimits.DEFAULTS, ObjectHandler.crm("orderId", false))) {
            RawRecord record;
            while ((record = source.next()) != null) {
                for (Violation violation : record.violations()) {
                    outcomes.add(violation.line() + ":" + violation.column() + " " + violation.code());
                }
            }
        }
        assertThat(outcomes).containsExactly("2:2 NOT_NDJSON", "2:8 ENCODING");
    }

    @Test
    void duplicateKeysAreLocatedOnTheirLine() {
        String text = OK + "\n" + "{\"orderId\":\"N2\",\"orderId\":\"N3\",\"createdAt\":\"2020-01-10\"}";
        assertThat(read(text)).containsExactly("1 ok", "2:17 DUPLICATE_KEY", "blank 0");
    }

    /** Issue 16, item 10: lines past 2^31 and 2^32 are numbered in 64 bits; the parser's own count is 32-bit. */
    @Test
    void linesPast32Bits() {
        String text = OK + "\n\n{'x'}\n" + OK + "\n{\"orderId\" 1}\n" + OK + "\n";
        for (long first : new long[] {Integer.MAX_VALUE - 2L, (1L << 32) - 3, Long.MAX_VALUE / 2}) {
            assertThat(read(text, true, first)).containsExactly(first + " ok", (first + 2) + ":2 NOT_NDJSON",
                    (first + 3) + " ok", (first + 4) + ":12 MALFORMED_JSON", (first + 5) + " ok", "blank 1");
        }
    }
}
