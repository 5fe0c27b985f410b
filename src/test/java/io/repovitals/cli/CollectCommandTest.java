package io.repovitals.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.CliRun;
import io.repovitals.GitHubFake;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code repo-vitals collect} end to end against a fake GitHub: snapshot shape, exit codes, where requests go. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CollectCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).build();

    @TempDir
    Path workDir;

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_API_URL", github.baseUrl());
        env.put("GITHUB_TOKEN", GitHubFake.TOKEN);
        return env;
    }

    @Test
    void should_write_a_contract_shaped_snapshot_to_stdout() throws Exception {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/repo-state-busy.json")));
        GitHubFake.quietRestOfRepository(github, "octo-org", "widgets");

        CliRun run = CliRun.run(env(), workDir, "collect", "--repositories", "octo-org/widgets", "--as-of", "2026-11-20T00:00:00Z");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode snapshot = JSON.readTree(run.out());
        assertThat(snapshot.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(snapshot.path("repository").asText()).isEqualTo("octo-org/widgets");
        assertThat(snapshot.path("asOf").asText()).isEqualTo("2026-11-20T00:00:00Z");
        assertThat(snapshot.path("windowDays").asInt()).isEqualTo(7);
        // Counts are JSON integers (metrics.md "Conventions"); values as worked out in RepoStateCollectorTest.
        assertThat(snapshot.path("metrics").path("repo.stars").isIntegralNumber()).as(run.out()).isTrue();
        assertThat(snapshot.path("metrics").path("repo.stars").asLong()).isEqualTo(119);
        assertThat(snapshot.path("metrics").path("repo.open_issues").asLong()).isEqualTo(9);
        // No PRs or issues in the window: a mean or percentile over nothing is missing, never 0.
        assertThat(snapshot.path("metrics").path("prs.opened").asLong(-1)).isZero();
        assertThat(snapshot.path("metrics").has("prs.time_to_merge_hours.p50")).isFalse();
        assertThat(snapshot.path("missing").path("prs.time_to_merge_hours.p50").asText()).isNotBlank();
        assertThat(snapshot.path("missing").path("traffic.views").asText()).contains("push access");
        assertThat(snapshot.path("contributors").isArray()).isTrue();
        assertThat(snapshot.path("traffic").isArray()).isTrue();
        // Every request this snapshot counted reached the fake, and nothing else did.
        assertThat(snapshot.path("collection").path("requests").asInt()).isEqualTo(github.getAllServeEvents().size());
        // 1 point each: RepoState, PullRequests, Issues, Commits, Deployments (dora-source deployments is GraphQL)
        assertThat(snapshot.path("collection").path("graphqlCost").asInt()).isEqualTo(5);
        assertThat(snapshot.path("collection").path("partial").asBoolean(true)).isFalse();
        assertThat(snapshot.path("collection").has("durationMs")).isTrue();
        assertThat(run.all()).doesNotContain(GitHubFake.TOKEN);
    }

    @Test
    void should_write_to_the_out_file() throws Exception {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/repo-state-busy.json")));
        GitHubFake.quietRestOfRepository(github, "octo-org", "widgets");

        CliRun run = CliRun.run(env(), workDir, "collect", "--repositories=octo-org/widgets",
                "--as-of=2026-11-20T00:00:00Z", "--out", "out/snap.json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(JSON.readTree(Files.readString(workDir.resolve("out/snap.json"))).path("repository").asText())
                .isEqualTo("octo-org/widgets");
    }

    @Test
    void should_exit_1_with_one_line_on_a_bad_token() {
        github.stubFor(post(urlPathEqualTo("/graphql")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withHeader("X-RateLimit-Limit", "60")
                .withBody(GitHubFake.restSample("error-401.json"))));

        CliRun run = CliRun.run(env(), workDir, "collect", "--repositories", "octo-org/widgets");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errorLines()).singleElement().asString()
                .startsWith("error: GitHub rejected the token (HTTP 401 Bad credentials)");
        assertThat(run.out()).isEmpty();
        assertThat(run.all()).doesNotContain(GitHubFake.TOKEN).doesNotContain("\tat ");
    }

    @Test
    void should_exit_1_with_one_line_on_an_unknown_repository() {
        github.stubFor(GitHubFake.graphql("octo-org", "nope").willReturn(GitHubFake.json("github/graphql/repo-state-not-found.json")));

        CliRun run = CliRun.run(env(), workDir, "collect", "--repositories", "octo-org/nope");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errorLines()).containsExactly("error: repository octo-org/nope not found, or not visible to this token");
        assertThat(run.all()).doesNotContain("\tat ");
    }

    @Test
    void should_exit_1_when_github_cannot_be_reached() {
        Map<String, String> env = env();
        env.put("GITHUB_API_URL", "http://127.0.0.1:9"); // the discard port: nothing listens there

        CliRun run = CliRun.run(env, workDir, "collect", "--repositories", "octo-org/widgets");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errorLines()).singleElement().asString().startsWith("error: cannot reach GitHub at http://127.0.0.1:9");
    }

    @Test
    void should_exit_2_without_a_token() {
        Map<String, String> env = env();
        env.remove("GITHUB_TOKEN");

        CliRun run = CliRun.run(env, workDir, "collect", "--repositories", "octo-org/widgets");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("error: ").contains("'token'");
        github.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void should_send_every_request_to_the_configured_urls_for_an_organization() throws Exception {
        // A GitHub Enterprise Server layout: REST under /api/v3, GraphQL at /api/graphql.
        ArrayNode repos = (ArrayNode) JSON.readTree(GitHubFake.restSample("orgs-repos.json"));
        ((ObjectNode) repos.get(4)).put("archived", true); // jenkinsci/json-lib: archived ones are left out
        github.stubFor(get(urlPathEqualTo("/api/v3/orgs/jenkinsci")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"login\":\"jenkinsci\",\"id\":107424,\"type\":\"Organization\",\"url\":\""
                        + github.baseUrl() + "/api/v3/orgs/jenkinsci\",\"repos_url\":\"" + github.baseUrl()
                        + "/api/v3/orgs/jenkinsci/repos\"}")));
        github.stubFor(get(urlPathEqualTo("/api/v3/orgs/jenkinsci/repos")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(repos.toString())));
        github.stubFor(post(urlPathEqualTo("/api/graphql")).willReturn(GitHubFake.json("github/graphql/repo-state-quiet.json")));
        for (String name : new String[] {"gmaven", "core-js", "jelly", "jexl"}) {
            GitHubFake.quietRestOfRepository(github, "jenkinsci", name);
        }
        Map<String, String> env = env();
        env.put("GITHUB_API_URL", github.baseUrl() + "/api/v3");
        env.put("GITHUB_GRAPHQL_URL", github.baseUrl() + "/api/graphql");

        CliRun run = CliRun.run(env, workDir, "collect", "--organizations", "jenkinsci", "--as-of", "2026-11-20T00:00:00Z");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode snapshots = JSON.readTree(run.out());
        assertThat(snapshots.isArray()).isTrue();
        assertThat(snapshots.findValuesAsText("repository"))
                .containsExactly("jenkinsci/core-js", "jenkinsci/gmaven", "jenkinsci/jelly", "jenkinsci/jexl");
        int repositoryRequests = 0;
        for (JsonNode snapshot : snapshots) {
            repositoryRequests += snapshot.path("collection").path("requests").asInt();
        }
        // Every request the program sent arrived here: the org, its repository list, and each repository's own.
        assertThat(github.getAllServeEvents()).hasSize(2 + repositoryRequests);
        assertThat(github.findAllUnmatchedRequests()).isEmpty();
        github.getAllServeEvents().forEach(event ->
                assertThat(event.getRequest().getUrl()).startsWith("/api/"));
        github.getAllServeEvents().forEach(event ->
                assertThat(event.getRequest().getHeader("User-Agent")).startsWith("repo-vitals/"));
        github.verify(2, getRequestedFor(urlMatching("/api/v3/orgs/.*")));
    }

    @Test
    void should_list_every_repositorys_gaps_in_the_job_summary_of_a_collect_job() throws Exception {
        String[] names = {"a", "b", "c", "d", "e", "f"};
        for (String name : names) {
            github.stubFor(GitHubFake.graphql("octo-org", name).willReturn(GitHubFake.json("github/graphql/repo-state-quiet.json")));
            GitHubFake.quietRestOfRepository(github, "octo-org", name);
        }
        Path summaryFile = workDir.resolve("step-summary.md");
        Map<String, String> env = env();
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_STEP_SUMMARY", summaryFile.toString());

        CliRun run = CliRun.run(env, workDir, "collect", "--repositories", "octo-org/a,octo-org/b,octo-org/c,octo-org/d,octo-org/e,octo-org/f",
                "--as-of", "2026-11-20T00:00:00Z");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String summary = Files.readString(summaryFile);
        // Each quiet fixture repository has 3 kinds of gap (code.files_changed from the API, traffic refused to the
        // token, the no-activity metrics): 18 gaps, more than 10 annotations, so the summary is where all are listed.
        assertThat(summary).startsWith("<details><summary>repo-vitals: 18 gaps in 6 repositories' snapshots");
        for (String name : names) {
            assertThat(summary).contains("| octo-org/" + name + " | 4 metrics missing (needs a token with push access (HTTP 403)): traffic.")
                    .contains("| octo-org/" + name + " | code.files_changed missing: ")
                    .contains("| octo-org/" + name + " | 30 metrics missing (nothing of their kind happened in the window): ");
        }
    }

    @Test
    void should_collect_in_parallel_yet_report_in_name_order_with_each_repositorys_own_cost() throws Exception {
        for (String name : new String[] {"f", "e", "d", "c", "b", "a"}) {
            github.stubFor(GitHubFake.graphql("octo-org", name)
                    .willReturn(GitHubFake.json("github/graphql/repo-state-quiet.json").withFixedDelay(150)));
            GitHubFake.quietRestOfRepository(github, "octo-org", name);
        }

        CliRun run = CliRun.run(env(), workDir, "collect", "--repositories", "octo-org/f,octo-org/e,octo-org/d,octo-org/c,octo-org/b,octo-org/a");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode snapshots = JSON.readTree(run.out());
        assertThat(snapshots.findValuesAsText("repository"))
                .containsExactly("octo-org/a", "octo-org/b", "octo-org/c", "octo-org/d", "octo-org/e", "octo-org/f");
        // Each repository counts its own requests, although four ran at once: together, all the fake served.
        assertThat(snapshots.findValues("requests")).extracting(JsonNode::asInt).containsOnly(github.getAllServeEvents().size() / 6);
        assertThat(github.getAllServeEvents().size() % 6).isZero();
    }

    @Test
    void should_go_on_with_the_other_repositories_when_one_fails() throws Exception {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/repo-state-quiet.json")));
        GitHubFake.quietRestOfRepository(github, "octo-org", "widgets");
        // An answer GitHub should never give (not a token, limit or server problem): that repository alone fails.
        github.stubFor(GitHubFake.graphql("octo-org", "broken").willReturn(aResponse().withStatus(422)));

        CliRun run = CliRun.run(env(), workDir, "collect", "--repositories", "octo-org/widgets,octo-org/broken");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).findValuesAsText("repository")).containsExactly("octo-org/widgets");
        assertThat(run.errorLines()).singleElement().asString()
                .startsWith("error: octo-org/broken: unexpected HTTP 422");
    }

    @Test
    void should_exit_0_with_what_could_be_had_when_graphql_answers_partial_data() throws Exception {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/repo-state-busy.json")));
        GitHubFake.quietRestOfRepository(github, "octo-org", "widgets");
        // The pull requests' answer loses one of its lists to a GitHub error (errors with partial data).
        github.stubFor(post(urlPathEqualTo("/graphql"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.query",
                        com.github.tomakehurst.wiremock.client.WireMock.containing("query PullRequests(")))
                .atPriority(0)
                .willReturn(GitHubFake.json("github/graphql/pull-requests-partial.json")));

        CliRun run = CliRun.run(env(), workDir, "collect", "--repositories", "octo-org/widgets", "--as-of", "2026-11-20T00:00:00Z");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode snapshot = JSON.readTree(run.out());
        // The other families are there; prs.* are missing with GitHub's reason; the snapshot says it is partial.
        assertThat(snapshot.path("metrics").path("repo.stars").asLong()).isEqualTo(119);
        assertThat(snapshot.path("metrics").path("issues.opened").asLong(-1)).isZero();
        assertThat(snapshot.path("metrics").has("prs.opened")).isFalse();
        assertThat(snapshot.path("missing").path("prs.opened").asText()).contains("Something went wrong");
        assertThat(snapshot.path("collection").path("partial").asBoolean()).isTrue();
        assertThat(run.all()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void should_spend_no_more_than_the_request_budget_and_say_what_it_cut() throws Exception {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/repo-state-busy.json")));
        GitHubFake.quietRestOfRepository(github, "octo-org", "widgets");

        CliRun run = CliRun.run(env(), workDir, "collect", "--repositories", "octo-org/widgets",
                "--as-of", "2026-11-20T00:00:00Z", "--rate-limit-budget", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(github.getAllServeEvents()).hasSize(3);
        JsonNode snapshot = JSON.readTree(run.out());
        // The repo state, the deployments (fetched before the pull requests, which need the last one before the
        // window) and the pull requests fit; issues, commits, runs and traffic did not.
        assertThat(snapshot.path("metrics").path("repo.stars").asLong()).isEqualTo(119);
        assertThat(snapshot.path("metrics").path("dora.deployments").asLong(-1)).isZero();
        assertThat(snapshot.path("metrics").path("prs.opened").asLong(-1)).isZero();
        assertThat(snapshot.path("missing").path("issues.opened").asText()).contains("budget");
        assertThat(snapshot.path("missing").path("ci.runs").asText()).contains("budget");
        assertThat(snapshot.path("collection").path("partial").asBoolean()).isTrue();
        assertThat(snapshot.path("collection").path("requests").asInt()).isEqualTo(3);
    }
}
