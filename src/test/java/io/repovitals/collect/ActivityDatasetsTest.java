package io.repovitals.collect;

import io.repovitals.TestClients;
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
import static org.assertj.core.api.Assertions.assertThat;

/** The GraphQL half of a repository's collection: what it costs and how one failure stays one dataset's. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ActivityDatasetsTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    private static final Window WINDOW = new Window(AS_OF, 7);
    private static final RepoRef REPO = RepoRef.parse("octo-org/quiet");

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    private static GitHubClients clients() {
        return TestClients.create(URI.create(github.baseUrl()), URI.create(github.baseUrl() + "/graphql"),
                Secret.of(GitHubFake.TOKEN));
    }

    private static void stub(String query, String resource) {
        github.stubFor(GitHubFake.graphql("octo-org", "quiet").withRequestBody(containing("query " + query + "("))
                .willReturn(GitHubFake.json("github/graphql/" + resource)));
    }

    /** A repository where nothing happened: one request per dataset, counts of 0, and nothing else made up. */
    @Test
    void should_cost_three_requests_for_a_quiet_repository_and_report_zero_counts_with_absent_rates() {
        stub("PullRequests", "pull-requests-quiet.json");
        stub("Issues", "issues-quiet.json");
        stub("Commits", "commits-quiet.json");
        GitHubClients clients = clients();
        // Fetched once for 90 days: the bus factor's range, and a backfill's.
        Instant since = AS_OF.minus(Duration.ofDays(90));

        Datasets data = new ActivityDatasets(Optional.empty())
                .fetchInto(new Datasets(), clients, REPO, new CollectionRange(since, AS_OF, AS_OF), since, Optional.of("main"));
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

    @Test
    void should_ask_nothing_about_pull_requests_or_commits_of_an_empty_repository() {
        stub("Issues", "issues-quiet.json");
        GitHubClients clients = clients();

        Datasets data = new ActivityDatasets(Optional.empty()).fetchInto(new Datasets(), clients, REPO,
                new CollectionRange(WINDOW.start(), AS_OF, AS_OF), WINDOW.start(), Optional.empty());
        Map<String, Object> values = OutcomeValues.of(new CommitMetrics().compute(data, WINDOW, List.of()));

        assertThat(clients.requests().total()).isEqualTo(1);
        // No default branch, so no commit and no pull request: counts 0 (facts), means over nothing missing (issue 16).
        assertThat(values.get("commits.count")).isEqualTo(0.0);
        assertThat(data.get(PullRequests.class)).get().extracting(PullRequests::items).asList().isEmpty();
        assertThat(OutcomeValues.of(new PrMetrics().compute(data, WINDOW, List.of())))
                .containsEntry("prs.opened", 0.0).containsEntry("prs.merged", 0.0)
                .containsEntry("prs.time_to_merge_hours.p50", "missing: no pull request was merged in the window");
        assertThat(data.get(Issues.class)).isPresent();
        assertThat(data.partialReason()).isEmpty();
    }

    @Test
    void should_keep_the_other_datasets_when_one_answer_has_errors() {
        github.stubFor(GitHubFake.graphql("octo-org", "quiet").withRequestBody(containing("query PullRequests("))
                .willReturn(GitHubFake.json("github/graphql/pull-requests-partial.json")));
        stub("Issues", "issues-quiet.json");
        stub("Commits", "commits-quiet.json");

        Datasets data = new ActivityDatasets(Optional.empty()).fetchInto(new Datasets(), clients(), REPO,
                new CollectionRange(WINDOW.start(), AS_OF, AS_OF), WINDOW.start(), Optional.of("main"));

        assertThat(data.get(PullRequests.class)).isEmpty();
        assertThat(data.absentReason(PullRequests.class)).startsWith("GitHub's GraphQL API answered pull requests of octo-org/quiet with an error");
        assertThat(data.get(Issues.class)).isPresent();
        assertThat(data.get(Commits.class)).isPresent();
        assertThat(data.partialReason()).isPresent();
    }
}
