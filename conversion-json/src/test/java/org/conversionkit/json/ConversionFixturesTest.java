package org.conversionkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.conversionkit.json.internal.JsonRecordSource;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.model.internal.ConversionFileCheck;
import org.conversionkit.spec.Expect;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code spec/json.json}, read as bytes and (when it is text) as chars, through {@code source(...)}
 * and the model's {@link ConversionFileCheck} (the mapper's field rules and the rule across rows), as the validator
 * reads it; and through the typed reader, which must deliver exactly the rows the mapping gives.
 */
class ConversionFixturesTest {

    static Stream<Arguments> fixtures() {
        return Spec.load("json.json").cases().stream().flatMap(c -> c.input().readableAsText()
                ? Stream.of(Arguments.of(c, "bytes"), Arguments.of(c, "chars"))
                : Stream.of(Arguments.of(c, "bytes")));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("fixtures")
    void fixture(SpecCase c, String input) {
        c.node().only("id", "why", "input", "options", "expect");
        Node expect = c.expect().only("form", "blankLines", "records");
        boolean chars = input.equals("chars");
        ConversionProfile profile = JsonCases.conversionProfile(c.options());
        ConversionJsonReader.Builder builder = ConversionJsonReader.builder().profile(profile);
        // The mapper's field rules and the rule across rows (DUPLICATE_ROW), as the validator applies them.
        ConversionFileCheck mapper = new ConversionFileCheck(profile, null);

        List<Object> records = new ArrayList<>();
        List<ConversionRow> rows = new ArrayList<>();
        try (RecordSource source = JsonCases.source(builder, c, chars)) {
            assertThat(source.format()).isEqualTo("json");
            assertThat(((JsonRecordSource) source).form()).hasToString(expect.text("form"));
            RawRecord record;
            while ((record = source.next()) != null) {
                assertThat(record.record()).isEqualTo(records.size() + 1);
                List<Violation> violations = new ArrayList<>();
                ConversionRow row = mapper.map(record, violations::add);
                for (Violation violation : violations) {
                    assertThat(violation.record()).as("the record of %s", violation).isEqualTo(record.record());
                }
                records.add(JsonCases.record(record, violations, row));
                if (row != null) {
                    rows.add(row);
                }
            }
            assertThat(source.next()).isNull();
            assertThat(source.blankLines()).as("blank lines").isEqualTo(expect.longValue("blankLines"));
        }
        Expect.check(expect.get("records"), records);

        builder.invalidRecords(InvalidRecordStrategy.SKIP);
        try (ConversionJsonReader reader = chars ? builder.build(new StringReader(c.input().text()))
                : builder.build(new ByteArrayInputStream(c.input().bytes()))) {
            assertThat(reader.form()).hasToString(expect.text("form"));
            assertThat(reader.stream().toList()).containsExactlyElementsOf(rows);
            assertThat(reader.recordsRead()).isEqualTo(records.size());
            assertThat(reader.recordsSkipped()).isEqualTo(records.size() - rows.size());
            assertThat(reader.blankLines()).isEqualTo(expect.longValue("blankLines"));
        }
    }
}
