package org.conversionkit.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.CrmDateTime;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.FeedLimits;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.WritePolicy;
import org.conversionkit.model.feed.FeedRequest;
import org.conversionkit.validation.FeedValidator;
import org.conversionkit.validation.ValidationReport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CrmFeedWriterTest {

    private static final LocalDate DAY = LocalDate.of(2020, 1, 20);

    private static CrmRecord order(String id, String createdAt, String updatedAt) {
        return new CrmRecord(id, CrmDateTime.parse(createdAt), CrmDateTime.parse(updatedAt), "EUR",
                new BigDecimal("96.12"), "paid", "u1", Map.of());
    }

    @Test
    void writesTheRecordsAsTheFeedValidatorReadsThem() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, @Nullable Object> extras = new LinkedHashMap<>();
        extras.put("items", List.of(Map.of("sku", "A1")));
        extras.put("coupon", null);
        ValidationReport report;
        try (CrmFeedWriter writer = CrmFeedWriter.builder().build(out)) {
            assertThat(writer.write(new CrmRecord("N1", CrmDateTime.parse("2020-01-10T10:15:30Z"),
                    CrmDateTime.parse("2020-01-10T12:20:00+01:00"), "EUR", new BigDecimal("96.12"), "paid/online",
                    null, extras))).isTrue();
            report = writer.finish();
        }
        assertThat(out.toString(UTF_8)).isEqualTo("{\"orderId\":\"N1\",\"createdAt\":\"2020-01-10T10:15:30Z\","
                + "\"updatedAt\":\"2020-01-10T12:20:00+01:00\",\"currency\":\"EUR\",\"total\":96.12,"
                + "\"status\":\"paid/online\",\"items\":[{\"sku\":\"A1\"}],\"coupon\":null}\n");
        assertThat(report).isEqualTo(JsonWriterRoundTripTest.validateFeed(out.toByteArray(), CrmProfile.DEFAULT, 100));
        assertThat(report.valid()).isTrue();
        assertThat(report.records()).isEqualTo(1);
    }

    @Test
    void aDailyFeedLeavesOutRecordsUpdatedOnAnotherDayInItsZone() throws IOException {
        CrmProfile profile = FeedRequest.ofQuery("date=20200120")
                .applyTo(CrmProfile.builder().feedZone(ZoneId.of("Europe/Paris")).build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CrmFeedWriter writer = CrmFeedWriter.builder().profile(profile).policy(WritePolicy.LEAVE_OUT)
                .build(out)) {
            // 23:30 UTC on the 19th is half past midnight on the 20th in Paris: the feed's day.
            assertThat(writer.write(order("N1", "2020-01-19T10:00:00Z", "2020-01-19T23:30:00Z"))).isTrue();
            // 23:30 UTC on the 20th is the 21st in Paris: the next feed's record.
            assertThat(writer.write(order("N2", "2020-01-19T10:00:00Z", "2020-01-20T23:30:00Z"))).isFalse();
            assertThat(writer.write(order("N3", "2020-01-20T10:00:00+01:00", "2020-01-20T11:00:00+01:00"))).isTrue();
            ValidationReport report = writer.finish();
            assertThat(report.valid()).isTrue();
            assertThat(report.records()).isEqualTo(2);
            assertThat(report.date()).isEqualTo(DAY);
            ValidationReport leftOut = writer.leftOut();
            assertThat(leftOut.records()).isEqualTo(1);
            assertThat(leftOut.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.code()).isEqualTo(ViolationCode.DATE_MISMATCH);
                assertThat(violation.record()).isEqualTo(2);
                assertThat(violation.message()).contains("falls on 2020-01-21 in Europe/Paris");
            });
        }
        assertThat(out.toString(UTF_8).lines()).hasSize(2).allMatch(line -> !line.contains("\"N2\""));
    }

    @Test
    void refusesARecordWithAnErrorAtOnceAndGoesOn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CrmFeedWriter writer = CrmFeedWriter.builder().build(out)) {
            writer.write(order("N1", "2020-01-10T10:15:30Z", "2020-01-10T10:15:30Z"));
            assertThatExceptionOfType(ConversionDataException.class)
                    .isThrownBy(() -> writer.write(order("N1", "2020-01-10T10:15:30Z", "2020-01-11T10:15:30Z")))
                    .satisfies(e -> {
                        assertThat(e.code()).isEqualTo(ViolationCode.DUPLICATE_RECORD);
                        assertThat(e.violations()).singleElement().extracting(Violation::record).isEqualTo(2L);
                    });
            Map<String, @Nullable Object> raw = new LinkedHashMap<>();
            raw.put("orderId", "N2");
            raw.put("createdAt", "2020-01-10T10:15:30Z");
            raw.put("updatedAt", "2020-01-09T10:15:30Z");
            raw.put("total", "96.12");
            assertThatExceptionOfType(ConversionDataException.class).isThrownBy(() -> writer.writeObject(raw))
                    .satisfies(e -> assertThat(e.violations()).extracting(Violation::code).containsExactly(
                            ViolationCode.UPDATED_BEFORE_CREATED, ViolationCode.FIELD_TYPE));
            writer.write(order("N3", "2020-01-10T10:15:30Z", "2020-01-10T10:15:30Z"));
            ValidationReport report = writer.finish();
            assertThat(report.valid()).isTrue();
            assertThat(report.records()).isEqualTo(2);
        }
        assertThat(out.toString(UTF_8).lines()).hasSize(2);
    }

    /**
     * A record left out is no record of the feed: a later one with its id is written, no duplicate, as the feed
     * validator finds; and one written before makes a later one a duplicate, which is left out.
     */
    @Test
    void aRecordLeftOutLeavesItsIdFree() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CrmFeedWriter writer = CrmFeedWriter.builder().policy(WritePolicy.LEAVE_OUT).build(out)) {
            // updatedAt before createdAt: an error, left out.
            assertThat(writer.write(order("N1", "2020-01-10T10:15:30Z", "2020-01-09T10:15:30Z"))).isFalse();
            assertThat(writer.write(order("N1", "2020-01-10T10:15:30Z", "2020-01-10T10:15:30Z"))).isTrue();
            assertThat(writer.write(order("N1", "2020-01-10T10:15:30Z", "2020-01-11T10:15:30Z"))).isFalse();
            ValidationReport report = writer.finish();
            assertThat(report.valid()).isTrue();
            assertThat(report.records()).isEqualTo(1);
            assertThat(report).isEqualTo(JsonWriterRoundTripTest.validateFeed(out.toByteArray(), CrmProfile.DEFAULT,
                    100));
            assertThat(writer.leftOut().violations()).extracting(Violation::code).containsExactly(
                    ViolationCode.UPDATED_BEFORE_CREATED, ViolationCode.DUPLICATE_RECORD);
        }
    }

    /**
     * A record left out is no record of the feed, the one at maxTrackedIds either: the ids are let go, and the limit
     * reported, only when a record past it is written (under KEEP), as validate on the feed finds. Left out or refused,
     * it leaves the ids remembered, and a later duplicate is still found.
     */
    @Test
    void aRecordLeftOutAtTheLimitOfTrackedIdsLetsNoIdGo() throws IOException {
        CrmProfile profile = CrmProfile.builder().limits(FeedLimits.builder().maxTrackedIds(2).build()).build();
        for (WritePolicy policy : WritePolicy.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (CrmFeedWriter writer = CrmFeedWriter.builder().profile(profile).policy(policy).build(out)) {
                assertThat(writer.write(order("N1", "2020-01-10T10:15:30Z", "2020-01-10T10:15:30Z"))).isTrue();
                assertThat(writer.write(order("N2", "2020-01-10T10:15:30Z", "2020-01-10T10:15:30Z"))).isTrue();
                // A third id, past the limit, and updatedAt before createdAt: two errors.
                CrmRecord third = order("N3", "2020-01-10T10:15:30Z", "2020-01-09T10:15:30Z");
                CrmRecord again = order("N1", "2020-01-10T10:15:30Z", "2020-01-10T10:15:30Z");
                List<String> expected;
                if (policy == WritePolicy.REFUSE) {
                    assertThatExceptionOfType(ConversionDataException.class).isThrownBy(() -> writer.write(third))
                            .satisfies(e -> assertThat(e.violations()).extracting(v -> v.code() + "@" + v.record())
                                    .containsExactly("UPDATED_BEFORE_CREATED@3", "RECORD_TOO_LARGE@3"));
                    assertThatExceptionOfType(ConversionDataException.class).isThrownBy(() -> writer.write(again))
                            .satisfies(e -> assertThat(e.violations()).extracting(v -> v.code() + "@" + v.record())
                                    .containsExactly("DUPLICATE_RECORD@4"));
                    expected = List.of();
                } else if (policy == WritePolicy.LEAVE_OUT) {
                    assertThat(writer.write(third)).isFalse();
                    assertThat(writer.write(again)).isFalse();
                    assertThat(writer.leftOut().violations()).extracting(v -> v.code() + "@" + v.record())
                            .containsExactly("UPDATED_BEFORE_CREATED@3", "RECORD_TOO_LARGE@3", "DUPLICATE_RECORD@4");
                    expected = List.of();
                } else {
                    // Kept: the third record is one of the feed, past the limit; from it on, ids are not remembered.
                    assertThat(writer.write(third)).isTrue();
                    assertThat(writer.write(again)).isTrue();
                    expected = List.of("UPDATED_BEFORE_CREATED@3", "RECORD_TOO_LARGE@3");
                }
                ValidationReport report = writer.finish();
                assertThat(report.violations()).extracting(v -> v.code() + "@" + v.record())
                        .containsExactlyElementsOf(expected);
                assertThat(report.records()).isEqualTo(policy == WritePolicy.KEEP ? 4 : 2);
                assertThat(report).isEqualTo(JsonWriterRoundTripTest.validateFeed(out.toByteArray(), profile, 100));
            }
        }
    }

    @Test
    void keepsRecordsWithAnErrorWhenToldAndCountsThemAsTheValidatorDoes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CrmProfile leads = CrmProfile.builder().idField("leadId").build();
        try (CrmFeedWriter writer = CrmFeedWriter.builder().profile(leads).policy(WritePolicy.KEEP).build(out)) {
            writer.write(order("L1", "2020-01-10T10:15:30Z", "2020-01-10T10:15:30Z"));
            writer.write(order("L1", "2020-01-10T10:15:30Z", "2020-01-10T10:15:30Z"));
            ValidationReport report = writer.finish();
            assertThat(report.valid()).isFalse();
            assertThat(report.invalidRecords()).isEqualTo(1);
            assertThat(report).isEqualTo(JsonWriterRoundTripTest.validateFeed(out.toByteArray(), leads, 100));
        }
        assertThat(out.toString(UTF_8)).startsWith("{\"leadId\":\"L1\",");
    }

    @Test
    void refusesWhatJsonCannotHoldUnderEveryPolicy() throws IOException {
        try (CrmFeedWriter writer = CrmFeedWriter.builder().policy(WritePolicy.KEEP)
                .limits(JsonLimits.builder().maxStringLength(10).build()).build(new ByteArrayOutputStream())) {
            assertThatIllegalArgumentException().isThrownBy(() -> writer.write(new CrmRecord("N1",
                    CrmDateTime.parse("2020-01-10"), CrmDateTime.parse("2020-01-10"), null, null, null, null,
                    Map.of("orderId", "N2")))).withMessageContaining("has the name of a checked field");
            assertThatIllegalArgumentException().isThrownBy(() -> writer.writeObject(Map.of("orderId", "N1",
                    "score", Double.NaN))).withMessageContaining("JSON cannot hold");
            assertThatIllegalArgumentException().isThrownBy(() -> writer.writeObject(Map.of("orderId", "N1",
                    "when", LocalDate.of(2020, 1, 10)))).withMessageContaining("not a JSON value");
            assertThatExceptionOfType(ConversionDataException.class).isThrownBy(() -> writer.writeObject(Map.of(
                    "orderId", "N\uD800"))).satisfies(e -> assertThat(e.code()).isEqualTo(ViolationCode.ENCODING));
            assertThatExceptionOfType(ConversionDataException.class).isThrownBy(() -> writer.writeObject(Map.of(
                    "orderId", "N1", "note", "x".repeat(11))))
                    .satisfies(e -> assertThat(e.getMessage()).contains("maxStringLength (10"));
            ValidationReport report = writer.report();
            assertThat(report.records()).isZero();
        }
    }

    /**
     * The reader holds a key to maxNameLength in the bytes of its UTF-8 (a string value in characters): a key of
     * five characters and ten bytes is refused under every policy with a maxNameLength of 9 (that of
     * {@code createdAt}), one of eight bytes is written, and the feed reads back as written.
     */
    @Test
    void aKeyIsHeldToMaxNameLengthInItsBytesAsTheReaderCountsThem() throws IOException {
        JsonLimits limits = JsonLimits.builder().maxNameLength(9).build();
        for (WritePolicy policy : WritePolicy.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ValidationReport report;
            try (CrmFeedWriter writer = CrmFeedWriter.builder().policy(policy).limits(limits).build(out)) {
                Map<String, Object> order = new LinkedHashMap<>();
                order.put("orderId", "N1");
                order.put("createdAt", "2020-01-10");
                order.put("updatedAt", "2020-01-10");
                order.put("\u00E9\u00E9\u00E9\u00E9\u00E9", "x");
                assertThatExceptionOfType(ConversionDataException.class).as("%s", policy)
                        .isThrownBy(() -> writer.writeObject(order))
                        .satisfies(e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.code()).isEqualTo(ViolationCode.RECORD_TOO_LARGE);
                            assertThat(v.record()).isEqualTo(1);
                            assertThat(v.message()).startsWith("a key is longer than maxNameLength (9 chars) allows:");
                        }));
                order.remove("\u00E9\u00E9\u00E9\u00E9\u00E9");
                order.put("\u00E9\u00E9\u00E9\u00E9", "\u00E9".repeat(8));
                assertThat(writer.writeObject(order)).isTrue();
                report = writer.finish();
            }
            assertThat(out.toString(UTF_8)).isEqualTo("{\"orderId\":\"N1\",\"createdAt\":\"2020-01-10\","
                    + "\"updatedAt\":\"2020-01-10\",\"\u00E9\u00E9\u00E9\u00E9\":\"" + "\u00E9".repeat(8) + "\"}\n");
            assertThat(report.valid()).isTrue();
            assertThat(report.records()).isEqualTo(1);
            try (RecordSource source = CrmFeedReader.builder().limits(limits)
                    .source("<feed>", new ByteArrayInputStream(out.toByteArray()))) {
                assertThat(report).isEqualTo(FeedValidator.builder().build().validate(source));
            }
        }
    }

    /**
     * Extras nested far deeper than any reader reads (100,000 levels, built iteratively) are refused as the reader
     * refuses too-deep input, a located RECORD_TOO_LARGE naming maxNestingDepth, under every policy, as every other
     * limit is: the writer does not follow the nesting down, so it cannot run out of stack. The writer goes on.
     */
    @Test
    void refusesExtrasNestedDeeperThanTheLimitWithoutFollowingThemDown() throws IOException {
        Object deep = "leaf";
        for (int i = 0; i < 100_000; i++) {
            deep = i % 2 == 0 ? List.of(deep) : Map.of("k", deep);
        }
        Map<String, @Nullable Object> extras = Map.of("items", deep);
        for (WritePolicy policy : WritePolicy.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (CrmFeedWriter writer = CrmFeedWriter.builder().policy(policy).build(out)) {
                assertThat(writer.write(order("N1", "2020-01-10T10:15:30Z", "2020-01-10T10:15:30Z"))).isTrue();
                CrmRecord record = new CrmRecord("N2", CrmDateTime.parse("2020-01-10T10:15:30Z"),
                        CrmDateTime.parse("2020-01-10T10:15:30Z"), null, null, null, null, extras);
                Map<String, @Nullable Object> object = new LinkedHashMap<>();
                object.put("orderId", "N3");
                object.put("items", deep);
                List<Runnable> writes = List.of(() -> writer.write(record), () -> writer.writeObject(object));
                for (int i = 0; i < writes.size(); i++) {
                    long given = i + 2;
                    assertThatExceptionOfType(ConversionDataException.class).as("%s", policy)
                            .isThrownBy(writes.get(i)::run).satisfies(e -> {
                                assertThat(e.code()).isEqualTo(ViolationCode.RECORD_TOO_LARGE);
                                assertThat(e.violations()).singleElement().satisfies(violation -> {
                                    assertThat(violation.line()).isEqualTo(given);
                                    assertThat(violation.record()).isEqualTo(given);
                                    assertThat(violation.field()).isNull();
                                    assertThat(violation.message()).isEqualTo("objects and arrays are nested"
                                            + " deeper than maxNestingDepth (32) allows: a feed's reader with these"
                                            + " limits rejects such a line without reading its values, and reads on"
                                            + " from the next one; write and read the feed with larger JsonLimits, or"
                                            + " make the record fit them");
                                });
                            });
                }
                assertThat(writer.write(order("N4", "2020-01-10T10:15:30Z", "2020-01-10T10:15:30Z"))).isTrue();
                ValidationReport report = writer.finish();
                assertThat(report.valid()).isTrue();
                assertThat(report.records()).isEqualTo(2);
                assertThat(report).isEqualTo(JsonWriterRoundTripTest.validateFeed(out.toByteArray(),
                        CrmProfile.DEFAULT, 100));
                assertThat(writer.leftOut().records()).isZero();
            }
            assertThat(out.toString(UTF_8).lines()).hasSize(2);
        }
    }

    private static Map<String, @Nullable Object> withItems(String id, Object items) {
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        object.put("orderId", id);
        object.put("createdAt", "2020-01-10");
        object.put("updatedAt", "2020-01-10");
        object.put("items", items);
        return object;
    }

    /** The writer's depth is the reader's: the record is 1, so 31 lists in an extra are read, and 32 are not. */
    @Test
    void nestingIsCountedAsTheReaderCountsIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CrmFeedWriter writer = CrmFeedWriter.builder().build(out)) {
            Object lists = "x";
            for (int i = 0; i < 31; i++) {
                lists = List.of(lists);
            }
            assertThat(writer.writeObject(withItems("N1", lists))).isTrue();
            Object deeper = List.of(lists);
            assertThatExceptionOfType(ConversionDataException.class)
                    .isThrownBy(() -> writer.writeObject(withItems("N2", deeper)))
                    .satisfies(e -> assertThat(e.getMessage()).contains("maxNestingDepth (32)"));
            writer.finish();
        }
        String start = "\",\"createdAt\":\"2020-01-10\",\"updatedAt\":\"2020-01-10\",\"items\":";
        assertThat(out.toString(UTF_8)).isEqualTo("{\"orderId\":\"N1" + start + "[".repeat(31) + "\"x\""
                + "]".repeat(31) + "}\n");
        byte[] tooDeep = ("{\"orderId\":\"N2" + start + "[".repeat(32) + "\"x\"" + "]".repeat(32) + "}\n")
                .getBytes(UTF_8);
        assertThat(JsonWriterRoundTripTest.validateFeed(out.toByteArray(), CrmProfile.DEFAULT, 100).valid()).isTrue();
        assertThat(JsonWriterRoundTripTest.validateFeed(tooDeep, CrmProfile.DEFAULT, 100).violations())
                .singleElement().satisfies(violation -> {
                    assertThat(violation.code()).isEqualTo(ViolationCode.RECORD_TOO_LARGE);
                    assertThat(violation.message()).contains("maxNestingDepth (32)");
                });
    }

    @Test
    void anEmptyFeedIsAWarningAndUnderAStrictProfileRefused() throws IOException {
        try (CrmFeedWriter writer = CrmFeedWriter.builder().build(new ByteArrayOutputStream())) {
            assertThat(writer.finish().violations()).singleElement().extracting(Violation::code)
                    .isEqualTo(ViolationCode.EMPTY_FILE);
        }
        CrmProfile strict = CrmProfile.builder().dailyFeed(DAY).strictness(Strictness.STRICT).build();
        try (CrmFeedWriter writer = CrmFeedWriter.builder().profile(strict).build(new ByteArrayOutputStream())) {
            assertThatExceptionOfType(ConversionDataException.class).isThrownBy(writer::finish)
                    .satisfies(e -> assertThat(e.code()).isEqualTo(ViolationCode.EMPTY_FILE));
            assertThatIllegalStateException().isThrownBy(() -> writer.write(order("N1", "2020-01-20", "2020-01-20")));
        }
    }

    @Test
    void closesTheStreamAndRefusesMoreOnceDone() throws IOException {
        boolean[] closed = new boolean[1];
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        CrmFeedWriter writer = CrmFeedWriter.builder().build(out);
        writer.write(order("N1", "2020-01-10", "2020-01-10"));
        writer.finish();
        assertThat(closed[0]).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> writer.write(order("N2", "2020-01-10", "2020-01-10")))
                .withMessageContaining("finished");
        assertThatIllegalStateException().isThrownBy(writer::finish);
        writer.close();
        assertThat(writer.report().records()).isEqualTo(1);
    }

    @Test
    void aFailingStreamMakesTheWriterUnusable() {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("connection reset");
            }
        };
        try (CrmFeedWriter writer = CrmFeedWriter.builder().build(failing)) {
            assertThatExceptionOfType(UncheckedIOException.class)
                    .isThrownBy(() -> writer.write(order("N1", "2020-01-10", "2020-01-10")))
                    .withMessageContaining("connection reset");
            assertThatIllegalStateException().isThrownBy(() -> writer.write(order("N2", "2020-01-10", "2020-01-10")))
                    .withMessageContaining("failed");
        }
    }

    @Test
    void settingsAreCheckedWhenGiven() {
        assertThatIllegalArgumentException().isThrownBy(() -> CrmFeedWriter.builder().maxViolations(-1));
        assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> CrmFeedWriter.builder().profile(null));
        assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> CrmFeedWriter.builder().build(null));
    }
}
