package org.conversionkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CrmMapperTest {

    static List<Object[]> cases() {
        return Fixtures.read(CrmMapperTest.class, "crm-mapper-cases.tsv", 10);
    }

    @ParameterizedTest(name = "{index}: {1} {2} {3} {4} {5} {6} {7} -> {8}")
    @MethodSource("cases")
    void mapsEveryCase(String idField, String id, String createdAt, String updatedAt, String currency, String total,
            String status, String userId, String violations, String expected) {
        int at = idField.indexOf('@');
        CrmMapper mapper = at < 0 ? CrmMapper.of(idField) : CrmMapper.of(CrmProfile.builder()
                .idField(idField.substring(0, at)).feedZone(ZoneId.of(idField.substring(at + 1))).build());
        RawRecord record = RecordCells.record(3, 2, id, createdAt, updatedAt, currency, total, status, userId);
        List<Violation> found = new ArrayList<>();
        CrmRecord result = mapper.map(record, found::add);

        assertThat(RecordCells.codes(found)).isEqualTo(Fixtures.list(violations));
        assertThat(result == null).isEqualTo(found.stream().anyMatch(Violation::isError));
        for (Violation violation : found) {
            assertThat(violation.line()).isEqualTo(3);
            assertThat(violation.record()).isEqualTo(2);
            assertThat(violation.message()).isNotBlank();
        }
        if (expected.equals("~")) {
            assertThat(result).isNull();
        } else {
            assertThat(String.join("|", result.id(), result.createdAt().toString(), result.updatedAt().toString(),
                    RecordCells.cell(result.currency()), RecordCells.cell(result.total()),
                    RecordCells.cell(result.status()), RecordCells.cell(result.userId()))).isEqualTo(expected);
        }
    }

    @Test
    void namesTheIdField() {
        assertThat(CrmMapper.standard().idField()).isEqualTo("orderId");
        CrmMapper leads = CrmMapper.of("leadId");
        assertThat(leads.nameOf(CrmField.ID)).isEqualTo("leadId");
        assertThat(leads.nameOf(CrmField.UPDATED_AT)).isEqualTo("updatedAt");
        assertThat(CrmMapper.of("orderId").idField()).isEqualTo("orderId");
        assertThatIllegalArgumentException().isThrownBy(() -> CrmMapper.of(" ")).withMessageContaining("blank");
        assertThatIllegalArgumentException().isThrownBy(() -> CrmMapper.of("createdAt"))
                .withMessageContaining("a CRM field of its own");
    }

    @Test
    void keepsExtraFieldsInOrder() {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("channel", "email");
        extras.put("items", List.of(1L, 2L));
        extras.put("coupon", null);
        RawRecord record = RawRecord.of(1, 1, new String[] {"N1", "2020-01-10", "2020-01-15"},
                new ValueKind[] {ValueKind.STRING, ValueKind.STRING, ValueKind.STRING}, List.of(), extras);
        CrmRecord result = CrmMapper.standard().map(record, violation -> { });
        assertThat(result.extras()).containsExactly(Map.entry("channel", "email"), Map.entry("items", List.of(1L, 2L)),
                new java.util.AbstractMap.SimpleEntry<>("coupon", null));
    }

    @Test
    void passesOnlyTheReadersViolationsForARejectedRecord() {
        Violation notAnObject = Violation.of(ViolationCode.NOT_AN_OBJECT, 4, 4, null, "[1]", "not an object");
        List<Violation> found = new ArrayList<>();
        assertThat(CrmMapper.standard().map(RawRecord.rejected(4, 4, List.of(notAnObject)), found::add)).isNull();
        assertThat(found).containsExactly(notAnObject);
    }
}
