package org.conversionkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FieldDefaultsTest {

    static List<Object[]> cases() {
        return Fixtures.read(FieldDefaultsTest.class, "field-defaults-cases.tsv", 3);
    }

    @ParameterizedTest(name = "{index}: {0} -> {1}")
    @MethodSource("cases")
    void parsesAssignments(String assignment, String expected, String message) {
        if (expected.equals("ERROR")) {
            assertThatIllegalArgumentException().isThrownBy(() -> FieldDefaults.NONE.with(assignment))
                    .withMessageContaining(message);
            return;
        }
        int equals = expected.indexOf('=');
        Field field = Field.byName(expected.substring(0, equals)).orElseThrow();
        FieldDefaults defaults = FieldDefaults.NONE.with(assignment);
        assertThat(defaults.get(field)).isEqualTo(expected.substring(equals + 1));
        assertThat(defaults.asMap()).containsExactly(Map.entry(field, expected.substring(equals + 1)));
        assertThat(defaults).isEqualTo(FieldDefaults.NONE.with(field, expected.substring(equals + 1)));
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
