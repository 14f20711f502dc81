package org.conversionkit.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.conversionkit.model.CrmDateTime;
import org.conversionkit.model.Field;
import org.conversionkit.model.Printable;
import org.conversionkit.model.internal.PlainRowCheck;
import org.conversionkit.model.internal.PlainUrl;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;

/**
 * Runs each fast rule and its {@link ReferenceRules reference} on many generated inputs: seeded
 * random mutations of the fixtures' valid and invalid values. Both must give the same code; neither
 * may throw. The seeds are fixed, so a failure is reproducible; its message lists the first
 * disagreements.
 */
class RuleDifferentialTest {

    private static final int CASES = 120_000;

    /** Pieces the mutations insert: the characters and fragments that decide the rules' branches. */
    private static final String[] URL_PIECES = {
        "/", "//", ":", "://", "@", ".", "..", "?", "#", "%", "%2", "%41", "%zz", "[", "]", "[::1]", "-", "_", "~",
        "\\", " ", "\t", "\n", "\u0000", "\u007F", "\u0085", "\u00A0", "\u200B", "\u202E", "\uFEFF", "\uD800",
        "\uDC00", "\uD83D\uDE00", "\u0301", "\u0903", "\u20DD", "é", "ü", "例", "٣", "²", "Ⅷ", "\"", "<", ">", "`",
        "{", "|", "^", "'", "(", "*", "+", ",", ";", "=", "!", "$", "&", "a", "Z", "0", "9", "http", "https", "HTTP",
        "http:", "https://", "ftp:", "mailto:", "xn--", "www.", "domain.tld", ":8080", ":0", ":65535", ":65536",
        ":99999", "1.2.3.4", "256", "127.1", "::", "ffff:", "1.2.3", "%25", "user:pass@",
        // Past Latin-1 but with the low byte of an ASCII host character: a fast path must not read them as one.
        "\u0375", "\u012D", "\u022E", "\u032D", "\u0161", "\u2D2D", "\u012F",
        // Last labels a browser reads as numbers, punycode, the other dots, what UTS #46 ignores or maps, the
        // Bidi Rule, file names, padded ports.
        "0x", "0X", ".0x", "0x4", ".0xa", ".1", ".09", "xn--bcher-kva", "xn--a", "xn--pokxncvks", "xn--zca", "--",
        "\u3002", "\uFF0E", "\uFF61", "\uFF11", "\uFF58", "\uD835\uDFCF", "\u3164", "\uFE0F", "\u0E33", "ß",
        "\u05D0", "\u0663", ".html", ".php", "index.html", ":000", ":00080",
    };
    private static final String[] DATE_PIECES = {
        "0", "1", "2", "9", "-", "--", "T", "t", " ", ":", "Z", "+", ".", ",", "/", "02", "29", "30", "31", "13", "00",
        "٣", "２", "\u2010", "\n", "10:15", "2020", "0000",
    };
    private static final String[] NUMBER_PIECES = {
        "0", "1", "5", "9", "00", "+", "-", ".", ",", "e", "E", "e+", "e-", "e308", "e309", "e-324", "e-325",
        "e999999999", "e1000000000", "e0000000000", " ", "$", "€", "２", "٣", "NaN", "Infinity", "x", "d",
        "9223372036854775807", "9223372036854775808", "1797693134862315", "1".repeat(310), "0".repeat(310),
    };
    private static final String[] DATE_TIME_PIECES = {
        "0", "1", "2", "5", "9", "-", "T", "t", " ", ":", "Z", "z", "+", "-", ".", ",", "00", "23", "24", "59", "60",
        "18", "19", "+18:00", "-05", "+0530", "Z", "T10:15:30", ".123456789", "1234567890", "2020-02-30", "[",
        "23:59:60", "T23:59:60", "12-31", "06-30", "-01", "-08:00", "+01:00", "000", "1234567890123", " UTC", "٣",
    };

