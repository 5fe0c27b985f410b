package io.repovitals.collect;

import io.repovitals.TestClients;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.GitHubFake;
import io.repovitals.OutcomeValues;
import io.repovitals.github.GitHubClients;
import io.repovitals.metrics.CommitMetrics;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;
import io.repovitals.model.Window;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * commits.* and code.* from GitHub's API (the fallback without a workspace clone), against a fake
 * GitHub. Expected values are worked out by hand from src/test/resources/github/graphql/commits-week.json.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommitsCollectorTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    private static final Window WINDOW = new Window(AS_OF, 7); // [2026-11-13T00:00Z, 2026-11-20T00:00Z)
    private static final RepoRef REPO = RepoRef.parse("octo-org/widgets");

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    private GitHubClients clients() {
        return TestClients.create(URI.create(github.baseUrl()), URI.create(github.baseUrl() + "/graphql"),
                Secret.of(GitHubFake.TOKEN));
    }

    @Test
    void should_compute_commit_metrics_from_the_default_branch_history_in_one_request() {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets")
                .withRequestBody(matchingJsonPath("$.variables.since", equalTo("2026-11-13T00:00:00Z")))
                .withRequestBody(matchingJsonPath("$.variables.until", equalTo("2026-11-20T00:00:00Z")))
                .willReturn(GitHubFake.json("github/graphql/commits-week.json")));
        GitHubClients clients = clients();

        Commits commits = new CommitsCollector(Optional.empty()).fetch(clients, REPO, WINDOW.start(), AS_OF);
        Datasets data = new Datasets().with(Commits.class, commits);
        Map<String, Object> values = OutcomeValues.of(new CommitMetrics().compute(data, WINDOW, List.of()));

        // In [11-13, 11-20): 1a2b (alice), 3c4d (carol, no linked user), 4d5e (dependabot), 5e6f (carol again,
        // e-mail in other case), 7081 (alice, exactly at the window start). 2b3c is a merge commit (out) and
        // 6d0f was committed exactly at asOf (out).
        assertThat(values.get("commits.count")).isEqualTo(5.0);
        // alice by login, carol@example.com by lower-cased e-mail; dependabot is a bot.
        assertThat(values.get("commits.authors")).isEqualTo(2.0);
        assertThat(values.get("commits.per_author")).isEqualTo(2.0); // 4 non-bot commits / 2
        // "Hotfix: null check" and "Add hot-fix script".
        assertThat(values.get("commits.hotfix")).isEqualTo(2.0);
        // 3c4d starts with Revert "; 5e6f says "This reverts commit" in its body only.
        assertThat(values.get("commits.reverts")).isEqualTo(2.0);
        assertThat(values.get("code.lines_added")).isEqualTo(39.0);  // 10 + 5 + 1 + 3 + 20
        assertThat(values.get("code.lines_deleted")).isEqualTo(16.0); // 2 + 10 + 1 + 3 + 0
        assertThat((String) values.get("code.files_changed")).isEqualTo("missing: " + CommitsCollector.NO_PATHS);

        assertThat(clients.requests().total()).isEqualTo(1);
        assertThat(commits.source()).isEqualTo("GitHub API");
        // Only the default branch's history is asked for: commits on other branches are never fetched.
        github.verify(1, postRequestedFor(urlPathEqualTo("/graphql"))
                .withRequestBody(containing("defaultBranchRef"))
                .withRequestBody(containing("history(first: 100"))
                .withRequestBody(notContaining("refs("))
                .withRequestBody(notContaining("ref(qualifiedName")));
    }

    @Test
    void should_fall_back_to_the_api_when_the_workspace_holds_no_clone(@TempDir Path workspace) {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/commits-week.json")));
        GitHubClients clients = clients();

        Commits commits = new CommitsCollector(Optional.of(workspace))
                .fetch(clients, REPO, WINDOW.start(), AS_OF, Optional.of("main"));

        assertThat(commits.source()).isEqualTo("GitHub API; the workspace was not used: the workspace holds no git clone");
        assertThat(commits.items()).hasSize(7);
        assertThat(clients.requests().total()).isEqualTo(1);
    }

    @Test
    void should_leave_commit_metrics_absent_for_an_empty_repository() {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/commits-empty-repo.json")));

        GitHubClients clients = clients();
        Datasets data = new Datasets().fetch(Commits.class,
                () -> new CommitsCollector(Optional.empty()).fetch(clients, REPO, WINDOW.start(), AS_OF));

        assertThat(OutcomeValues.of(new CommitMetrics().compute(data, WINDOW, List.of())).values())
                .hasSize(CommitMetrics.DEFS.size())
                .allSatisfy(value -> assertThat(value).isEqualTo("missing: the repository is empty (no default branch), so it has no commits"));
        assertThat(data.partialReason()).isEmpty();
    }
}
