package org.conversionkit.model.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.FeedMode;
import org.conversionkit.model.Fixtures;
import org.conversionkit.model.Strictness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FeedRequestTest {

    static List<Object[]> cases() {
        return Fixtures.read(FeedRequestTest.class, "feed-request-cases.tsv", 3);
    }

    @ParameterizedTest(name = "{index}: {0} -> {1}")
    @MethodSource("cases")
    void readsEveryQuery(String query, String expected, String message) {
        if (expected.equals("ERROR")) {
            assertThatIllegalArgumentException().isThrownBy(() -> FeedRequest.ofQuery(query))
                    .withMessageContaining(message);
            assertThatIllegalArgumentException().isThrownBy(() -> FeedRequest.ofUrl("https://example.com/f?" + query))
                    .withMessageContaining(message);
            return;
        }
        FeedRequest request = FeedRequest.ofQuery(query);
        FeedRequest expectedRequest = expected.equals("SNAPSHOT") ? FeedRequest.snapshot()
                : FeedRequest.daily(LocalDate.parse(expected));
        assertThat(request).isEqualTo(expectedRequest);
        assertThat(FeedRequest.ofUrl("https://example.com/feed.ndjson?" + query + "#top")).isEqualTo(expectedRequest);
        assertThat(FeedRequest.ofUrl("/feed.ndjson?" + query)).isEqualTo(expectedRequest);
    }

    @Test
    void readsBackTheUrlsTheImporterBuilds() {
        FeedUrl feed = FeedUrl.parse("https://example.com/feed.ndjson?token=abc");
        LocalDate from = LocalDate.of(2020, 1, 20);
        List<String> urls = feed.forDates(from, from.plusDays(40));
        for (int i = 0; i < urls.size(); i++) {
            FeedRequest request = FeedRequest.ofUrl(urls.get(i));
            assertThat(request).isEqualTo(FeedRequest.daily(from.plusDays(i)));
            assertThat(urls.get(i)).endsWith(request.query());
        }
        assertThat(FeedRequest.ofUrl(feed.url())).isEqualTo(FeedRequest.snapshot());
        assertThat(FeedRequest.ofQuery(null)).isEqualTo(FeedRequest.snapshot());
        assertThat(FeedRequest.ofUrl("https://example.com/feed.ndjson#date=20200120")).isEqualTo(
                FeedRequest.snapshot());
    }

    @Test
    void writesTheQueryTheImporterSends() {
        assertThat(FeedRequest.daily(LocalDate.of(2020, 1, 20)).query()).isEqualTo("date=20200120");
        assertThat(FeedRequest.snapshot().query()).isEmpty();
        assertThat(FeedRequest.daily(LocalDate.of(2020, 1, 20)).optionalDate()).contains(LocalDate.of(2020, 1, 20));
        assertThat(FeedRequest.snapshot().optionalDate()).isEmpty();
    }

    @Test
    void appliesItsModeAndKeepsTheRestOfTheProfile() {
        CrmProfile leads = CrmProfile.builder().idField("leadId").feedZone(ZoneId.of("Europe/Paris"))
                .strictness(Strictness.STRICT).build();
        CrmProfile daily = FeedRequest.daily(LocalDate.of(2020, 1, 20)).applyTo(leads);
        assertThat(daily.mode()).isEqualTo(FeedMode.DAILY);
        assertThat(daily.feedDate()).isEqualTo(LocalDate.of(2020, 1, 20));
        assertThat(daily.idField()).isEqualTo("leadId");
        assertThat(daily.feedZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(daily.strictness()).isEqualTo(Strictness.STRICT);
        CrmProfile snapshot = FeedRequest.snapshot().applyTo(daily);
        assertThat(snapshot.mode()).isEqualTo(FeedMode.SNAPSHOT);
        assertThat(snapshot.feedDate()).isNull();
        assertThat(snapshot.idField()).isEqualTo("leadId");
    }

    @Test
    void refusesARequestThatContradictsItself() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FeedRequest(FeedMode.DAILY, null))
                .withMessageContaining("needs its date");
        assertThatIllegalArgumentException().isThrownBy(
                () -> new FeedRequest(FeedMode.SNAPSHOT, LocalDate.of(2020, 1, 20)))
                .withMessageContaining("has no date");
    }
}