    @Test
    void urlRuleAgreesWithTheReference() {
        List<String> seeds = seeds("rules/url.json");
        seeds.addAll(List.of("https://domain.tld/path/to/my/page", "http://a.b", "https://[::1]:1/",
                "https://user@h.tld:65535/p?q#f", "//cdn.domain.tld/p", "domain.tld:8080/p"));
        seeds.addAll(REALISTIC_URLS);
        assertAgreement("url", seeds, URL_PIECES, 20260101L, v -> code(UrlRule.check(v)), ReferenceRules::url,
                "VALID", "FIELD_MISSING", "URL_RELATIVE", "URL_SCHEME", "URL_INVALID", "URL_NO_SCHEME");
    }

    /** URLs of the shape daily exports hold, for the fast path: the mutations then probe its edges. */
    private static final List<String> REALISTIC_URLS = List.of(
            "https://www.example-shop.com/women/shoes/sneakers-blue-123456.html",
            "https://shop.example.co.uk/kids/bags/kitchen/dresses-bags-336075.html?utm_source=newsletter&utm_medium=email",
            "http://m.boutique-exemple.fr/lamps/lamps-accessories-456490;jsessionid=0A1B2C3D4E5F6789",
            "https://store.example.com/sale/boots-9?colors=red,blue&size=m#reviews",
            "https://www.gartenmoebel-beispiel.de/garden/chairs?ref=home%20page",
            "https://example.com", "https://a_b.example-1.com/", "http://x1.y/p?q", "https://xn--bcher-kva.example/",
            "http://foo.0x4/p", "https://0xa.example.com/", "https://example\u3002com/", "https://\u05D0\u05D1.com/",
            "https://ab--cd.example/p", "index.html", "page.php?id=3", "http://f:00080/c",
            // Plain, with what the fast path must not mistake for a number or punycode in the host.
            "https://www.shop-1.example/p/0x4", "https://a1.b2.example/0xa?x=xn--", "https://m.example.de/index.html",
            "http://0x4.example.org/", "https://cdn1.example.com/img/logo-2x.png", "https://x-n.example.net/a-b");

    @Test
    void urlFastPathAgreesWithTheThoroughCheck() {
        List<String> seeds = seeds("rules/url.json");
        seeds.addAll(REALISTIC_URLS);
        Random random = new Random(20260107L);
        Map<String, String> disagreements = new LinkedHashMap<>();
        int fast = 0;
        int thoroughOnly = 0;
        for (int i = 0; i < CASES; i++) {
            String value = mutate(random, seeds, URL_PIECES);
            String thorough = code(UrlRule.checkThoroughly(value));
            boolean plain = UrlRule.isPlainHttpUrl(value);
            String actual = code(UrlRule.check(value));
            if (plain) {
                fast++;
            } else if (thorough.equals("VALID")) {
                thoroughOnly++;
            }
            // A writer relies on it: a plain url is ASCII, so it holds no unpaired surrogate (PlainRowCheck).
            if ((plain && (!thorough.equals("VALID") || !isAscii(value)) || !actual.equals(thorough))
                    && disagreements.size() < 20) {
                disagreements.put(Printable.of(value), "fast path " + plain + ", check " + actual + ", thorough "
                        + thorough);
            }
        }
        assertThat(disagreements).as("fast path disagreements").isEmpty();
        // Both ways must be well exercised: values the fast path takes, and valid ones it leaves to the
        // thorough check.
        assertThat(fast).as("values taken by the fast path").isGreaterThan(CASES / 20);
        assertThat(thoroughOnly).as("valid values left to the thorough check").isGreaterThan(CASES / 200);
        System.out.println("url fast path: " + fast + " taken, " + thoroughOnly + " valid left to the thorough check");
    }

