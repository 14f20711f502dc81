package org.conversionkit.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CurrencyRuleTest {

    static List<SpecCase> cases() {
        return Spec.load("rules/currency.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checksEveryCase(SpecCase c) {
        String value = c.get("input").textOrNull();
        String expected = c.expect().text();
        Problem problem = CurrencyRule.check(value);
        if (expected.equals("VALID")) {
            assertThat(problem).isNull();
        } else {
            assertThat(problem).isNotNull();
            assertThat(problem.code()).isEqualTo(ViolationCode.valueOf(expected));
        }
    }

    @Test
    void acceptsEveryCodeTheJdkKnows() {
        for (Currency currency : Currency.getAvailableCurrencies()) {
            assertThat(currency.getCurrencyCode()).matches("[A-Z]{3}");
            assertThat(CurrencyRule.check(currency.getCurrencyCode())).isNull();
        }
    }

    @Test
    void suggestsTheCapitalizedCode() {
        assertThat(CurrencyRule.check("usd").message()).contains("USD");
        assertThat(CurrencyRule.check(" eur ").message()).contains("EUR");
        assertThat(CurrencyRule.check("ABC").message()).contains("ISO 4217");
    }
}
