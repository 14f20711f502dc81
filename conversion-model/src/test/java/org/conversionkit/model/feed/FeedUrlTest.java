package org.conversionkit.model.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.conversionkit.model.Printable;
import org.conversionkit.model.feed.FeedUrlException.Reason;
import org.conversionkit.model.rules.UrlRule;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FeedUrlTest {

    private static final String FEED = "https://example.com/feed.ndjson";

    static List<SpecCase> cases() {
        return Spec.load("feed/feed-urls.json").cases();
    }

    static List<SpecCase> dates() {
        return Spec.load("feed/feed-url-dates.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checksEveryCase(SpecCase c) {
        String url = c.get("input").text();
        Node expect = c.expect().only("verdict", "warnings", "message");
        String expected = expect.text("verdict");
        if (expected.equals("VALID")) {
            FeedUrl feed = FeedUrl.parse(url);
            assertThat(feed.url()).isSameAs(url);
            assertThat(feed).hasToString(url).isEqualTo(FeedUrl.parse(url)).hasSameHashCodeAs(FeedUrl.parse(url));
            assertThat(UrlRule.check(url)).isNull();
            assertThat(feed.warnings()).isEqualTo(expect.get("warnings").texts().equals(List.of("HTTP"))
                    ? List.of(FeedUrl.PLAIN_HTTP_WARNING) : List.of());
            assertThat(expect.get("warnings").texts()).isIn(List.of(), List.of("HTTP"));
            return;
        }
        FeedUrlException refusal = catchThrowableOfType(FeedUrlException.class, () -> FeedUrl.parse(url));
        assertThat(refusal).as(Printable.of(url)).isNotNull();
        assertThat(refusal).isInstanceOf(IllegalArgumentException.class);
        assertThat(refusal.reason()).as(refusal.getMessage()).isEqualTo(Reason.valueOf(expected));
        if (expect.has("message")) {
            assertThat(refusal.getMessage()).contains(expect.text("message"));
        }
        // Neither the message nor the exception's URL may show a password.
        assertThat(refusal.getMessage()).doesNotContain("secret").doesNotContain("pass@");
        assertThat(refusal.url()).doesNotContain("secret").doesNotContain("pass@");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dates")
    void addsTheDateParameter(SpecCase c) {
        String url = c.get("input").only("url", "date").text("url");
        String date = c.get("input").text("date");
        String expected = c.expect().text();
        FeedUrl feed = FeedUrl.parse(url);
        assertThat(feed.withDate(LocalDate.parse(date))).isEqualTo(expected);
        assertThat(UrlRule.check(expected)).isNull();
        assertThat(feed.url()).isEqualTo(url);
    }

    @Test
    void givesOneUrlADayBothEndsIncluded() {
        FeedUrl feed = FeedUrl.parse(FEED);
        assertThat(feed.forDates(LocalDate.of(2020, 1, 30), LocalDate.of(2020, 2, 2))).containsExactly(
                FEED + "?date=20200130", FEED + "?date=20200131", FEED + "?date=20200201", FEED + "?date=20200202");
        assertThat(feed.forDates(LocalDate.of(2020, 2, 28), LocalDate.of(2020, 3, 1))).containsExactly(
                FEED + "?date=20200228", FEED + "?date=20200229", FEED + "?date=20200301");
        assertThat(feed.forDates(LocalDate.of(2020, 1, 20), LocalDate.of(2020, 1, 20)))
                .containsExactly(FEED + "?date=20200120");
        LocalDate from = LocalDate.of(2015, 1, 1);
        assertThat(feed.forDates(from, from.plusDays(FeedUrl.MAX_DATES - 1))).hasSize(FeedUrl.MAX_DATES);
    }

    @Test
    void refusesABackwardOrHugeRange() {
        FeedUrl feed = FeedUrl.parse(FEED);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> feed.forDates(LocalDate.of(2020, 1, 21), LocalDate.of(2020, 1, 20)))
                .withMessageContaining("after its end");
        LocalDate from = LocalDate.of(2015, 1, 1);
        assertThatIllegalArgumentException().isThrownBy(() -> feed.forDates(from, from.plusDays(FeedUrl.MAX_DATES)))
                .withMessageContaining("3661 days").withMessageContaining("at most 3660");
        assertThatIllegalArgumentException().isThrownBy(() -> feed.forDates(LocalDate.MIN, LocalDate.MAX))
                .withMessageContaining("four digits");
        assertThatIllegalArgumentException().isThrownBy(() -> feed.withDate(LocalDate.of(10000, 1, 1)))
                .withMessageContaining("four digits");
        assertThatIllegalArgumentException().isThrownBy(() -> feed.withDate(LocalDate.of(-1, 1, 1)));
        assertThatNullPointerException().isThrownBy(() -> feed.withDate(null));
        assertThatNullPointerException().isThrownBy(() -> FeedUrl.parse(null));
    }

    @Test
    void refusalsAreIllegalArgumentsWithTheirReason() {
        FeedUrlException refusal = new FeedUrlException(Reason.FRAGMENT, "u", "m");
        assertThat(refusal.reason()).isEqualTo(Reason.FRAGMENT);
        assertThat(refusal.url()).isEqualTo("u");
        assertThat(refusal).hasMessage("m");
        assertThatNullPointerException().isThrownBy(() -> new FeedUrlException(null, "u", "m"));
    }

    @Test
    void masksCredentialsOnly() {
        assertThat(FeedUrl.mask("https://u:p@h.tld/a@b")).isEqualTo("https://***@h.tld/a@b");
        assertThat(FeedUrl.mask("https://h.tld/a@b")).isEqualTo("https://h.tld/a@b");
        assertThat(FeedUrl.mask("mailto:a@b.tld")).isEqualTo("mailto:a@b.tld");
    }
}
