package org.conversionkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.CrmDateTime;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.WritePolicy;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.FeedValidator;
import org.conversionkit.validation.ValidationReport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON writers against the readers and the validators, property-style over seeded random rows and records:
 * whatever a writer accepts reads back equal and validates valid; whatever it refuses gets the same code from the
 * validator in a file or feed that holds it; and under {@code KEEP} the writer's report is the validator's,
 * violation for violation.
 */
class JsonWriterRoundTripTest {

    private static final LocalDate DAY = LocalDate.of(2020, 9, 22);
    private static final int ROWS = 1500;

    private static final String[] URLS = {"https://shop.example/p/1", "https://shop.example/p?q=1&r=2#top",
        "http://bücher.example/straße", "https://shop.example/\"q\"", " https://shop.example/padded ",
        "/relative/path", "www.shop.example/p", "index.html", "ftp://shop.example", "javascript:alert(1)",
        "https://a b.example/", "//cdn.example/p", "https://shop.example/😀", "url", "https://[::1]/",
        "https://shop.example/line\nbreak", "https://shop.example/a/b", "https://", "HTTPS://SHOP.EXAMPLE/P",
        "https://shop.example/\u0000"};
    private static final String[] TEXTS = {"email", " ", "  padded ", "a\"b\"", "line\nbreak", "tab\tx", "\\",
        "ünïcödé", "😀", "\u00A0nbsp", "x".repeat(300), "</script>", "\u2028sep", "\u007F", "mobile", ""};
    private static final String[] REVENUES = {"0", "59.70", "-1.5", "1.234", "1E+3", "0.000001",
        "123456789012345678901234567890.12", "100", "-0", "1E-400"};

    private static final LocalDate FEED_DAY = LocalDate.of(2020, 1, 20);
    private static final String[] IDS = {"N1", "N2", "N3", "ORDER-01", "QRDE\u24b3\u65df\uf2ad\u2b2e", " ", "a\"b",
        "ünï", "7"};
    private static final String[] DATE_TIMES = {"2020-01-20T10:15:30Z", "2020-01-20T10:15:30+02:00",
        "2020-01-19T23:30:00Z", "2020-01-20T00:30:00+02:00", "2020-01-20", "2020-01-21T08:00:00",
        "2016-12-31T23:59:60Z", "2020-01-20T10:15:30.123456789123Z", "2020-01-18T09:00:00-05:00"};
    private static final String[] CURRENCIES = {"EUR", "USD", "eur", "EURO", "XXX", "€"};

    @TempDir
    Path folder;

    @Test
    void keptRowsGetTheValidatorsReportViolationForViolation() throws IOException {
        Random random = new Random(17);
        ValidationReport written;
        try (ConversionJsonWriter writer = ConversionJsonWriter.builder().policy(WritePolicy.KEEP)
                .maxViolations(100_000).build(folder, DAY)) {
            for (int i = 0; i < ROWS; i++) {
                keep(() -> writer.write(row(random)));
            }
            written = writer.finish();
        }
        ValidationReport validated = validate(folder.resolve("conversion-export-2020-09-22.ndjson"), 100_000);
        assertSameReport(written, validated);
        assertThat(written.valid()).isFalse();
    }

