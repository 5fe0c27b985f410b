package io.repovitals.collect;

import io.repovitals.TestClients;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.GitHubFake;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.GitHubException;
import io.repovitals.metrics.RepoMetrics;
import io.repovitals.model.Outcome;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;
import io.repovitals.model.Window;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * repo.* end to end through the GraphQL collector and the metric family, against a fake GitHub.
 * Expected values are worked out by hand from the fixtures in src/test/resources/github/graphql.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RepoStateCollectorTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    private static final Window WINDOW = new Window(AS_OF, 7); // [2026-11-13T00:00Z, 2026-11-20T00:00Z)

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    private GitHubClients clients() {
        return TestClients.create(URI.create(github.baseUrl()), URI.create(github.baseUrl() + "/graphql"),
                Secret.of(GitHubFake.TOKEN));
    }

    private static Map<String, Object> values(List<Outcome> outcomes) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            values.put(outcome.def().name(), outcome instanceof Outcome.Value value ? (Object) value.value()
                    : "missing: " + ((Outcome.Missing) outcome).reason());
        }
        return values;
    }

    @Test
    void should_state_every_repo_metric_as_at_asOf_from_one_request() {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/repo-state-busy.json")));
        GitHubClients clients = clients();
        Clock fetchedAt = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

        RepoState state = new RepoStateCollector(fetchedAt).fetch(clients, RepoRef.parse("octo-org/widgets"), WINDOW);
        Map<String, Object> values = values(RepoMetrics.compute(state, WINDOW, OptionalLong.empty()));

        // 120 stars now, one starred after asOf (11-21); the one at exactly asOf has happened.
        assertThat(values.get("repo.stars")).isEqualTo(119.0);
        // In [11-13, 11-20): 11-19, 11-15 and 11-13 (the window start is in); 11-20 is asOf (out), 11-12 is before.
        assertThat(values.get("repo.stars_gained")).isEqualTo(3.0);
        // 30 forks now, one created 11-22 after asOf; gained in window: the 11-19 fork only.
        assertThat(values.get("repo.forks")).isEqualTo(29.0);
        assertThat(values.get("repo.forks_gained")).isEqualTo(1.0);
        assertThat(values.get("repo.watchers")).isEqualTo(17.0);
        assertThat(values.get("repo.branches")).isEqualTo(5.0);
        // 10 open issues now (GitHub's GraphQL count has no PRs). Changed since asOf: one opened after asOf
        // (open now, not then), one closed 11-22 (open then), one reopened 11-21 (closed then), one closed at
        // exactly asOf (closed then and now). 10 - 2 open now + 1 open then = 9.
        assertThat(values.get("repo.open_issues")).isEqualTo(9.0);
        // 4 open PRs now. One merged 11-21 (open then), one opened after asOf (open now, not then); the third
        // was last updated before the window start, which ends the list. 4 - 1 + 1 = 4.
        assertThat(values.get("repo.open_prs")).isEqualTo(4.0);
        // Each list's oldest item on page one is already older than it needs to be: no second page.
        assertThat(clients.requests().total()).isEqualTo(1);
        assertThat(clients.requests().graphqlCost()).isEqualTo(1);
    }

    @Test
    void should_page_only_the_list_that_still_matters() {
        github.stubFor(GitHubFake.graphql("octo-org", "popular")
                .withRequestBody(matchingJsonPath("$.variables.starsAfter", absent()))
                .willReturn(GitHubFake.json("github/graphql/repo-state-popular-page1.json")));
        github.stubFor(GitHubFake.graphql("octo-org", "popular")
                .withRequestBody(matchingJsonPath("$.variables.starsAfter", equalTo("CURSOR1")))
                .withRequestBody(matchingJsonPath("$.variables.withForks", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.variables.withIssues", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.variables.withPullRequests", equalTo("false")))
                .willReturn(GitHubFake.json("github/graphql/repo-state-popular-page2.json")));
        GitHubClients clients = clients();

        RepoState state = new RepoStateCollector(Clock.fixed(AS_OF, ZoneOffset.UTC))
                .fetch(clients, RepoRef.parse("octo-org/popular"), WINDOW);
        Map<String, Object> values = values(RepoMetrics.compute(state, WINDOW, OptionalLong.empty()));

        // Page 1: 11-19, 11-18, 11-17; page 2: 11-14 (in) and 11-01 (out, so no page 3).
        assertThat(values.get("repo.stars_gained")).isEqualTo(4.0);
        assertThat(values.get("repo.stars")).isEqualTo(250.0);
        assertThat(clients.requests().total()).isEqualTo(2);
        github.verify(2, postRequestedFor(urlPathEqualTo("/graphql")));
    }

    @Test
    void should_fall_back_when_github_withholds_star_times() {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/repo-state-stars-withheld.json")));
        RepoRef repo = RepoRef.parse("octo-org/widgets");

        // Read minutes after asOf: the count is the count at asOf.
        RepoState live = new RepoStateCollector(Clock.fixed(AS_OF.plusSeconds(300), ZoneOffset.UTC)).fetch(clients(), repo, WINDOW);
        Map<String, Object> liveValues = values(RepoMetrics.compute(live, WINDOW, OptionalLong.empty()));
        assertThat(liveValues.get("repo.stars")).isEqualTo(120.0);
        assertThat((String) liveValues.get("repo.stars_gained")).startsWith("missing: GitHub withholds star times")
                .contains("history has no repo.stars at 2026-11-13");

        // With the history's count at the window start: 120 - 101 = 19.
        assertThat(values(RepoMetrics.compute(live, WINDOW, OptionalLong.of(101))).get("repo.stars_gained")).isEqualTo(19.0);

        // Read three days after asOf: the count at asOf cannot be reconstructed without star times.
        RepoState late = new RepoStateCollector(Clock.fixed(AS_OF.plusSeconds(3 * 86400), ZoneOffset.UTC)).fetch(clients(), repo, WINDOW);
        assertThat((String) values(RepoMetrics.compute(late, WINDOW, OptionalLong.empty())).get("repo.stars"))
                .startsWith("missing: GitHub withholds star times");
    }

    @Test
    void should_name_an_unknown_repository_in_one_line() {
        github.stubFor(GitHubFake.graphql("octo-org", "nope").willReturn(GitHubFake.json("github/graphql/repo-state-not-found.json")));

        assertThatThrownBy(() -> new RepoStateCollector(Clock.systemUTC()).fetch(clients(), RepoRef.parse("octo-org/nope"), WINDOW))
                .isInstanceOfSatisfying(GitHubException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GitHubException.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("repository octo-org/nope not found, or not visible to this token");
                });
    }

    @Test
    void should_state_every_day_of_a_range_from_one_fetch() {
        github.stubFor(GitHubFake.graphql("octo-org", "range").willReturn(GitHubFake.json("github/graphql/repo-state-range.json")));
        github.stubFor(post(urlPathEqualTo("/graphql"))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("I_kwDOissueX")))
                .withRequestBody(matchingJsonPath("$.variables.after", equalTo("EV1")))
                .willReturn(GitHubFake.json("github/graphql/repo-state-events-issueX.json")));
        GitHubClients clients = clients();
        Instant since = Instant.parse("2026-11-01T00:00:00Z");

        RepoState state = new RepoStateCollector(Clock.fixed(AS_OF, ZoneOffset.UTC))
                .fetch(clients, RepoRef.parse("octo-org/range"), since, AS_OF);

        // One page of everything, plus one follow-up for issue X, whose events overflow the first page.
        assertThat(clients.requests().total()).isEqualTo(2);
        // 5 open issues now, Y among them; X is closed now. X: closed 11-05, reopened 11-10, closed 11-15 (the
        // last from the follow-up). Y: opened 11-08, never closed. Base without the changed ones: 5 - 1 = 4.
        // Stars: 50 now, starred 11-19T12, 11-09T12 and 11-02T12.
        Map<String, Object> nov04 = day(state, "2026-11-04"); // X open (before its first close), Y not yet
        assertThat(nov04.get("repo.open_issues")).isEqualTo(5.0);
        assertThat(nov04.get("repo.stars")).isEqualTo(48.0);
        Map<String, Object> nov07 = day(state, "2026-11-07"); // X closed, Y not yet
        assertThat(nov07.get("repo.open_issues")).isEqualTo(4.0);
        Map<String, Object> nov10 = day(state, "2026-11-10"); // window [11-09, 11-10): the 11-09 star
        assertThat(nov10.get("repo.stars_gained")).isEqualTo(1.0);
        assertThat(nov10.get("repo.stars")).isEqualTo(49.0);
        Map<String, Object> nov12 = day(state, "2026-11-12"); // X reopened, Y open
        assertThat(nov12.get("repo.open_issues")).isEqualTo(6.0);
        Map<String, Object> nov18 = day(state, "2026-11-18"); // X closed again, Y open
        assertThat(nov18.get("repo.open_issues")).isEqualTo(5.0);
    }

    private static Map<String, Object> day(RepoState state, String date) {
        Window oneDay = new Window(Instant.parse(date + "T00:00:00Z"), 1);
        return values(RepoMetrics.compute(state, oneDay, OptionalLong.empty()));
    }
}
