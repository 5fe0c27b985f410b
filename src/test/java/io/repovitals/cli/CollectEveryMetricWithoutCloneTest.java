package io.repovitals.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.CliRun;
import io.repovitals.GitHistories;
import io.repovitals.GitHubFake;
import io.repovitals.GitUploadServer;
import io.repovitals.RestSamples;
import io.repovitals.metrics.MetricCatalog;
import io.repovitals.metrics.TrafficMetrics;
import io.repovitals.model.MetricDef;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's done-when: with no clone in the workspace, {@code collect} on the fake GitHub gives every catalog
 * metric, {@code code.files_changed} included, and the same snapshot as with a clone of the repository in the
 * workspace. The history ({@link GitHistories}: a rename, a binary file, a merge, commits older than the window)
 * comes over git smart HTTP from an in-process server ({@link GitUploadServer}, JGit's UploadPack). Every other
 * list is a busy week of the recorded fixtures the collector tests work out by hand (PullRequestsCollectorTest,
 * IssuesCollectorTest, DeploymentsCollectorTest, RepoStateCollectorTest), all at asOf 2026-11-20, window
 * [11-13, 11-20).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CollectEveryMetricWithoutCloneTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The catalog metrics collect cannot have by their definition: contributors.new needs an earlier snapshot of
     * the history, and collect reads no history (run does).
     */
    private static final Set<String> MISSING_BY_DEFINITION = Set.of("contributors.new");

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    @TempDir
    Path origin;
    @TempDir
    Path emptyWorkspace;
    @TempDir
    Path workDir;

    /**
     * A busy week on every list. No stub answers the Commits query: failOnUnmatchedRequests fails the test if
     * either path asks the API for commits.
     */
    @BeforeEach
    void stubGitHub() throws Exception {
        GitHistories.build(origin);
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/repo-state-busy.json")));
        github.stubFor(operation("PullRequests").withRequestBody(matchingJsonPath("$.variables.doneAfter", absent()))
                .willReturn(GitHubFake.json("github/graphql/pull-requests-week.json")));
        // The last production success before the window is at 11-09T18:00 (below): merged PRs are paged back to
        // it; page 2 ends with #29, updated 11-09T12:00, before it.
        github.stubFor(operation("PullRequests").withRequestBody(matchingJsonPath("$.variables.doneAfter", equalTo("Y3Vyc29yOmRvbmUtNg==")))
                .willReturn(GitHubFake.json("github/graphql/pull-requests-week-done-page2.json")));
        github.stubFor(operation("PullRequestMore").withRequestBody(matchingJsonPath("$.variables.id", equalTo("PR_kwDOA20")))
                .willReturn(GitHubFake.json("github/graphql/pull-request-more-20.json")));
        github.stubFor(operation("Issues").withRequestBody(matchingJsonPath("$.variables.openAfter", absent()))
                .willReturn(GitHubFake.json("github/graphql/issues-week-page1.json")));
        github.stubFor(operation("Issues").withRequestBody(matchingJsonPath("$.variables.openAfter",
                equalTo("Y3Vyc29yOnYyOpK5MjAyNi0xMS0xNVQwMDowMDowMFo="))).willReturn(GitHubFake.json("github/graphql/issues-week-page2.json")));
        github.stubFor(operation("IssueMore").withRequestBody(matchingJsonPath("$.variables.id", equalTo("I_kwDOA1")))
                .willReturn(GitHubFake.json("github/graphql/issue-more-1.json")));
        // deployments-week.json with its 11-01 success moved to 11-09 (created 17:56, succeeded 18:00): reading
        // stops at 10-30, more than 7 days before that anchor, on the first page.
        github.stubFor(operation("Deployments").withRequestBody(matchingJsonPath("$.variables.after", absent()))
                .willReturn(okJson(GitHubFake.resource("github/graphql/deployments-week.json")
                        .replace("2026-11-01T00:00:00Z", "2026-11-09T17:56:00Z").replace("2026-11-01T00:04:00Z", "2026-11-09T18:00:00Z"))));
        github.stubFor(get(urlPathEqualTo("/repos/octo-org/widgets/actions/runs"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(RestSamples.runsPage(2,
                        RestSamples.run(2, ".github/workflows/ci.yml", "main", "completed", "failure",
                                "2026-11-18T10:00:00Z", "2026-11-18T10:00:00Z", "2026-11-18T10:20:00Z"),
                        RestSamples.run(1, ".github/workflows/ci.yml", "main", "completed", "success",
                                "2026-11-17T10:00:00Z", "2026-11-17T10:00:00Z", "2026-11-17T10:10:00Z")))));
        // The recorded 2020-02-08..21 points moved by 2463 days to 2026-11-06..19, the 14 days before asOf.
        github.stubFor(get(urlPathEqualTo("/repos/octo-org/widgets/traffic/views"))
                .willReturn(ok(RestSamples.shiftedTraffic("traffic-views.json", "views", 2463))));
        github.stubFor(get(urlPathEqualTo("/repos/octo-org/widgets/traffic/clones"))
                .willReturn(ok(RestSamples.shiftedTraffic("traffic-clones.json", "clones", 2463))));
    }

    /** A query by its operation name, whatever the repository variables (the ...More queries name only a node id). */
    private static MappingBuilder operation(String name) {
        return post(urlPathEqualTo("/graphql")).withHeader("Authorization", equalTo("bearer " + GitHubFake.TOKEN))
                .atPriority(1).withRequestBody(matchingJsonPath("$.query", containing("query " + name + "(")));
    }

    private Map<String, String> env(Path workspace, String serverUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_API_URL", github.baseUrl());
        env.put("GITHUB_TOKEN", GitHubFake.TOKEN);
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("GITHUB_SERVER_URL", serverUrl);
        return env;
    }

    private JsonNode collect(Map<String, String> env) throws Exception {
        CliRun run = CliRun.run(env, workDir, "collect", "--repositories", "octo-org/widgets", "--as-of", "2026-11-20T00:00:00Z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.all()).doesNotContain(GitHubFake.TOKEN);
        return JSON.readTree(run.out());
    }

    private GitUploadServer server(String mountPath, String token) throws Exception {
        return new GitUploadServer(Map.of("octo-org/widgets", Git.open(origin.toFile()).getRepository()), mountPath, token,
                GitUploadServer.Mode.ACCEPT);
    }

    @Test
    @Timeout(120)
    void should_give_every_catalog_metric_without_a_clone_as_with_one() throws Exception {
        JsonNode fetched;
        List<String> gitRequests;
        try (GitUploadServer server = server("", GitHubFake.TOKEN)) {
            fetched = collect(env(emptyWorkspace, server.serverUrl()));
            gitRequests = new ArrayList<>(server.requests);
        }
        int fetchedRequests = github.getAllServeEvents().size();
        github.resetRequests();
        // The clone: the same repository as the workspace; nothing listens at port 9, so no fetch could succeed.
        JsonNode cloned = collect(env(origin, "http://127.0.0.1:9"));
        int clonedRequests = github.getAllServeEvents().size();

        // Every catalog metric has a value but those collect cannot have by definition; traffic.* are the
        // snapshot's daily points (never entries of metrics), so each of the 14 days must carry all four.
        Set<String> absent = new TreeSet<>();
        for (MetricDef def : MetricCatalog.defs()) {
            boolean present = TrafficMetrics.DEFS.contains(def)
                    ? fetched.path("traffic").size() == 14 && all(fetched.path("traffic"), def.name().substring("traffic.".length()))
                    : fetched.path("metrics").has(def.name());
            if (!present) {
                absent.add(def.name());
            }
        }
        assertThat(absent).isEqualTo(MISSING_BY_DEFINITION);
        assertThat(names(fetched.path("missing"))).isEqualTo(MISSING_BY_DEFINITION);
        assertThat(fetched.path("metrics").size()).isEqualTo(MetricCatalog.defs().size() - TrafficMetrics.DEFS.size()
                - MISSING_BY_DEFINITION.size());

        // The same snapshot both ways: metrics, missing, contributors and traffic; only the cost differs.
        assertThat(withoutCollection(fetched)).isEqualTo(withoutCollection(cloned));
        assertThat(fetched.path("collection").path("gitBytes").asLong()).isPositive();
        assertThat(cloned.path("collection").has("gitBytes")).isFalse();
        // Neither asks the API for commits (no stub for them), so both cost the same requests.
        assertThat(fetchedRequests).isEqualTo(clonedRequests).isEqualTo(fetched.path("collection").path("requests").asInt());
        github.verify(0, postRequestedFor(urlPathEqualTo("/graphql")).withRequestBody(containing("query Commits(")));
        assertThat(gitRequests).isNotEmpty().allSatisfy(line -> assertThat(line).contains("/octo-org/widgets.git/"));

        JsonNode metrics = fetched.path("metrics");
        // Commits of [11-13, 11-20) on main, merges left out: r1 (the rename a.txt -> docs/a.txt, exactly at the
        // window start), f1 (bob@example.com, c.txt, from the merged feature branch), b1 (logo.png, binary), k1
        // (KarlH). m1 is the merge, "At asOf" (11-20T00:00) is out, o0 (10-01), o1 (11-01) and j0 (07-01) older.
        assertThat(metrics.path("commits.count").asInt()).isEqualTo(4);
        assertThat(metrics.path("commits.authors").asInt()).isEqualTo(3); // alice (r1, b1), bob@example.com, KarlH
        // Lines: r1 a pure rename (0 and 0), f1 +3 (c.txt's 3 new lines), b1 binary (0 and 0), k1 +1 -1 (two -> TWO).
        assertThat(metrics.path("code.lines_added").asInt()).isEqualTo(4);
        assertThat(metrics.path("code.lines_deleted").asInt()).isEqualTo(1);
        // Distinct paths: docs/a.txt (r1's new path, k1 again), c.txt, logo.png. a.txt, the rename's old path, is
        // not a change of its own.
        assertThat(metrics.path("code.files_changed").asInt()).isEqualTo(3);
        // KarlH, known only from the no-reply address 12345+KarlH@..., keeps the address's case: 1 commit, +1 -1.
        assertThat(fetched.path("contributors").findValuesAsText("login")).contains("KarlH").doesNotContain("karlh");
        // Runs created in the window, both decided on main: 2 at 11-18 failed (20 min), 1 at 11-17 passed (10 min).
        // p75 = 10 + 0.75 * (20 - 10) = 17.5; the latest decided main run before asOf (2) failed.
        assertThat(metrics.path("ci.runs").asInt()).isEqualTo(2);
        assertThat(metrics.path("ci.failure_rate").asDouble()).isEqualTo(0.5);
        assertThat(metrics.path("ci.duration_minutes.p75").asDouble()).isEqualTo(17.5);
        assertThat(metrics.path("ci.default_branch_passing").asInt()).isZero();
        // Stars: 120 now, less the star at 11-21 (after asOf): 119; gained in the window: 11-13T00, 11-15, 11-19 (3).
        // Forks: 30 less 11-22's: 29; gained: 11-19's (1).
        assertThat(metrics.path("repo.stars").asInt()).isEqualTo(119);
        assertThat(metrics.path("repo.stars_gained").asInt()).isEqualTo(3);
        assertThat(metrics.path("repo.forks").asInt()).isEqualTo(29);
        assertThat(metrics.path("repo.forks_gained").asInt()).isEqualTo(1);
        // Production deployments decided in the window: 11-13T00:00 ERROR, 11-16T09:10 FAILURE, 11-19T10:05 SUCCESS
        // (the one succeeding at 11-20T00:30 is after asOf). One success in 7 days: 1 a week; failed 2 of 3 (the
        // incident #8, opened 11-16T00:00, follows no deployment within 24 hours); #8 restored in 36 h (11-17T12:00).
        assertThat(metrics.path("dora.deployments").asInt()).isEqualTo(1);
        assertThat(metrics.path("dora.deployment_frequency_per_week").asDouble()).isEqualTo(1.0);
        assertThat(metrics.path("dora.change_failure_rate").asDouble()).isEqualTo(2.0 / 3);
        assertThat(metrics.path("dora.time_to_restore_hours.p50").asDouble()).isEqualTo(36.0);
        // The PR metrics of pull-requests-week.json as PullRequestsCollectorTest works them out: #20 (15 lines) and
        // #21 (120 lines) merged, size median 67.5; 1 of them reviewed before its merge.
        assertThat(metrics.path("prs.merged").asInt()).isEqualTo(2);
        assertThat(metrics.path("prs.size_lines.p50").asDouble()).isEqualTo(67.5);
        assertThat(metrics.path("prs.review_coverage").asDouble()).isEqualTo(0.5);
    }

    @Test
    @Timeout(120)
    void should_fetch_from_a_github_enterprise_server_under_a_path_prefix_with_the_token() throws Exception {
        JsonNode snapshot;
        List<String> gitRequests;
        List<String> authorizations;
        try (GitUploadServer server = server("/ghe", GitHubFake.TOKEN)) {
            // GITHUB_SERVER_URL as a GHES instance behind a path prefix may set it, trailing slash included.
            snapshot = collect(env(emptyWorkspace, server.serverUrl() + "/"));
            gitRequests = new ArrayList<>(server.requests);
            authorizations = new ArrayList<>(server.authorizations);
        }

        // <server>/ghe/ + owner/name.git: the server serves nothing outside /ghe, so a URL without the prefix
        // (or with a doubled slash) would have got 404 and left code.files_changed missing.
        assertThat(gitRequests).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches("(GET|POST) /ghe/octo-org/widgets\\.git/(info/refs\\?service=git-upload-pack|git-upload-pack)"));
        assertThat(snapshot.path("metrics").path("code.files_changed").asInt()).isEqualTo(3);
        assertThat(snapshot.path("missing").has("code.files_changed")).isFalse();
        // The token travels only as basic auth, user x-access-token, never in the URL.
        String basic = "Basic " + Base64.getEncoder().encodeToString(("x-access-token:" + GitHubFake.TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(authorizations).isNotEmpty().allSatisfy(auth -> assertThat(auth).isEqualTo(basic));
        assertThat(gitRequests).noneSatisfy(line -> assertThat(line).contains(GitHubFake.TOKEN));
    }

    @Test
    @Timeout(120)
    void should_say_why_a_refused_enterprise_fetch_left_code_files_changed_missing_without_the_token() throws Exception {
        // The server knows another token: the run's is refused (401) however often it is sent.
        github.stubFor(operation("Commits").willReturn(GitHubFake.json("github/graphql/commits-quiet.json")));
        JsonNode snapshot;
        try (GitUploadServer server = server("/ghe", "ghs_another0000000000000000000000000000")) {
            snapshot = collect(env(emptyWorkspace, server.serverUrl()));
            assertThat(server.requests).isNotEmpty();
        }

        String reason = snapshot.path("missing").path("code.files_changed").asText();
        assertThat(reason).contains("could not be fetched over git (permission").doesNotContain(GitHubFake.TOKEN);
        assertThat(snapshot.toString()).doesNotContain(GitHubFake.TOKEN);
    }

    private static boolean all(JsonNode days, String field) {
        for (JsonNode day : days) {
            if (!day.path(field).isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode withoutCollection(JsonNode snapshot) {
        ObjectNode copy = snapshot.deepCopy();
        copy.remove("collection");
        return copy;
    }
}