    /**
     * Hosts built from the pieces that decide the host rules: labels that are or look like numbers (decimal,
     * {@code 0x} hex, full-width, mathematical digits), punycode labels good and bad, the four label separators,
     * what UTS #46 ignores or maps, right-to-left letters. Every one is checked by the rule, the reference and
     * the fast paths (string and characters), with and without a scheme.
     */
    @Test
    void hostsAgreeWithTheReferenceAndTheFastPaths() {
        String[] tokens = {"0", "1", "9", "25", "255", "256", "00", "0x", "0X", "a", "f", "g", "x", "z", "_", "-",
            "xn--", "bcher-kva", "zca", "pokxncvks", "ab", "com", "\uFF11", "\uFF10", "\uFF58", "\uD835\uDFCF", "é",
            "\u0301", "\u3164", "\u0E33", "\u05D0", "\u0663", "ß", "A"};
        // Last labels that make a value without a scheme a file name, or nearly.
        String[] extensions = {"html", "PHP", "json", "png", "htmlx", "js", "zip"};
        String[] separators = {".", ".", ".", "\u3002", "\uFF0E", "\uFF61"};
        String[] prefixes = {"https://", "https://", "http://", "HTTPS://", "", "", "//"};
        String[] suffixes = {"", "/", "/p?q#f", ".", ":8080/", ":00080", "/index.html"};
        Random random = new Random(20261201L);
        Map<String, String> disagreements = new LinkedHashMap<>();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        int fast = 0;
        for (int i = 0; i < CASES; i++) {
            StringBuilder host = new StringBuilder();
            int labels = 1 + random.nextInt(4);
            for (int l = 0; l < labels; l++) {
                if (l > 0) {
                    host.append(separators[random.nextInt(separators.length)]);
                }
                if (l == labels - 1 && l > 0 && random.nextInt(3) == 0) {
                    host.append(extensions[random.nextInt(extensions.length)]);
                    continue;
                }
                int parts = 1 + random.nextInt(3);
                for (int t = 0; t < parts; t++) {
                    host.append(tokens[random.nextInt(tokens.length)]);
                }
            }
            String value = prefixes[random.nextInt(prefixes.length)] + host + suffixes[random.nextInt(suffixes.length)];
            String expected = ReferenceRules.url(value);
            String actual = code(UrlRule.check(value));
            String thorough = code(UrlRule.checkThoroughly(value));
            boolean plain = UrlRule.isPlainHttpUrl(value);
            char[] chars = ("x" + value + "x").toCharArray();
            boolean plainChars = PlainUrl.isPlain(chars, 1, chars.length - 1);
            outcomes.merge(expected, 1, Integer::sum);
            fast += plain ? 1 : 0;
            if ((!expected.equals(actual) || !expected.equals(thorough) || plain && !thorough.equals("VALID")
                    || plain != plainChars) && disagreements.size() < 20) {
                disagreements.put(Printable.of(value), "check " + actual + ", thorough " + thorough + ", fast path "
                        + plain + ", characters " + plainChars + ", reference " + expected);
            }
        }
        assertThat(disagreements).as("host disagreements").isEmpty();
        for (String outcome : List.of("VALID", "URL_INVALID", "URL_NO_SCHEME", "URL_RELATIVE")) {
            assertThat(outcomes.get(outcome)).as("host outcomes " + outcomes).isGreaterThan(CASES / 200);
        }
        assertThat(fast).as("hosts taken by the fast path").isGreaterThan(CASES / 200);
        System.out.println("hosts: " + outcomes + ", " + fast + " taken by the fast path");
    }

