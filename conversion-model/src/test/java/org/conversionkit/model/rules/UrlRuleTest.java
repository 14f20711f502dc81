package org.conversionkit.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.conversionkit.model.Printable;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UrlRuleTest {

    static List<SpecCase> cases() {
        return Spec.load("rules/url.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checksEveryCase(SpecCase c) {
        String url = c.get("input").textOrNull();
        String expected = c.expect().text();
        Problem problem = UrlRule.check(url);
        if (expected.equals("VALID")) {
            assertThat(problem).as(Printable.of(url)).isNull();
            assertThat(UrlRule.isAbsoluteHttpUrl(url)).isTrue();
        } else {
            assertThat(problem).as(Printable.of(url)).isNotNull();
            assertThat(problem.code()).as(Printable.of(url) + ": " + problem.message())
                    .isEqualTo(ViolationCode.valueOf(expected));
            assertThat(problem.message()).isNotBlank();
            assertThat(UrlRule.isAbsoluteHttpUrl(url)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithTheReference(SpecCase c) {
        String url = c.get("input").textOrNull();
        assertThat(ReferenceRules.url(url)).as(Printable.of(url)).isEqualTo(c.expect().text());
    }

    @Test
    void messagesSayHowToFixTheSourceExamples() {
        assertThat(UrlRule.check("domain.tld/path/to/my/page").message())
                .contains("https://domain.tld/path/to/my/page");
        assertThat(UrlRule.check("/path/to/my/page").message()).contains("https://domain.tld/path/to/my/page");
        assertThat(UrlRule.check("https://domain.tld/a b").message()).contains("%20");
        assertThat(UrlRule.check("ftp://domain.tld/").message()).contains("'ftp:'");
        assertThat(UrlRule.check("http:/x").message()).contains("http://domain.tld/path");
    }

    @Test
    void limitsHostAndLabelLengths() {
        String label63 = "a".repeat(63);
        assertThat(UrlRule.check("https://" + label63 + ".tld/")).isNull();
        assertThat(UrlRule.check("https://" + label63 + "a.tld/").code()).isEqualTo(ViolationCode.URL_INVALID);
        String host253 = (label63 + ".").repeat(3) + "a".repeat(61);
        assertThat(host253).hasSize(253);
        assertThat(UrlRule.check("https://" + host253 + "/")).isNull();
        assertThat(UrlRule.check("https://" + host253 + "a/").code()).isEqualTo(ViolationCode.URL_INVALID);
    }

    /**
     * Values of millions of characters get their verdict. Linear work takes milliseconds; work that grows with the
     * square of the length (a rescan per segment, a backtracking pattern) would take hours, which the timeout stops.
     * The timeout is a guard against that, not a measurement: speed is measured by the benchmarks.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aHugeValueIsCheckedInLinearTime() {
        String path = "https://domain.tld/" + "a/".repeat(2_000_000);
        assertThat(UrlRule.check(path)).isNull();
        assertThat(UrlRule.check(path + " ").code()).isEqualTo(ViolationCode.URL_INVALID);
        assertThat(UrlRule.check("a".repeat(4_000_000)).code()).isEqualTo(ViolationCode.URL_INVALID);
    }
}
