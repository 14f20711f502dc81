package org.conversionkit.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conversionkit.model.Printable;
import org.conversionkit.model.internal.PlainUrl;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Holds {@link UrlRule} to the WHATWG URL Standard's conformance data, web-platform-tests'
 * {@code urltestdata.json} (in {@code whatwg/}, with its licence and where it came from).
 *
 * <p>Each entry gives an input and what the standard makes of it, parsed against a base URL when it has
 * one. What matters here is the input alone, as a page URL in a file: it is an absolute http(s) URL when
 * the standard parses it to one with a host without help from the base. An input without a scheme needs
 * the base, so alone it is none; an input whose scheme is the base's, special, and not followed by two
 * slashes is read relative to the base, so the data does not say what it is alone: those must not be valid
 * here either (the rule wants {@code //} after the scheme).
 *
 * <p>Two directions: no false accept at all; and every false reject is listed in
 * {@code spec/rules/url-whatwg-exceptions.json} with its {@link Policy}, and every listed input is still refused (a
 * stale line fails too).
 */
class UrlConformanceTest {

    /** Where the rule is stricter than browsers on purpose, as the README's URL section says. */
    enum Policy {
        /** White space, tabs, line breaks and control characters anywhere: browsers strip or encode them. */
        SPACE_OR_CONTROL,
        /** Invisible formatting characters (BOM, bidi controls, zero-width): browsers drop or encode them. */
        INVISIBLE,
        /** A backslash: browsers read it as {@code /}, other software does not. */
        BACKSLASH,
        /** A scheme without {@code //}: browsers supply them; as written the value is no absolute URL. */
        NO_SLASHES,
        /** {@code " < > `} and brackets where RFC 3986 wants them percent-encoded. */
        NOT_ENCODED,
        /** A {@code %} that starts no {@code %XX} escape. */
        BARE_PERCENT,
        /** More than one {@code @} before the path: which part is the host depends on the reader. */
        MULTIPLE_AT,
        /** A second {@code #}. */
        SECOND_HASH,
        /** Port 0, or a colon without a port: no page is served from port 0. */
        PORT,
        /** {@code %} escapes in the host: browsers decode them; a host is written as it is. */
        HOST_ESCAPES,
        /** Symbols in a host name: no DNS name holds them. */
        HOST_SYMBOLS,
        /** Empty labels: the DNS rules. */
        EMPTY_LABEL,
        /** IPv4 addresses other than four dotted decimals ({@code 256}, {@code 0x.0x.0}): few would recognize them. */
        IPV4_FORM,
    }

    /** What the standard makes of an input alone. */
    enum Verdict {
        /** An absolute http(s) URL with a host. */
        ABSOLUTE_HTTP,
        /** Refused, or not an absolute http(s) URL with a host. */
        NOT_ABSOLUTE_HTTP,
        /** Read relative to a base with the same special scheme: what it is alone is not in the data. */
        BASE_DEPENDENT,
    }

    record Entry(String input, Verdict verdict) {
    }

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern LEADING_OR_TRAILING = Pattern.compile("^[\\x00-\\x20]+|[\\x00-\\x20]+$");
    private static final Pattern TAB_OR_NEWLINE = Pattern.compile("[\\t\\n\\r]");
    private static final List<String> SPECIAL = List.of("http", "https", "ws", "wss", "ftp", "file");

    @Test
    void acceptsNothingTheStandardRefuses() {
        List<Entry> entries = entries();
        Map<String, String> falseAccepts = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (entry.verdict() == Verdict.ABSOLUTE_HTTP) {
                continue;
            }
            char[] chars = entry.input().toCharArray();
            if (UrlRule.check(entry.input()) == null || UrlRule.isAbsoluteHttpUrl(entry.input())
                    || PlainUrl.isPlain(chars, 0, chars.length)) {
                falseAccepts.put(Printable.of(entry.input()), entry.verdict().name());
            }
        }
        assertThat(falseAccepts).as("inputs the standard refuses or does not read as absolute http(s) URLs, but"
                + " valid here").isEmpty();
        // The data must be read as it was: the figures of its version.
        assertThat(entries).hasSize(869);
        assertThat(entries.stream().filter(e -> e.verdict() == Verdict.ABSOLUTE_HTTP)).hasSize(168);
        assertThat(entries.stream().filter(e -> e.verdict() == Verdict.BASE_DEPENDENT)).hasSize(15);
    }

    @Test
    void refusesWhatTheStandardAcceptsOnlyByDocumentedPolicy() {
        Map<String, Policy> exceptions = new LinkedHashMap<>();
        for (SpecCase c : Spec.load("rules/url-whatwg-exceptions.json").cases()) {
            String input = c.get("input").text();
            Policy policy = Policy.valueOf(c.expect().only("policy").text("policy"));
            assertThat(exceptions.put(input, policy)).as("listed twice: " + input).isNull();
        }
        Map<String, String> undocumented = new LinkedHashMap<>();
        List<String> accepted = new ArrayList<>();
        int refused = 0;
        for (Entry entry : entries()) {
            if (entry.verdict() != Verdict.ABSOLUTE_HTTP) {
                continue;
            }
            accepted.add(entry.input());
            Problem problem = UrlRule.check(entry.input());
            if (problem != null) {
                refused++;
                if (!exceptions.containsKey(entry.input())) {
                    undocumented.put(Printable.of(entry.input()), problem.code() + ": " + problem.message());
                }
            }
        }
        assertThat(undocumented).as("false rejects that no policy explains").isEmpty();
        for (String input : exceptions.keySet()) {
            assertThat(accepted).as("listed, but not an input the standard accepts: " + Printable.of(input))
                    .contains(input);
            assertThat(UrlRule.check(input)).as("listed, but valid: " + Printable.of(input)).isNotNull();
        }
        System.out.println("urltestdata: " + accepted.size() + " absolute http(s) URLs, " + refused
                + " refused by policy (" + exceptions.size() + " distinct inputs), 0 false accepts");
    }

    private static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        String path = "org/conversionkit/model/rules/whatwg/urltestdata.json";
        try (InputStream in = UrlConformanceTest.class.getClassLoader().getResourceAsStream(path);
                JsonParser parser = new JsonFactory().createParser(ObjectReadContext.empty(), in)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    continue; // a comment
                }
                Map<String, @Nullable Object> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                        parser.skipChildren();
                    } else {
                        fields.put(name, value == JsonToken.VALUE_STRING ? parser.getString()
                                : value == JsonToken.VALUE_TRUE ? Boolean.TRUE : null);
                    }
                }
                entries.add(entry(fields));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static Entry entry(Map<String, @Nullable Object> fields) {
        String input = (String) fields.get("input");
        String base = (String) fields.get("base");
        boolean absolute = fields.get("failure") == null
                && ("http:".equals(fields.get("protocol")) || "https:".equals(fields.get("protocol")))
                && !"".equals(fields.get("host"));
        Verdict verdict = absolute ? Verdict.ABSOLUTE_HTTP : Verdict.NOT_ABSOLUTE_HTTP;
        if (base != null) {
            // As the standard's parser sees the input: without leading and trailing C0 controls and spaces,
            // without tabs and line breaks.
            String seen = TAB_OR_NEWLINE.matcher(LEADING_OR_TRAILING.matcher(input).replaceAll("")).replaceAll("");
            Matcher scheme = SCHEME.matcher(seen);
            if (!scheme.lookingAt()) {
                verdict = Verdict.NOT_ABSOLUTE_HTTP; // relative: without a base, a failure
            } else {
                String name = scheme.group(1).toLowerCase(Locale.ROOT);
                Matcher baseScheme = SCHEME.matcher(base);
                boolean sameSpecial = baseScheme.lookingAt() && SPECIAL.contains(name)
                        && name.equals(baseScheme.group(1).toLowerCase(Locale.ROOT));
                if (sameSpecial && !seen.substring(scheme.end()).matches("(?s)[/\\\\]{2}.*")) {
                    verdict = Verdict.BASE_DEPENDENT;
                }
            }
        }
        return new Entry(input, verdict);
    }
}
