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
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code repo-vitals collect} end to end against a fake GitHub: snapshot shape, exit codes, where requests go. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CollectCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

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
        assertThat(snapshot.path("metrics").size()).isEqualTo(8);
        assertThat(snapshot.path("missing").isObject()).isTrue();
        assertThat(snapshot.path("contributors").isArray()).isTrue();
        assertThat(snapshot.path("traffic").isArray()).isTrue();
        assertThat(snapshot.path("collection").path("requests").asInt()).isEqualTo(1);
        assertThat(snapshot.path("collection").path("graphqlCost").asInt()).isEqualTo(1);
        assertThat(snapshot.path("collection").path("partial").asBoolean(true)).isFalse();
        assertThat(snapshot.path("collection").has("durationMs")).isTrue();
        assertThat(run.all()).doesNotContain(GitHubFake.TOKEN);
    }

    @Test
    void should_write_to_the_out_file() throws Exception {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/repo-state-busy.json")));

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
        Map<String, String> env = env();
        env.put("GITHUB_API_URL", github.baseUrl() + "/api/v3");
        env.put("GITHUB_GRAPHQL_URL", github.baseUrl() + "/api/graphql");

        CliRun run = CliRun.run(env, workDir, "collect", "--organizations", "jenkinsci", "--as-of", "2026-11-20T00:00:00Z");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode snapshots = JSON.readTree(run.out());
        assertThat(snapshots.isArray()).isTrue();
        assertThat(snapshots.findValuesAsText("repository"))
                .containsExactly("jenkinsci/core-js", "jenkinsci/gmaven", "jenkinsci/jelly", "jenkinsci/jexl");
        int graphqlRequests = 0;
        for (JsonNode snapshot : snapshots) {
            graphqlRequests += snapshot.path("collection").path("requests").asInt();
        }
        assertThat(graphqlRequests).isEqualTo(4);
        // Every request the program sent arrived here: the org, its repository list, one GraphQL call per repository.
        assertThat(github.getAllServeEvents()).hasSize(2 + 4);
        assertThat(github.findAllUnmatchedRequests()).isEmpty();
        github.getAllServeEvents().forEach(event ->
                assertThat(event.getRequest().getUrl()).startsWith("/api/"));
        github.verify(4, postRequestedFor(urlPathEqualTo("/api/graphql"))
                .withHeader("User-Agent", matching("repo-vitals/.+")));
        github.verify(2, getRequestedFor(urlMatching("/api/v3/.*"))
                .withHeader("User-Agent", matching("repo-vitals/.+")));
    }

    @Test
    void should_collect_in_parallel_yet_report_in_name_order_with_each_repositorys_own_cost() throws Exception {
        for (String name : new String[] {"f", "e", "d", "c", "b", "a"}) {
            github.stubFor(GitHubFake.graphql("octo-org", name)
                    .willReturn(GitHubFake.json("github/graphql/repo-state-quiet.json").withFixedDelay(150)));
        }

        CliRun run = CliRun.run(env(), workDir, "collect", "--repositories", "octo-org/f,octo-org/e,octo-org/d,octo-org/c,octo-org/b,octo-org/a");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode snapshots = JSON.readTree(run.out());
        assertThat(snapshots.findValuesAsText("repository"))
                .containsExactly("octo-org/a", "octo-org/b", "octo-org/c", "octo-org/d", "octo-org/e", "octo-org/f");
        // Each repository counts its own single request, although four ran at once.
        assertThat(snapshots.findValues("requests")).extracting(JsonNode::asInt).containsOnly(1);
    }

    @Test
    void should_go_on_with_the_other_repositories_when_one_fails() throws Exception {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/repo-state-quiet.json")));
        github.stubFor(GitHubFake.graphql("octo-org", "broken").willReturn(aResponse().withStatus(500)));

        CliRun run = CliRun.run(env(), workDir, "collect", "--repositories", "octo-org/widgets,octo-org/broken");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).findValuesAsText("repository")).containsExactly("octo-org/widgets");
        assertThat(run.errorLines()).singleElement().asString()
                .isEqualTo("error: octo-org/broken: GitHub answered HTTP 500 at " + github.baseUrl() + "/graphql");
    }
}