    @Test
    void numberFastPathsAgreeWithTheThoroughChecks() {
        List<String> seeds = numberSeeds();
        seeds.addAll(List.of("1", "2", "12", "123.45", "0.50", "999999999999999999", "9999999999999999.9"));
        Random random = new Random(20260108L);
        Map<String, String> disagreements = new LinkedHashMap<>();
        int counts = 0;
        int amounts = 0;
        for (int i = 0; i < CASES; i++) {
            String value = mutate(random, seeds, NUMBER_PIECES);
            if (PlainRowCheck.isPlainCount(value)) {
                counts++;
                if (!isAscii(value) || NumberRules.checkInteger("n", value) != null || NumberRules.isNegative(value)
                        || !ReferenceRules.integer(value).equals("VALID")) {
                    disagreements.put(Printable.of(value),
                            "plain count, but not ASCII or not a valid non-negative integer");
                }
            }
            if (PlainRowCheck.isPlainAmount(value)) {
                amounts++;
                if (!isAscii(value) || NumberRules.checkDecimal("n", value) != null
                        || NumberRules.checkJsonNumber("n", value) != null
                        || NumberRules.isNegative(value) || !ReferenceRules.decimal(value).equals("VALID")) {
                    disagreements.put(Printable.of(value),
                            "plain amount, but not ASCII or not a valid non-negative decimal");
                }
            }
        }
        assertThat(disagreements).as("number fast path disagreements").isEmpty();
        assertThat(counts).as("values taken as plain counts").isGreaterThan(CASES / 50);
        assertThat(amounts).as("values taken as plain amounts").isGreaterThan(CASES / 50);
    }

    /**
     * The fast paths, each written once for characters and strings, take the same values in both forms, on the
     * characters a validator tests before building strings ({@link PlainRowCheck}) wherever the value lies in a
     * larger buffer.
     */
    @Test
    void characterFastPathsAgreeWithTheStringFastPaths() {
        List<String> urls = seeds("rules/url.json");
        urls.addAll(REALISTIC_URLS);
        List<String> numbers = numberSeeds();
        numbers.addAll(List.of("1", "12", "123.45", "0.50", "999999999999999999"));
        PlainRowCheck check = PlainRowCheck.of(LocalDate.of(2020, 9, 22));
        int date = Field.DATE.ordinal();
        Random random = new Random(20261123L);
        Map<String, String> disagreements = new LinkedHashMap<>();
        int plainUrls = 0;
        for (int i = 0; i < CASES; i++) {
            String url = mutate(random, urls, URL_PIECES);
            String number = mutate(random, numbers, NUMBER_PIECES);
            String day = mutate(random, List.of("2020-09-22", "2020-09-21"), DATE_PIECES);
            // Within a buffer of other characters, as a parser hands values over.
            int before = random.nextInt(3);
            char[] buffer = ("\"".repeat(before) + url + "\u0000" + number + "\u0000" + day + "x").toCharArray();
            int urlEnd = before + url.length();
            int numberEnd = urlEnd + 1 + number.length();
            int dayEnd = numberEnd + 1 + day.length();
            boolean plainUrl = PlainUrl.isPlain(buffer, before, urlEnd);
            plainUrls += plainUrl ? 1 : 0;
            if (plainUrl != UrlRule.isPlainHttpUrl(url)) {
                disagreements.put("url " + Printable.of(url), "characters " + plainUrl);
            }
            if (PlainRowCheck.isPlainCount(buffer, urlEnd + 1, numberEnd) != PlainRowCheck.isPlainCount(number)) {
                disagreements.put("count " + Printable.of(number), "characters disagree");
            }
            if (PlainRowCheck.isPlainAmount(buffer, urlEnd + 1, numberEnd) != PlainRowCheck.isPlainAmount(number)) {
                disagreements.put("amount " + Printable.of(number), "characters disagree");
            }
            if (check.isPlain(date, buffer, numberEnd + 1, dayEnd) != day.equals("2020-09-22")) {
                disagreements.put("date " + Printable.of(day), "characters disagree");
            }
        }
        assertThat(disagreements).as("character fast path disagreements").isEmpty();
        assertThat(plainUrls).as("urls taken by the character fast path").isGreaterThan(CASES / 20);
    }

    @Test
    void dateRuleAgreesWithTheReference() {
        List<String> seeds = seeds("rules/date.json");
        assertAgreement("date", seeds, DATE_PIECES, 20260102L, v -> code(DateRule.check(v)), ReferenceRules::date,
                "VALID", "FIELD_MISSING", "DATE_FORMAT", "DATE_INVALID");
    }

    @Test
    void integerRuleAgreesWithTheReference() {
        List<String> seeds = numberSeeds();
        assertAgreement("integer", seeds, NUMBER_PIECES, 20260103L,
                v -> code(NumberRules.checkInteger("n", v)), ReferenceRules::integer, "VALID", "FIELD_TYPE");
    }

