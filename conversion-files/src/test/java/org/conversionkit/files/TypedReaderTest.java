package org.conversionkit.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.json.ConversionJsonReader;
import org.conversionkit.json.CrmFeedReader;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.TypedReader;
import org.conversionkit.model.TypedReaderBuilder;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.FeedValidator;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three readers as the one interface they share, {@link TypedReader}, built through {@link TypedReaderBuilder}:
 * written once against the interface, a count of rows agrees with the validator's report on the same input, from
 * every kind of input a builder takes, and a source refuses a strategy set for readers.
 */
class TypedReaderTest {

    /** Three valid rows, a blank line, one invalid row (a relative URL): 4 records, 1 skipped. */
    private static final String CSV = """
            https://example.com/a,2020-09-22,organic,1,10.5
            https://example.com/b,2020-09-22,organic,2,20

            /relative,2020-09-22,organic,1,1
            https://example.com/c,2020-09-22,paid,3,30
            """;
    private static final String JSON = """
            {"url":"https://example.com/a","date":"2020-09-22","channel":"organic","transactions":1,"revenue":10.5}
            {"url":"https://example.com/b","date":"2020-09-22","channel":"organic","transactions":2,"revenue":20}

            {"url":"/relative","date":"2020-09-22","channel":"organic","transactions":1,"revenue":1}
            {"url":"https://example.com/c","date":"2020-09-22","channel":"paid","transactions":3,"revenue":30}
            """;
    /** A snapshot feed whose third record repeats an id: an error. */
    private static final String FEED = """
            {"orderId":"A1","createdAt":"2020-01-10","updatedAt":"2020-01-20T10:00:00Z"}
            {"orderId":"A2","createdAt":"2020-01-10","updatedAt":"2020-01-20T10:00:00Z"}

            {"orderId":"A1","createdAt":"2020-01-11","updatedAt":"2020-01-20T11:00:00Z"}
            {"orderId":"A3","createdAt":"2020-01-12","updatedAt":"2020-01-20T12:00:00Z"}
            """;

    /** One way to read an input: a builder's {@code build} or {@code source} overload. */
    enum Input {
        PATH, STREAM, NAMED_STREAM, READER
    }

    @TempDir
    Path folder;

    static Stream<Arguments> readers() {
        List<Arguments> all = new ArrayList<>();
        for (Input input : Input.values()) {
            all.add(Arguments.of("csv", input, CSV, (Supplier<TypedReaderBuilder<?, ?>>) ConversionCsvReader::builder));
            all.add(Arguments.of("json", input, JSON,
                    (Supplier<TypedReaderBuilder<?, ?>>) ConversionJsonReader::builder));
            all.add(Arguments.of("crm", input, FEED, (Supplier<TypedReaderBuilder<?, ?>>) CrmFeedReader::builder));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("readers")
    void aReaderWrittenAgainstTheInterfaceAgreesWithTheReport(String kind, Input input, String text,
            Supplier<TypedReaderBuilder<?, ?>> builders) throws IOException {
        long delivered;
        long lastLine;
        long read;
        long skipped;
        long blank;
        try (TypedReader<?> reader = build(builders.get().invalidRecords(InvalidRecordStrategy.SKIP), input, text)) {
            delivered = reader.stream().count();
            lastLine = reader.lastLine();
            read = reader.recordsRead();
            skipped = reader.recordsSkipped();
            blank = reader.blankLines();
        }
        ValidationReport report;
        try (RecordSource source = source(builders.get(), input, text)) {
            report = kind.equals("crm") ? FeedValidator.builder().build().validate(source)
                    : ConversionValidator.builder().build().validate(source);
        }
        assertThat(read).isEqualTo(report.records()).isEqualTo(4);
        assertThat(skipped).isEqualTo(report.invalidRecords()).isEqualTo(1);
        assertThat(delivered).isEqualTo(report.validRecords()).isEqualTo(3);
        assertThat(blank).isEqualTo(report.blankLines()).isEqualTo(1);
        assertThat(lastLine).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("readers")
    void aSourceRefusesTheStrategyOfReaders(String kind, Input input, String text,
            Supplier<TypedReaderBuilder<?, ?>> builders) {
        TypedReaderBuilder<?, ?> builder = builders.get().invalidRecords(InvalidRecordStrategy.FAIL);
        assertThatThrownBy(() -> source(builder, input, text)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("readers")
    void aClosedReaderOrSourceRefusesToReadOn(String kind, Input input, String text,
            Supplier<TypedReaderBuilder<?, ?>> builders) throws IOException {
        RecordSource source = source(builders.get(), input, text);
        assertThat(source.next()).isNotNull();
        source.close();
        source.close();
        // Not the end of the records, which a caller would take for a short file.
        assertThatThrownBy(source::next).isInstanceOf(IllegalStateException.class)
                .hasMessage("the record source is closed");
        TypedReader<?> reader = build(builders.get().invalidRecords(InvalidRecordStrategy.SKIP), input, text);
        Iterator<?> rows = reader.iterator();
        assertThat(rows.next()).isNotNull();
        reader.close();
        assertThatThrownBy(rows::hasNext).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private TypedReader<?> build(TypedReaderBuilder<?, ?> builder, Input input, String text) throws IOException {
        return switch (input) {
            case PATH -> builder.build(file(text));
            case STREAM -> builder.build(bytes(text));
            case NAMED_STREAM -> builder.build("upload.txt", bytes(text));
            case READER -> builder.build(new StringReader(text));
        };
    }

    private RecordSource source(TypedReaderBuilder<?, ?> builder, Input input, String text) throws IOException {
        return switch (input) {
            case PATH -> builder.source(file(text));
            case STREAM -> builder.source(bytes(text));
            case NAMED_STREAM -> builder.source("upload.txt", bytes(text));
            case READER -> builder.source(new StringReader(text));
        };
    }

    private Path file(String text) throws IOException {
        return Files.writeString(folder.resolve("input-" + System.nanoTime()), text, UTF_8);
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(UTF_8));
    }
}
