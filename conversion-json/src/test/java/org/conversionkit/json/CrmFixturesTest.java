package org.conversionkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.conversionkit.json.internal.JsonRecordSource;
import org.conversionkit.model.CrmMapper;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.spec.Expect;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code spec/crm.json}: through {@code source(...)} and the model's {@link CrmMapper} (no extras,
 * as the validator reads), and through the typed reader, whose records carry their extras with their JSON types.
 */
class CrmFixturesTest {

    static Stream<Arguments> fixtures() {
        return Spec.load("crm.json").cases().stream()
                .flatMap(c -> Stream.of(Arguments.of(c, "bytes"), Arguments.of(c, "chars")));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("fixtures")
    void fixture(SpecCase c, String input) {
        c.node().only("id", "why", "input", "options", "expect");
        Node expect = c.expect().only("form", "blankLines", "records");
        boolean chars = input.equals("chars");
        CrmProfile profile = JsonCases.crmProfile(c.options());
        CrmFeedReader.Builder builder = CrmFeedReader.builder().profile(profile);
        CrmMapper mapper = CrmMapper.of(profile.idField());

        List<Object> records = new ArrayList<>();
        try (RecordSource source = JsonCases.source(builder, c, chars)) {
            assertThat(((JsonRecordSource) source).form()).hasToString(expect.text("form"));
            RawRecord record;
            while ((record = source.next()) != null) {
                assertThat(record.extras()).isEmpty();
                List<Violation> violations = new ArrayList<>();
                CrmRecord crm = mapper.map(record, violations::add);
                for (Violation violation : violations) {
                    assertThat(violation.record()).as("the record of %s", violation).isEqualTo(record.record());
                }
                records.add(JsonCases.record(record, violations, crm));
            }
            assertThat(source.blankLines()).isEqualTo(expect.longValue("blankLines"));
        }
        // A source keeps no extras: the typed reader's records hold them, below.
        assertThat(Expect.differences(expect.get("records"), records, Set.of("extras"))).isEmpty();

        builder.invalidRecords(InvalidRecordStrategy.SKIP);
        List<Node> expected = expect.get("records").list().stream().filter(r -> !r.get("row").isNull())
                .map(r -> r.get("row")).toList();
        try (CrmFeedReader reader = chars ? builder.build(new StringReader(c.input().text()))
                : builder.build(new ByteArrayInputStream(c.input().bytes()))) {
            List<Object> typed = new ArrayList<>();
            for (CrmRecord crm : reader) {
                typed.add(JsonCases.row(crm));
            }
            assertThat(typed).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                Expect.check(expected.get(i), typed.get(i));
            }
            assertThat(reader.recordsRead()).isEqualTo(records.size());
            assertThat(reader.recordsSkipped()).isEqualTo(records.size() - typed.size());
            assertThat(reader.blankLines()).isEqualTo(expect.longValue("blankLines"));
            assertThat(reader.form()).hasToString(expect.text("form"));
        }
    }
}