    @Test
    void decimalRuleAgreesWithTheReference() {
        List<String> seeds = numberSeeds();
        assertAgreement("decimal", seeds, NUMBER_PIECES, 20260104L,
                v -> withSign(v, code(NumberRules.checkDecimal("n", v))),
                v -> withReferenceSign(v, ReferenceRules.decimal(v)), "VALID", "VALID negative", "FIELD_TYPE");
    }

    @Test
    void jsonNumberRuleAgreesWithTheReference() {
        List<String> seeds = numberSeeds();
        assertAgreement("json number", seeds, NUMBER_PIECES, 20260105L,
                v -> withSign(v, code(NumberRules.checkJsonNumber("n", v))),
                v -> withReferenceSign(v, ReferenceRules.jsonNumber(v)), "VALID", "VALID negative", "FIELD_TYPE");
    }

    @Test
    void isoDateTimeRuleAgreesWithTheReference() {
        List<String> seeds = seeds("rules/iso-date-time.json");
        seeds.addAll(List.of("2016-12-31T23:59:60Z", "2016-06-30T15:59:60.25-08:00", "2017-01-01T00:59:60+01:00",
                "2020-01-10 10:15:30", "2020-01-10T10:15:30.1234567891234z", "2016-12-31", "2020-02-29",
                "0000-01-01", "9999-12-31"));
        assertAgreement("date-time", seeds, DATE_TIME_PIECES, 20260106L, v -> {
            List<Problem> problems = new ArrayList<>();
            CrmDateTime dateTime = IsoDateTimeRule.parse("t", v, problems::add);
            if (dateTime == null) {
                return problems.get(0).code().name();
            }
            return problems.isEmpty() ? dateTime.toString() : problems.get(0).code() + " " + dateTime;
        }, ReferenceRules::isoDateTime, RuleDifferentialTest::dateTimeKind, "FIELD_MISSING", "DATE_FORMAT",
                "DATE_INVALID", "date", "local", "offset", "leap second", "past nanoseconds", "DATE_TIME_SEPARATOR");
    }

    /** The kind of a date-time outcome, so that the generator is seen to reach each. */
    private static String dateTimeKind(String outcome) {
        if (!Character.isDigit(outcome.charAt(0))) {
            return outcome.startsWith("DATE_TIME_SEPARATOR") ? "DATE_TIME_SEPARATOR" : outcome;
        }
        if (outcome.length() == 10) {
            return "date";
        }
        if (outcome.startsWith("60", 17)) {
            return "leap second";
        }
        int digits = 0;
        for (int i = 20; outcome.charAt(19 % outcome.length()) == '.' && i < outcome.length()
                && Character.isDigit(outcome.charAt(i)); i++) {
            digits++;
        }
        if (digits > 9) {
            return "past nanoseconds";
        }
        char sign = outcome.charAt(Math.max(0, outcome.length() - 6));
        return outcome.endsWith("Z") || sign == '+' || sign == '-' ? "offset" : "local";
    }

    private static boolean isAscii(String value) {
        return value.chars().allMatch(c -> c < 0x80);
    }

    private static void assertAgreement(String rule, List<String> seeds, String[] pieces, long seed,
            Function<String, String> fast, Function<String, String> reference, String... reached) {
        assertAgreement(rule, seeds, pieces, seed, fast, reference, Function.identity(), reached);
    }

