package org.conversionkit.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import org.conversionkit.model.CrmDateTime;
import org.conversionkit.model.Fixtures;
import org.conversionkit.model.ViolationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IsoDateTimeRuleTest {

    static List<Object[]> cases() {
        return Fixtures.read(IsoDateTimeRuleTest.class, "iso-date-time-cases.tsv", 2);
    }

    @ParameterizedTest(name = "{index}: {0} -> {1}")
    @MethodSource("cases")
    void checksEveryCase(String value, String expected) {
        assertThat(ReferenceRules.isoDateTime(value)).as("reference").isEqualTo(expected);
        List<Problem> problems = new ArrayList<>();
        CrmDateTime result = IsoDateTimeRule.parse("updatedAt", value, problems::add);
        if (isCode(expected)) {
            assertThat(result).isNull();
            assertThat(problems).hasSize(1);
            Problem problem = problems.get(0);
            assertThat(problem.code()).as(problem.message()).isEqualTo(ViolationCode.valueOf(expected));
            assertThat(problem.message()).startsWith("updatedAt");
            assertThat(IsoDateTimeRule.check("updatedAt", value)).isEqualTo(problem);
            if (value != null) {
                assertThatIllegalArgumentException().isThrownBy(() -> CrmDateTime.parse(value));
            }
        } else {
            assertThat(problems).isEmpty();
            assertThat(result).isNotNull();
            assertThat(String.valueOf(result)).isEqualTo(expected);
            assertThat(IsoDateTimeRule.check("updatedAt", value)).isNull();
            assertThat(CrmDateTime.parse(value)).isEqualTo(result);
        }
    }

    @Test
    void hintsAtTheCapitalT() {
        assertThat(IsoDateTimeRule.check("createdAt", "2020-01-10 10:15:30").message())
                .contains("2020-01-10T10:15:30");
    }

    private static boolean isCode(String expected) {
        return Character.isLetter(expected.charAt(0));
    }
}
