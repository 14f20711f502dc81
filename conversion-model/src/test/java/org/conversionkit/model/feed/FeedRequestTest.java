package org.conversionkit.model.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.FeedMode;
import org.conversionkit.model.Strictness;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FeedRequestTest {

    static List<SpecCase> cases() {
        return Spec.load("feed/feed-requests.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsEveryQuery(SpecCase c) {
        String query = c.get("input").text();
        Node expect = c.expect().only("snapshot", "date", "error");
        if (expect.has("error")) {
            String message = expect.text("error");
            assertThatIllegalArgumentException().isThrownBy(() -> FeedRequest.ofQuery(query))
                    .withMessageContaining(message);
            assertThatIllegalArgumentException().isThrownBy(() -> FeedRequest.ofUrl("https://example.com/f?" + query))
                    .withMessageContaining(message);
            return;
        }
        FeedRequest request = FeedRequest.ofQuery(query);
        FeedRequest expectedRequest = expect.bool("snapshot", false) ? FeedRequest.snapshot()
                : FeedRequest.daily(LocalDate.parse(expect.text("date")));
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
