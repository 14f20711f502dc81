package org.conversionkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.LocalDate;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture under {@code fixtures/conversions}, read as bytes and (when it is text) as chars,
 * through {@code source(...)} and the model's {@link ConversionFileCheck} (the mapper's field rules and the
 * rule across rows), as the validator reads it;
 * and through the typed reader, which must deliver exactly the rows the mapping gives.
 */
class ConversionFixturesTest {

    static Stream<Arguments> fixtures() {
        return Fixture.all("conversions").flatMap(f -> f.readableAsChars()
                ? Stream.of(Arguments.of(f, "bytes"), Arguments.of(f, "chars"))
                : Stream.of(Arguments.of(f, "bytes")));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("fixtures")
    void fixture(Fixture fixture, String input) {
        ConversionProfile profile = ConversionProfile.builder().defaults(fixture.defaults())
                .date(fixture.expectedDate() == null ? null : LocalDate.parse(fixture.expectedDate())).build();
        ConversionJsonReader.Builder builder = ConversionJsonReader.builder().profile(profile);
        // The mapper's field rules and the rule across rows (DUPLICATE_ROW), as the validator applies them.
        ConversionFileCheck mapper = new ConversionFileCheck(profile, null);

        List<String> outcomes = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        List<ConversionRow> rows = new ArrayList<>();
        long records = 0;
        try (RecordSource source = "bytes".equals(input)
                ? builder.source(new ByteArrayInputStream(fixture.bytes()))
                : builder.source(new StringReader(fixture.chars()))) {
            assertThat(source.format()).isEqualTo("json");
            assertThat(((JsonRecordSource) source).form()).hasToString(fixture.form());
            RawRecord record;
            while ((record = source.next()) != null) {
                records++;
                assertThat(record.record()).isEqualTo(records);
                List<Violation> violations = new ArrayList<>();
                ConversionRow row = mapper.map(record, violations::add);
                for (Violation violation : violations) {
                    outcomes.add(Fixture.render(violation));
                    messages.add(violation.message());
                }
                if (row != null) {
                    outcomes.add(Fixture.render(record.record(), record.line(), row));
                    messages.add("");
                    rows.add(row);
                }
            }
            assertThat(source.next()).isNull();
            assertThat(source.blankLines()).as("blank lines").isEqualTo(fixture.blankLines());
        }
        assertThat(outcomes).containsExactlyElementsOf(fixture.outcomes());
        for (int i = 0; i < outcomes.size(); i++) {
            String fragment = fixture.fragments().get(i);
            if (fragment != null) {
                assertThat(messages.get(i)).as(outcomes.get(i)).contains(fragment);
            }
        }
        assertThat(records).as("records").isEqualTo(fixture.records());

        builder.invalidRecords(InvalidRecordStrategy.SKIP);
        try (ConversionJsonReader reader = "bytes".equals(input)
                ? builder.build(new ByteArrayInputStream(fixture.bytes()))
                : builder.build(new StringReader(fixture.chars()))) {
            assertThat(reader.form()).hasToString(fixture.form());
            assertThat(reader.stream().toList()).containsExactlyElementsOf(rows);
            assertThat(reader.recordsRead()).isEqualTo(records);
            assertThat(reader.recordsSkipped()).isEqualTo(records - rows.size());
            assertThat(reader.blankLines()).isEqualTo(fixture.blankLines());
        }
    }
}