    /** As above, the outcomes counted by kind: {@code kind} maps an outcome to what {@code reached} names. */
    private static void assertAgreement(String rule, List<String> seeds, String[] pieces, long seed,
            Function<String, String> fast, Function<String, String> reference, Function<String, String> kind,
            String... reached) {
        Random random = new Random(seed);
        Map<String, String> disagreements = new LinkedHashMap<>();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < CASES; i++) {
            String value = mutate(random, seeds, pieces);
            String expected = reference.apply(value);
            String actual = fast.apply(value);
            outcomes.merge(kind.apply(expected), 1, Integer::sum);
            if (!expected.equals(actual) && disagreements.size() < 20) {
                disagreements.put(Printable.of(value), "fast " + actual + ", reference " + expected);
            }
        }
        assertThat(disagreements).as(rule + " disagreements").isEmpty();
        // The generator must reach every outcome, and none may swamp the others, else the
        // agreement proves little.
        assertThat(outcomes).as(rule + " outcomes").containsKeys(reached);
        for (String outcome : reached) {
            assertThat(outcomes.get(outcome)).as(rule + " outcomes " + outcomes).isGreaterThan(CASES / 200);
        }
        System.out.println(rule + ": " + outcomes.size() + " outcomes, " + outcomes.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8).toList());
    }

    private static String mutate(Random random, List<String> seeds, String[] pieces) {
        String value = seeds.get(random.nextInt(seeds.size()));
        if (value == null) {
            value = "";
        }
        int mutations = random.nextInt(4);
        StringBuilder text = new StringBuilder(value);
        for (int m = 0; m < mutations; m++) {
            int length = text.length();
            int at = length == 0 ? 0 : random.nextInt(length + 1);
            switch (random.nextInt(9)) {
                case 0, 1 -> text.insert(at, pieces[random.nextInt(pieces.length)]);
                case 2 -> {
                    if (length > 0) {
                        int from = Math.min(at, length - 1);
                        text.delete(from, Math.min(length, from + 1 + random.nextInt(3)));
                    }
                }
                case 3 -> {
                    if (length > 0) {
                        int where = Math.min(at, length - 1);
                        text.replace(where, where + 1, pieces[random.nextInt(pieces.length)]);
                    }
                }
                case 4 -> {
                    String other = seeds.get(random.nextInt(seeds.size()));
                    if (other != null) {
                        text.setLength(Math.min(at, length));
                        text.append(other, Math.min(random.nextInt(other.length() + 1), other.length()),
                                other.length());
                    }
                }
                case 5 -> {
                    if (length > 1) {
                        int from = random.nextInt(length);
                        int to = Math.min(length, from + 1 + random.nextInt(6));
                        text.insert(at, text.substring(from, to));
                    }
                }
                case 6, 7 -> {
                    // Keeps the shape: a digit for a digit, a letter for a letter.
                    if (length > 0) {
                        int where = Math.min(at, length - 1);
                        char c = text.charAt(where);
                        if (c >= '0' && c <= '9') {
                            text.setCharAt(where, (char) ('0' + random.nextInt(10)));
                        } else if (c >= 'a' && c <= 'z') {
                            text.setCharAt(where, (char) ('a' + random.nextInt(26)));
                        }
                    }
                }
                default -> {
                    if (length > 0) {
                        int where = Math.min(at, length - 1);
                        char c = text.charAt(where);
                        text.setCharAt(where, Character.isUpperCase(c) ? Character.toLowerCase(c)
                                : Character.toUpperCase(c));
                    }
                }
            }
        }
        return text.toString();
    }

    /** The values of a rule's cases. */
    private static List<String> seeds(String cases) {
        List<String> seeds = new ArrayList<>();
        for (SpecCase c : Spec.load(cases).cases()) {
            seeds.add(c.get("input").textOrNull());
        }
        return seeds;
    }

    private static List<String> numberSeeds() {
        List<String> seeds = seeds("rules/number.json");
        seeds.addAll(List.of("1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
                "2.4703282292062327e-324", "2.4703282292062328e-324", "4.9e-324", "-9223372036854775808"));
        return seeds;
    }

    private static String code(Problem problem) {
        return problem == null ? "VALID" : problem.code().name();
    }

    private static String withSign(String value, String code) {
        return code.equals("VALID") && NumberRules.isNegative(value) ? "VALID negative" : code;
    }

    private static String withReferenceSign(String value, String code) {
        return code.equals("VALID") && ReferenceRules.isNegative(value) ? "VALID negative" : code;
    }
}
