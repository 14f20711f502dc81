package org.conversionkit.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import org.conversionkit.model.CrmDateTime;
import org.conversionkit.model.Severity;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class IsoDateTimeRuleTest {

    static List<SpecCase> cases() {
        return Spec.load("rules/iso-date-time.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checksEveryCase(SpecCase c) {
        String value = c.get("input").textOrNull();
        Node expect = c.expect().only("code", "warning", "value");
        String warning = expect.has("warning") ? expect.text("warning") : null;
        // The reference rules say it in one text: the code; or the value, after the code of a warning.
        String expected = expect.has("code") ? expect.text("code")
                : (warning == null ? "" : warning + " ") + expect.text("value");
        assertThat(ReferenceRules.isoDateTime(value)).as("reference").isEqualTo(expected);
        List<Problem> problems = new ArrayList<>();
        CrmDateTime result = IsoDateTimeRule.parse("updatedAt", value, problems::add);
        if (expect.has("code")) {
            assertThat(result).isNull();
            assertThat(problems).hasSize(1);
            Problem problem = problems.get(0);
            assertThat(problem.code()).as(problem.message()).isEqualTo(ViolationCode.valueOf(expected));
            assertThat(problem.message()).startsWith("updatedAt");
            assertThat(IsoDateTimeRule.check("updatedAt", value)).isEqualTo(problem);
            if (value != null) {
                assertThatIllegalArgumentException().isThrownBy(() -> CrmDateTime.parse(value))
                        .withMessage(problem.message().replaceFirst("^updatedAt", "value"));
            }
        } else {
            String form = expect.text("value");
            assertThat(result).isNotNull();
            assertThat(String.valueOf(result)).isEqualTo(form);
            assertThat(CrmDateTime.parse(value)).isEqualTo(result);
            assertThat(CrmDateTime.parse(result.toString())).as("the RFC 3339 form reads back").isEqualTo(result);
            if (warning == null) {
                assertThat(problems).isEmpty();
                assertThat(IsoDateTimeRule.check("updatedAt", value)).isNull();
            } else {
                assertThat(problems).singleElement().satisfies(problem -> {
                    assertThat(problem.code()).isEqualTo(ViolationCode.valueOf(warning));
                    assertThat(problem.code().defaultSeverity()).isEqualTo(Severity.WARNING);
                    assertThat(problem.message()).startsWith("updatedAt").contains(form);
                    assertThat(IsoDateTimeRule.check("updatedAt", value)).isEqualTo(problem);
                });
            }
        }
    }

    /** The fix of each form RFC 3339 and BigQuery's loader refuse, written in the message. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "2020-01-10T10:15|write 2020-01-10T10:15:00",
        "2020-01-10 10:15Z|write 2020-01-10T10:15:00Z",
        "2020-01-10T10:15:30,25|after a point, 2020-01-10T10:15:30.25",
        "2020-01-10T10:15:30+0530|with a colon, 2020-01-10T10:15:30+05:30",
        "2020-01-10T10:15:30-05|minutes too, 2020-01-10T10:15:30-05:00",
        "2020-01-10 10:15:30 UTC|write UTC as Z, right after the time: 2020-01-10T10:15:30Z",
        "2020-01-10T10:15:30 Z|write UTC as Z, right after the time: 2020-01-10T10:15:30Z",
        "2020-01-10T10:15:30+01:00:00|+HH:MM",
        "2020-01-10 10:15:30|BigQuery loads it, but RFC 3339 and ISO 8601 want a T; write 2020-01-10T10:15:30",
        "2016-12-31T23:59:60+01:00|23:59:60 UTC on the last day of a month",
        "2020-01-10T10:15:30+19:00|offsets run from -18:00 to +18:00",
    })
    void saysHowToFixEachForm(String value, String fix) {
        assertThat(IsoDateTimeRule.check("createdAt", value).message()).contains(fix);
    }
}
