package org.conversionkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConversionMapperTest {

    static List<Object[]> cases() {
        return Fixtures.read(ConversionMapperTest.class, "conversion-mapper-cases.tsv", 10);
    }

    @ParameterizedTest(name = "{index}: {2} {3} {4} {5} {6} {7} -> {8}")
    @MethodSource("cases")
    void mapsEveryCase(String expectedDate, String defaults, String url, String date, String channel, String device,
            String transactions, String revenue, String violations, String row) {
        FieldDefaults fieldDefaults = FieldDefaults.NONE;
        if (!defaults.equals("~")) {
            for (String assignment : defaults.split(";")) {
                fieldDefaults = fieldDefaults.with(assignment);
            }
        }
        ConversionMapper mapper = ConversionMapper.builder().defaults(fieldDefaults)
                .expectedDate(expectedDate.equals("~") ? null : LocalDate.parse(expectedDate)).build();
        RawRecord record = RecordCells.record(7, 5, url, date, channel, device, transactions, revenue);

        List<Violation> mapped = new ArrayList<>();
        ConversionRow result = mapper.map(record, mapped::add);
        List<Violation> checked = new ArrayList<>();
        boolean valid = mapper.check(record, checked::add);

        assertThat(RecordCells.codes(mapped)).isEqualTo(Fixtures.list(violations));
        assertThat(checked).isEqualTo(mapped);
        assertThat(valid).isEqualTo(result != null);
        assertThat(valid).isEqualTo(mapped.stream().noneMatch(Violation::isError));
        for (Violation violation : mapped) {
            assertThat(violation.line()).isEqualTo(7);
            assertThat(violation.record()).isEqualTo(5);
            assertThat(violation.severity()).isEqualTo(violation.code().defaultSeverity());
            assertThat(violation.message()).isNotBlank();
        }
        if (row.equals("~")) {
            assertThat(result).isNull();
        } else {
            assertThat(String.join("|", result.url(), result.date().toString(), RecordCells.cell(result.channel()),
                    RecordCells.cell(result.device()), RecordCells.cell(result.transactions()),
                    RecordCells.cell(result.revenue()))).isEqualTo(row);
        }
    }

    @Test
    void aTotalsRowSaysSo() {
        ConversionMapper mapper = ConversionMapper.builder().expectedDate(LocalDate.of(2020, 9, 22)).build();
        for (String[] values : new String[][] {{"Total", ""}, {"Grand total", null}, {" sum: ", "   "}, {"", "TOTALS"},
            {"Subtotal", "n/a"}}) {
            List<Violation> found = new ArrayList<>();
            RawRecord record = RecordCells.record(3, 3, "S:" + values[0], values[1] == null ? "~" : "S:" + values[1],
                    "~", "~", "~", "S:30.0");
            assertThat(mapper.check(record, found::add)).isFalse();
            assertThat(found).singleElement().satisfies(v -> assertThat(v.message())
                    .contains("looks like a totals row").contains("a file holds one report"));
        }
        List<Violation> dated = new ArrayList<>();
        mapper.check(RecordCells.record(3, 3, "S:Total", "S:2020-09-22", "~", "~", "~", "~"), dated::add);
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
        RawRecord record = RecordCells.record(1, 1, "S:" + huge, "S:" + huge, "~", "~", "S:" + huge, "S:" + huge);
        List<Violation> found = new ArrayList<>();
        ConversionMapper.builder().expectedDate(LocalDate.of(2020, 9, 22)).build().check(record, found::add);
        assertThat(found).hasSize(4).allSatisfy(violation -> {
            assertThat(violation.value()).hasSize(Violation.MAX_VALUE_LENGTH);
            assertThat(violation.message().length()).isLessThan(1_000);
        });
    }

    @Test
    void revenueKeepsItsScale() {
        RawRecord record = RecordCells.record(1, 1, "S:https://d.tld", "S:2020-09-22", "~", "~", "~", "D:10.50");
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
