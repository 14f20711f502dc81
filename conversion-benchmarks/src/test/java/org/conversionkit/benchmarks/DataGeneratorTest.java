package org.conversionkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.json.ConversionJsonReader;
import org.conversionkit.model.Field;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generated data is what the benchmarks say it is, and the validator finds exactly what it holds. */
class DataGeneratorTest {

    private static final int ROWS = 20_000;
    private static final String NAME = "conversion-export-" + DataGenerator.DATE;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"CSV, ',', .csv", "CSV, ';', .csv", "NDJSON, ',', .ndjson"})
    void theValidatorFindsWhatTheGeneratorWrote(DataGenerator.Format format, char delimiter, String extension)
            throws IOException {
        String text = generate(format, delimiter);
        assertThat(generate(format, delimiter)).as("deterministic").isEqualTo(text);
        DataGenerator.Counts counts = new DataGenerator(DataGenerator.SEED).write(new StringWriter(), format,
                delimiter, ROWS, 0);
        assertThat(counts.records()).isEqualTo(ROWS);
        assertThat(counts.invalidRecords()).as("errors: about 1.7%").isBetween(ROWS / 100L, ROWS / 40L);
        assertThat(counts.warnings()).as("warnings: about 0.6%").isBetween(ROWS / 400L, ROWS / 100L);
        ValidationReport report;
        try (RecordSource source = source(format, delimiter, text, NAME + extension)) {
            report = ConversionValidator.builder().build().validate(source);
        }
        assertThat(report.records()).isEqualTo(counts.records());
        assertThat(report.invalidRecords()).isEqualTo(counts.invalidRecords());
        assertThat(report.errors()).as("one error per invalid row").isEqualTo(counts.invalidRecords());
        assertThat(report.warnings()).isEqualTo(counts.warnings());
        assertThat(counts.bytes()).isEqualTo(text.length());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"','", "';'"})
    void urlsAreRealisticAndSomeAreQuoted(char delimiter) throws IOException {
        String text = generate(DataGenerator.Format.CSV, delimiter);
        int quoted = 0;
        int https = 0;
        try (RecordSource source = source(DataGenerator.Format.CSV, delimiter, text, NAME + ".csv")) {
            for (RawRecord record = source.next(); record != null; record = source.next()) {
                String url = record.value(Field.URL.ordinal());
                if (url != null && url.startsWith("https://")) {
                    https++;
                    assertThat(url.length()).as(url).isBetween(40, 120);
                }
            }
        }
        for (String line : text.split("\n")) {
            quoted += line.startsWith("\"") ? 1 : 0;
        }
        assertThat(https).isGreaterThan(ROWS * 97 / 100);
        assertThat(quoted).as("quoted URLs").isBetween(ROWS / 20, ROWS / 5);
    }

    private static String generate(DataGenerator.Format format, char delimiter) throws IOException {
        StringWriter out = new StringWriter();
        new DataGenerator(DataGenerator.SEED).write(out, format, delimiter, ROWS, 0);
        return out.toString();
    }

    private static RecordSource source(DataGenerator.Format format, char delimiter, String text, String name) {
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return format == DataGenerator.Format.CSV
                ? ConversionCsvReader.builder().delimiter(delimiter).source(name, in)
                : ConversionJsonReader.builder().source(name, in);
    }
}
