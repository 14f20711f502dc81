package org.conversionkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.conversionkit.json.internal.JsonRecordSource;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmMapper;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture under {@code fixtures/crm}: through {@code source(...)} and the model's
 * {@link CrmMapper} (no extras, as the validator reads), and through the typed reader, whose
 * records carry their extras with their JSON types.
 */
class CrmFixturesTest {

    static Stream<Arguments> fixtures() {
        return Fixture.all("crm").flatMap(f -> Stream.of(Arguments.of(f, "bytes"), Arguments.of(f, "chars")));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("fixtures")
    void fixture(Fixture fixture, String input) {
        CrmFeedReader.Builder builder = CrmFeedReader.builder();
        if (fixture.idField() != null) {
            builder.profile(CrmProfile.builder().idField(fixture.idField()).build());
        }
        CrmMapper mapper = CrmMapper.of(fixture.idField() == null ? "orderId" : fixture.idField());

        List<String> outcomes = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        long records = 0;
        try (RecordSource source = "bytes".equals(input) ? builder.source(new ByteArrayInputStream(fixture.bytes()))
                : builder.source(new StringReader(fixture.chars()))) {
            assertThat(((JsonRecordSource) source).form()).hasToString(fixture.form());
            RawRecord record;
            while ((record = source.next()) != null) {
                records++;
                assertThat(record.extras()).isEmpty();
                List<Violation> violations = new ArrayList<>();
                CrmRecord crm = mapper.map(record, violations::add);
                for (Violation violation : violations) {
                    outcomes.add(Fixture.render(violation));
                    messages.add(violation.message());
                }
                if (crm != null) {
                    outcomes.add(render(record.record(), record.line(), crm, false));
                    messages.add("");
                }
            }
            assertThat(source.blankLines()).isEqualTo(fixture.blankLines());
        }
        List<String> withoutExtras = fixture.outcomes().stream()
                .map(line -> line.startsWith("record:") ? line.substring(0, line.lastIndexOf('|')) : line).toList();
        assertThat(outcomes).containsExactlyElementsOf(withoutExtras);
        for (int i = 0; i < outcomes.size(); i++) {
            String fragment = fixture.fragments().get(i);
            if (fragment != null) {
                assertThat(messages.get(i)).as(outcomes.get(i)).contains(fragment);
            }
        }
        assertThat(records).isEqualTo(fixture.records());

        builder.invalidRecords(InvalidRecordStrategy.SKIP);
        List<String> expected = fixture.outcomes().stream().filter(line -> line.startsWith("record:"))
                .map(line -> "record:" + line.substring(line.indexOf('|'))).toList();
        try (CrmFeedReader reader = "bytes".equals(input) ? builder.build(new ByteArrayInputStream(fixture.bytes()))
                : builder.build(new StringReader(fixture.chars()))) {
            List<String> typed = new ArrayList<>();
            for (CrmRecord crm : reader) {
                typed.add(render(0, 0, crm, true));
            }
            assertThat(typed).containsExactlyElementsOf(expected);
            assertThat(reader.recordsRead()).isEqualTo(records);
            assertThat(reader.recordsSkipped()).isEqualTo(records - typed.size());
            assertThat(reader.blankLines()).isEqualTo(fixture.blankLines());
            assertThat(reader.form()).hasToString(fixture.form());
        }
    }

    private static String render(long record, long line, CrmRecord crm, boolean extras) {
        String head = record == 0 ? "record:" : "record: " + record + " @" + line;
        return Fixture.normalize(head + " | " + crm.id() + " | " + crm.createdAt() + " | " + crm.updatedAt() + " | "
                + Fixture.orEmpty(crm.currency()) + " | " + Fixture.orEmpty(crm.total()) + " | "
                + Fixture.orEmpty(crm.status()) + " | " + Fixture.orEmpty(crm.userId())
                + (extras ? " | " + value(crm.extras()) : ""));
    }

    /** Renders an extra with its Java type: strings quoted, L for Long, N for BigInteger, D for BigDecimal. */
    static String value(@Nullable Object value) {
        if (value == null || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        if (value instanceof Long number) {
            return number + "L";
        }
        if (value instanceof BigInteger number) {
            return number + "N";
        }
        if (value instanceof BigDecimal number) {
            return number + "D";
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder("{");
            map.forEach((k, v) -> text.append(text.length() > 1 ? ", " : "").append(value(k)).append('=')
                    .append(value(v)));
            return text.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder("[");
            list.forEach(v -> text.append(text.length() > 1 ? ", " : "").append(value(v)));
            return text.append(']').toString();
        }
        throw new AssertionError("not a JSON value type: " + value.getClass());
    }
}
