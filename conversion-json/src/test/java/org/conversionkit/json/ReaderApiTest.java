package org.conversionkit.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.Field;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The readers' API: typed rows, strategies, streams, closing, paths, failures of the input. */
class ReaderApiTest {

    /** The rows of the source document's example, as every form and the CSV reader must deliver them. */
    static final List<ConversionRow> BOTIFY_ROWS = List.of(
            new ConversionRow("https://domain.tld", LocalDate.of(2020, 9, 22), "organic", null, 1L,
                    new BigDecimal("10.0")),
            new ConversionRow("https://domain.tld/path", LocalDate.of(2020, 9, 22), "organic", null, 2L,
                    new BigDecimal("20.0")),
            new ConversionRow("https://domain.tld/path", LocalDate.of(2020, 9, 22), "social", null, 3L,
                    new BigDecimal("30.0")));

    @Test
    void aRepeatedRowIsAWarningAndUnderStrictnessAnInvalidRow() {
        String text = "{\"url\": \"https://domain.tld/a\", \"date\": \"2020-09-22\", \"transactions\": 1}\n"
                + "{\"transactions\": 2, \"date\": \"2020-09-22\", \"url\": \"https://domain.tld/a\"}\n";
        try (ConversionJsonReader reader = ConversionJsonReader.builder().build(new StringReader(text))) {
            assertThat(reader.stream().map(ConversionRow::transactions)).containsExactly(1L, 2L);
        }
        try (ConversionJsonReader reader = ConversionJsonReader.builder()
                .profile(ConversionProfile.builder().strictness(org.conversionkit.model.Strictness.STRICT).build())
                .build(new StringReader(text))) {
            Iterator<ConversionRow> rows = reader.iterator();
            assertThat(rows.next().transactions()).isEqualTo(1L);
            assertThatThrownBy(rows::hasNext).isInstanceOfSatisfying(ConversionDataException.class,
                    e -> assertThat(e.code()).isEqualTo(ViolationCode.DUPLICATE_ROW));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"botify-one-line.json", "botify-many-lines.json", "botify-array.json",
        "botify-array-one-line.json", "botify-ndjson.json", "botify-leading-commas.json",
        "botify-single-quotes-lines.json"})
    void botifyExampleRowsInEveryForm(String name, @TempDir Path dir) throws IOException {
        Path file = Spec.load("json.json").get(name.replace(".json", "")).input().writeTo(dir);
        try (ConversionJsonReader reader = ConversionJsonReader.builder()
                .profile(ConversionProfile.builder().date(LocalDate.of(2020, 9, 22)).build()).build(file)) {
            assertThat(reader).containsExactlyElementsOf(BOTIFY_ROWS);
            assertThat(reader.recordsRead()).isEqualTo(3);
            assertThat(reader.recordsSkipped()).isZero();
        }
    }

    @Test
    void gzipFileByMagicBytesNotByName(@TempDir Path dir) throws IOException {
        byte[] ndjson = Spec.load("json.json").get("botify-ndjson").input().bytes();
        Path gz = Files.write(dir.resolve("conversion-export-2020-09-22.json.gz"), SpecInput.gzip(ndjson));
        Path disguised = Files.write(dir.resolve("conversion-export-2020-09-22.json"), SpecInput.gzip(ndjson));
        for (Path file : List.of(gz, disguised)) {
            try (ConversionJsonReader reader = ConversionJsonReader.builder().build(file)) {
                assertThat(reader.stream().toList()).isEqualTo(BOTIFY_ROWS);
                assertThat(reader.form()).isEqualTo(JsonForm.NDJSON);
            }
        }
    }

    @Test
    void defaultsApplyToAbsentAndNullFields() {
        String rows = "{\"url\": \"https://domain.tld\", \"date\": \"2020-09-22\"}\n"
                + "{\"url\": \"https://domain.tld\", \"date\": \"2020-09-22\", \"channel\": null}\n";
        FieldDefaults defaults = FieldDefaults.NONE.with(Field.CHANNEL, "organic");
        try (ConversionJsonReader reader = ConversionJsonReader.builder()
                .profile(ConversionProfile.builder().defaults(defaults).build()).build(new StringReader(rows))) {
            assertThat(reader.stream().map(ConversionRow::channel)).containsExactly("organic", "organic");
        }
    }

    @Test
    void failStrategyThrowsWithTheLocation() {
        String rows = "{\"url\": \"https://domain.tld\", \"date\": \"2020-09-22\"}\n\n"
                + "{\"url\": \"/path/to/my/page\", \"date\": \"2020-09-22\"}\n";
        try (ConversionJsonReader reader = ConversionJsonReader.builder().build(new StringReader(rows))) {
            Iterator<ConversionRow> iterator = reader.iterator();
            assertThat(iterator.next().url()).isEqualTo("https://domain.tld");
            assertThatThrownBy(iterator::hasNext).isInstanceOfSatisfying(ConversionDataException.class, e -> {
                assertThat(e.line()).isEqualTo(3);
                assertThat(e.record()).isEqualTo(2);
                assertThat(e.field()).isEqualTo("url");
                assertThat(e.code()).isEqualTo(ViolationCode.URL_RELATIVE);
            });
            assertThat(reader.iterator()).isSameAs(iterator);
            assertThat(iterator.hasNext()).isFalse();
            assertThat(reader.blankLines()).isEqualTo(1);
        }
    }

