package io.repovitals.collect;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.GitHubFake;
import io.repovitals.OutcomeValues;
import io.repovitals.github.GitHubClients;
import io.repovitals.metrics.CommitMetrics;
import io.repovitals.metrics.ContributorMetrics;
import io.repovitals.metrics.IssueMetrics;
import io.repovitals.metrics.PrMetrics;
import io.repovitals.model.Outcome;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;
import io.repovitals.model.Window;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** A repository where nothing happened: one request per collector, counts of 0, and nothing else made up. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class QuietWeekTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    private static final Window WINDOW = new Window(AS_OF, 7);
    private static final RepoRef REPO = RepoRef.parse("octo-org/quiet");

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

    @Test
    void should_cost_three_requests_and_report_zero_counts_with_absent_rates() {
        github.stubFor(GitHubFake.graphql("octo-org", "quiet").withRequestBody(containing("query PullRequests"))
                .willReturn(GitHubFake.json("github/graphql/pull-requests-quiet.json")));
        github.stubFor(GitHubFake.graphql("octo-org", "quiet").withRequestBody(containing("query Issues"))
                .willReturn(GitHubFake.json("github/graphql/issues-quiet.json")));
        github.stubFor(GitHubFake.graphql("octo-org", "quiet").withRequestBody(containing("query Commits"))
                .willReturn(GitHubFake.json("github/graphql/commits-quiet.json")));
        GitHubClients clients = GitHubClients.create(URI.create(github.baseUrl()), URI.create(github.baseUrl() + "/graphql"),
                Secret.of(GitHubFake.TOKEN));
        // Fetched once for 90 days: the bus factor's range, and a backfill's.
        Instant since = AS_OF.minus(Duration.ofDays(90));

        Datasets data = new Datasets();
        new PullRequestsCollector().fetch(clients, REPO, since, AS_OF).addTo(data);
        new IssuesCollector().fetch(clients, REPO, since, AS_OF).addTo(data);
        new CommitsCollector(Optional.empty()).fetch(clients, REPO, since, AS_OF).addTo(data);
        List<Outcome> outcomes = new ArrayList<>();
        for (var family : List.of(new PrMetrics(), new IssueMetrics(), new CommitMetrics(), new ContributorMetrics())) {
            outcomes.addAll(family.compute(data, WINDOW, List.of()));
        }
        Map<String, Object> values = OutcomeValues.of(outcomes);

        assertThat(clients.requests().total()).isEqualTo(3);
        assertThat(values).containsEntry("prs.opened", 0.0).containsEntry("prs.awaiting_first_review", 0.0)
                .containsEntry("issues.opened", 0.0).containsEntry("issues.stale", 0.0)
                .containsEntry("commits.count", 0.0).containsEntry("contributors.active", 0.0)
                .containsEntry("prs.time_to_merge_hours.p50", "missing: no pull request was merged in the window")
                .containsEntry("issues.open_age_days.mean", "missing: no issue was open at asOf")
                .containsEntry("commits.per_author", "missing: no commit by a person in the window")
                .containsEntry("contributors.bus_factor", "missing: no commit by a person on the default branch in the last 90 days");
    }
}