    @Test
    void acceptedRowsReadBackEqualAndRefusedOnesGetTheSameCode() throws IOException {
        Random random = new Random(23);
        List<ConversionRow> accepted = new ArrayList<>();
        List<ConversionRow> refused = new ArrayList<>();
        List<ViolationCode> codes = new ArrayList<>();
        Path valid = Files.createTempDirectory(folder, "valid");
        try (ConversionJsonWriter writer = ConversionJsonWriter.builder().build(valid, DAY)) {
            for (int i = 0; i < ROWS; i++) {
                ConversionRow row = row(random);
                try {
                    writer.write(row);
                    accepted.add(row);
                } catch (ConversionDataException e) {
                    refused.add(row);
                    codes.add(e.code());
                }
            }
            assertThat(writer.finish().valid()).isTrue();
        }
        Path file = valid.resolve("conversion-export-2020-09-22.ndjson");
        assertThat(validate(file, 100).valid()).isTrue();
        List<ConversionRow> read = new ArrayList<>();
        try (ConversionJsonReader reader = ConversionJsonReader.builder().build(file)) {
            reader.forEach(read::add);
        }
        // An empty text is absent in a conversion file, whatever its format.
        accepted.replaceAll(row -> new ConversionRow(row.url(), row.date(), emptyAsAbsent(row.channel()),
                emptyAsAbsent(row.device()), row.transactions(), row.revenue()));
        assertThat(read).hasSameSizeAs(accepted);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i)).as("row %d", i + 1).usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(accepted.get(i));
        }
        assertThat(refused).isNotEmpty();
        for (int i = 0; i < refused.size(); i++) {
            Path alone = Files.createTempDirectory(folder, "refused");
            try (ConversionJsonWriter writer = ConversionJsonWriter.builder().policy(WritePolicy.KEEP)
                    .limits(beyondTheReaders(codes.get(i))).build(alone, DAY)) {
                writer.write(refused.get(i));
                writer.finish();
            }
            ValidationReport report = validate(alone.resolve("conversion-export-2020-09-22.ndjson"), 100);
            assertThat(report.violations()).filteredOn(Violation::isError).first()
                    .extracting(Violation::code).as("row %s", refused.get(i)).isEqualTo(codes.get(i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"snapshot", "daily", "daily-in-a-zone", "leads"})
    void keptRecordsGetTheFeedValidatorsReportViolationForViolation(String mode) throws IOException {
        CrmProfile profile = profile(mode);
        Random random = new Random(mode.hashCode());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ValidationReport written;
        try (CrmFeedWriter writer = CrmFeedWriter.builder().profile(profile).policy(WritePolicy.KEEP)
                .maxViolations(100_000).build(bytes)) {
            for (int i = 0; i < ROWS; i++) {
                if (random.nextBoolean()) {
                    Map<String, @Nullable Object> object = object(random, profile);
                    keep(() -> writer.writeObject(object));
                } else {
                    CrmRecord record = record(random);
                    keep(() -> writer.write(record));
                }
            }
            written = writer.finish();
        }
        ValidationReport validated = validateFeed(bytes.toByteArray(), profile, 100_000);
        assertSameReport(written, validated);
        assertThat(written.valid()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"snapshot", "daily", "daily-in-a-zone", "leads"})
    void acceptedRecordsReadBackEqualAndRefusedOnesGetTheSameCode(String mode) throws IOException {
        CrmProfile profile = profile(mode);
        Random random = new Random(mode.hashCode() * 7L);
        List<CrmRecord> accepted = new ArrayList<>();
        List<Map<String, @Nullable Object>> refused = new ArrayList<>();
        List<ViolationCode> codes = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CrmFeedWriter writer = CrmFeedWriter.builder().profile(profile).build(bytes)) {
            for (int i = 0; i < ROWS; i++) {
                Map<String, @Nullable Object> object = object(random, profile);
                try {
                    writer.writeObject(object);
                    accepted.add(typed(object, profile));
                } catch (ConversionDataException e) {
                    refused.add(object);
                    codes.add(e.code());
                }
            }
            assertThat(writer.finish().valid()).isTrue();
        }
        assertThat(validateFeed(bytes.toByteArray(), profile, 100).valid()).isTrue();
        List<CrmRecord> read = new ArrayList<>();
        try (CrmFeedReader reader = CrmFeedReader.builder().profile(profile)
                .build(new ByteArrayInputStream(bytes.toByteArray()))) {
            reader.forEach(read::add);
        }
        assertThat(read).hasSameSizeAs(accepted);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i)).as("record %d", i + 1).usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(accepted.get(i));
        }
        assertThat(refused).isNotEmpty();
        for (int i = 0; i < refused.size(); i++) {
            // A duplicate is refused for an earlier record: write that one first.
            ByteArrayOutputStream alone = new ByteArrayOutputStream();
            try (CrmFeedWriter writer = CrmFeedWriter.builder().profile(profile).policy(WritePolicy.KEEP)
                    .limits(beyondTheReaders(codes.get(i))).build(alone)) {
                if (codes.get(i) == ViolationCode.DUPLICATE_RECORD) {
                    writer.writeObject(refused.get(i));
                }
                writer.writeObject(refused.get(i));
                writer.finish();
            }
            long record = codes.get(i) == ViolationCode.DUPLICATE_RECORD ? 2 : 1;
            ValidationReport report = validateFeed(alone.toByteArray(), profile, 100);
            assertThat(report.violations()).filteredOn(Violation::isError)
                    .filteredOn(violation -> violation.record() == record).first()
                    .extracting(Violation::code).as("record %s", refused.get(i)).isEqualTo(codes.get(i));
        }
    }

    /** Writes under KEEP: only a record a reader with the same limits would stop at is still refused. */
    private static void keep(Runnable write) {
        try {
            write.run();
        } catch (ConversionDataException e) {
            assertThat(e.code()).isEqualTo(ViolationCode.RECORD_TOO_LARGE);
        }
    }

    /** The limits to write a record refused for a limit with, so that the reader's verdict on it can be seen. */
    private static JsonLimits beyondTheReaders(ViolationCode refusedFor) {
        return refusedFor != ViolationCode.RECORD_TOO_LARGE ? JsonLimits.DEFAULTS
                : JsonLimits.builder().maxNumberLength(100_000).maxStringLength(1 << 24).build();
    }

    private static @Nullable String emptyAsAbsent(@Nullable String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static void assertSameReport(ValidationReport written, ValidationReport validated) {
        assertThat(written.violations()).hasSize(validated.violations().size());
        for (int i = 0; i < written.violations().size(); i++) {
            assertThat(written.violations().get(i)).as("violation %d", i).isEqualTo(validated.violations().get(i));
        }
        assertThat(written).isEqualTo(validated);
    }

    static ValidationReport validate(Path file, int maxViolations) throws IOException {
        try (RecordSource source = ConversionJsonReader.builder()
                .profile(ConversionProfile.builder().date(DAY).build()).source(file)) {
            return ConversionValidator.builder().maxViolations(maxViolations).build().validate(source);
        }
    }

    static ValidationReport validateFeed(byte[] feed, CrmProfile profile, int maxViolations) {
        try (RecordSource source = CrmFeedReader.builder().profile(profile)
                .source("<feed>", new ByteArrayInputStream(feed))) {
            return FeedValidator.builder().maxViolations(maxViolations).build().validate(source);
        }
    }

    private static CrmProfile profile(String mode) {
        return switch (mode) {
            case "snapshot" -> CrmProfile.DEFAULT;
            case "daily" -> CrmProfile.builder().dailyFeed(FEED_DAY).build();
            case "daily-in-a-zone" -> CrmProfile.builder().dailyFeed(FEED_DAY).feedZone(ZoneId.of("Europe/Paris"))
                    .build();
            case "leads" -> CrmProfile.builder().idField("leadId").dailyFeed(FEED_DAY).feedZone(ZoneId.of("UTC"))
                    .build();
            default -> throw new IllegalArgumentException(mode);
        };
    }

    static ConversionRow row(Random random) {
        String url = pick(random, URLS);
        LocalDate date = random.nextInt(20) == 0 ? DAY.plusDays(random.nextBoolean() ? 1 : -1) : DAY;
        String channel = random.nextInt(3) == 0 ? null : pick(random, TEXTS);
        String device = random.nextInt(2) == 0 ? null : pick(random, TEXTS);
        Long transactions = switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> -1L;
            case 2 -> Long.MAX_VALUE;
            default -> (long) random.nextInt(1000);
        };
        BigDecimal revenue = random.nextInt(4) == 0 ? null : new BigDecimal(pick(random, REVENUES));
        return new ConversionRow(url, date, channel, device, transactions, revenue);
    }

    /** A random typed record: the field rules it can still break are the feed's own. */
    private static CrmRecord record(Random random) {
        Map<String, @Nullable Object> extras = new LinkedHashMap<>();
        if (random.nextInt(3) == 0) {
            extras.put("items", List.of(Map.of("sku", "A1", "qty", 2L), Map.of("sku", "B2", "qty", 1L)));
        }
        if (random.nextInt(4) == 0) {
            extras.put("score", random.nextInt(5) == 0 ? new BigDecimal("1E+400") : new BigDecimal("0.5"));
        }
        if (random.nextInt(5) == 0) {
            extras.put("note", null);
        }
        String id = pick(random, IDS);
        return new CrmRecord(id.isBlank() ? "N0" : id, CrmDateTime.parse(pick(random, DATE_TIMES)),
                CrmDateTime.parse(pick(random, DATE_TIMES)), random.nextBoolean() ? null : pick(random, CURRENCIES),
                random.nextBoolean() ? null : new BigDecimal(pick(random, REVENUES)),
                random.nextBoolean() ? null : pick(random, TEXTS), random.nextBoolean() ? null : pick(random, IDS),
                extras);
    }

    /** A random record as a map: the checked fields of every JSON kind, some absent, extras of every kind. */
    private static Map<String, @Nullable Object> object(Random random, CrmProfile profile) {
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        if (random.nextInt(25) != 0) {
            object.put(profile.idField(), switch (random.nextInt(12)) {
                case 0 -> 42L;
                case 1 -> true;
                case 2 -> 1.5;
                default -> pick(random, IDS);
            });
        }
        for (String name : List.of("createdAt", "updatedAt")) {
            if (random.nextInt(25) != 0) {
                object.put(name, switch (random.nextInt(15)) {
                    case 0 -> 1_579_515_330L;
                    case 1 -> "2020-01-20 10:15:30";
                    case 2 -> "2020-01-20T10:15:30+0100";
                    default -> pick(random, DATE_TIMES);
                });
            }
        }
        if (random.nextBoolean()) {
            object.put("currency", random.nextInt(10) == 0 ? (Object) 978L : pick(random, CURRENCIES));
        }
        if (random.nextBoolean()) {
            object.put("total", switch (random.nextInt(8)) {
                case 0 -> "96.12";
                case 1 -> BigInteger.TEN.pow(30);
                case 2 -> 96.12;
                case 3 -> new BigDecimal("1E+400");
                default -> new BigDecimal(pick(random, REVENUES));
            });
        }
        if (random.nextBoolean()) {
            object.put("status", random.nextInt(10) == 0 ? (Object) 3L : pick(random, TEXTS));
        }
        if (random.nextBoolean()) {
            object.put("userId", random.nextInt(4) == 0 ? (Object) 12345L : pick(random, IDS));
        }
        if (random.nextInt(3) == 0) {
            object.put("shipping", Map.of("city", "Paris", "cost", 4.5));
        }
        if (random.nextInt(6) == 0) {
            object.put("weight", new BigDecimal("1E+400"));
        }
        if (random.nextInt(6) == 0) {
            object.put("tags", List.of("a", 1L, true));
        }
        return object;
    }

    /** The typed record the reader gives for an object the writer accepted. */
    private static CrmRecord typed(Map<String, @Nullable Object> object, CrmProfile profile) {
        Map<String, @Nullable Object> extras = new LinkedHashMap<>();
        for (Map.Entry<String, @Nullable Object> entry : object.entrySet()) {
            if (!List.of(profile.idField(), "createdAt", "updatedAt", "currency", "total", "status", "userId")
                    .contains(entry.getKey())) {
                extras.put(entry.getKey(), readBack(entry.getValue()));
            }
        }
        Object total = object.get("total");
        Object userId = object.get("userId");
        return new CrmRecord(String.valueOf(object.get(profile.idField())),
                CrmDateTime.parse((String) object.get("createdAt")), CrmDateTime.parse((String) object.get("updatedAt")),
                (String) object.get("currency"), total == null ? null : new BigDecimal(total.toString()),
                (String) object.get("status"), userId == null ? null : userId.toString(), extras);
    }

    /** An extra as the reader gives it back: integers as Long or BigInteger, other numbers as BigDecimal. */
    private static @Nullable Object readBack(@Nullable Object value) {
        if (value instanceof Double number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, @Nullable Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put((String) key, readBack(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonWriterRoundTripTest::readBack).toList();
        }
        return value;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