    @Test
    void failStrategyOnASyntaxErrorSaysWhere() {
        String rows = "{'url': 'https://domain.tld', 'date': '2020-09-22'},\n{'url': 'https://domain.tld', 'date'}";
        try (ConversionJsonReader reader = ConversionJsonReader.builder().build(new StringReader(rows))) {
            assertThatThrownBy(() -> reader.stream().toList())
                    .isInstanceOfSatisfying(ConversionDataException.class, e -> {
                        assertThat(e.code()).isEqualTo(ViolationCode.MALFORMED_JSON);
                        assertThat(e.line()).isEqualTo(2);
                        assertThat(e.getMessage()).contains("line 2, column 37");
                    });
            assertThat(reader.recordsRead()).isEqualTo(2);
        }
    }

    @Test
    void streamClosesTheReaderAndTheInput() {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new FilterInputStream(new ByteArrayInputStream(
                "{\"url\": \"https://domain.tld\", \"date\": \"2020-09-22\"}\n".repeat(2).getBytes(UTF_8))) {
            @Override
            public void close() throws IOException {
                closed.set(true);
                super.close();
            }
        };
        ConversionJsonReader reader = ConversionJsonReader.builder().build(in);
        try (Stream<ConversionRow> rows = reader.stream()) {
            assertThat(rows.findFirst()).isPresent();
            assertThat(closed).isFalse();
        }
        assertThat(closed).isTrue();
        reader.close();
    }

