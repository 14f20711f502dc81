package org.conversionkit.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NumberRulesTest {

    static List<SpecCase> cases() {
        return Spec.load("rules/number.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checksEveryCase(SpecCase c) {
        String rule = c.options().only("rule").text("rule");
        String value = c.get("input").textOrNull();
        Node expect = c.expect().only("verdict", "negative");
        String expected = expect.text("verdict");
        Problem problem = switch (rule) {
            case "integer" -> NumberRules.checkInteger("n", value);
            case "decimal" -> NumberRules.checkDecimal("n", value);
            case "json" -> NumberRules.checkJsonNumber("n", value);
            default -> throw new IllegalArgumentException(rule);
        };
        String reference = switch (rule) {
            case "integer" -> ReferenceRules.integer(value);
            case "decimal" -> ReferenceRules.decimal(value);
            default -> ReferenceRules.jsonNumber(value);
        };
        assertThat(reference).as("reference").isEqualTo(expected);
        if (expected.equals("VALID")) {
            assertThat(problem).isNull();
            assertThat(NumberRules.isNegative(value)).isEqualTo(expect.get("negative").bool());
            if (rule.equals("integer")) {
                assertThat(NumberRules.parseInteger(value)).isEqualTo(new BigInteger(value).longValueExact());
            }
        } else {
            assertThat(problem).isNotNull();
            assertThat(problem.code()).isEqualTo(ViolationCode.valueOf(expected));
            assertThat(problem.message()).startsWith("n ");
        }
    }

    @Test
    void hintsAtTheLikelyCause() {
        assertThat(NumberRules.checkDecimal("revenue", "10,5").message())
                .contains("decimal comma").contains("10.5").contains("105");
        assertThat(NumberRules.checkDecimal("revenue", "1,000.50").message()).contains("1000.50");
        assertThat(NumberRules.checkDecimal("revenue", "$10").message()).contains("currency sign");
        assertThat(NumberRules.checkDecimal("revenue", "1 000").message()).contains("spaces");
        assertThat(NumberRules.checkDecimal("revenue", "1e3").message()).contains("exponent");
        assertThat(NumberRules.checkInteger("transactions", "2.0").message()).contains("fraction");
        assertThat(NumberRules.checkInteger("transactions", "99999999999999999999").message())
                .contains("out of range");
        assertThat(NumberRules.checkJsonNumber("revenue", "1e999999999").message()).contains("out of range");
        assertThat(NumberRules.checkJsonNumber("revenue", "1e-400").message()).contains("zero");
    }

    /** Issue 13: the hint about exponents is for numbers written with one, not for any value with an e. */
    @ParameterizedTest(name = "{index}: {0} -> exponent hint {1}")
    @CsvSource(delimiter = '|', value = {
        "1e3|true", "1E3|true", "-2.5E-4|true", "+1.5e+10|true", ".5e3|true", "5.e3|true", "1e999999999|true",
        "one|false", "free|false", "e3|false", "1e|false", "1e+|false", ".e3|false", "-e3|false", "1e3e3|false",
        "1.2.3e4|false", "1e3.5|false", "1eE3|false", "10 e3|false", "1 000e3|false",
    })
    void hintsAtAnExponentOnlyForExponentForms(String value, boolean hint) {
        assertThat(NumberRules.checkDecimal("revenue", value).message().contains("exponent")).as(value)
                .isEqualTo(hint);
        assertThat(NumberRules.checkInteger("transactions", value).message().contains("exponent")).as(value)
                .isEqualTo(hint);
    }

    @Test
    void boundsLongPlainDecimalsByTheRangeOfADouble() {
        String digits308 = "1" + "0".repeat(308);
        assertThat(NumberRules.checkDecimal("revenue", digits308)).isNull();
        assertThat(NumberRules.checkDecimal("revenue", digits308 + "0").code()).isEqualTo(ViolationCode.FIELD_TYPE);
        assertThat(NumberRules.checkJsonNumber("revenue", digits308 + "0").code()).isEqualTo(ViolationCode.FIELD_TYPE);
        String tiny = "0." + "0".repeat(400) + "1";
        assertThat(NumberRules.checkDecimal("revenue", tiny).code()).isEqualTo(ViolationCode.FIELD_TYPE);
        assertThat(NumberRules.checkDecimal("revenue", "0." + "0".repeat(400))).isNull();
        assertThat(NumberRules.checkDecimal("revenue", "0." + "1".repeat(400))).isNull();
    }
}
