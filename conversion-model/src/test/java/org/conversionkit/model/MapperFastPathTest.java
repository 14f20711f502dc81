package org.conversionkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The mapper's fast path for the common row is exact: on many generated records (values valid, invalid,
 * blank or absent, of every kind, with and without reader violations) {@code check} reports exactly what the
 * thorough path reports, and the fast path takes only records the thorough path finds no violation in.
 */
class MapperFastPathTest {

    private static final int CASES = 100_000;
    private static final String[] URLS = {
        "https://www.example-shop.com/women/shoes-123.html", "http://a.b/p?q=1#f", "https://example.com",
        "https://EXAMPLE.com/x", "HTTPS://example.com/", "https://example.com:8080/x", "https://user@example.com/",
        "https://127.0.0.1/x", "https://ex..ample.com/", "https://-ex.com/", "https://ex.com/a b", "https://ex.com/%zz",
        "https://ex.com/%41#a#b", "www.example.com/p", "/relative/path", "ftp://example.com/f", " ", "", "https://",
        "https://ex.com/\u00e9", "https://b\u00fccher.de/", "https://ex.1/", "https://ex.com?x", "{…}", "1",
    };
    private static final String[] DATES = {"2020-09-22", "2020-09-21", "2020-02-30", "22/09/2020", " ", "", "{…}"};
    private static final String[] TEXTS = {"organic", "paid", "", " ", "true", "{…}", "[…]", "1"};
    private static final String[] COUNTS = {"1", "2", "12", "0", "-1", "+3", "2.0", "1e3", "99999999999999999999",
        "", " ", "x", "{…}", "true"};
    private static final String[] AMOUNTS = {"12.50", "5", "0.5", "123.45", "-3.5", "+1.0", "10,50", ".5", "5.",
        "1.2.3", "1e3", "NaN", "", " ", "9".repeat(320), "{…}", "true"};
    private static final ValueKind[] KINDS = ValueKind.values();

    @Test
    void checkAgreesWithTheThoroughPath() {
        Random random = new Random(20261122L);
        Map<String, String> disagreements = new LinkedHashMap<>();
        int fast = 0;
        for (int i = 0; i < CASES; i++) {
            ConversionMapper mapper = ConversionMapper.builder()
                    .defaults(random.nextBoolean() ? FieldDefaults.NONE : FieldDefaults.NONE.with("channel=organic"))
                    .expectedDate(random.nextInt(5) == 0 ? null : LocalDate.of(2020, 9, 22)).build();
            RawRecord record = record(random);
            List<Violation> checked = new ArrayList<>();
            boolean valid = mapper.check(record, checked::add);
            List<Violation> thorough = new ArrayList<>();
            boolean thoroughValid = mapper.checkThoroughly(record, thorough::add);
            boolean plain = mapper.isPlainRow(record);
            fast += plain ? 1 : 0;
            if ((valid != thoroughValid || !checked.equals(thorough) || plain && !thorough.isEmpty())
                    && disagreements.size() < 20) {
                disagreements.put(record.toString(), "fast path " + plain + ": " + checked + " / thorough "
                        + thorough);
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(fast).as("records taken by the fast path").isBetween(CASES / 100, CASES * 9 / 10);
    }

    private static RawRecord record(Random random) {
        if (random.nextInt(20) == 0) {
            return RawRecord.rejected(1, 1, List.of(Violation.of(ViolationCode.FIELD_COUNT, 1, 1, null, "x", "m")));
        }
        String[] values = {
            pick(random, URLS), pick(random, DATES), pick(random, TEXTS), pick(random, TEXTS),
            pick(random, COUNTS), pick(random, AMOUNTS),
        };
        // Mostly the common row, so that the fast path is exercised too.
        if (random.nextBoolean()) {
            values[0] = URLS[0];
            values[1] = DATES[0];
        }
        ValueKind[] kinds = new ValueKind[values.length];
        boolean text = random.nextBoolean();
        for (int slot = 0; slot < values.length; slot++) {
            if (values[slot] != null) {
                kinds[slot] = text || random.nextInt(3) > 0 ? ValueKind.STRING : KINDS[random.nextInt(KINDS.length)];
            }
        }
        List<Violation> warnings = random.nextInt(10) == 0
                ? List.of(Violation.of(ViolationCode.UNKNOWN_FIELD, 1, 1, "x", null, "unknown")) : List.of();
        return text && warnings.isEmpty() ? RawRecord.ofText(1, 1, values, List.of())
                : RawRecord.of(1, 1, values, kinds, warnings, null);
    }

    private static String pick(Random random, String[] choices) {
        int i = random.nextInt(choices.length + 1);
        return i == choices.length ? null : choices[i];
    }
}