    @Test
    void aFailingInputIsAnUncheckedIOException() {
        byte[] rows = "{\"url\": \"https://domain.tld\", \"date\": \"2020-09-22\"}\n".repeat(1000).getBytes(UTF_8);
        InputStream failing = new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                if (position == 20_000) {
                    throw new IOException("disk on fire");
                }
                return rows[position++];
            }
        };
        try (ConversionJsonReader reader = ConversionJsonReader.builder().build(failing)) {
            assertThatThrownBy(() -> reader.stream().count()).isInstanceOf(UncheckedIOException.class)
                    .hasRootCauseMessage("disk on fire");
        }
    }

    @Test
    void corruptGzipIsAnEncodingErrorOfTheFirstRecord() {
        byte[] gzip = SpecInput.gzip("{\"url\": \"https://domain.tld\"}\n".repeat(100).getBytes(UTF_8));
        byte[] corrupt = Arrays.copyOf(gzip, gzip.length);
        for (int i = 12; i < corrupt.length - 8; i++) {
            corrupt[i] = (byte) 0xA5;
        }
        try (RecordSource source = ConversionJsonReader.builder().source(new ByteArrayInputStream(corrupt))) {
            RawRecord record = source.next();
            assertThat(record).isNotNull();
            assertThat(record.line()).isEqualTo(1);
            assertThat(record.record()).isEqualTo(1);
            assertThat(record.violations()).singleElement().satisfies(v -> {
                assertThat(v.code()).isEqualTo(ViolationCode.ENCODING);
                assertThat(v.message()).startsWith("the gzip data is corrupt or truncated");
            });
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void corruptGzipHeaderIsAnEncodingError() {
        byte[] header = {0x1f, (byte) 0x8b, 0x42, 0, 0, 0, 0, 0, 0, 0};
        try (RecordSource source = ConversionJsonReader.builder().source(new ByteArrayInputStream(header))) {
            RawRecord record = source.next();
            assertThat(record).isNotNull();
            assertThat(record.violations()).extracting(Violation::code).containsExactly(ViolationCode.ENCODING);
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void truncatedGzipIsAnEncodingErrorOfTheRecordInProgress() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            rows.append("{\"url\": \"https://domain.tld/").append(i).append("\", \"date\": \"2020-09-22\"}\n");
        }
        byte[] gzip = SpecInput.gzip(rows.toString().getBytes(UTF_8));
        byte[] truncated = Arrays.copyOf(gzip, gzip.length / 2);
        try (RecordSource source = ConversionJsonReader.builder().source(new ByteArrayInputStream(truncated))) {
            long records = 0;
            RawRecord last = null;
            for (RawRecord record = source.next(); record != null; record = source.next()) {
                assertThat(record.record()).isEqualTo(++records);
                assertThat(record.line()).isEqualTo(records);
                last = record;
            }
            assertThat(records).isBetween(2L, 19_999L);
            assertThat(last).isNotNull();
            assertThat(last.violations()).singleElement().satisfies(v -> {
                assertThat(v.code()).isEqualTo(ViolationCode.ENCODING);
                assertThat(v.message()).startsWith("the gzip data is corrupt or truncated (");
            });
        }
    }

    @Test
    void aMissingFileIsAnIOException(@TempDir Path dir) {
        assertThatThrownBy(() -> ConversionJsonReader.builder().build(dir.resolve("missing.json")))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> CrmFeedReader.builder().source(dir.resolve("missing.ndjson")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void crmFeedWithLeadIdAndUnmodifiableExtras(@TempDir Path dir) throws IOException {
        Path feed = Files.writeString(dir.resolve("leads.ndjson"),
                "{\"leadId\":\"L1\",\"createdAt\":\"2020-01-10\",\"updatedAt\":\"2020-01-11\",\"tags\":[\"a\"],"
                        + "\"meta\":{\"k\":1}}\n");
        try (CrmFeedReader reader = CrmFeedReader.builder().profile(CrmProfile.builder().idField("leadId").build())
                .build(feed)) {
            CrmRecord lead = reader.iterator().next();
            assertThat(lead.id()).isEqualTo("L1");
            assertThat(lead.extras()).containsOnlyKeys("tags", "meta");
            @SuppressWarnings("unchecked")
            List<Object> tags = (List<Object>) lead.extras().get("tags");
            @SuppressWarnings("unchecked")
            Map<String, Object> meta = (Map<String, Object>) lead.extras().get("meta");
            assertThatThrownBy(() -> tags.add("b")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> meta.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> lead.extras().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void crmFailStrategy() {
        String feed = "{\"orderId\":\"N1\",\"createdAt\":\"2020-01-10\",\"updatedAt\":\"2020-01-15\",\"total\":\"1\"}";
        try (CrmFeedReader reader = CrmFeedReader.builder().build(new StringReader(feed))) {
            assertThatThrownBy(() -> reader.stream().toList())
                    .isInstanceOfSatisfying(ConversionDataException.class, e -> {
                        assertThat(e.code()).isEqualTo(ViolationCode.FIELD_TYPE);
                        assertThat(e.field()).isEqualTo("total");
                    });
        }
    }

    @Test
    void crmSkipStrategyCountsSkippedRecords() {
        String feed = "{\"orderId\":\"N1\",\"createdAt\":\"2020-01-10\",\"updatedAt\":\"2020-01-15\"}\n"
                + "{\"orderId\":\"N2\"}\n"
                + "{\"orderId\":\"N3\",\"createdAt\":\"2020-01-10\",\"updatedAt\":\"2020-01-15\"}\n";
        try (CrmFeedReader reader = CrmFeedReader.builder().invalidRecords(InvalidRecordStrategy.SKIP)
                .build(new ByteArrayInputStream(feed.getBytes(UTF_8)))) {
            assertThat(reader.stream().map(CrmRecord::id)).containsExactly("N1", "N3");
            assertThat(reader.recordsRead()).isEqualTo(3);
            assertThat(reader.recordsSkipped()).isEqualTo(1);
            assertThat(reader.form()).isEqualTo(JsonForm.NDJSON);
        }
    }

    @Test
    void wrongArgumentsAreRejectedAtOnce() {
        assertThatThrownBy(() -> ConversionJsonReader.builder().limits(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ConversionJsonReader.builder().profile(null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ConversionJsonReader.builder().invalidRecords(null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ConversionJsonReader.builder().build((InputStream) null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CrmProfile.builder().idField(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrmProfile.builder().idField("createdAt"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchemaInference.builder().limits(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void limitsDefaultsAndChecks() {
        JsonLimits limits = JsonLimits.DEFAULTS;
        assertThat(limits.maxNestingDepth()).isEqualTo(32);
        assertThat(limits.maxStringLength()).isEqualTo(65_536);
        assertThat(limits.maxNumberLength()).isEqualTo(100);
        assertThat(limits.maxNameLength()).isEqualTo(256);
        assertThat(limits.maxRecordSize()).isEqualTo(1_048_576);
        assertThat(limits.maxFileBytes()).isEqualTo(Long.MAX_VALUE);
        assertThat(limits.maxRecords()).isEqualTo(Long.MAX_VALUE);
        assertThat(limits.maxSchemaFields()).isEqualTo(10_000);
        assertThat(JsonLimits.builder().build()).isEqualTo(limits).hasSameHashCodeAs(limits);
        assertThat(JsonLimits.builder().maxRecords(5).build()).isNotEqualTo(limits);
        JsonLimits custom = JsonLimits.builder().maxNestingDepth(3).maxStringLength(4).maxNumberLength(5)
                .maxNameLength(6).maxRecordSize(7).maxFileBytes(8).maxRecords(9).maxSchemaFields(10).build();
        assertThat(custom.toBuilder().build()).isEqualTo(custom).isNotEqualTo(limits);
        assertThat(custom.toBuilder().maxRecords(JsonLimits.UNLIMITED).build().maxRecords()).isEqualTo(Long.MAX_VALUE);
        assertThat(limits.toString()).contains("maxRecordSize=1048576");
        assertThatThrownBy(() -> JsonLimits.builder().maxStringLength(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxStringLength must be at least 1, was 0");
        assertThatThrownBy(() -> JsonLimits.builder().maxRecordSize(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonLimits.builder().maxNestingDepth(1001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1000");
    }
}
