package org.conversionkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FieldDefaultsTest {

    static List<SpecCase> cases() {
        return Spec.load("model/field-defaults.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesAssignments(SpecCase c) {
        String assignment = c.get("input").text();
        Node expect = c.expect().only("field", "value", "error");
        if (expect.has("error")) {
            assertThatIllegalArgumentException().isThrownBy(() -> FieldDefaults.NONE.with(assignment))
                    .withMessageContaining(expect.text("error"));
            return;
        }
        Field field = Field.byName(expect.text("field")).orElseThrow();
        String value = expect.text("value");
        FieldDefaults defaults = FieldDefaults.NONE.with(assignment);
        assertThat(defaults.get(field)).isEqualTo(value);
        assertThat(defaults.asMap()).containsExactly(Map.entry(field, value));
        assertThat(defaults).isEqualTo(FieldDefaults.NONE.with(field, value));
    }

    @Test
    void isImmutable() {
        FieldDefaults organic = FieldDefaults.NONE.with("channel=organic");
        FieldDefaults both = organic.with(Field.DEVICE, "mobile");
        FieldDefaults replaced = both.with(Field.CHANNEL, "social");
        assertThat(FieldDefaults.NONE.asMap()).isEmpty();
        assertThat(organic.asMap()).containsOnlyKeys(Field.CHANNEL);
        assertThat(both.asMap()).containsExactly(Map.entry(Field.CHANNEL, "organic"), Map.entry(Field.DEVICE, "mobile"));
        assertThat(replaced.get(Field.CHANNEL)).isEqualTo("social");
        assertThat(both.get(Field.CHANNEL)).isEqualTo("organic");
        assertThat(both).isNotEqualTo(replaced).hasToString("FieldDefaults{CHANNEL=organic, DEVICE=mobile}");
        assertThat(both.hashCode()).isEqualTo(organic.with("device=mobile").hashCode());
    }
}
