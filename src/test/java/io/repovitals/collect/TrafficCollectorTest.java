package io.repovitals.collect;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.FakeTime;
import io.repovitals.GitHubFake;
import io.repovitals.TestClients;
import io.repovitals.github.GitHubClients;
import io.repovitals.metrics.TrafficMetrics;
import io.repovitals.metrics.TrafficRows;
import io.repovitals.model.Outcome;
import io.repovitals.model.RepoRef;
import io.repovitals.model.TrafficDay;
import io.repovitals.model.Window;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traffic points from the recorded traffic-views.json and traffic-clones.json
 * (src/test/resources/github/rest-samples), verbatim.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TrafficCollectorTest {
    static final RepoRef REPO = RepoRef.parse("hub4j/github-api");
    static final Instant AS_OF = Instant.parse("2020-02-22T00:00:00Z");
    static final Window WINDOW = new Window(AS_OF, 7);
    /** The 403 GitHub sends without push access (RepositoryTrafficTest's recorded mapping, per the README). */
    static final String NO_PUSH = "{\"message\":\"Must have push access to repository\","
            + "\"documentation_url\":\"https://developer.github.com/v3/repos/traffic/#clones\"}";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    private final FakeTime time = new FakeTime(AS_OF);

    static void stubTraffic() {
        github.stubFor(get(urlPathEqualTo("/repos/hub4j/github-api/traffic/views"))
                .willReturn(aResponse().withStatus(200).withBody(GitHubFake.restSample("traffic-views.json"))));
        github.stubFor(get(urlPathEqualTo("/repos/hub4j/github-api/traffic/clones"))
                .willReturn(aResponse().withStatus(200).withBody(GitHubFake.restSample("traffic-clones.json"))));
    }

    @Test
    void should_keep_all_fourteen_days_with_zero_clones_on_the_days_github_leaves_out() {
        stubTraffic();
        GitHubClients clients = TestClients.create(github, time);

        Traffic traffic = new TrafficCollector().fetch(clients, REPO, WINDOW.start(), AS_OF);
        Datasets data = new Datasets().with(Traffic.class, traffic);
        List<TrafficDay> rows = TrafficRows.of(data, WINDOW);

        assertThat(rows).hasSize(14);
        assertThat(rows.get(0)).isEqualTo(new TrafficDay(LocalDate.parse("2020-02-08"), 101, 31, 6, 3));
        // 02-09 and 02-19 have views but no clone bucket: zero-clone days.
        assertThat(rows.get(1)).isEqualTo(new TrafficDay(LocalDate.parse("2020-02-09"), 92, 22, 0, 0));
        assertThat(rows.get(11)).isEqualTo(new TrafficDay(LocalDate.parse("2020-02-19"), 140, 61, 0, 0));
        assertThat(rows.get(13)).isEqualTo(new TrafficDay(LocalDate.parse("2020-02-21"), 406, 66, 77, 6));
        // The daily points add up to the recorded totals: views count 3533, clones count 128.
        assertThat(rows.stream().mapToInt(TrafficDay::views).sum()).isEqualTo(3533);
        assertThat(rows.stream().mapToInt(TrafficDay::clones).sum()).isEqualTo(128);
        assertThat(TrafficMetrics.missing(data, WINDOW)).isEmpty();
        assertThat(clients.requests().total()).isEqualTo(2);
    }

    @Test
    void should_give_a_backfilled_day_only_the_points_its_asOf_has_seen() {
        stubTraffic();
        Datasets data = new Datasets().with(Traffic.class,
                new TrafficCollector().fetch(TestClients.create(github, time), REPO, WINDOW.start(), AS_OF));

        Window earlier = new Window(Instant.parse("2020-02-10T00:00:00Z"), 7);
        assertThat(TrafficRows.of(data, earlier)).extracting(TrafficDay::day)
                .containsExactly(LocalDate.parse("2020-02-08"), LocalDate.parse("2020-02-09"));
        // Before GitHub's 14 days, nothing can be reconstructed.
        Window tooEarly = new Window(Instant.parse("2020-02-01T00:00:00Z"), 7);
        assertThat(TrafficRows.of(data, tooEarly)).isEmpty();
        assertThat(TrafficMetrics.missing(data, tooEarly)).hasSize(4).allSatisfy(outcome ->
                assertThat(((Outcome.Missing) outcome).reason()).startsWith("GitHub keeps traffic for 14 days only"));
    }

    @Test
    void should_mark_traffic_missing_without_push_access_and_never_fail() {
        github.stubFor(get(urlPathEqualTo("/repos/hub4j/github-api/traffic/views"))
                .willReturn(aResponse().withStatus(403).withHeader("X-RateLimit-Remaining", "4990")
                        .withHeader("X-RateLimit-Reset", "1582329600").withBody(NO_PUSH)));
        GitHubClients clients = TestClients.create(github, time);

        Datasets data = new Datasets().fetch(Traffic.class,
                () -> new TrafficCollector().fetch(clients, REPO, WINDOW.start(), AS_OF));

        assertThat(TrafficRows.of(data, WINDOW)).isEmpty();
        assertThat(TrafficMetrics.missing(data, WINDOW)).containsExactly(
                Outcome.missing(TrafficMetrics.VIEWS, "needs a token with push access (HTTP 403)"),
                Outcome.missing(TrafficMetrics.UNIQUE_VISITORS, "needs a token with push access (HTTP 403)"),
                Outcome.missing(TrafficMetrics.CLONES, "needs a token with push access (HTTP 403)"),
                Outcome.missing(TrafficMetrics.UNIQUE_CLONERS, "needs a token with push access (HTTP 403)"));
        // A missing permission is a fact, not a fault: the snapshot is not partial.
        assertThat(data.partialReason()).isEmpty();
        // The clones request is not even sent, and a 403 is not retried.
        assertThat(clients.requests().total()).isEqualTo(1);
        github.verify(0, getRequestedFor(urlPathEqualTo("/repos/hub4j/github-api/traffic/clones")));
    }
}
