package org.conversionkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No message of the JSON readers shows jackson-core's internals (issue 13): its descriptions of locations
 * ({@code [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); byte offset: #UNKNOWN]}),
 * its advice about its features ({@code require enabling `JsonReadFeature.ALLOW_HEXADECIMAL_NUMBERS`}), its
 * names. Held on the inputs that gave them and on thousands of rows broken at random.
 */
class ParserMessagesTest {

    private static final String[] ROWS = {
        "{\"url\": \"https://domain.tld/a\", \"date\": \"2020-09-22\", \"channel\": \"organic\", \"transactions\": 1,"
                + " \"revenue\": 10.5, \"extra\": [1, {\"k\": true}, null]}",
        "{'url': 'https://domain.tld/b', 'date': '2020-09-22', 'revenue': -3.5e2},",
        "[{\"orderId\": \"N1\", \"createdAt\": \"2020-01-10\", \"updatedAt\": \"2020-01-15\", \"total\": 1}]",
    };
    /** What breaks JSON: brackets, separators, quotes, number signs, letters of literals, control characters. */
    private static final String NOISE = "{}[],:\"'0x-+.eE#/*\\ \t\n\rtfnNIu\u0000\u0001";

    @ParameterizedTest
    @ValueSource(strings = {"{\"url\": 0x1F}", "{\"url\": \"x\"]", "[1}", "{\"a\": NaN}", "{\"a\": -Infinity}",
        "{\"a\": +1}", "{\"a\": 1} # c", "{\"a\": /* c */ 1}", "{\"a\": 0x}", "{\"a\": -0x1}", "{\"a\": 01}",
        "{\"a\": [1}", "]", "}", "{\"a\": \"\\x\"}", "{\"a\" 1}", "{\"a\": 1 \"b\": 2}"})
    void knownInputsGiveOurWords(String text) {
        for (Violation violation : violations(text, false)) {
            assertOurWords(violation);
        }
        for (Violation violation : violations(text, true)) {
            assertOurWords(violation);
        }
    }

    @Test
    void rowsBrokenAtRandomGiveOurWords() {
        Random random = new Random(20261203L);
        int malformed = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder(ROWS[random.nextInt(ROWS.length)]);
            for (int edit = 1 + random.nextInt(3); edit > 0; edit--) {
                int at = random.nextInt(text.length() + 1);
                if (random.nextBoolean() && at < text.length()) {
                    text.deleteCharAt(at);
                } else {
                    text.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                }
            }
            for (Violation violation : violations(text.toString(), random.nextBoolean())) {
                assertOurWords(violation);
                malformed += violation.code().name().startsWith("MALFORMED") ? 1 : 0;
            }
        }
        assertThat(malformed).as("syntax errors met").isGreaterThan(1000);
    }

    private static void assertOurWords(Violation violation) {
        assertThat(violation.message()).as("%s", violation).doesNotContain("[Source").doesNotContain("REDACTED")
                .doesNotContain("#UNKNOWN").doesNotContain("`").doesNotContain("Feature")
                .doesNotContainIgnoringCase("jackson").doesNotContain("tools.");
    }

    /** Reads a text as conversion rows and as a CRM feed, as bytes or chars, and returns every reader violation. */
    private static List<Violation> violations(String text, boolean chars) {
        List<Violation> violations = new ArrayList<>();
        for (boolean crm : new boolean[] {false, true}) {
            try (RecordSource source = open(text, chars, crm)) {
                for (RawRecord record = source.next(); record != null; record = source.next()) {
                    violations.addAll(record.violations());
                }
            }
        }
        return violations;
    }

    private static RecordSource open(String text, boolean chars, boolean crm) {
        if (crm) {
            CrmFeedReader.Builder builder = CrmFeedReader.builder().profile(CrmProfile.DEFAULT);
            return chars ? builder.source(new StringReader(text))
                    : builder.source(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        }
        ConversionJsonReader.Builder builder = ConversionJsonReader.builder()
                .profile(ConversionProfile.builder().date(LocalDate.of(2020, 9, 22)).build());
        return chars ? builder.source(new StringReader(text))
                : builder.source(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
