package org.conversionkit.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The canary of {@link JacksonMessage}: each text the readers tell faults apart by, provoked from jackson-core
 * itself. When an upgrade of jackson-core rewords a message, this test fails and names the constant, before a
 * reader would quietly give a user the plain "JSON syntax error" instead of the fix.
 */
class JacksonMessageTest {

    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<JacksonMessage> MET = EnumSet.noneOf(JacksonMessage.class);

    @Test
    void limits() {
        JsonFactory small = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(2).maxStringLength(5).maxNumberLength(3).maxNameLength(3).build()).build();
        assertMessage(small, "[[[1]]]", JacksonMessage.MAX_NESTING_DEPTH);
        assertMessage(small, "[\"abcdefghij\"]", JacksonMessage.MAX_STRING_LENGTH);
        assertMessage(small, "[123456789]", JacksonMessage.MAX_NUMBER_LENGTH);
        assertMessage(small, "{\"abcdefghij\": 1}", JacksonMessage.MAX_NAME_LENGTH);
    }

    @Test
    void bytesThatAreNotUtf8() {
        byte[] bytes = {'[', '"', (byte) 0xC3, '(', '"', ']'};
        assertThat(message(STRICT, bytes)).satisfies(m -> assertThat(JacksonMessage.INVALID_UTF8.in(m)).as(m)
                .isTrue());
        MET.add(JacksonMessage.INVALID_UTF8);
    }

    @Test
    void keysTokensAndNumbers() {
        assertMessage(STRICT, "{\"a\": 1, \"a\": 2}", JacksonMessage.DUPLICATE_PROPERTY);
        assertThat(JacksonMessage.DUPLICATE_PROPERTY.after(message(STRICT, "{\"key\": 1, \"key\": 2}")))
                .isEqualTo("key\"");
        assertMessage(STRICT, "[True]", JacksonMessage.UNRECOGNIZED_TOKEN);
        assertThat(JacksonMessage.UNRECOGNIZED_TOKEN.after(message(STRICT, "[None]"))).startsWith("None':");
        assertMessage(STRICT, "{\"a\": 0x1F}", JacksonMessage.HEXADECIMAL_NUMBER);
        assertMessage(STRICT, "[NaN]", JacksonMessage.NON_STANDARD_TOKEN);
        assertThat(JacksonMessage.NON_STANDARD_TOKEN.after(message(STRICT, "[-Infinity]")))
                .startsWith("-Infinity':");
        assertMessage(STRICT, "[007]", JacksonMessage.LEADING_ZEROS);
    }

    @Test
    void commentsAndQuotes() {
        assertMessage(STRICT, "{\"a\": /* c */ 1}", JacksonMessage.COMMENT);
        assertMessage(STRICT, "# c", JacksonMessage.HASH);
        assertMessage(STRICT, "{'a': 1}", JacksonMessage.SINGLE_QUOTE);
        assertMessage(STRICT, "{u'a': 1}", JacksonMessage.PYTHON_UNICODE_NAME);
        assertMessage(STRICT, "[\"a\\'b\"]", JacksonMessage.ESCAPED_SINGLE_QUOTE);
        assertMessage(STRICT, "[\"a\nb\"]", JacksonMessage.LINE_FEED_IN_STRING);
        assertMessage(STRICT, "[\"a\rb\"]", JacksonMessage.CARRIAGE_RETURN_IN_STRING);
    }

    @Test
    void separatorsAndMarkers() {
        assertMessage(STRICT, "[1, , 2]", JacksonMessage.COMMA, JacksonMessage.COMMA_FOR_VALUE);
        assertMessage(STRICT, "1,2", JacksonMessage.COMMA, JacksonMessage.NO_SPACE_AFTER_ROOT_VALUE);
        assertMessage(STRICT, "1:2", JacksonMessage.COLON, JacksonMessage.NO_SPACE_AFTER_ROOT_VALUE);
        assertMessage(STRICT, "1x", JacksonMessage.NO_SPACE_AFTER_ROOT_VALUE);
        assertMessage(STRICT, "]", JacksonMessage.CLOSE_MARKER, JacksonMessage.CLOSE_BRACKET);
        assertMessage(STRICT, "}", JacksonMessage.CLOSE_MARKER, JacksonMessage.CLOSE_BRACE);
        assertMessage(STRICT, "{\"a\": 1]", JacksonMessage.CLOSE_MARKER, JacksonMessage.FOR_OBJECT);
        assertThat(JacksonMessage.FOR_OBJECT.in(message(STRICT, "[1}"))).isFalse();
    }

    /** Every constant is provoked by one of the tests above: a constant added without its case fails here. */
    @Test
    void everyTextIsProvoked() {
        limits();
        bytesThatAreNotUtf8();
        keysTokensAndNumbers();
        commentsAndQuotes();
        separatorsAndMarkers();
        assertThat(MET).containsExactlyInAnyOrder(JacksonMessage.values());
    }

    private static void assertMessage(JsonFactory factory, String json, JacksonMessage... kinds) {
        String message = message(factory, json);
        for (JacksonMessage kind : kinds) {
            assertThat(kind.in(message)).as("jackson-core's message for %s is no longer of kind %s (text '%s'): %s",
                    json, kind, kind.text(), message).isTrue();
            MET.add(kind);
        }
    }

    private static String message(JsonFactory factory, String json) {
        return message(factory, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads every token and value of the input; returns jackson-core's message, without location. */
    private static String message(JsonFactory factory, byte[] json) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), json)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken().isScalarValue()) {
                    parser.getString();
                    if (parser.currentToken().isNumeric()) {
                        parser.getNumberValue();
                    }
                }
            }
        } catch (JacksonException e) {
            return String.valueOf(e.getOriginalMessage());
        }
        return fail("no error from jackson-core for: " + new String(json, StandardCharsets.UTF_8));
    }
}
