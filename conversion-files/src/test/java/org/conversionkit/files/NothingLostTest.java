package org.conversionkit.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.validation.DeliveryReport;
import org.conversionkit.validation.DeliveryValidator;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library half of "the command never loses a result" (issue 16): what a service sees for the same faults. */
class NothingLostTest {

    private static final String GOOD = "https://domain.tld/a,2020-09-22,organic,1,10.0\n";

    @Test
    void aFileThatCannotBeOpenedIsAReportNotAnException(@TempDir Path dir) throws IOException {
        ValidationReport missing = ConversionFiles.check(dir.resolve("conversion-export-2020-09-22.csv"));
        assertThat(missing.valid()).isFalse();
        assertThat(missing.unreadableInput()).isTrue();
        assertThat(missing.format()).isEqualTo("csv");
        assertThat(missing.date()).hasToString("2020-09-22");
        assertThat(missing.records()).isZero();
        assertThat(missing.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(ViolationCode.FILE_UNREADABLE);
            assertThat(v.message()).isEqualTo("the file cannot be read: no such file; nothing in it was checked");
        });
        Path folder = Files.createDirectory(dir.resolve("feed"));
        ValidationReport directory = FileChecker.builder().profile(CrmProfile.DEFAULT).build().check(folder);
        assertThat(directory.format()).isNull();
        assertThat(directory.violations()).extracting(Violation::message)
                .containsExactly("the file cannot be read: it is a directory, not a file; nothing in it was checked");
    }

    @Test
    void aReadThatFailsPartOfTheWayKeepsTheRecordsBefore() {
        // Distinct rows: a repeated one would be a DUPLICATE_ROW warning.
        byte[] rows = (distinct(0, 150) + "/bad,2020-09-22,,,\n" + distinct(150, 199)).getBytes(UTF_8);
        InputStream failing = failingAfter(rows);
        ValidationReport report = FileChecker.builder().maxViolations(1).build()
                .check("conversion-export-2020-09-22.csv", failing);
        assertThat(report.records()).isEqualTo(200);
        assertThat(report.validRecords()).isEqualTo(199);
        assertThat(report.invalidRecords()).isEqualTo(1);
        assertThat(report.unreadableInput()).isTrue();
        // The list was full with one; the file's own violation is listed all the same.
        assertThat(report.violations()).extracting(v -> v.code()).containsExactly(ViolationCode.URL_RELATIVE,
                ViolationCode.FILE_UNREADABLE);
        assertThat(report.violations().get(1).message()).contains("(Input/output error)");
    }

    @Test
    void aJsonFileOfOneRowKeepsItWhenReadingFailsAfterIt() throws IOException {
        // Telling the JSON form looks past the first row: a failure there is the reading's, after that row.
        String row = "{\"url\":\"https://domain.tld/a\",\"date\":\"2020-09-22\"}\n";
        byte[] bytes = row.getBytes(UTF_8);
        ValidationReport failed = ConversionFiles.check("conversion-export-2020-09-22.json", failingAfter(bytes));
        assertThat(failed.records()).isEqualTo(1);
        assertThat(failed.validRecords()).isEqualTo(1);
        assertThat(failed.unreadableInput()).isTrue();
        assertThat(failed.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(ViolationCode.FILE_UNREADABLE);
            assertThat(v.message()).startsWith("reading failed after 1 record (Input/output error)");
        });
        ValidationReport trailing = ConversionFiles.check("conversion-export-2020-09-22.json.gz",
                new ByteArrayInputStream(concat(gzip(row), "garbage\n".getBytes(UTF_8))));
        assertThat(trailing.records()).isEqualTo(2);
        assertThat(trailing.validRecords()).isEqualTo(1);
        assertThat(trailing.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(ViolationCode.ENCODING);
            assertThat(v.record()).isEqualTo(2);
            assertThat(v.message()).contains("the 8 bytes after the last gzip member");
        });
        byte[] cut = gzip(row);
        ValidationReport cutShort = ConversionFiles.check("conversion-export-2020-09-22.json.gz",
                new ByteArrayInputStream(concat(cut, Arrays.copyOf(cut, 20))));
        assertThat(cutShort.validRecords()).isEqualTo(1);
        assertThat(cutShort.violations()).extracting(Violation::code).containsExactly(ViolationCode.ENCODING);
        assertThat(cutShort.violations().get(0).message()).contains("gzip member 2");
    }

    @Test
    void aStreamThatGivesNoBytesWithoutEndingIsUnreadableNotEmpty() {
        // InputStream.read blocks until a byte comes or the stream ends: 0 bytes for a buffer is a broken stream.
        for (String name : List.of("conversion-export-2020-09-22.csv", "conversion-export-2020-09-22.json",
                "conversion-export-2020-09-22")) {
            byte[] row = (name.endsWith(".json") ? "{\"url\":\"https://domain.tld/a\",\"date\":\"2020-09-22\"}\n"
                    : GOOD).getBytes(UTF_8);
            InputStream stalled = new InputStream() {
                private boolean given;

                @Override
                public int read() {
                    return -1;
                }

                @Override
                public int read(byte[] target, int offset, int length) {
                    if (given) {
                        return 0;
                    }
                    given = true;
                    System.arraycopy(row, 0, target, offset, row.length);
                    return row.length;
                }
            };
            ValidationReport report = ConversionFiles.check(name, stalled);
            assertThat(report.valid()).as(name).isFalse();
            assertThat(report.unreadableInput()).as(name).isTrue();
            assertThat(report.violations()).as(name).extracting(Violation::code)
                    .containsExactly(ViolationCode.FILE_UNREADABLE);
            assertThat(report.violations().get(0).message()).as(name).contains("gave no bytes");
        }
    }

    /** A stream that gives all the bytes at the first read, after which the disk fails. */
    private static InputStream failingAfter(byte[] bytes) {
        return new InputStream() {
            private boolean given;

            @Override
            public int read() throws IOException {
                throw new IOException("Input/output error");
            }

            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                if (given) {
                    throw new IOException("Input/output error");
                }
                given = true;
                int count = Math.min(length, bytes.length);
                System.arraycopy(bytes, 0, target, offset, count);
                return count;
            }
        };
    }

    private static String distinct(int from, int to) {
        StringBuilder rows = new StringBuilder();
        for (int i = from; i < to; i++) {
            rows.append("https://domain.tld/a").append(i).append(",2020-09-22,organic,1,10.0\n");
        }
        return rows.toString();
    }

    @Test
    void concatenatedGzipIsReadWholeAndDamageIsReported() throws IOException {
        byte[] two = concat(gzip(GOOD), gzip(GOOD + GOOD));
        ValidationReport whole = ConversionFiles.check("conversion-export-2020-09-22.csv.gz",
                new ByteArrayInputStream(two));
        assertThat(whole.records()).isEqualTo(3);
        assertThat(whole.valid()).isTrue();
        byte[] json = concat(gzip("{\"url\":\"https://domain.tld/a\",\"date\":\"2020-09-22\"}\n"), new byte[] {1, 2});
        ValidationReport trailing = ConversionFiles.check("conversion-export-2020-09-22.ndjson.gz",
                new ByteArrayInputStream(json));
        assertThat(trailing.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(ViolationCode.ENCODING);
            assertThat(v.message()).contains("the 2 bytes after the last gzip member");
        });
        ValidationReport notGzip = ConversionFiles.check("conversion-export-2020-09-22.csv.gz",
                new ByteArrayInputStream(GOOD.getBytes(UTF_8)));
        assertThat(notGzip.violations()).extracting(Violation::code).containsExactly(ViolationCode.ENCODING);
        assertThat(notGzip.violations().get(0).message()).contains("not gzip-compressed");
    }

    @Test
    void aGzipHeaderLongerThanTheFormatPeekIsReadNotUnreadable() throws IOException {
        // A valid gzip member whose header names the file in 70,000 bytes: gzip -dc reads it.
        byte[] data = "{\"url\":\"https://domain.tld/a\",\"date\":\"2020-09-22\"}\n".getBytes(UTF_8);
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        member.write(new byte[] {0x1f, (byte) 0x8b, 8, 8, 0, 0, 0, 0, 0, (byte) 0xff});
        member.write("x".repeat(70_000).getBytes(UTF_8));
        member.write(0);
        byte[] plain = gzip(new String(data, UTF_8));
        // The deflate data and trailer of a gzip member start after its 10-byte header (no name in it).
        member.write(plain, 10, plain.length - 10);
        byte[] bytes = member.toByteArray();
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes));
        // Past the 64 KiB looked at, the content tells CSV, and the stream is left at its start.
        assertThat(FileFormat.byContent(in)).isEqualTo(FileFormat.CSV);
        assertThat(in.read()).isEqualTo(0x1f);
        ValidationReport unnamed = ConversionFiles.check("conversion-export-2020-09-22",
                new ByteArrayInputStream(bytes));
        assertThat(unnamed.unreadableInput()).isFalse();
        assertThat(unnamed.format()).isEqualTo("csv");
        assertThat(unnamed.records()).isEqualTo(1);
        ValidationReport named = ConversionFiles.check("conversion-export-2020-09-22.ndjson.gz",
                new ByteArrayInputStream(bytes));
        assertThat(named.valid()).isTrue();
        assertThat(named.validRecords()).isEqualTo(1);
    }

    @Test
    void aUtf16CsvIsOneEncodingError() {
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16)) {
            ValidationReport report = ConversionFiles.check("conversion-export-2020-09-22.csv",
                    new ByteArrayInputStream((GOOD + GOOD + GOOD).getBytes(charset)));
            assertThat(report.errors()).as(charset.name()).isEqualTo(1);
            assertThat(report.violations()).singleElement().satisfies(v -> {
                assertThat(v.code()).isEqualTo(ViolationCode.ENCODING);
                assertThat(v.line()).isEqualTo(1);
                assertThat(v.message()).contains("UTF-16");
            });
        }
    }

    @Test
    void theReportsSayHowManyViolationsTheyCut() throws IOException {
        DeliveryReport cut = DeliveryValidator.validate(List.of("conversion-export-2020-01-01.csv",
                "conversion-export-2020-12-31.csv"));
        DeliveryReport whole = DeliveryValidator.validate(List.of("conversion-export-2020-01-01.csv",
                "conversion-export-2020-03-01.csv"));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ReportWriter.of(ReportFormat.JSON).write(cut, json);
        assertThat(json.toString(UTF_8)).contains("\"warnings\":364,\"truncated\":true");
        json.reset();
        ReportWriter.of(ReportFormat.JSON).write(whole, json);
        assertThat(json.toString(UTF_8)).contains("\"warnings\":59,\"truncated\":false");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ReportWriter.of(ReportFormat.TEXT).write(cut, text);
        assertThat(text.toString(UTF_8)).contains("  ... 264 more not listed (maxViolations 100)");
        text.reset();
        ReportWriter.of(ReportFormat.TEXT).write(whole, text);
        assertThat(text.toString(UTF_8)).doesNotContain("more not listed");
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
