package org.conversionkit.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.WritePolicy;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The writer against the reader and the validator, property-style over seeded random rows full of what CSV
 * makes hard (delimiters, quotes, line breaks, white space, comment and header look-alikes, byte order marks,
 * wide characters): whatever the writer accepts reads back equal and validates valid; whatever it refuses gets
 * the same code from {@code validate} in a file that holds it; and under {@code KEEP} the writer's report is the
 * validator's, violation for violation.
 */
class WriterRoundTripTest {

    private static final LocalDate DAY = LocalDate.of(2020, 9, 22);
    private static final ConversionProfile ALL_COLUMNS = ConversionProfile.builder()
            .columns(ColumnLayout.parse("url,date,channel,device,transactions,revenue")).build();
    private static final ConversionProfile SKIPPING = ConversionProfile.builder()
            .columns(ColumnLayout.parse("-,url,date,-,transactions,revenue,channel,device")).build();
    private static final int ROWS = 1500;

    private static final String[] URLS = {"https://shop.example/p/1", "https://shop.example/p?q=1&r=2#top",
        "http://bücher.example/straße", "https://shop.example/a,b;c|d\te", "https://shop.example/\"q\"",
        " https://shop.example/padded ", "/relative/path", "www.shop.example/p", "shop.example", "ftp://shop.example",
        "javascript:alert(1)", "https://a b.example/", "#anchor", "//cdn.example/p", "// comment", "\uFEFFhttps://x.example",
        "https://shop.example/😀", "url", "https://[::1]/", "https://shop.example/line\nbreak", "page", "\u00A0nbsp",
        "https://shop.example/" + "x".repeat(250), "https://", "HTTPS://SHOP.EXAMPLE/P"};
    private static final String[] TEXTS = {"email", " ", "  padded ", "a\"b\"", "line\nbreak", "cr\rx", "crlf\r\ny",
        "tab\tx", "semi;colon", "pipe|x", "comma,x", "#hash", "//slashes", "\uFEFFbom", "ünïcödé", "😀", "url", "date",
        "source", "\u00A0nbsp", "x".repeat(300), "\"", "\"\"", "'single'", "mobile", "\\", "a b"};
    private static final String[] REVENUES = {"0", "59.70", "-1.5", "1.234", "1E+3", "0.000001",
        "123456789012345678901234567890.12", "100", "-0"};
    private static final String[] TEXT_DATES = {"2020-09-22", "2020-09-22", "22.09.2020", "2020-9-22", "",
        "2020-02-30", "2020-09-23", " 2020-09-22 ", "2020-09-22T10:00"};
    private static final String[] TEXT_NUMBERS = {"1", "1,5", "1.5", "abc", "", " 3 ", "-2", "1e3", "١"};

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|', ' '})
    void keptRowsGetTheValidatorsReportViolationForViolation(char delimiter) throws IOException {
        for (ConversionProfile profile : List.of(ALL_COLUMNS, SKIPPING)) {
            Random random = new Random(delimiter * 31L + profile.columns().size());
            Path day = Files.createTempDirectory(folder, "keep");
            ValidationReport written;
            try (ConversionCsvWriter writer = ConversionCsvWriter.builder().profile(profile).delimiter(delimiter)
                    .policy(WritePolicy.KEEP).maxViolations(100_000).build(day, DAY)) {
                for (int i = 0; i < ROWS; i++) {
                    if (random.nextInt(4) == 0) {
                        writer.writeRecord(textRecord(random, profile));
                    } else {
                        ConversionRow row = row(random);
                        if (row != null) {
                            writer.write(row);
                        }
                    }
                }
                written = writer.finish();
            }
            ValidationReport validated = ConversionCsvWriterTest.validate(
                    day.resolve("conversion-export-2020-09-22.csv"), delimiter, profile, 100_000);
            assertThat(written.violations()).hasSize(validated.violations().size());
            for (int i = 0; i < written.violations().size(); i++) {
                assertThat(written.violations().get(i)).as("violation %d", i).isEqualTo(validated.violations().get(i));
            }
            assertThat(written).isEqualTo(validated);
        }
    }

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|', ' '})
    void acceptedRowsReadBackEqualAndRefusedOnesGetTheSameCode(char delimiter) throws IOException {
        Random random = new Random(delimiter);
        ConversionProfile profile = ALL_COLUMNS;
        List<ConversionRow> accepted = new ArrayList<>();
        List<ConversionRow> refused = new ArrayList<>();
        List<ViolationCode> codes = new ArrayList<>();
        Path valid = Files.createTempDirectory(folder, "valid");
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().profile(profile).delimiter(delimiter)
                .build(valid, DAY)) {
            for (int i = 0; i < ROWS; i++) {
                ConversionRow row = row(random);
                if (row == null) {
                    continue;
                }
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
        Path file = valid.resolve("conversion-export-2020-09-22.csv");
        assertThat(ConversionCsvWriterTest.validate(file, delimiter, profile).valid()).isTrue();
        List<ConversionRow> read = new ArrayList<>();
        try (ConversionCsvReader reader = ConversionCsvReader.builder().delimiter(delimiter).profile(profile)
                .build(file)) {
            reader.forEach(read::add);
        }
        // Revenue is written plain, so a negative scale does not survive: 1E+3 reads back as 1000, equal in value.
        assertThat(read).hasSameSizeAs(accepted);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i)).as("row %d", i + 1).usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(accepted.get(i));
        }
        assertThat(refused).isNotEmpty();

        // Each refused row, alone in a file written anyway, gets the code it was refused for.
        for (int i = 0; i < refused.size(); i++) {
            Path alone = Files.createTempDirectory(folder, "refused");
            try (ConversionCsvWriter writer = ConversionCsvWriter.builder().profile(profile).delimiter(delimiter)
                    .policy(WritePolicy.KEEP).build(alone, DAY)) {
                writer.write(refused.get(i));
                writer.finish();
            }
            ValidationReport report = ConversionCsvWriterTest.validate(
                    alone.resolve("conversion-export-2020-09-22.csv"), delimiter, profile);
            assertThat(report.violations()).filteredOn(Violation::isError).first()
                    .extracting(Violation::code).as("row %s", refused.get(i)).isEqualTo(codes.get(i));
        }
    }

    /**
     * Under maxFileBytes the writer refuses exactly the row that would take the file past the limit: it counts a
     * row's bytes as they are written (UTF-8, wide characters, quotes and doubled quotes, line breaks, a delimiter of
     * two bytes). The file without that row is within the limit and validate reads it to its end; the same rows
     * with it, written without the limit, are past it.
     */
    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|', ' ', '\u00A7'})
    void maxFileBytesRefusesExactlyTheRowThatWouldPassIt(char delimiter) throws IOException {
        Random random = new Random(delimiter * 7L);
        for (int round = 0; round < 20; round++) {
            long limit = 200 + random.nextInt(5000);
            CsvLimits limits = CsvLimits.builder().maxFileBytes(limit).build();
            Path day = Files.createTempDirectory(folder, "bytes");
            List<String[]> written = new ArrayList<>();
            String[] refused = null;
            ValidationReport report;
            try (ConversionCsvWriter writer = ConversionCsvWriter.builder().profile(ALL_COLUMNS).delimiter(delimiter)
                    .limits(limits).policy(WritePolicy.KEEP).maxViolations(100_000).build(day, DAY)) {
                while (refused == null) {
                    String[] record = textRecord(random, ALL_COLUMNS);
                    try {
                        writer.writeRecord(record);
                        written.add(record);
                    } catch (ConversionDataException e) {
                        assertThat(e.code()).isEqualTo(ViolationCode.RECORD_TOO_LARGE);
                        assertThat(e.getMessage()).contains("the limit maxFileBytes is");
                        refused = record;
                    }
                }
                report = writer.finish();
            }
            Path file = day.resolve("conversion-export-2020-09-22.csv");
            assertThat(Files.size(file)).isLessThanOrEqualTo(limit);
            try (RecordSource source = ConversionCsvReader.builder().profile(ALL_COLUMNS).delimiter(delimiter)
                    .limits(limits).source(file)) {
                assertThat(report).isEqualTo(ConversionValidator.builder().maxViolations(100_000).build()
                        .validate(source));
            }
            Path whole = Files.createTempDirectory(folder, "whole");
            try (ConversionCsvWriter writer = ConversionCsvWriter.builder().profile(ALL_COLUMNS).delimiter(delimiter)
                    .policy(WritePolicy.KEEP).build(whole, DAY)) {
                for (String[] record : written) {
                    writer.writeRecord(record);
                }
                writer.writeRecord(refused);
                writer.finish();
            }
            assertThat(Files.size(whole.resolve("conversion-export-2020-09-22.csv"))).isGreaterThan(limit);
        }
    }

    /** A random row, or {@code null} when the random values make no {@code ConversionRow} (a blank URL). */
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

    private static String[] textRecord(Random random, ConversionProfile profile) {
        int size = profile.columns().size() + (random.nextInt(10) == 0 ? random.nextInt(3) - 1 : 0);
        String[] values = new String[size];
        for (int i = 0; i < size; i++) {
            var field = i < profile.columns().size() ? profile.columns().field(i) : null;
            values[i] = field == null ? pick(random, TEXTS) : switch (field) {
                case URL -> pick(random, URLS);
                case DATE -> pick(random, TEXT_DATES);
                case TRANSACTIONS, REVENUE -> pick(random, TEXT_NUMBERS);
                default -> random.nextBoolean() ? "" : pick(random, TEXTS);
            };
        }
        return values;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
