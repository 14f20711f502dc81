package org.conversionkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conversionkit.spec.Expect;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConversionMapperTest {

    static List<SpecCase> cases() {
        return Spec.load("model/conversion-mapper.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mapsEveryCase(SpecCase c) {
        Node options = c.options().only("date", "defaults");
        FieldDefaults fieldDefaults = FieldDefaults.NONE;
        for (Map.Entry<String, Node> assignment : options.getOrEmpty("defaults").fields().entrySet()) {
            fieldDefaults = fieldDefaults.with(assignment.getKey() + "=" + assignment.getValue().text());
        }
        ConversionMapper mapper = ConversionMapper.builder().defaults(fieldDefaults)
                .expectedDate(options.has("date") ? LocalDate.parse(options.text("date")) : null).build();
        RawRecord record = RecordCells.record(7, 5, c.get("input"), RecordCells.CONVERSION_FIELDS);
        Node expect = c.expect().only("violations", "row");

        List<Violation> mapped = new ArrayList<>();
        ConversionRow result = mapper.map(record, mapped::add);
        List<Violation> checked = new ArrayList<>();
        boolean valid = mapper.check(record, checked::add);

        Expect.check(expect.get("violations"), Expect.plain(mapped));
        assertThat(checked).isEqualTo(mapped);
        assertThat(valid).isEqualTo(result != null);
        assertThat(valid).isEqualTo(mapped.stream().noneMatch(Violation::isError));
        for (Violation violation : mapped) {
            assertThat(violation.line()).isEqualTo(7);
            assertThat(violation.record()).isEqualTo(5);
            assertThat(violation.severity()).isEqualTo(violation.code().defaultSeverity());
            assertThat(violation.message()).isNotBlank();
        }
        // The revenue as text: a decimal's text says its scale.
        Expect.check(expect.get("row"), Expect.plain(result, BigDecimal.class));
    }

    @Test
    void aTotalsRowSaysSo() {
        ConversionMapper mapper = ConversionMapper.builder().expectedDate(LocalDate.of(2020, 9, 22)).build();
        for (String[] values : new String[][] {{"Total", ""}, {"Grand total", null}, {" sum: ", "   "}, {"", "TOTALS"},
            {"Subtotal", "n/a"}}) {
            List<Violation> found = new ArrayList<>();
            RawRecord record = RecordCells.strings(3, 3, values[0], values[1], null, null, null, "30.0");
            assertThat(mapper.check(record, found::add)).isFalse();
            assertThat(found).singleElement().satisfies(v -> assertThat(v.message())
                    .contains("looks like a totals row").contains("a file holds one report"));
        }
        List<Violation> dated = new ArrayList<>();
        mapper.check(RecordCells.strings(3, 3, "Total", "2020-09-22", null, null, null, null), dated::add);
        assertThat(dated).singleElement().satisfies(v -> assertThat(v.message()).doesNotContain("totals row"));
    }

    @Test
    void passesOnlyTheReadersViolationsForARejectedRecord() {
        Violation header = Violation.of(ViolationCode.HEADER_ROW, 1, 1, null, "url,date", "a header");
        RawRecord record = RawRecord.rejected(1, 1, List.of(header));
        List<Violation> found = new ArrayList<>();
        assertThat(ConversionMapper.builder().build().map(record, found::add)).isNull();
        assertThat(found).containsExactly(header);
    }

    @Test
    void passesTheReadersWarningsAndMapsTheRecord() {
        Violation unknown = Violation.of(ViolationCode.UNKNOWN_FIELD, 2, 2, "price", "3", "an unknown field");
        RawRecord record = RawRecord.of(2, 2, new String[] {"https://d.tld", "2020-09-22"},
                new ValueKind[] {ValueKind.STRING, ValueKind.STRING}, List.of(unknown), null);
        List<Violation> found = new ArrayList<>();
        ConversionRow row = ConversionMapper.builder().build().map(record, found::add);
        assertThat(found).containsExactly(unknown);
        assertThat(row).isEqualTo(new ConversionRow("https://d.tld", LocalDate.of(2020, 9, 22), null, null, null,
                null));
    }

    @Test
    void keepsMessagesShortForHugeValues() {
        String huge = "x".repeat(1_000_000);
        RawRecord record = RecordCells.strings(1, 1, huge, huge, null, null, huge, huge);
        List<Violation> found = new ArrayList<>();
        ConversionMapper.builder().expectedDate(LocalDate.of(2020, 9, 22)).build().check(record, found::add);
        assertThat(found).hasSize(4).allSatisfy(violation -> {
            assertThat(violation.value()).hasSize(Violation.MAX_VALUE_LENGTH);
            assertThat(violation.message().length()).isLessThan(1_000);
        });
    }

    @Test
    void revenueKeepsItsScale() {
        RawRecord record = RawRecord.of(1, 1, new String[] {"https://d.tld", "2020-09-22", null, null, null, "10.50"},
                new ValueKind[] {ValueKind.STRING, ValueKind.STRING, null, null, null, ValueKind.DECIMAL}, List.of(),
                null);
        ConversionRow row = ConversionMapper.builder().build().map(record, violation -> { });
        assertThat(row.revenue()).isEqualTo(new BigDecimal("10.50"));
    }

    @Test
    void buildsWithDefaults() {
        ConversionMapper mapper = ConversionMapper.builder().build();
        assertThat(mapper.defaults()).isSameAs(FieldDefaults.NONE);
        assertThat(mapper.expectedDate()).isEmpty();
        assertThat(ConversionMapper.builder().expectedDate(LocalDate.of(2020, 9, 22)).build().expectedDate())
                .contains(LocalDate.of(2020, 9, 22));
    }
}
