package org.conversionkit.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.ConversionLimits;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.WritePolicy;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversionCsvWriterTest {

    private static final LocalDate DAY = LocalDate.of(2020, 9, 22);

    @TempDir
    Path folder;

    private static ConversionRow row(String url) {
        return new ConversionRow(url, DAY, "email", null, 3L, new BigDecimal("59.70"));
    }

    static ValidationReport validate(Path file, char delimiter, ConversionProfile profile) throws IOException {
        return validate(file, delimiter, profile, 100);
    }

    static ValidationReport validate(Path file, char delimiter, ConversionProfile profile, int maxViolations)
            throws IOException {
        try (RecordSource source = ConversionCsvReader.builder().delimiter(delimiter).profile(profile)
                .source(file)) {
            return ConversionValidator.builder().maxViolations(maxViolations).build().validate(source);
        }
    }

    static ValidationReport validate(Path file, char delimiter, ConversionProfile profile, CsvLimits limits)
            throws IOException {
        try (RecordSource source = ConversionCsvReader.builder().delimiter(delimiter).profile(profile).limits(limits)
                .source(file)) {
            return ConversionValidator.builder().build().validate(source);
        }
    }

    private List<String> files() throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheDaysFileWhoseReportIsValidates() throws IOException {
        ValidationReport report;
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().delimiter(';').build(folder, DAY)) {
            assertThat(writer.write(row("https://shop.example/p/1"))).isTrue();
            assertThat(writer.write(new ConversionRow("https://shop.example/a;b", DAY, null, null, null, null)))
                    .isTrue();
            assertThat(files()).allMatch(name -> name.startsWith(".conversion-export-2020-09-22.csv."));
            report = writer.finish();
        }
        Path file = folder.resolve("conversion-export-2020-09-22.csv");
        assertThat(files()).containsExactly("conversion-export-2020-09-22.csv");
        assertThat(Files.readString(file)).isEqualTo("https://shop.example/p/1;2020-09-22;email;3;59.70\n"
                + "\"https://shop.example/a;b\";2020-09-22;;;\n");
        assertThat(report.valid()).isTrue();
        assertThat(report.records()).isEqualTo(2);
        assertThat(report).isEqualTo(validate(file, ';', ConversionProfile.DEFAULT));
    }

    @Test
    void refusesARowWithAnErrorAtOnceAndGoesOn() throws IOException {
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().build(folder, DAY)) {
            writer.write(row("https://shop.example/1"));
            assertThatThrownBy(() -> writer.write(row("/relative/path")))
                    .isInstanceOfSatisfying(ConversionDataException.class, e -> {
                        assertThat(e.code()).isEqualTo(ViolationCode.URL_RELATIVE);
                        assertThat(e.record()).isEqualTo(2);
                        assertThat(e.field()).isEqualTo("url");
                    });
            assertThatThrownBy(() -> writer.write(new ConversionRow("https://shop.example/2", DAY.plusDays(1),
                    null, null, null, null))).isInstanceOfSatisfying(ConversionDataException.class,
                            e -> assertThat(e.code()).isEqualTo(ViolationCode.DATE_MISMATCH));
            writer.write(row("https://shop.example/3"));
            ValidationReport report = writer.finish();
            assertThat(report.records()).isEqualTo(2);
            assertThat(report.valid()).isTrue();
            assertThat(writer.leftOut().records()).isZero();
        }
    }

    @Test
    void leavesOutRowsWithAnErrorAndReportsThemApart() throws IOException {
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().policy(WritePolicy.LEAVE_OUT)
                .build(folder, DAY)) {
            assertThat(writer.write(row("https://shop.example/1"))).isTrue();
            assertThat(writer.write(row("ftp://shop.example/2"))).isFalse();
            assertThat(writer.write(row("https://shop.example/3"))).isTrue();
            ValidationReport report = writer.finish();
            assertThat(report.records()).isEqualTo(2);
            assertThat(report.valid()).isTrue();
            ValidationReport leftOut = writer.leftOut();
            assertThat(leftOut.records()).isEqualTo(1);
            assertThat(leftOut.invalidRecords()).isEqualTo(1);
            assertThat(leftOut.violations()).singleElement().satisfies(v -> {
                assertThat(v.code()).isEqualTo(ViolationCode.URL_SCHEME);
                assertThat(v.record()).isEqualTo(2);
                assertThat(v.line()).isEqualTo(2);
            });
            assertThat(report).isEqualTo(validate(writer.path(), ',', ConversionProfile.DEFAULT));
        }
    }

    @Test
    void keepsRowsWithAnErrorWhenToldAndReportsThemAsValidateDoes() throws IOException {
        ConversionProfile profile = ConversionProfile.builder()
                .columns(ColumnLayout.parse("url,date,channel,device,transactions,revenue")).build();
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().profile(profile).delimiter('\t')
                .policy(WritePolicy.KEEP).build(folder, DAY)) {
            writer.write(row("https://shop.example/1"));
            writer.write(new ConversionRow("www.shop.example/2", DAY, " spaced ", "mobile", -1L,
                    new BigDecimal("1.234")));
            writer.writeRecord("url", "date", "channel", "device", "transactions", "revenue");
            writer.writeRecord("https://shop.example/4", "2020-09-22", "a\"quoted\"\nvalue", "", "1,5", "");
            writer.writeRecord("https://shop.example/5", "22.09.2020");
            ValidationReport report = writer.finish();
            assertThat(report.valid()).isFalse();
            assertThat(report.records()).isEqualTo(5);
            assertThat(report.violations()).extracting(v -> v.code()).contains(ViolationCode.URL_NO_SCHEME,
                    ViolationCode.NEGATIVE_VALUE, ViolationCode.FIELD_TYPE, ViolationCode.FIELD_COUNT);
            assertThat(report).isEqualTo(validate(writer.path(), '\t', profile));
        }
    }

    /**
     * A row left out is no row of the file: a later row with its url, date, channel and device is no duplicate, as
     * validate on the file finds. Standard, the rows written are looked up in batches, their duplicates reported
     * in their place; strict, a duplicate is an error the policy decides on, at once.
     */
    @Test
    void aRowLeftOutIsNotADuplicateOfALaterOne() throws IOException {
        for (Strictness strictness : Strictness.values()) {
            ConversionProfile profile = ConversionProfile.builder().strictness(strictness).build();
            try (ConversionCsvWriter writer = ConversionCsvWriter.builder().profile(profile)
                    .policy(WritePolicy.LEAVE_OUT).replaceExisting(true).build(folder, DAY)) {
                // Left out: revenue is no number.
                assertThat(writer.writeRecord("https://shop.example/a", "2020-09-22", "organic", "1", "abc")).isFalse();
                for (int i = 0; i < 100; i++) {
                    assertThat(writer.writeRecord("https://shop.example/" + i, "2020-09-22", "organic", "1", "2.5"))
                            .isTrue();
                }
                // Written: the row left out is not in the file.
                assertThat(writer.writeRecord("https://shop.example/a", "2020-09-22", "organic", "1", "2.5")).isTrue();
                // A duplicate of row 3 of the file: a warning, or under strict an error, which leaves it out.
                assertThat(writer.writeRecord("https://shop.example/2", "2020-09-22", "organic", "1", "2.5"))
                        .isEqualTo(strictness == Strictness.STANDARD);
                assertThat(writer.writeRecord("https://shop.example/b", "2020-09-22", "organic", "-1", "2.5"))
                        .isEqualTo(strictness == Strictness.STANDARD);
                ValidationReport report = writer.finish();
                assertThat(report.violations()).extracting(v -> v.code() + "@" + v.line()).containsExactlyElementsOf(
                        strictness == Strictness.STANDARD ? List.of("DUPLICATE_ROW@102", "NEGATIVE_VALUE@103")
                                : List.of());
                assertThat(report).isEqualTo(validate(writer.path(), ',', profile));
                assertThat(writer.leftOut().records()).isEqualTo(strictness == Strictness.STANDARD ? 1 : 3);
            }
        }
    }

    /**
     * {@code #} separates fields for the reader and {@code conversion-check --delimiter}, so the writer takes it too,
     * and a line that begins with it (an empty first value) is no comment: the reader tells a comment by its first
     * field, which cannot hold an unquoted delimiter.
     */
    @Test
    void aHashDelimiterIsTakenAsTheReaderTakesItAndReadsBack() throws IOException {
        ConversionProfile profile = ConversionProfile.builder().columns(ColumnLayout.parse("-,url,date,channel"))
                .build();
        ValidationReport report;
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().profile(profile).delimiter('#')
                .build(folder, DAY)) {
            assertThat(writer.writeRecord("", "https://shop.example/1", "2020-09-22", "email")).isTrue();
            assertThat(writer.writeRecord("#note", "https://shop.example/p#top", "2020-09-22", "")).isTrue();
            assertThat(writer.writeRecord("/", "https://shop.example/2", "2020-09-22", "#tag")).isTrue();
            report = writer.finish();
        }
        Path file = folder.resolve("conversion-export-2020-09-22.csv");
        assertThat(Files.readString(file)).isEqualTo("#https://shop.example/1#2020-09-22#email\n"
                + "\"#note\"#\"https://shop.example/p#top\"#2020-09-22#\n"
                + "\"/\"#https://shop.example/2#2020-09-22#\"#tag\"\n");
        assertThat(report.valid()).isTrue();
        assertThat(report.records()).isEqualTo(3);
        assertThat(report.validRecords()).isEqualTo(3);
        assertThat(report).isEqualTo(validate(file, '#', profile));
        try (ConversionCsvReader reader = ConversionCsvReader.builder().delimiter('#').profile(profile)
                .build(file)) {
            assertThat(reader.stream().toList()).containsExactly(
                    new ConversionRow("https://shop.example/1", DAY, "email", null, null, null),
                    new ConversionRow("https://shop.example/p#top", DAY, null, null, null, null),
                    new ConversionRow("https://shop.example/2", DAY, "#tag", null, null, null));
        }
    }

    /** The writer refuses as a delimiter what the reader refuses, with the reader's words, and takes the rest. */
    @Test
    void theDelimitersRefusedAreTheReaders() {
        for (char delimiter : new char[] {'"', '\r', '\n'}) {
            String readers = catchIllegalArgument(() -> ConversionCsvReader.builder().delimiter(delimiter));
            assertThat(catchIllegalArgument(() -> ConversionCsvWriter.builder().delimiter(delimiter)))
                    .isEqualTo(readers).startsWith("the delimiter cannot be ");
        }
        for (char delimiter : new char[] {'#', '/', ' ', '\u00A7', '\0', '\uFEFF'}) {
            ConversionCsvReader.builder().delimiter(delimiter);
            ConversionCsvWriter.builder().delimiter(delimiter);
        }
    }

    /**
     * A surrogate is half of a character: UTF-8 cannot encode it alone (an encoder writes {@code ?} instead), so a
     * file could hold no such delimiter. Refused when given, before a file is opened.
     */
    @Test
    void aSurrogateDelimiterIsRefusedAtOnce() {
        for (char delimiter : new char[] {'\uD800', '\uDBFF', '\uDC00', '\uDFFF'}) {
            assertThatThrownBy(() -> ConversionCsvWriter.builder().delimiter(delimiter))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(String.format("the delimiter cannot be U+%04X, a surrogate: half of a character,"
                            + " which no UTF-8 file can hold alone", (int) delimiter));
        }
    }

    private static String catchIllegalArgument(Runnable setting) {
        IllegalArgumentException refusal = catchThrowableOfType(IllegalArgumentException.class, setting::run);
        assertThat(refusal).isNotNull();
        return refusal.getMessage();
    }

    /**
     * The reader skips a byte order mark (U+FEFF) at the start of the file, so the file never starts with one the
     * writer means as data: a first value beginning with U+FEFF is quoted, on every line alike, and with U+FEFF as
     * the delimiter, an empty first value of the first line is quoted, else that line's first delimiter would be
     * taken for the mark and its fields would shift by one.
     */
    @Test
    void aByteOrderMarkAtTheStartOfALineIsTheValuesAndReadsBack() throws IOException {
        ConversionProfile profile = ConversionProfile.builder().columns(ColumnLayout.parse("-,url,date")).build();
        List<ConversionRow> rows = List.of(new ConversionRow("https://shop.example/1", DAY, null, null, null, null),
                new ConversionRow("https://shop.example/2", DAY, null, null, null, null));
        for (char delimiter : new char[] {',', '\uFEFF'}) {
            String[] first = {delimiter == ',' ? "\uFEFF" : "", "https://shop.example/1", "2020-09-22"};
            String[] second = {delimiter == ',' ? "\uFEFFnote" : "", "https://shop.example/2", "2020-09-22"};
            ValidationReport report;
            try (ConversionCsvWriter writer = ConversionCsvWriter.builder().profile(profile).delimiter(delimiter)
                    .replaceExisting(true).build(folder, DAY)) {
                assertThat(writer.writeRecord(first)).isTrue();
                assertThat(writer.writeRecord(second)).isTrue();
                report = writer.finish();
            }
            Path file = folder.resolve("conversion-export-2020-09-22.csv");
            assertThat(Files.readString(file)).isEqualTo(delimiter == ','
                    ? "\"\uFEFF\",https://shop.example/1,2020-09-22\n"
                            + "\"\uFEFFnote\",https://shop.example/2,2020-09-22\n"
                    : "\"\"\uFEFFhttps://shop.example/1\uFEFF2020-09-22\n"
                            + "\uFEFFhttps://shop.example/2\uFEFF2020-09-22\n");
            assertThat(report.valid()).isTrue();
            assertThat(report.validRecords()).isEqualTo(2);
            assertThat(report).isEqualTo(validate(file, delimiter, profile));
            try (ConversionCsvReader reader = ConversionCsvReader.builder().delimiter(delimiter).profile(profile)
                    .build(file)) {
                assertThat(reader.stream().toList()).as("delimiter U+%04X", (int) delimiter)
                        .containsExactlyElementsOf(rows);
            }
        }
    }

    /** A url that begins with U+FEFF is no url, and the file says so as the writer did: the mark is the value's. */
    @Test
    void aUrlBeginningWithAByteOrderMarkIsReportedAsWritten() throws IOException {
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().policy(WritePolicy.KEEP).build(folder, DAY)) {
            assertThat(writer.write(row("\uFEFFhttps://shop.example/1"))).isTrue();
            assertThat(writer.write(row("https://shop.example/2"))).isTrue();
            ValidationReport report = writer.finish();
            assertThat(Files.readString(writer.path())).isEqualTo("\"\uFEFFhttps://shop.example/1\",2020-09-22,email"
                    + ",3,59.70\nhttps://shop.example/2,2020-09-22,email,3,59.70\n");
            assertThat(report.violations()).singleElement().satisfies(v -> {
                assertThat(v.code()).isEqualTo(ViolationCode.URL_INVALID);
                assertThat(v.value()).isEqualTo("\uFEFFhttps://shop.example/1");
                assertThat(v.line()).isEqualTo(1);
            });
            assertThat(report).isEqualTo(validate(writer.path(), ',', ConversionProfile.DEFAULT));
        }
    }

    /**
     * A reader stops at the record past maxRecords and reads nothing after it, so under every policy the writer
     * refuses such a row, {@code KEEP} included: the file holds only rows validate reads, and its report is the
     * writer's. A row left out is no record of the file and does not count.
     */
    @Test
    void aRowPastMaxRecordsIsRefusedUnderEveryPolicy() throws IOException {
        CsvLimits limits = CsvLimits.builder().maxRecords(2).build();
        for (WritePolicy policy : WritePolicy.values()) {
            try (ConversionCsvWriter writer = ConversionCsvWriter.builder().limits(limits).policy(policy)
                    .replaceExisting(true).build(folder, DAY)) {
                assertThat(writer.write(row("https://shop.example/1"))).isTrue();
                if (policy == WritePolicy.LEAVE_OUT) {
                    assertThat(writer.write(row("ftp://shop.example/left-out"))).isFalse();
                }
                assertThat(writer.write(row("https://shop.example/2"))).isTrue();
                long first = policy == WritePolicy.LEAVE_OUT ? 4 : 3;
                for (long given = first; given < first + 2; given++) {
                    String url = given == first ? "https://shop.example/3" : "ftp://shop.example/4";
                    long number = given;
                    assertThatThrownBy(() -> writer.write(row(url))).as("%s, %s", policy, url)
                            .isInstanceOfSatisfying(ConversionDataException.class, e -> {
                                assertThat(e.violations()).singleElement().satisfies(v -> {
                                    assertThat(v.code()).isEqualTo(ViolationCode.RECORD_TOO_LARGE);
                                    assertThat(v.line()).isEqualTo(number);
                                    assertThat(v.record()).isEqualTo(number);
                                    assertThat(v.message()).isEqualTo("the file would have more than 2 records;"
                                            + " the limit maxRecords is 2: a reader with these limits stops at such"
                                            + " a row and reads nothing after it; write and read the file with a"
                                            + " larger maxRecords");
                                });
                            });
                }
                ValidationReport report = writer.finish();
                assertThat(Files.readString(writer.path())).hasLineCount(2);
                assertThat(report.records()).isEqualTo(2);
                assertThat(report.valid()).isTrue();
                assertThat(report).isEqualTo(validate(writer.path(), ',', ConversionProfile.DEFAULT, limits));
                assertThat(writer.leftOut().records()).isEqualTo(policy == WritePolicy.LEAVE_OUT ? 1 : 0);
            }
        }
    }

    /**
     * A reader stops at the byte past maxFileBytes (counted after gzip), so the writer counts the bytes it writes,
     * UTF-8 with the quotes it adds, and refuses under every policy the row that would take the file past the limit;
     * a later row that still fits is written, and a file of exactly the limit is read to its end.
     */
    @Test
    void aRowThatWouldPassMaxFileBytesIsRefusedUnderEveryPolicy() throws IOException {
        String first = "https://shop.example/1,2020-09-22,email,3,59.70\n";
        String second = "https://shop.example/\u00FC,2020-09-22,\"a\"\"b\",3,59.70\n";
        String fourth = "https://x.example/4,2020-09-22,,,\n";
        long limit = (first + second + fourth).getBytes(StandardCharsets.UTF_8).length;
        assertThat(limit).isEqualTo(48 + 50 + 34);
        CsvLimits limits = CsvLimits.builder().maxFileBytes(limit).build();
        for (boolean gzip : new boolean[] {false, true}) {
            for (WritePolicy policy : WritePolicy.values()) {
                try (ConversionCsvWriter writer = ConversionCsvWriter.builder().limits(limits).policy(policy)
                        .gzip(gzip).replaceExisting(true).build(folder, DAY.plusDays(gzip ? 1 : 0))) {
                    LocalDate day = DAY.plusDays(gzip ? 1 : 0);
                    assertThat(writer.writeRecord("https://shop.example/1", day.toString(), "email", "3", "59.70"))
                            .isTrue();
                    assertThat(writer.writeRecord("https://shop.example/\u00FC", day.toString(), "a\"b", "3",
                            "59.70")).isTrue();
                    assertThatThrownBy(() -> writer.writeRecord("https://shop.example/3", day.toString(), "email",
                            "3", "59.70")).as("%s, gzip %s", policy, gzip)
                            .isInstanceOfSatisfying(ConversionDataException.class, e -> {
                                assertThat(e.violations()).singleElement().satisfies(v -> {
                                    assertThat(v.code()).isEqualTo(ViolationCode.RECORD_TOO_LARGE);
                                    assertThat(v.line()).isEqualTo(3);
                                    assertThat(v.record()).isEqualTo(3);
                                    assertThat(v.message()).isEqualTo("the row's 48 bytes would take the file past"
                                            + " 132 bytes (it has 98); the limit maxFileBytes is 132: a reader with"
                                            + " these limits stops there and reads nothing after it; write and read"
                                            + " the file with a larger maxFileBytes");
                                });
                            });
                    assertThat(writer.writeRecord("https://x.example/4", day.toString(), "", "", "")).isTrue();
                    ValidationReport report = writer.finish();
                    if (!gzip) {
                        assertThat(Files.readString(writer.path())).isEqualTo(first + second + fourth);
                    }
                    assertThat(report.records()).isEqualTo(3);
                    assertThat(report.valid()).isTrue();
                    assertThat(report).isEqualTo(validate(writer.path(), ',', ConversionProfile.DEFAULT, limits));
                    assertThat(writer.leftOut().records()).isZero();
                }
            }
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
                try (ConversionCsvWriter writer = ConversionCsvWriter.builder().profile(profile).policy(policy)
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
                    assertThat(report).as(name).isEqualTo(validate(writer.path(), ',', profile));
                }
            }
        }
    }

    @Test
    void aHeaderAsFirstRecordIsAHeaderRowAsTheReaderSeesIt() throws IOException {
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().build(folder, DAY)) {
            assertThatThrownBy(() -> writer.writeRecord("url", "date", "channel", "transactions", "revenue"))
                    .isInstanceOfSatisfying(ConversionDataException.class,
                            e -> assertThat(e.code()).isEqualTo(ViolationCode.HEADER_ROW));
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void closingWithoutFinishingLeavesNoFile() throws IOException {
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().build(folder, DAY)) {
            writer.write(row("https://shop.example/1"));
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void anExceptionOfTheCallerLeavesNoFile() {
        assertThatThrownBy(() -> {
            try (ConversionCsvWriter writer = ConversionCsvWriter.builder().build(folder, DAY)) {
                writer.write(row("https://shop.example/1"));
                throw new IllegalStateException("the database went away");
            }
        }).hasMessage("the database went away");
        assertThat(folder.toFile().list()).isEmpty();
    }

    @Test
    void aFullDiskLeavesNoFile() throws IOException {
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().decorate(out -> new FullDisk(out, 100))
                .build(folder, DAY)) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100_000; i++) {
                    writer.write(row("https://shop.example/" + i));
                }
                writer.finish();
            }).isInstanceOfAny(UncheckedIOException.class, IOException.class);
            assertThatThrownBy(() -> writer.write(row("https://shop.example/x")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed");
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void aDiskThatFailsOnTheLastBytesLeavesNoFile() throws IOException {
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().gzip(true)
                .decorate(out -> new FullDisk(out, 30)).build(folder, DAY)) {
            writer.write(row("https://shop.example/1"));
            assertThatThrownBy(writer::finish).isInstanceOfAny(UncheckedIOException.class, IOException.class);
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void oneFileADay() throws IOException {
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().build(folder, DAY)) {
            writer.write(row("https://shop.example/1"));
            writer.finish();
        }
        assertThatThrownBy(() -> ConversionCsvWriter.builder().build(folder, DAY))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("one file a day");
        assertThatThrownBy(() -> ConversionCsvWriter.builder().gzip(true).replaceExisting(true).build(folder, DAY))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("remove conversion-export-2020-09-22.csv first");
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().replaceExisting(true).build(folder, DAY)) {
            writer.write(row("https://shop.example/2"));
            writer.finish();
        }
        assertThat(Files.readString(folder.resolve("conversion-export-2020-09-22.csv")))
                .isEqualTo("https://shop.example/2,2020-09-22,email,3,59.70\n");
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().build(folder, DAY.plusDays(1))) {
            writer.write(new ConversionRow("https://shop.example/3", DAY.plusDays(1), null, null, null, null));
            writer.finish();
        }
        assertThat(files()).containsExactly("conversion-export-2020-09-22.csv", "conversion-export-2020-09-23.csv");
    }

    @Test
    void aFileThatAppearsWhileWritingIsNotReplaced() throws IOException {
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().build(folder, DAY)) {
            writer.write(row("https://shop.example/1"));
            Files.writeString(writer.path(), "someone else's\n");
            assertThatThrownBy(writer::finish).isInstanceOf(FileAlreadyExistsException.class);
        }
        assertThat(files()).containsExactly("conversion-export-2020-09-22.csv");
        assertThat(Files.readString(folder.resolve("conversion-export-2020-09-22.csv"))).isEqualTo("someone else's\n");
    }

    @Test
    void gzipAndAPrefixOfOnesOwn() throws IOException {
        ValidationReport report;
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().gzip(true).prefix("shop-a-").build(folder,
                DAY)) {
            writer.write(row("https://shop.example/1"));
            report = writer.finish();
        }
        Path file = folder.resolve("shop-a-2020-09-22.csv.gz");
        assertThat(files()).containsExactly("shop-a-2020-09-22.csv.gz");
        assertThat(Files.readAllBytes(file)).startsWith((byte) 0x1f, (byte) 0x8b);
        assertThat(report).isEqualTo(validate(file, ',', ConversionProfile.DEFAULT));
    }

    @Test
    void aPrefixThatAnotherPrefixStartsWithIsNotTheSamePrefix() throws IOException {
        // "The same prefix": shop-a-2020-09-22.csv is not a file of the prefix shop-, whose file shop-2020-09-22.csv
        // does not block shop-a- either.
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().prefix("shop-a-").build(folder, DAY)) {
            writer.write(row("https://shop.example/1"));
            writer.finish();
        }
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().prefix("shop-").build(folder, DAY)) {
            writer.write(row("https://shop.example/2"));
            writer.finish();
        }
        assertThat(files()).containsExactly("shop-2020-09-22.csv", "shop-a-2020-09-22.csv");
        assertThatThrownBy(() -> ConversionCsvWriter.builder().prefix("shop-").gzip(true).build(folder, DAY))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("remove shop-2020-09-22.csv first");
    }

    @Test
    void anEmptyFileIsAWarningAndUnderAStrictProfileNoFile() throws IOException {
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().build(folder, DAY)) {
            ValidationReport report = writer.finish();
            assertThat(report.warnings()).isEqualTo(1);
            assertThat(report).isEqualTo(validate(writer.path(), ',', ConversionProfile.DEFAULT));
        }
        ConversionProfile strict = ConversionProfile.builder().strictness(Strictness.STRICT).build();
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().profile(strict)
                .build(folder, DAY.plusDays(1))) {
            assertThatThrownBy(writer::finish).isInstanceOfSatisfying(ConversionDataException.class,
                    e -> assertThat(e.code()).isEqualTo(ViolationCode.EMPTY_FILE));
        }
        assertThat(files()).containsExactly("conversion-export-2020-09-22.csv");
    }

    @Test
    void aValueWithoutAColumnAndTextThatIsNotUnicodeAreRefusedUnderEveryPolicy() throws IOException {
        ConversionProfile profile = ConversionProfile.builder().columns(ColumnLayout.parse("url,date")).build();
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().profile(profile).policy(WritePolicy.KEEP)
                .build(folder, DAY)) {
            assertThatThrownBy(() -> writer.write(row("https://shop.example/1")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no channel column");
            assertThatThrownBy(() -> writer.writeRecord("https://shop.example/\uD83D", "2020-09-22"))
                    .isInstanceOfSatisfying(ConversionDataException.class, e -> {
                        assertThat(e.code()).isEqualTo(ViolationCode.ENCODING);
                        assertThat(e.getMessage()).contains("U+D83D");
                    });
            assertThat(writer.write(new ConversionRow("https://shop.example/\uD83D\uDE00", DAY, null, null, null,
                    null))).isTrue();
            assertThat(writer.finish()).isEqualTo(validate(writer.path(), ',', profile));
        }
    }

    /**
     * An unpaired surrogate in any column of a row that would otherwise be plain (the validator's fast path, which
     * the writer takes too) is refused under every policy, the column skipped by the layout included.
     */
    @Test
    void anUnpairedSurrogateInAnyColumnOfAPlainRowIsRefused() throws IOException {
        ConversionProfile profile = ConversionProfile.builder()
                .columns(ColumnLayout.parse("url,date,channel,device,transactions,revenue,-")).build();
        String[] plain = {"https://shop.example/a", "2020-09-22", "email", "mobile", "1", "9.90", "note"};
        for (WritePolicy policy : WritePolicy.values()) {
            try (ConversionCsvWriter writer = ConversionCsvWriter.builder().profile(profile).policy(policy)
                    .replaceExisting(true).build(folder, DAY)) {
                for (int column = 0; column < plain.length; column++) {
                    String[] row = plain.clone();
                    row[column] = row[column] + (column % 2 == 0 ? "\uD800" : "\uDC00");
                    assertThatThrownBy(() -> writer.writeRecord(row)).as("%s, column %d", policy, column)
                            .isInstanceOfSatisfying(ConversionDataException.class,
                                    e -> assertThat(e.code()).isEqualTo(ViolationCode.ENCODING));
                }
                assertThat(writer.writeRecord(plain)).isTrue();
                ValidationReport report = writer.finish();
                assertThat(report.records()).isEqualTo(1);
                assertThat(report.validRecords()).isEqualTo(1);
                assertThat(report).isEqualTo(validate(writer.path(), ',', profile));
            }
        }
    }

    @Test
    void settingsAreCheckedWhenGiven() {
        assertThatThrownBy(() -> ConversionCsvWriter.builder().delimiter('"'))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversionCsvWriter.builder().maxViolations(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversionCsvWriter.builder().prefix("export-2020-09-21-"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversionCsvWriter.builder()
                .profile(ConversionProfile.builder().date(DAY.plusDays(1)).build()).build(folder, DAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2020-09-23");
        assertThatThrownBy(() -> ConversionCsvWriter.builder().build(folder.resolve("missing"), DAY))
                .isInstanceOf(IOException.class).hasMessageContaining("no such folder");
    }

    @Test
    void finishedWritersRefuseMore() throws IOException {
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().build(folder, DAY)) {
            writer.write(row("https://shop.example/1"));
            writer.finish();
            assertThatThrownBy(() -> writer.write(row("https://shop.example/2")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("finished");
            assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class);
        }
        assertThat(Files.readString(folder.resolve("conversion-export-2020-09-22.csv"), StandardCharsets.UTF_8))
                .hasLineCount(1);
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
