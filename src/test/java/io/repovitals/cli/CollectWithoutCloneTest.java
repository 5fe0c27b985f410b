package io.repovitals.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.CliRun;
import io.repovitals.GitHistories;
import io.repovitals.GitHubFake;
import io.repovitals.GitUploadServer;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * collect with no clone in the workspace: the history comes over git smart HTTP from an in-process
 * server (GitHistories' repository), code.* and commits.* as from a clone of it, with one API request
 * fewer than without the fetch (the commits query is not sent).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CollectWithoutCloneTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    @TempDir
    Path origin;
    @TempDir
    Path emptyWorkspace;
    @TempDir
    Path workDir;

    @BeforeEach
    void stubGitHub() throws Exception {
        GitHistories.build(origin);
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/repo-state-busy.json")));
        GitHubFake.quietRestOfRepository(github, "octo-org", "widgets");
    }

    private Map<String, String> env(Path workspace, String serverUrl, String maxMb) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_API_URL", github.baseUrl());
        env.put("GITHUB_TOKEN", GitHubFake.TOKEN);
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("GITHUB_SERVER_URL", serverUrl);
        env.put(io.repovitals.config.Inputs.GIT_FETCH_MAX_MB.envName(), maxMb);
        return env;
    }

    private JsonNode collect(Map<String, String> env) throws Exception {
        CliRun run = CliRun.run(env, workDir, "collect", "--repositories", "octo-org/widgets", "--as-of", "2026-11-20T00:00:00Z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.all()).doesNotContain(GitHubFake.TOKEN);
        return JSON.readTree(run.out());
    }

    @Test
    void should_measure_code_metrics_from_a_fetched_history_as_from_a_clone_with_one_request_fewer() throws Exception {
        JsonNode fetched;
        try (GitUploadServer server = new GitUploadServer(Git.open(origin.toFile()).getRepository(), "octo-org/widgets",
                GitHubFake.TOKEN, GitUploadServer.Mode.ACCEPT)) {
            fetched = collect(env(emptyWorkspace, server.serverUrl(), "200"));
            assertThat(server.requests).isNotEmpty();
        }
        int fetchRequests = github.getAllServeEvents().size();
        github.verify(0, postRequestedFor(urlPathEqualTo("/graphql")).withRequestBody(containing("query Commits(")));
        github.resetRequests();
        JsonNode fromClone = collect(env(origin, "http://127.0.0.1:9", "200"));
        github.resetRequests();
        JsonNode fromApi = collect(env(emptyWorkspace, "http://127.0.0.1:9", "0"));
        int apiRequests = github.getAllServeEvents().size();

        // Window [11-13, 11-20): r1, f1, b1, k1 (m1 a merge). r1 a pure rename, b1 a binary file: 0 lines each;
        // f1 +3, k1 +1 -1. Files: docs/a.txt, c.txt, logo.png.
        JsonNode metrics = fetched.path("metrics");
        assertThat(metrics.path("commits.count").asDouble()).isEqualTo(4.0);
        assertThat(metrics.path("code.lines_added").asDouble()).isEqualTo(4.0);
        assertThat(metrics.path("code.lines_deleted").asDouble()).isEqualTo(1.0);
        assertThat(metrics.path("code.files_changed").asDouble()).isEqualTo(3.0);
        assertThat(fetched.path("missing").has("code.files_changed")).isFalse();
        // The same snapshot as from the clone: every metric, missing reason and contributor row.
        assertThat(commitsAndCode(metrics)).isEqualTo(commitsAndCode(fromClone.path("metrics"))).isNotEmpty();
        assertThat(fetched.path("missing")).isEqualTo(fromClone.path("missing"));
        assertThat(fetched.path("contributors")).isEqualTo(fromClone.path("contributors"));
        // The API has no changed files per commit.
        assertThat(fromApi.path("missing").path("code.files_changed").asText()).contains("no changed files")
                .as("git-fetch-max-mb 0 tries no fetch").doesNotContain("fetched over git");
        assertThat(fromApi.path("collection").has("gitBytes")).isFalse();

        assertThat(fetched.path("collection").path("gitBytes").asLong()).isPositive();
        // CliRun's clock stands still, so the fetch took 0 ms by it (FetchedCommitsTest times it on a ticking clock).
        assertThat(fetched.path("collection").path("gitMs").asLong(0)).isZero();
        assertThat(fromClone.path("collection").has("gitBytes")).isFalse();
        assertThat(fetchRequests).isEqualTo(apiRequests - 1).isEqualTo(fetched.path("collection").path("requests").asInt());
    }

    @Test
    void should_fetch_the_history_when_the_workspace_clone_is_shallow() throws Exception {
        // A copy of the repository cut at its tip, as actions/checkout leaves it by default (fetch-depth: 1).
        Path shallowClone = workDir.resolve("shallow-clone");
        try (Stream<Path> files = Files.walk(origin.resolve(".git"))) {
            for (Path file : files.toList()) {
                Path copy = shallowClone.resolve(".git").resolve(origin.resolve(".git").relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        try (Git git = Git.open(origin.toFile())) {
            Files.writeString(shallowClone.resolve(".git/shallow"), git.getRepository().resolve("main").getName() + "\n");
        }
        JsonNode fetched;
        try (GitUploadServer server = new GitUploadServer(Git.open(origin.toFile()).getRepository(), "octo-org/widgets",
                GitHubFake.TOKEN, GitUploadServer.Mode.ACCEPT)) {
            fetched = collect(env(shallowClone, server.serverUrl(), "200"));
        }

        assertThat(fetched.path("metrics").path("code.files_changed").asDouble()).isEqualTo(3.0);
        assertThat(fetched.path("collection").path("gitBytes").asLong()).isPositive();
        github.verify(0, postRequestedFor(urlPathEqualTo("/graphql")).withRequestBody(containing("query Commits(")));
    }

    @Test
    void should_leave_code_files_changed_missing_with_the_reason_when_the_token_may_not_fetch() throws Exception {
        JsonNode snapshot;
        try (GitUploadServer server = new GitUploadServer(Git.open(origin.toFile()).getRepository(), "octo-org/widgets",
                GitHubFake.TOKEN, GitUploadServer.Mode.FORBIDDEN)) {
            snapshot = collect(env(emptyWorkspace, server.serverUrl(), "200"));
        }

        assertThat(snapshot.path("missing").path("code.files_changed").asText())
                .contains("could not be fetched over git (permission");
        // The commits still come from the API's commits query (quiet fixture: no commits).
        github.verify(1, postRequestedFor(urlPathEqualTo("/graphql")).withRequestBody(containing("query Commits(")));
        assertThat(Files.list(emptyWorkspace)).isEmpty();
    }

    @Test
    void should_fetch_each_repository_of_a_run_concurrently_and_count_its_bytes_apart(@TempDir Path gadgets) throws Exception {
        GitHistories.build(gadgets);
        github.stubFor(GitHubFake.graphql("octo-org", "gadgets").willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                GitHubFake.resource("github/graphql/repo-state-busy.json").replace("octo-org/widgets", "octo-org/gadgets"))));
        GitHubFake.quietRestOfRepository(github, "octo-org", "gadgets");
        long alone;
        JsonNode both;
        try (GitUploadServer server = new GitUploadServer(Map.of(
                "octo-org/widgets", Git.open(origin.toFile()).getRepository(),
                "octo-org/gadgets", Git.open(gadgets.toFile()).getRepository()), GitHubFake.TOKEN, GitUploadServer.Mode.ACCEPT)) {
            alone = collect(env(emptyWorkspace, server.serverUrl(), "200")).path("collection").path("gitBytes").asLong();
            CliRun run = CliRun.run(env(emptyWorkspace, server.serverUrl(), "200"), workDir, "collect",
                    "--repositories", "octo-org/widgets,octo-org/gadgets", "--as-of", "2026-11-20T00:00:00Z");
            assertThat(run.exitCode()).as(run.err()).isZero();
            both = JSON.readTree(run.out());
        }

        // The same history in both: each snapshot counts its own fetch's bytes, as a run of one does.
        assertThat(both).hasSize(2);
        for (JsonNode snapshot : both) {
            assertThat(snapshot.path("metrics").path("code.files_changed").asDouble()).as(snapshot.path("repository").asText())
                    .isEqualTo(3.0);
            assertThat(snapshot.path("collection").path("gitBytes").asLong()).isEqualTo(alone).isPositive();
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void should_backfill_each_day_from_the_fetched_history_as_from_the_clone(@TempDir Path historyRemote) throws Exception {
        // A repo state whose lists end: the busy fixture's star page says "more" forever to a range reaching 11-10.
        github.stubFor(GitHubFake.graphql("octo-org", "widgets")
                .willReturn(GitHubFake.json("github/graphql/repo-state-stars-withheld.json")));
        Map<String, JsonNode> fetched;
        try (GitUploadServer server = new GitUploadServer(Git.open(origin.toFile()).getRepository(), "octo-org/widgets",
                GitHubFake.TOKEN, GitUploadServer.Mode.ACCEPT)) {
            fetched = runWithBackfill(env(emptyWorkspace, server.serverUrl(), "200"), historyRemote.resolve("fetched.git"));
        }
        Map<String, JsonNode> cloned = runWithBackfill(env(origin, "http://127.0.0.1:9", "200"), historyRemote.resolve("cloned.git"));

        // Windows of 7 days to each day's 00:00. 11-17: r1, f1, b1 (+3; docs/a.txt, c.txt, logo.png);
        // 11-18 to 11-20 add k1 (+1 -1, docs/a.txt again). m1 is a merge; r1 a rename, b1 binary: 0 lines.
        assertThat(fetched.keySet()).containsExactly("2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20");
        Map<String, Double> added = new TreeMap<>();
        fetched.forEach((day, snapshot) -> added.put(day, snapshot.path("metrics").path("code.lines_added").asDouble()));
        assertThat(added).containsExactly(Map.entry("2026-11-17", 3.0), Map.entry("2026-11-18", 4.0),
                Map.entry("2026-11-19", 4.0), Map.entry("2026-11-20", 4.0));
        for (String day : fetched.keySet()) {
            assertThat(fetched.get(day).path("metrics").path("code.files_changed").asDouble()).as(day).isEqualTo(3.0);
            assertThat(commitsAndCode(fetched.get(day).path("metrics"))).as(day)
                    .isEqualTo(commitsAndCode(cloned.get(day).path("metrics")));
            assertThat(fetched.get(day).path("contributors")).as(day).isEqualTo(cloned.get(day).path("contributors"));
        }
        // Only the run's own day carries the collection's cost, the fetch included.
        assertThat(fetched.get("2026-11-20").path("collection").path("gitBytes").asLong()).isPositive();
        assertThat(fetched.get("2026-11-17").path("collection").has("gitBytes")).isFalse();
    }

    /** A first run with 3 backfilled days into a new history remote; its snapshots by day. */
    private Map<String, JsonNode> runWithBackfill(Map<String, String> env, Path historyRemote) throws Exception {
        Git.init().setBare(true).setDirectory(historyRemote.toFile()).call().close();
        env.put("GITHUB_REPOSITORY", "octo-org/widgets");
        env.put("GITHUB_STEP_SUMMARY", workDir.resolve("summary.md").toString());
        env.put("INPUT_AS-OF", "2026-11-20T00:00:00Z");
        env.put("INPUT_HISTORY-REMOTE", historyRemote.toString());
        env.put("INPUT_BACKFILL-DAYS", "3");
        env.put("INPUT_PUBLISH", "summary");
        env.put("INPUT_CHARTS", "none");
        CliRun run = CliRun.run(env, workDir, "run");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.all()).doesNotContain(GitHubFake.TOKEN);
        Map<String, JsonNode> days = new TreeMap<>();
        try (org.eclipse.jgit.lib.Repository repository = Git.open(historyRemote.toFile()).getRepository();
             org.eclipse.jgit.treewalk.TreeWalk walk = new org.eclipse.jgit.treewalk.TreeWalk(repository)) {
            walk.addTree(repository.resolve("refs/heads/repo-vitals-data^{tree}"));
            walk.setRecursive(true);
            while (walk.next()) {
                String name = walk.getPathString();
                if (name.startsWith("snapshots/octo-org/widgets/")) {
                    days.put(name.substring(name.lastIndexOf('/') + 1, name.length() - ".json".length()),
                            JSON.readTree(repository.open(walk.getObjectId(0)).getBytes()));
                }
            }
        }
        return days;
    }

    private static Map<String, Double> commitsAndCode(JsonNode metrics) {
        Map<String, Double> values = new TreeMap<>();
        for (Iterator<String> names = metrics.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith("commits.") || name.startsWith("code.") || name.startsWith("contributors.")) {
                values.put(name, metrics.path(name).asDouble());
            }
        }
        return values;
    }
}
