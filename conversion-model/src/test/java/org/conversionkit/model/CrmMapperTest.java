package org.conversionkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conversionkit.spec.Expect;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CrmMapperTest {

    static List<SpecCase> cases() {
        return Spec.load("model/crm-mapper.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mapsEveryCase(SpecCase c) {
        Node options = c.options().only("idField", "feedZone");
        String idField = options.text("idField");
        CrmMapper mapper = !options.has("feedZone") ? CrmMapper.of(idField) : CrmMapper.of(CrmProfile.builder()
                .idField(idField).feedZone(ZoneId.of(options.text("feedZone"))).build());
        RawRecord record = RecordCells.record(3, 2, c.get("input"), RecordCells.CRM_FIELDS);
        List<Violation> found = new ArrayList<>();
        CrmRecord result = mapper.map(record, found::add);
        Node expect = c.expect().only("violations", "row");

        Expect.check(expect.get("violations"), Expect.plain(found));
        assertThat(result == null).isEqualTo(found.stream().anyMatch(Violation::isError));
        for (Violation violation : found) {
            assertThat(violation.line()).isEqualTo(3);
            assertThat(violation.record()).isEqualTo(2);
            assertThat(violation.message()).isNotBlank();
        }
        // Date-times and the total as text (a decimal's text says its scale); the extras are not the mapper's.
        Expect.check(expect.get("row"), Expect.plain(result, CrmDateTime.class, BigDecimal.class));
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

    /**
     * A record checks its extras as it checks its other arguments: a field has a name, and so has every key of an
     * object within one, however deep (walked without recursion, and once each, so a map that holds itself ends).
     */
    @Test
    void aRecordRefusesAnExtraOrANestedKeyWithoutAName() {
        CrmDateTime day = CrmDateTime.parse("2020-01-10");
        Map<String, @Nullable Object> extras = new LinkedHashMap<>();
        extras.put("channel", "email");
        extras.put(null, "x");
        assertThatNullPointerException().isThrownBy(() -> new CrmRecord("N1", day, day, null, null, null, null, extras))
                .withMessage("extras holds a null key: every field of a record has a name");

        Map<@Nullable String, Object> item = new HashMap<>();
        item.put("sku", "A1");
        item.put(null, 2L);
        Object deep = List.of(item);
        for (int i = 0; i < 100_000; i++) {
            deep = i % 2 == 0 ? List.of(deep) : Map.of("k", deep);
        }
        for (Object items : List.of(List.of(item), Map.of("first", item), deep)) {
            assertThatNullPointerException().isThrownBy(() -> new CrmRecord("N1", day, day, null, null, null, null,
                    Map.of("channel", "email", "items", items)))
                    .withMessage("extras 'items' holds an object with a null key: every key of a JSON object is a name");
        }

        Map<String, Object> self = new HashMap<>();
        self.put("sku", "A1");
        self.put("self", self);
        List<Object> twice = List.of(self, self);
        CrmRecord record = new CrmRecord("N1", day, day, null, null, null, null, Map.of("items", twice));
        assertThat(record.extras().get("items")).isSameAs(twice);
    }

    @Test
    void passesOnlyTheReadersViolationsForARejectedRecord() {
        Violation notAnObject = Violation.of(ViolationCode.NOT_AN_OBJECT, 4, 4, null, "[1]", "not an object");
        List<Violation> found = new ArrayList<>();
        assertThat(CrmMapper.standard().map(RawRecord.rejected(4, 4, List.of(notAnObject)), found::add)).isNull();
        assertThat(found).containsExactly(notAnObject);
    }
}
