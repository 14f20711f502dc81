package org.conversionkit.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.ViolationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The typed reader API: iterating, streaming, failing and skipping, inputs, the builder's checks. */
class ConversionCsvReaderTest {

    private static final String BOTIFY = "https://domain.tld, 2020-09-22, organic, 1, 10.0\n"
            + "https://domain.tld/path, 2020-09-22, organic, 2, 20.0\n"
            + "https://domain.tld/path, 2020-09-22, social, 3, 30.0\n";
    private static final LocalDate DAY = LocalDate.of(2020, 9, 22);
    private static final List<ConversionRow> BOTIFY_ROWS = List.of(
            new ConversionRow("https://domain.tld", DAY, "organic", null, 1L, new BigDecimal("10.0")),
            new ConversionRow("https://domain.tld/path", DAY, "organic", null, 2L, new BigDecimal("20.0")),
            new ConversionRow("https://domain.tld/path", DAY, "social", null, 3L, new BigDecimal("30.0")));

    @TempDir
    Path directory;

    /** A stream over text that notes whether it was closed. */
    static final class TrackedStream extends ByteArrayInputStream {
        boolean closed;

        TrackedStream(String text) {
            super(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }

    private static List<ConversionRow> readAll(ConversionCsvReader reader) {
        List<ConversionRow> rows = new ArrayList<>();
        for (ConversionRow row : reader) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void iteratesTheSourceDocumentsExample() {
        try (ConversionCsvReader reader = ConversionCsvReader.builder().profile(ConversionProfile.builder().date(DAY).build())
                .build(new TrackedStream(BOTIFY))) {
            assertThat(readAll(reader)).containsExactlyElementsOf(BOTIFY_ROWS);
            assertThat(reader.recordsRead()).isEqualTo(3);
            assertThat(reader.recordsSkipped()).isZero();
            assertThat(reader.blankLines()).isZero();
            assertThat(reader.delimiter()).isEqualTo(",");
        }
    }

    @Test
    void pathStreamReaderAndGzipGiveTheSameRows() throws IOException {
        Path plain = Files.writeString(directory.resolve("conversion-export-2020-09-22.csv"), BOTIFY);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(BOTIFY.getBytes(StandardCharsets.UTF_8));
        }
        Path gz = Files.write(directory.resolve("conversion-export-2020-09-22.csv.gz"), compressed.toByteArray());
        ConversionCsvReader.Builder builder = ConversionCsvReader.builder();
        try (ConversionCsvReader fromPath = builder.build(plain);
                ConversionCsvReader fromGzipPath = builder.build(gz);
                ConversionCsvReader fromStream = builder.build(new TrackedStream(BOTIFY));
                ConversionCsvReader fromGzipStream = builder.build(new ByteArrayInputStream(compressed.toByteArray()));
                ConversionCsvReader fromReader = builder.build(new StringReader("\uFEFF" + BOTIFY))) {
            assertThat(readAll(fromPath)).containsExactlyElementsOf(BOTIFY_ROWS);
            assertThat(readAll(fromGzipPath)).containsExactlyElementsOf(BOTIFY_ROWS);
            assertThat(readAll(fromStream)).containsExactlyElementsOf(BOTIFY_ROWS);
            assertThat(readAll(fromGzipStream)).containsExactlyElementsOf(BOTIFY_ROWS);
            assertThat(readAll(fromReader)).containsExactlyElementsOf(BOTIFY_ROWS);
        }
    }

    @Test
    void aMissingFileThrowsOnOpening() {
        assertThatThrownBy(() -> ConversionCsvReader.builder().build(directory.resolve("missing.csv")))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> ConversionCsvReader.builder().source(directory.resolve("missing.csv")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void streamClosingClosesTheReaderAndItsInput() {
        TrackedStream in = new TrackedStream(BOTIFY);
        ConversionCsvReader reader = ConversionCsvReader.builder().build(in);
        try (Stream<ConversionRow> rows = reader.stream()) {
            assertThat(rows.map(ConversionRow::channel)).containsExactly("organic", "organic", "social");
        }
        assertThat(in.closed).isTrue();
    }

    @Test
    void closingIsIdempotentAndEndsReading() {
        TrackedStream in = new TrackedStream(BOTIFY);
        ConversionCsvReader reader = ConversionCsvReader.builder().build(in);
        Iterator<ConversionRow> rows = reader.iterator();
        assertThat(rows.next().url()).isEqualTo("https://domain.tld");
        reader.close();
        reader.close();
        assertThat(in.closed).isTrue();
        assertThatThrownBy(rows::hasNext).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void iteratorIsTheOneIteratorAndEndsWithNoSuchElement() {
        try (ConversionCsvReader reader = ConversionCsvReader.builder().build(new TrackedStream(BOTIFY))) {
            Iterator<ConversionRow> rows = reader.iterator();
            assertThat(reader.iterator()).isSameAs(rows);
            rows.next();
            rows.next();
            rows.next();
            assertThat(rows.hasNext()).isFalse();
            assertThatThrownBy(rows::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void failThrowsWithTheLocationOfAFieldError() {
        String text = "https://domain.tld/a,2020-09-22,organic,1,10.0\n"
                + "https://domain.tld/b,2020-09-22,\"multi\nline\",1,10.0\n"
                + "\n"
                + "https://domain.tld/c,22-09-2020,organic,1,10.0\n";
        try (ConversionCsvReader reader = ConversionCsvReader.builder().build(new StringReader(text))) {
            Iterator<ConversionRow> rows = reader.iterator();
            assertThat(rows.next().url()).isEqualTo("https://domain.tld/a");
            assertThat(rows.next().channel()).isEqualTo("multi\nline");
            assertThatThrownBy(rows::hasNext).isInstanceOfSatisfying(ConversionDataException.class, e -> {
                assertThat(e.line()).isEqualTo(5);
                assertThat(e.record()).isEqualTo(3);
                assertThat(e.field()).isEqualTo("date");
                assertThat(e.code()).isEqualTo(ViolationCode.DATE_FORMAT);
                assertThat(e.getMessage()).startsWith("line 5, record 3: date: DATE_FORMAT: ");
            });
            assertThat(reader.recordsRead()).isEqualTo(3);
            assertThat(reader.blankLines()).isEqualTo(1);
        }
    }

    @Test
    void failThrowsForARejectedRecordWithoutField() {
        String text = "url,date,channel,transactions,revenue\nhttps://domain.tld/a,2020-09-22,organic,1,10.0\n";
        try (ConversionCsvReader reader = ConversionCsvReader.builder().build(new StringReader(text))) {
            assertThatThrownBy(() -> reader.iterator().hasNext())
                    .isInstanceOfSatisfying(ConversionDataException.class, e -> {
                        assertThat(e.line()).isEqualTo(1);
                        assertThat(e.record()).isEqualTo(1);
                        assertThat(e.field()).isNull();
                        assertThat(e.code()).isEqualTo(ViolationCode.HEADER_ROW);
                        assertThat(e.violations()).hasSize(1);
                    });
        }
    }

    @Test
    void aRepeatedRowIsAWarningAndUnderStrictnessAnInvalidRow() {
        String text = "https://domain.tld/a, 2020-09-22, organic, 1, 10.0\n"
                + "https://domain.tld/a, 2020-09-22, \"organic\", 2, 20.0\n"
                + "https://domain.tld/a, 2020-09-22, social, 3, 30.0\n";
        try (ConversionCsvReader reader = ConversionCsvReader.builder().build(new StringReader(text))) {
            assertThat(readAll(reader)).extracting(ConversionRow::transactions).containsExactly(1L, 2L, 3L);
        }
        ConversionProfile strict = ConversionProfile.builder().strictness(Strictness.STRICT).build();
        try (ConversionCsvReader reader = ConversionCsvReader.builder().profile(strict)
                .build(new StringReader(text))) {
            Iterator<ConversionRow> rows = reader.iterator();
            assertThat(rows.next().transactions()).isEqualTo(1L);
            assertThatThrownBy(rows::hasNext).isInstanceOfSatisfying(ConversionDataException.class, e -> {
                assertThat(e.code()).isEqualTo(ViolationCode.DUPLICATE_ROW);
                assertThat(e.record()).isEqualTo(2);
                assertThat(e.field()).isEqualTo("url");
            });
        }
        try (ConversionCsvReader reader = ConversionCsvReader.builder().profile(strict)
                .invalidRecords(InvalidRecordStrategy.SKIP).build(new StringReader(text))) {
            assertThat(readAll(reader)).extracting(ConversionRow::transactions).containsExactly(1L, 3L);
            assertThat(reader.recordsSkipped()).isEqualTo(1);
        }
    }

    @Test
    void expectedDateRejectsAnotherDay() {
        String text = "https://domain.tld/a,2020-09-21,organic,1,10.0\n";
        try (ConversionCsvReader reader = ConversionCsvReader.builder().profile(ConversionProfile.builder().date(DAY).build())
                .build(new StringReader(text))) {
            assertThatThrownBy(() -> readAll(reader)).isInstanceOfSatisfying(ConversionDataException.class,
                    e -> assertThat(e.code()).isEqualTo(ViolationCode.DATE_MISMATCH));
        }
    }

    @Test
    void skipCountsTheInvalidRecordsAndGoesOn() {
        String text = "# export of 2020-09-22\n"
                + "https://domain.tld/a;2020-09-22;organic;1;10,5\n"
                + "  \n"
                + "https://domain.tld/b;2020-09-22;organic;1;10.5\n"
                + "/relative;2020-09-22;organic;1;10.5\n"
                + "domain.tld/c;2020-09-22;organic;-1;10.5\n";
        try (ConversionCsvReader reader = ConversionCsvReader.builder().invalidRecords(InvalidRecordStrategy.SKIP)
                .build(new StringReader(text))) {
            // A warning (no scheme, negative transactions) does not skip a row.
            assertThat(readAll(reader)).extracting(ConversionRow::url)
                    .containsExactly("https://domain.tld/b", "domain.tld/c");
            assertThat(reader.delimiter()).isEqualTo(";");
            assertThat(reader.recordsRead()).isEqualTo(5);
            assertThat(reader.recordsSkipped()).isEqualTo(3);
            assertThat(reader.blankLines()).isEqualTo(1);
        }
    }

    @Test
    void skipStopsAfterAMalformedRecord() {
        String text = "https://domain.tld/a,2020-09-22,\"organic,1,10.0\nhttps://domain.tld/b,2020-09-22,o,1,1\n";
        try (ConversionCsvReader reader = ConversionCsvReader.builder().invalidRecords(InvalidRecordStrategy.SKIP)
                .build(new StringReader(text))) {
            assertThat(readAll(reader)).isEmpty();
            assertThat(reader.recordsRead()).isEqualTo(1);
            assertThat(reader.recordsSkipped()).isEqualTo(1);
        }
    }

    @Test
    void layoutAndDefaultsShapeTheRows() {
        String text = "2020-09-22\tmobile\thttps://domain.tld/a\n";
        try (ConversionCsvReader reader = ConversionCsvReader.builder()
                .profile(ConversionProfile.builder().columns(ColumnLayout.parse("date,device,url"))
                        .defaults(FieldDefaults.NONE.with("channel=organic").with("revenue=0.0")).build())
                .build(new StringReader(text))) {
            assertThat(readAll(reader)).containsExactly(
                    new ConversionRow("https://domain.tld/a", DAY, "organic", "mobile", null, new BigDecimal("0.0")));
            assertThat(reader.delimiter()).isEqualTo("\t");
        }
    }

    @Test
    void givenDelimiterIsUsedAsItIs() {
        String text = "https://domain.tld/a|2020-09-22|organic|1|10.0\n";
        try (ConversionCsvReader reader = ConversionCsvReader.builder().delimiter('|').build(new StringReader(text))) {
            assertThat(reader.delimiter()).isEqualTo("|");
            assertThat(readAll(reader)).hasSize(1);
        }
        try (ConversionCsvReader reader = ConversionCsvReader.builder().delimiter('|').detectDelimiter()
                .delimiter(' ').build(new StringReader("https://domain.tld/a 2020-09-22"))) {
            assertThat(reader.delimiter()).isEqualTo(" ");
        }
    }

    @Test
    void theSourceReportsFormatAndDelimiter() throws IOException {
        Path file = Files.writeString(directory.resolve("export-2020-09-22.tsv"), BOTIFY.replace(", ", "\t"));
        try (RecordSource source = ConversionCsvReader.builder().source(file)) {
            assertThat(source.format()).isEqualTo("csv");
            assertThat(source.delimiter()).contains("\t");
            assertThat(source.next()).isNotNull();
        }
    }

    @Test
    void aFailingInputIsUncheckedIoException() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        try (ConversionCsvReader reader = ConversionCsvReader.builder().build(failing)) {
            assertThatThrownBy(() -> reader.iterator().hasNext()).isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void aDecodingErrorOfTheCallersReaderIsEncoding() {
        byte[] bytes = "https://domain.tld/a,2020-09-22,organic,1,10.0\nhttps://domain.tld/\u00FF"
                .getBytes(StandardCharsets.ISO_8859_1);
        Reader strict = new java.io.InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT));
        try (ConversionCsvReader reader = ConversionCsvReader.builder().build(strict)) {
            assertThatThrownBy(() -> readAll(reader)).isInstanceOfSatisfying(ConversionDataException.class, e -> {
                assertThat(e.code()).isEqualTo(ViolationCode.ENCODING);
                assertThat(e.record()).isEqualTo(1);
            });
        }
    }

    @ParameterizedTest
    @ValueSource(chars = {'"', '\r', '\n'})
    void builderRejectsQuoteAndLineBreaksAsDelimiter(char delimiter) {
        assertThatThrownBy(() -> ConversionCsvReader.builder().delimiter(delimiter))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the delimiter cannot be");
    }

    // Half of a character past U+FFFF: it would split an emoji in two, and no UTF-8 file holds it alone.
    @ParameterizedTest
    @ValueSource(chars = {'\uD800', '\uDBFF', '\uDC00', '\uDFFF'})
    void builderRejectsASurrogateAsDelimiter(char delimiter) {
        assertThatThrownBy(() -> ConversionCsvReader.builder().delimiter(delimiter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(String.format("the delimiter cannot be U+%04X, a surrogate: half of a character, which no"
                        + " UTF-8 file can hold alone", (int) delimiter));
    }

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|', ' ', '#', '\0', '\u00A7'})
    void builderTakesAnyOtherSingleCharacter(char delimiter) {
        try (ConversionCsvReader reader = ConversionCsvReader.builder().delimiter(delimiter)
                .build(new StringReader(""))) {
            assertThat(reader.delimiter()).isEqualTo(String.valueOf(delimiter));
            assertThat(reader.iterator().hasNext()).isFalse();
        }
    }

    @Test
    void builderRejectsNullAtOnce() {
        ConversionCsvReader.Builder builder = ConversionCsvReader.builder();
        assertThatThrownBy(() -> builder.profile(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("profile");
        assertThatThrownBy(() -> builder.limits(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("limits");
        assertThatThrownBy(() -> builder.invalidRecords(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("invalidRecords");
        assertThatThrownBy(() -> builder.build((Path) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.build((InputStream) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.build((Reader) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.source((Path) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.source((InputStream) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.source((Reader) null)).isInstanceOf(NullPointerException.class);
    }
}
