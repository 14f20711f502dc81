package org.conversionkit.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.csv.CsvLimits;
import org.conversionkit.json.ConversionJsonReader;
import org.conversionkit.json.CrmFeedReader;
import org.conversionkit.json.JsonForm;
import org.conversionkit.json.JsonLimits;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.FileNameRule;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.FeedValidator;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration mistakes of issue 12, each written as a service would write it against the public API: a
 * profile set once and shared by reader and validator, a builder whose every setting applies, one call that
 * checks a file as {@code conversion-check} does, located errors, and readers that read nothing until asked.
 */
class ApiMistakesTest {

    private static final String LEADS = """
            {"leadId":"L1","createdAt":"2020-01-10","updatedAt":"2020-01-20T10:00:00Z"}
            {"leadId":"L2","createdAt":"2020-01-11","updatedAt":"2020-01-20T11:00:00Z"}
            """;

    // 1. The id field is set once, in the profile, and the validator takes it from the source.
    @Test
    void aLeadFeedIsCheckedByItsIdFieldSetOnce() {
        CrmProfile leads = CrmProfile.builder().idField("leadId").build();
        try (RecordSource source = CrmFeedReader.builder().profile(leads).source(stream(LEADS))) {
            ValidationReport report = FeedValidator.builder().build().validate(source);
            assertThat(report.violations()).isEmpty();
            assertThat(report.validRecords()).isEqualTo(2);
        }
        // The reader delivers the same records, read by the same field.
        try (CrmFeedReader reader = CrmFeedReader.builder().profile(leads).build(stream(LEADS))) {
            assertThat(reader.stream().map(CrmRecord::id)).containsExactly("L1", "L2");
        }
    }

    @Test
    void theValidatorsHaveNoSettingOfTheProfile() {
        // The settings a validator used to repeat exist only in the profile, so they cannot disagree.
        assertThat(List.of(FeedValidator.Builder.class.getMethods())).extracting(m -> m.getName())
                .doesNotContain("idField", "dailyFeed", "strictness", "limits");
        assertThat(List.of(ConversionValidator.Builder.class.getMethods())).extracting(m -> m.getName())
                .doesNotContain("defaults", "date", "strictness");
    }

    // 2. A source of one profile handed to the validator of the other is refused, not misread.
    @Test
    void aConversionSourceIsRefusedByTheFeedValidatorAndTheReverse() {
        String row = "{\"url\":\"https://domain.tld/a\",\"date\":\"2020-09-22\"}\n";
        try (RecordSource conversions = ConversionJsonReader.builder().source(stream(row))) {
            assertThatThrownBy(() -> FeedValidator.builder().build().validate(conversions))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("profile conversions");
        }
        try (RecordSource feed = CrmFeedReader.builder().source(stream(LEADS))) {
            assertThatThrownBy(() -> ConversionValidator.builder().build().validate(feed))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("profile crm");
        }
    }

    // 3. Every setting of a reader builder applies to its sources too, or the builder refuses.
    @Test
    void theProfilesDateAppliesToASourceAsToAReader() {
        ConversionProfile day = ConversionProfile.builder().date(LocalDate.of(2020, 9, 22)).build();
        String csv = "https://domain.tld/a,2020-09-21,organic,1,10.0\n";
        try (RecordSource source = ConversionCsvReader.builder().profile(day).source(stream(csv))) {
            ValidationReport report = ConversionValidator.builder().build().validate(source);
            assertThat(report.date()).isEqualTo(LocalDate.of(2020, 9, 22));
            assertThat(report.violations()).extracting(Violation::code).containsExactly(ViolationCode.DATE_MISMATCH);
        }
        try (ConversionCsvReader reader = ConversionCsvReader.builder().profile(day).build(stream(csv))) {
            assertThatThrownBy(() -> reader.iterator().hasNext()).isInstanceOf(ConversionDataException.class)
                    .extracting(e -> ((ConversionDataException) e).code()).isEqualTo(ViolationCode.DATE_MISMATCH);
        }
    }

