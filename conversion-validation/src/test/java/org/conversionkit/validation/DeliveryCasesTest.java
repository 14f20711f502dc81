package org.conversionkit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.Violation;
import org.conversionkit.spec.Expect;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the delivery-set cases of {@code spec/validation/deliveries.json}. */
class DeliveryCasesTest {

    static List<SpecCase> cases() {
        return Spec.load("validation/deliveries.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportMatchesTheCase(SpecCase c) {
        c.node().only("id", "why", "options", "input", "expect");
        Node options = c.options().only("strict", "maxViolations");
        List<String> names = c.get("input").only("names").get("names").texts();
        Strictness strictness = options.bool("strict", false) ? Strictness.STRICT : Strictness.STANDARD;
        int max = (int) options.longValue("maxViolations", DeliveryValidator.DEFAULT_MAX_VIOLATIONS);
        DeliveryReport report = DeliveryValidator.validate(names, strictness, max);
        if (strictness == Strictness.STANDARD && max == DeliveryValidator.DEFAULT_MAX_VIOLATIONS) {
            assertThat(DeliveryValidator.validate(names)).isEqualTo(report);
        }

        List<Object> entries = new ArrayList<>();
        for (int i = 0; i < report.entries().size(); i++) {
            DeliveryEntry entry = report.entries().get(i);
            assertThat(entry.file()).isEqualTo(names.get(i));
            Map<String, @Nullable Object> rendered = new LinkedHashMap<>();
            rendered.put("valid", entry.valid());
            rendered.put("date", entry.date() == null ? null : entry.date().toString());
            rendered.put("errors", entry.errors());
            rendered.put("warnings", entry.warnings());
            rendered.put("truncated", entry.truncated());
            List<Object> violations = new ArrayList<>();
            for (Violation violation : entry.violations()) {
                assertThat(violation.line()).isZero();
                assertThat(violation.record()).isZero();
                assertThat(violation.message()).isNotBlank();
                Map<String, @Nullable Object> one = new LinkedHashMap<>();
                one.put("severity", violation.severity().label());
                one.put("code", violation.code().name());
                one.put("value", violation.value());
                violations.add(one);
            }
            rendered.put("violations", violations);
            entries.add(rendered);
        }
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("valid", report.valid());
        actual.put("entries", entries);
        Node expect = c.expect().only("valid", "entries");
        for (Node entry : expect.get("entries").list()) {
            assertThat(entry.keys()).as("every key of %s", entry.path())
                    .containsExactly("valid", "date", "errors", "warnings", "truncated", "violations");
        }
        Expect.check(expect, actual);
    }

    @Test
    void rejectsWrongArguments() {
        assertThatThrownBy(() -> DeliveryValidator.validate(Arrays.asList("a-2020-01-01.csv", null)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DeliveryValidator.validate(List.of(), Strictness.STANDARD, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxViolations");
        assertThatThrownBy(() -> DeliveryValidator.validate(List.of(), null, 1))
                .isInstanceOf(NullPointerException.class);
    }
}
