package org.conversionkit.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.Field;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.model.internal.ConversionFileCheck;
import org.conversionkit.spec.Expect;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads every case of {@code spec/csv.json} through {@code source(...)} and the {@link ConversionFileCheck} (the
 * mapper's field rules and the rule across rows), as the validator reads it, and holds every record to the case:
 * its line, its violations in order, its raw values and its typed row. Each input is read from a {@link Path}, an
 * {@code InputStream} and, when its bytes are plain UTF-8, a {@code Reader}; all must give the same result.
 */
class CsvFixturesTest {

    enum Input { PATH, STREAM, READER }

    static Stream<Arguments> fixtures() {
        List<Arguments> arguments = new ArrayList<>();
        for (SpecCase c : Spec.load("csv.json").cases()) {
            arguments.add(Arguments.of(c, Input.PATH));
            arguments.add(Arguments.of(c, Input.STREAM));
            if (c.input().readableAsText()) {
                arguments.add(Arguments.of(c, Input.READER));
            }
        }
        assertThat(arguments).hasSizeGreaterThan(150);
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("fixtures")
    void fixture(SpecCase c, Input input, @TempDir Path dir) throws IOException {
        c.node().only("id", "why", "input", "options", "expect");
        Node expect = c.expect().only("delimiter", "blankLines", "records");
        ConversionCsvReader.Builder builder = CsvCases.builder(c.options());
        // The mapper's field rules and the rule across rows (DUPLICATE_ROW), as the validator applies them.
        ConversionFileCheck mapper = new ConversionFileCheck(CsvCases.profile(c.options()), null);

        List<Object> records = new ArrayList<>();
        try (RecordSource source = switch (input) {
            case PATH -> builder.source(c.input().writeTo(dir));
            case STREAM -> builder.source(c.input().open());
            case READER -> builder.source(new StringReader(c.input().text()));
        }) {
            assertThat(source.format()).isEqualTo("csv");
            RawRecord record;
            while ((record = source.next()) != null) {
                List<Violation> found = new ArrayList<>();
                ConversionRow row = mapper.map(record, found::add);
                for (Violation violation : found) {
                    assertThat(violation.record()).as("the record of %s", violation).isEqualTo(record.record());
                }
                records.add(render(record, found, row));
            }
            assertThat(source.next()).as("after the end").isNull();
            Expect.check(expect.get("records"), records);
            if (expect.has("blankLines")) {
                assertThat(source.blankLines()).as("blank lines").isEqualTo(expect.longValue("blankLines"));
            }
            assertThat(source.delimiter()).as("delimiter").contains(expect.text("delimiter"));
        }
    }

    /** A record as a case gives it: record, line, violations, raw values, typed row. */
    static Map<String, @Nullable Object> render(RawRecord record, List<Violation> violations,
            @Nullable ConversionRow row) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        for (Field field : Field.values()) {
            values.put(field.fieldName(), record.value(field.ordinal()));
        }
        Map<String, @Nullable Object> rendered = new LinkedHashMap<>();
        rendered.put("record", record.record());
        rendered.put("line", record.line());
        rendered.put("violations", Expect.plain(violations));
        rendered.put("values", values);
        // The revenue as text: a decimal's text says its scale.
        rendered.put("row", Expect.plain(row, BigDecimal.class));
        return rendered;
    }
}