    @Test
    void aStrategyForInvalidRowsCannotBeGivenToASource() {
        ConversionCsvReader.Builder csv = ConversionCsvReader.builder().invalidRecords(InvalidRecordStrategy.SKIP);
        assertThatThrownBy(() -> csv.source(stream("x"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalidRecords(SKIP)");
        ConversionJsonReader.Builder json = ConversionJsonReader.builder().invalidRecords(InvalidRecordStrategy.FAIL);
        assertThatThrownBy(() -> json.source(stream("{}"))).isInstanceOf(IllegalStateException.class);
        CrmFeedReader.Builder feed = CrmFeedReader.builder().invalidRecords(InvalidRecordStrategy.SKIP);
        assertThatThrownBy(() -> feed.source(stream("{}"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aJsonReaderRefusesACsvLayoutAtOnce() {
        ConversionProfile layout = ConversionProfile.builder().columns(ColumnLayout.parse("date,url")).build();
        assertThatThrownBy(() -> ConversionJsonReader.builder().profile(layout))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("date,url");
    }

    // 4. A typed reader from a path holds rows to the date in the file's name, as the command line does.
    @Test
    void aTypedReaderHoldsRowsToTheDateInTheFileName(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("conversion-export-2020-09-22.csv"),
                "https://domain.tld/a,2020-09-22,organic,1,10.0\nhttps://domain.tld/b,2020-09-21,organic,1,10.0\n");
        try (ConversionCsvReader reader = ConversionCsvReader.builder().build(file)) {
            assertThat(reader.iterator().next().url()).isEqualTo("https://domain.tld/a");
            assertThatThrownBy(() -> reader.iterator().next()).isInstanceOf(ConversionDataException.class)
                    .hasMessageContaining("line 2").hasMessageContaining("DATE_MISMATCH");
        }
        // The command line's verdict on the same file: one DATE_MISMATCH on line 2.
        ValidationReport report = ConversionFiles.check(file);
        assertThat(report.violations()).extracting(v -> v.code() + "@" + v.line())
                .containsExactly("DATE_MISMATCH@2");
        // Turned off, the name plays no part.
        ConversionProfile ignore = ConversionProfile.builder().fileNames(FileNameRule.IGNORE).build();
        try (ConversionCsvReader reader = ConversionCsvReader.builder().profile(ignore).build(file)) {
            assertThat(reader.stream().map(ConversionRow::url)).containsExactly("https://domain.tld/a",
                    "https://domain.tld/b");
        }
    }

    // 5. One call checks a file of any supported form, without a format choice, as the command line does.
    @Test
    void oneCallChecksCsvNdjsonLooseJsonAndGzip(@TempDir Path dir) throws IOException {
        String day = "2020-09-22";
        Path csv = Files.writeString(dir.resolve("conversion-export-" + day + ".csv"),
                "https://domain.tld/a, " + day + ", organic, 1, 10.0\n");
        Path ndjson = Files.writeString(dir.resolve("conversion-export-" + day + ".ndjson"),
                "{\"url\":\"https://domain.tld/a\",\"date\":\"" + day + "\"}\n");
        Path loose = Files.writeString(dir.resolve("conversion-export-" + day + ".json"),
                "{'url': 'https://domain.tld/a', 'date': '" + day + "'},\n{'url': '/b', 'date': '" + day + "'},\n");
        Path gzip = dir.resolve("conversion-export-" + day + ".csv.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(("https://domain.tld/a;" + day + ";organic;1;10.0\n").getBytes(UTF_8));
        }
        Path unnamedJson = Files.writeString(dir.resolve("export-" + day), "{\"url\":\"https://domain.tld/a\","
                + "\"date\":\"" + day + "\"}\n");
        assertThat(ConversionFiles.check(csv)).satisfies(r -> {
            assertThat(r.valid()).isTrue();
            assertThat(r.format()).isEqualTo("csv");
            assertThat(r.delimiter()).isEqualTo(",");
        });
        assertThat(ConversionFiles.check(ndjson).format()).isEqualTo("json");
        assertThat(ConversionFiles.check(loose)).satisfies(r -> {
            assertThat(r.format()).isEqualTo("json");
            assertThat(r.violations()).extracting(Violation::code).containsExactly(ViolationCode.URL_RELATIVE);
        });
        assertThat(ConversionFiles.check(gzip)).satisfies(r -> {
            assertThat(r.valid()).isTrue();
            assertThat(r.delimiter()).isEqualTo(";");
            assertThat(r.date()).isEqualTo(LocalDate.parse(day));
        });
        // No extension that tells: the content does.
        assertThat(ConversionFiles.check(unnamedJson).format()).isEqualTo("json");
        assertThat(FileFormat.byExtension("a.NDJSON.gz")).contains(FileFormat.JSON);
    }

    @Test
    void theJsonReportIsWrittenFromJava() throws IOException {
        ValidationReport report = ConversionFiles.check("conversion-export-2020-09-22.ndjson",
                stream("{\"url\":\"https://domain.tld/a\",\"date\":\"2020-09-21\"}\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.of(ReportFormat.JSON).write(List.of(report), out);
        assertThat(out.toString(UTF_8)).startsWith("{\"valid\":false,\"files\":[{\"file\":"
                + "\"conversion-export-2020-09-22.ndjson\",\"format\":\"json\",\"delimiter\":null,"
                + "\"profile\":\"conversions\",\"date\":\"2020-09-22\",\"valid\":false,\"records\":1,")
                .contains("\"code\":\"DATE_MISMATCH\",\"severity\":\"error\",\"line\":1,\"column\":0,\"record\":1,");
    }

    // 6. A JSON syntax error has its column as a value, and the JSON report carries it.
    @Test
    void aJsonSyntaxErrorHasItsColumn() {
        ValidationReport report = ConversionFiles.check("conversion-export-2020-09-22.ndjson",
                stream("{\"url\":\"https://domain.tld/a\",\"date\":\"2020-09-22\"}\n{\"url\": x}\n"));
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(ViolationCode.MALFORMED_JSON);
            assertThat(v.line()).isEqualTo(2);
            assertThat(v.column()).isEqualTo(9);
            assertThat(v.message()).contains("line 2, column 9");
        });
    }

    @Test
    void aCsvFieldHasItsColumn() {
        ValidationReport report = ConversionFiles.check("conversion-export-2020-09-22.csv",
                stream("https://domain.tld/a, 2020-09-21, organic, 1, 10.0\n\"/b\",2020-09-22,organic,1,10.0\n"));
        assertThat(report.violations()).extracting(v -> v.code() + "@" + v.line() + ":" + v.column())
                .containsExactly("DATE_MISMATCH@1:23", "URL_RELATIVE@2:1");
    }

    // 7. Building a reader reads nothing: a pipe with nothing in it yet does not block, a failing input does not
    //    fail; both show when the first record is asked for.
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void buildingAReaderReadsNothing() throws IOException {
        PipedOutputStream writer = new PipedOutputStream();
        try (PipedInputStream pipe = new PipedInputStream(writer);
                ConversionJsonReader json = ConversionJsonReader.builder().build(pipe);
                CrmFeedReader feed = CrmFeedReader.builder().build(failing());
                ConversionCsvReader csv = ConversionCsvReader.builder().build(failing())) {
            // Built before anything was written: had building read, it would wait here for ever.
            try (writer) {
                writer.write("{\"url\":\"https://domain.tld/a\",\"date\":\"2020-09-22\"}\n".getBytes(UTF_8));
            }
            assertThat(json.form()).isEqualTo(JsonForm.NDJSON);
            assertThat(json.stream().count()).isEqualTo(1);
            assertThatThrownBy(() -> feed.iterator().hasNext()).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("disk error");
            assertThatThrownBy(() -> csv.iterator().hasNext()).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("disk error");
        }
    }

    @Test
    void badDataSurfacesFromIterationAsALocatedException() {
        try (ConversionJsonReader reader = ConversionJsonReader.builder().build(stream("\n\n{\"url\": ]\n"))) {
            assertThatThrownBy(() -> reader.iterator().hasNext()).isInstanceOfSatisfying(ConversionDataException.class,
                    e -> {
                        assertThat(e.code()).isEqualTo(ViolationCode.MALFORMED_JSON);
                        assertThat(e.line()).isEqualTo(3);
                        assertThat(e.violations().get(0).column()).isEqualTo(9);
                    });
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(UTF_8));
    }

    private static InputStream failing() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk error");
            }
        };
    }

    @Test
    void aStrictProfileMakesATypedReaderRefuseAWarning() {
        ConversionProfile strict = ConversionProfile.builder().date(LocalDate.of(2020, 9, 22))
                .columns(ColumnLayout.parse("url,date")).strictness(Strictness.STRICT).build();
        List<ConversionRow> rows = new ArrayList<>();
        try (ConversionCsvReader reader = ConversionCsvReader.builder().profile(strict)
                .invalidRecords(InvalidRecordStrategy.SKIP)
                .build(stream("domain.tld/a,2020-09-22\nhttps://domain.tld/b,2020-09-22\n"))) {
            reader.forEach(rows::add);
            assertThat(reader.recordsSkipped()).isEqualTo(1);
        }
        assertThat(rows).extracting(ConversionRow::url).containsExactly("https://domain.tld/b");
    }

    // No silent settings: a CSV setting where no file can be CSV is refused when the checker is built.
    @Test
    void csvSettingsAreRefusedWhereNoFileCanBeCsv() {
        CsvLimits oneRecord = CsvLimits.builder().maxRecords(1).build();
        assertThatThrownBy(() -> FileChecker.builder().profile(CrmProfile.DEFAULT).csvLimits(oneRecord).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CSV limits apply to CSV files");
        assertThatThrownBy(() -> FileChecker.builder().format(FileFormat.JSON).csvLimits(oneRecord).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give jsonLimits");
        assertThatThrownBy(() -> FileChecker.builder().profile(CrmProfile.DEFAULT).delimiter(';').build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delimiter");
        assertThatThrownBy(() -> FileChecker.builder().format(FileFormat.JSON).delimiter(';').build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delimiter");
        // The defaults say nothing, so they are no contradiction.
        assertThat(FileChecker.builder().profile(CrmProfile.DEFAULT).csvLimits(CsvLimits.DEFAULTS).build())
                .isNotNull();
    }

    // With the format detected, each kind of limits applies to its own files, and only to them.
    @Test
    void eachFormatsLimitsApplyToItsFiles() {
        String csv = "https://domain.tld/a,2020-09-22,organic,1,10.0\nhttps://domain.tld/b,2020-09-22,organic,1,10.0\n";
        String ndjson = "{\"url\":\"https://domain.tld/a\",\"date\":\"2020-09-22\"}\n"
                + "{\"url\":\"https://domain.tld/b\",\"date\":\"2020-09-22\"}\n";
        FileChecker csvLimited = FileChecker.builder().csvLimits(CsvLimits.builder().maxRecords(1).build()).build();
        FileChecker jsonLimited = FileChecker.builder().jsonLimits(JsonLimits.builder().maxRecords(1).build())
                .build();
        assertThat(csvLimited.check("conversion-export-2020-09-22.csv", stream(csv)).violations())
                .extracting(Violation::code).containsExactly(ViolationCode.RECORD_TOO_LARGE);
        assertThat(csvLimited.check("conversion-export-2020-09-22.ndjson", stream(ndjson)).valid()).isTrue();
        assertThat(jsonLimited.check("conversion-export-2020-09-22.ndjson", stream(ndjson)).violations())
                .extracting(Violation::code).containsExactly(ViolationCode.RECORD_TOO_LARGE);
        assertThat(jsonLimited.check("conversion-export-2020-09-22.csv", stream(csv)).valid()).isTrue();
    }

    // Never lose a result: a source already read would give a report of what is left ("valid, 0 records").
    @Test
    void aSourceReadBeforeIsRefusedByTheValidators() {
        String row = "https://domain.tld/a, 2020-09-22, organic, 1, 10.0\n";
        ConversionValidator validator = ConversionValidator.builder().build();
        try (RecordSource source = ConversionCsvReader.builder().source(stream(row))) {
            assertThat(validator.validate(source).records()).isEqualTo(1);
            assertThatThrownBy(() -> validator.validate(source)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("read before");
        }
        try (RecordSource source = ConversionCsvReader.builder().source(stream(row + row))) {
            assertThat(source.next()).isNotNull();
            assertThatThrownBy(() -> validator.validate(source)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("build a new source for each check");
        }
        try (RecordSource source = ConversionJsonReader.builder()
                .source(stream("{\"url\":\"https://domain.tld/a\",\"date\":\"2020-09-22\"}\n"))) {
            assertThat(validator.validate(source).valid()).isTrue();
            assertThatThrownBy(() -> validator.validate(source)).isInstanceOf(IllegalStateException.class);
        }
        FeedValidator feeds = FeedValidator.builder().build();
        try (RecordSource source = CrmFeedReader.builder()
                .source(stream("{\"orderId\":\"A\",\"createdAt\":\"2020-01-20T10:00:00Z\"}\n"))) {
            assertThat(feeds.validate(source).records()).isEqualTo(1);
            assertThatThrownBy(() -> feeds.validate(source)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("read before");
        }
    }
}
