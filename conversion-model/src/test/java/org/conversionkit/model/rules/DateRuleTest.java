package org.conversionkit.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.conversionkit.model.Printable;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DateRuleTest {

    static List<SpecCase> cases() {
        return Spec.load("rules/date.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checksEveryCase(SpecCase c) {
        String value = c.get("input").textOrNull();
        String expected = c.expect().text();
        Problem problem = DateRule.check(value);
        if (expected.equals("VALID")) {
            assertThat(problem).isNull();
            assertThat(DateRule.parse(value)).isEqualTo(LocalDate.parse(value));
        } else {
            assertThat(problem).as(Printable.of(value)).isNotNull();
            assertThat(problem.code()).as(problem.message()).isEqualTo(ViolationCode.valueOf(expected));
            if (value != null) {
                assertThatIllegalArgumentException().isThrownBy(() -> DateRule.parse(value))
                        .withMessage(problem.message());
            }
        }
        assertThat(ReferenceRules.date(value)).as("reference").isEqualTo(expected);
    }

    @Test
    void messagesGiveTheFix() {
        assertThat(DateRule.check("20200922").message()).contains("2020-09-22");
        assertThat(DateRule.check("2020-22-09").message()).contains("2020-09-22");
        assertThat(DateRule.check("2020-09-22T10:00:00").message()).contains("time part").contains("2020-09-22");
        assertThat(DateRule.check("2020-09-22 ").message()).contains("white space").doesNotContain("time part")
                .endsWith("write 2020-09-22");
        assertThat(DateRule.check("\t2020-09-22").message()).contains("white space").endsWith("write 2020-09-22");
        assertThat(DateRule.check("22-09-2020").message()).contains("year last");
        assertThat(DateRule.check("2020-9-22").message()).contains("two digits");
        assertThat(DateRule.check("2020-02-30").message()).contains("February 2020 has 29 days");
    }

    @Test
    void daysInMonthFollowsTheGregorianCalendar() {
        for (int year = 0; year <= 2400; year++) {
            for (int month = 1; month <= 12; month++) {
                assertThat(DateRule.daysInMonth(year, month)).isEqualTo(YearMonth.of(year, month).lengthOfMonth());
            }
        }
    }

    @Test
    void findsTheShapeInsideLongerText() {
        String text = "conversion-export-2020-09-22.csv";
        assertThat(DateRule.hasIsoShape(text, 18, 28)).isTrue();
        assertThat(DateRule.hasIsoShape(text, 17, 27)).isFalse();
        assertThat(DateRule.hasIsoShape(text, 18, 29)).isFalse();
        assertThat(DateRule.invalidReason(text, 18)).isNull();
        assertThat(DateRule.toDate(text, 18)).isEqualTo(LocalDate.of(2020, 9, 22));
    }
}
