package org.conversionkit.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A report keeps up to a hundred violations per file: their messages must not hold a rejected
 * value of megabytes. Every rule quotes a value shortened to 200 characters.
 */
class RuleMessagesTest {

    private static final String HUGE = "x".repeat(1_000_000);
    private static final String DIGITS = "1".repeat(1_000_000);

    static Stream<Problem> problems() {
        return Stream.of(
                UrlRule.check("/" + HUGE),
                UrlRule.check("ftp" + HUGE + "://x"),
                UrlRule.check("domain.tld/" + HUGE),
                UrlRule.check("https://domain.tld/" + HUGE + " "),
                UrlRule.check("https:" + HUGE),
                UrlRule.check("https://domain.tld:" + DIGITS + "/"),
                UrlRule.check("https://[" + HUGE + "]/"),
                UrlRule.check(HUGE + " "),
                DateRule.check(HUGE),
                DateRule.check("2020-09-22" + HUGE),
                NumberRules.checkInteger("n", HUGE),
                NumberRules.checkInteger("n", DIGITS),
                NumberRules.checkInteger("n", DIGITS + ".5"),
                NumberRules.checkDecimal("n", DIGITS + "," + DIGITS),
                NumberRules.checkDecimal("n", DIGITS),
                NumberRules.checkJsonNumber("n", DIGITS + "e" + DIGITS),
                NumberRules.checkJsonNumber("n", DIGITS),
                NumberRules.checkJsonNumber("n", HUGE),
                IsoDateTimeRule.check("t", "2020-01-10 " + HUGE),
                IsoDateTimeRule.check("t", "2020-01-10T" + HUGE),
                IsoDateTimeRule.check("t", "2020-01-10T10:00:00+19" + ""),
                CurrencyRule.check(HUGE));
    }

    @ParameterizedTest
    @MethodSource("problems")
    void messagesQuoteShortenedValues(Problem problem) {
        assertThat(problem).isNotNull();
        assertThat(problem.message().length()).isBetween(10, 1_000);
    }
}
