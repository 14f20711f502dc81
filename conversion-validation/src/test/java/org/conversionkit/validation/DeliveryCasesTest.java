package org.conversionkit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the delivery-set cases of {@code delivery-cases.txt}. */
class DeliveryCasesTest {

    static List<Fixtures.Case> cases() {
        return Fixtures.read("delivery-cases.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportMatchesTheCase(Fixtures.Case c) {
        List<String> names = c.all("name").stream().map(Fixtures.Line::value).toList();
        Strictness strictness = c.has("strict") ? Strictness.STRICT : Strictness.STANDARD;
        int max = Integer.parseInt(c.one("max-violations", String.valueOf(DeliveryValidator.DEFAULT_MAX_VIOLATIONS)));
        DeliveryReport report = DeliveryValidator.validate(names, strictness, max);
        if (strictness == Strictness.STANDARD && max == DeliveryValidator.DEFAULT_MAX_VIOLATIONS) {
            assertThat(DeliveryValidator.validate(names)).isEqualTo(report);
        }

        assertThat("valid=" + report.valid()).isEqualTo(c.one("expect", ""));
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (Fixtures.Line line : c.lines()) {
            if (line.key().equals("entry")) {
                expected.add(line.arg() + ": " + line.value());
            } else if (line.key().equals("violation")) {
                expected.add(line.arg() + ": " + line.value());
            }
        }
        List<Fixtures.Line> violationLines = c.all("violation");
        for (int i = 0; i < report.entries().size(); i++) {
            DeliveryEntry entry = report.entries().get(i);
            String number = String.valueOf(i + 1);
            assertThat(entry.file()).isEqualTo(names.get(i));
            actual.add(number + ": valid=" + entry.valid() + " date=" + (entry.date() == null ? "none" : entry.date())
                    + " errors=" + entry.errors() + " warnings=" + entry.warnings()
                    + " truncated=" + entry.truncated());
            List<Fixtures.Line> mine = violationLines.stream().filter(line -> line.arg().equals(number)).toList();
            for (int j = 0; j < entry.violations().size(); j++) {
                Violation violation = entry.violations().get(j);
                assertThat(violation.line()).isZero();
                assertThat(violation.record()).isZero();
                assertThat(violation.message()).isNotBlank();
                boolean withValue = j < mine.size() && mine.get(j).value().contains(" = ");
                actual.add(number + ": " + violation.severity().label() + " " + violation.code()
                        + (withValue ? " = " + violation.value() : ""));
            }
        }
        assertThat(actual).as("entries and their violations").isEqualTo(expected);
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
