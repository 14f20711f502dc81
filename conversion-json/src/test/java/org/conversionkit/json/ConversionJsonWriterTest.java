package org.conversionkit.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.ConversionLimits;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.WritePolicy;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NDJSON export writer's own behaviour; its agreement with the reader is {@link JsonWriterRoundTripTest}'s. */
class ConversionJsonWriterTest {

    private static final LocalDate DAY = LocalDate.of(2020, 9, 22);

    @TempDir
    Path folder;

    private static ConversionRow row(String url) {
        return new ConversionRow(url, DAY, "email", "mobile", 2L, new BigDecimal("59.70"));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheDaysFileAsOneObjectALine() throws IOException {
        ValidationReport report;
        try (ConversionJsonWriter writer = ConversionJsonWriter.builder().build(folder, DAY)) {
            writer.write(row("https://shop.example/p?q=1"));
            writer.write(new ConversionRow("https://shop.example/2", DAY, null, null, null, null));
            report = writer.finish();
        }
        assertThat(files()).containsExactly("conversion-export-2020-09-22.ndjson");
        assertThat(folder.resolve("conversion-export-2020-09-22.ndjson")).hasContent(
                "{\"url\":\"https://shop.example/p?q=1\",\"date\":\"2020-09-22\",\"channel\":\"email\","
                        + "\"device\":\"mobile\",\"transactions\":2,\"revenue\":59.70}\n"
                        + "{\"url\":\"https://shop.example/2\",\"date\":\"2020-09-22\"}");
        assertThat(report).isEqualTo(JsonWriterRoundTripTest.validate(
                folder.resolve("conversion-export-2020-09-22.ndjson"), 100));
        assertThat(report.valid()).isTrue();
        assertThat(report.format()).isEqualTo("json");
    }

    @Test
    void refusesLeavesOutOrKeepsARowWithAnError() throws IOException {
        ConversionRow relative = row("/relative");
        try (ConversionJsonWriter writer = ConversionJsonWriter.builder().build(folder, DAY)) {
            assertThatExceptionOfType(ConversionDataException.class).isThrownBy(() -> writer.write(relative))
                    .satisfies(e -> assertThat(e.code()).isEqualTo(ViolationCode.URL_RELATIVE));
            writer.write(row("https://shop.example/1"));
            assertThat(writer.finish().records()).isEqualTo(1);
        }
        Path other = Files.createDirectory(folder.resolve("leave-out"));
        try (ConversionJsonWriter writer = ConversionJsonWriter.builder().policy(WritePolicy.LEAVE_OUT)
                .build(other, DAY)) {
            assertThat(writer.write(relative)).isFalse();
            assertThat(writer.finish().records()).isZero();
            assertThat(writer.leftOut().violations()).extracting(Violation::code)
                    .containsExactly(ViolationCode.URL_RELATIVE);
        }
        Path kept = Files.createDirectory(folder.resolve("keep"));
        try (ConversionJsonWriter writer = ConversionJsonWriter.builder().policy(WritePolicy.KEEP)
                .build(kept, DAY)) {
            assertThat(writer.write(relative)).isTrue();
            assertThat(writer.finish().invalidRecords()).isEqualTo(1);
        }
    }

    /**
     * The duplicates of the rows written, looked up in batches, are reported in their place; and a row left out is no
     * row of the file (strict, where a negative count is an error, a later row like it is no duplicate): the report is
     * validate's on the file.
     */
    @Test
    void duplicatesAreThoseOfTheRowsWritten() throws IOException {
        for (Strictness strictness : Strictness.values()) {
            ConversionProfile profile = ConversionProfile.builder().strictness(strictness).build();
            Path day = Files.createDirectory(folder.resolve(strictness.name()));
            ValidationReport report;
            try (ConversionJsonWriter writer = ConversionJsonWriter.builder().profile(profile)
                    .policy(WritePolicy.LEAVE_OUT).build(day, DAY)) {
                assertThat(writer.write(new ConversionRow("https://shop.example/a", DAY, "email", "mobile", -2L,
                        new BigDecimal("59.70")))).isEqualTo(strictness == Strictness.STANDARD);
                for (int i = 0; i < 70; i++) {
                    assertThat(writer.write(row("https://shop.example/" + i))).isTrue();
                }
                // Standard, a duplicate of the first row (a warning); strict, that row is not in the file.
                assertThat(writer.write(row("https://shop.example/a"))).isTrue();
                assertThat(writer.write(row("https://shop.example/5"))).isEqualTo(strictness == Strictness.STANDARD);
                report = writer.finish();
            }
            Path file = day.resolve("conversion-export-2020-09-22.ndjson");
            ValidationReport validated;
            try (RecordSource source = ConversionJsonReader.builder().profile(profile).source(file)) {
                validated = ConversionValidator.builder().build().validate(source);
            }
            assertThat(report).isEqualTo(validated);
            assertThat(report.violations()).extracting(v -> v.code() + "@" + v.line()).containsExactlyElementsOf(
                    strictness == Strictness.STANDARD
                            ? List.of("NEGATIVE_VALUE@1", "DUPLICATE_ROW@72", "DUPLICATE_ROW@73") : List.of());
        }
    }

    /**
     * A row left out is no row of the file, the one at maxTrackedRows either: the rows are let go, and the limit
     * reported, only when a row past it is written, as validate on the file finds. Strict, where the limit is an error
     * the policy decides on before the row is written, a row past it that is refused or left out (here also for a
     * relative url) leaves the rows remembered, and a later duplicate is still found.
     */
    @Test
    void aRowLeftOutAtTheLimitOfTrackedRowsLetsNoRowGo() throws IOException {
        for (Strictness strictness : Strictness.values()) {
            for (WritePolicy policy : WritePolicy.values()) {
                String name = strictness + " " + policy;
                boolean strict = strictness == Strictness.STRICT;
                ConversionProfile profile = ConversionProfile.builder().strictness(strictness)
                        .limits(ConversionLimits.builder().maxTrackedRows(2).build()).build();
                Path day = Files.createDirectory(folder.resolve(strictness + "-" + policy));
                try (ConversionJsonWriter writer = ConversionJsonWriter.builder().profile(profile).policy(policy)
                        .build(day, DAY)) {
                    assertThat(writer.write(row("https://shop.example/a"))).isTrue();
                    assertThat(writer.write(row("https://shop.example/b"))).isTrue();
                    List<String> refused = new ArrayList<>();
                    for (ConversionRow next : List.of(row("/c"), row("https://shop.example/a"))) {
                        try {
                            writer.write(next);
                        } catch (ConversionDataException e) {
                            e.violations().forEach(v -> refused.add(v.code() + "@" + v.record()));
                        }
                    }
                    List<String> notWritten = strict
                            ? List.of("URL_RELATIVE@3", "RECORD_TOO_LARGE@3", "DUPLICATE_ROW@4")
                            : List.of("URL_RELATIVE@3");
                    assertThat(refused).as(name).isEqualTo(policy == WritePolicy.REFUSE ? notWritten : List.of());
                    assertThat(writer.leftOut().violations()).as(name).extracting(v -> v.code() + "@" + v.record())
                            .isEqualTo(policy == WritePolicy.LEAVE_OUT ? notWritten : List.of());
                    ValidationReport report = writer.finish();
                    assertThat(report.violations()).as(name).extracting(v -> v.code() + "@" + v.record()).isEqualTo(
                            policy == WritePolicy.KEEP ? List.of("URL_RELATIVE@3", "RECORD_TOO_LARGE@3")
                                    : strict ? List.of() : List.of("DUPLICATE_ROW@3"));
                    ValidationReport validated;
                    try (RecordSource source = ConversionJsonReader.builder().profile(profile)
                            .source(day.resolve("conversion-export-2020-09-22.ndjson"))) {
                        validated = ConversionValidator.builder().build().validate(source);
                    }
                    assertThat(report).as(name).isEqualTo(validated);
                }
            }
        }
    }

    @Test
    void aValueTheReaderWouldStopAtIsRefusedUnderEveryPolicy() throws IOException {
        JsonLimits small = JsonLimits.builder().maxStringLength(40).build();
        try (ConversionJsonWriter writer = ConversionJsonWriter.builder().policy(WritePolicy.KEEP).limits(small)
                .build(folder, DAY)) {
            assertThatExceptionOfType(ConversionDataException.class)
                    .isThrownBy(() -> writer.write(row("https://shop.example/" + "x".repeat(40))))
                    .satisfies(e -> {
                        assertThat(e.code()).isEqualTo(ViolationCode.RECORD_TOO_LARGE);
                        assertThat(e.getMessage()).contains("maxStringLength (40");
                    });
            assertThatExceptionOfType(ConversionDataException.class)
                    .isThrownBy(() -> writer.write(row("https://shop.example/\uDC00")))
                    .satisfies(e -> assertThat(e.code()).isEqualTo(ViolationCode.ENCODING));
            writer.write(row("https://shop.example/1"));
            assertThat(writer.finish().records()).isEqualTo(1);
        }
    }

    /**
     * A row is written under its fields' names, and the reader holds every key to maxNameLength: a row that would
     * hold a longer one ({@code transactions}, 12 characters) is refused under every policy, since the reader would
     * stop at it, and a row without it is written and read back.
     */
    @Test
    void aNameTheReaderWouldStopAtIsRefusedUnderEveryPolicy() throws IOException {
        JsonLimits limits = JsonLimits.builder().maxNameLength(7).build();
        for (WritePolicy policy : WritePolicy.values()) {
            try (ConversionJsonWriter writer = ConversionJsonWriter.builder().policy(policy).limits(limits)
                    .replaceExisting(true).build(folder, DAY)) {
                assertThatExceptionOfType(ConversionDataException.class).as("%s", policy)
                        .isThrownBy(() -> writer.write(row("https://shop.example/1")))
                        .satisfies(e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.code()).isEqualTo(ViolationCode.RECORD_TOO_LARGE);
                            assertThat(v.record()).isEqualTo(1);
                            assertThat(v.message()).isEqualTo("a key is longer than maxNameLength (7 chars) allows:"
                                    + " a reader with these limits stops at such a record and reads nothing after"
                                    + " it; write and read the file with larger JsonLimits, or make the record fit"
                                    + " them");
                        }));
                assertThat(writer.write(new ConversionRow("https://shop.example/2", DAY, "email", "mobile", null,
                        null))).isTrue();
                ValidationReport report = writer.finish();
                assertThat(report.records()).isEqualTo(1);
                assertThat(report.valid()).isTrue();
                try (RecordSource source = ConversionJsonReader.builder().limits(limits).source(writer.path())) {
                    assertThat(report).isEqualTo(ConversionValidator.builder().build().validate(source));
                }
            }
        }
    }

    @Test
    void aFullDiskOrAnExceptionLeavesNoFile() throws IOException {
        try (ConversionJsonWriter writer = ConversionJsonWriter.builder().decorate(out -> new FullDisk(out, 100))
                .build(folder, DAY)) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100_000; i++) {
                    writer.write(row("https://shop.example/" + i));
                }
                writer.finish();
            }).isInstanceOfAny(UncheckedIOException.class, IOException.class);
        }
        assertThat(files()).isEmpty();
        assertThatThrownBy(() -> {
            try (ConversionJsonWriter writer = ConversionJsonWriter.builder().build(folder, DAY)) {
                writer.write(row("https://shop.example/1"));
                throw new IllegalStateException("the database went away");
            }
        }).hasMessage("the database went away");
        assertThat(files()).isEmpty();
    }

    @Test
    void gzipAndOneFileADay() throws IOException {
        try (ConversionJsonWriter writer = ConversionJsonWriter.builder().gzip(true).build(folder, DAY)) {
            writer.write(row("https://shop.example/1"));
            writer.finish();
        }
        assertThat(files()).containsExactly("conversion-export-2020-09-22.ndjson.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                folder.resolve("conversion-export-2020-09-22.ndjson.gz")))) {
            assertThat(new String(in.readAllBytes(), UTF_8)).startsWith("{\"url\":\"https://shop.example/1\"")
                    .endsWith("}\n");
        }
        assertThatExceptionOfType(FileAlreadyExistsException.class)
                .isThrownBy(() -> ConversionJsonWriter.builder().build(folder, DAY));
        try (ConversionJsonWriter writer = ConversionJsonWriter.builder().gzip(true).replaceExisting(true)
                .build(folder, DAY)) {
            writer.finish();
        }
        assertThat(files()).containsExactly("conversion-export-2020-09-22.ndjson.gz");
    }

    @Test
    void settingsAreCheckedWhenGiven() {
        assertThatIllegalArgumentException().isThrownBy(() -> ConversionJsonWriter.builder().profile(
                ConversionProfile.builder().columns(ColumnLayout.parse("url,date")).build()))
                .withMessageContaining("is for CSV files");
        assertThatIllegalArgumentException().isThrownBy(() -> ConversionJsonWriter.builder()
                .profile(ConversionProfile.builder().date(DAY.plusDays(1)).build()).build(folder, DAY));
    }

    /** A disk that is full after a number of bytes. */
    static final class FullDisk extends FilterOutputStream {
        private long room;

        FullDisk(OutputStream out, long room) {
            super(out);
            this.room = room;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > room) {
                throw new IOException("No space left on device");
            }
            room -= len;
            out.write(b, off, len);
        }
    }
}
