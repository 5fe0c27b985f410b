package io.repovitals.pipeline;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.CliRun;
import io.repovitals.GitHubFake;
import io.repovitals.OrgHistories;
import io.repovitals.RestSamples;
import io.repovitals.publish.IssueSamples;
import io.repovitals.store.GitHttpServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 point 2: output-dir, the history branch and the weekly issue fail each on its own. A refused
 * push (a pre-receive hook, or HTTP 403 on git-receive-pack, from a local smart-HTTP server) leaves
 * output-dir and the issue done and a job summary that says why and what fixes it; a full or
 * read-only output-dir (a 64 KiB tmpfs when this process may mount one, as root on CI; else a file
 * that is /dev/full, and a folder without write permission) still stores the history.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RunStorageFaultsTest {
    private static final String ISSUE_TITLE = "Repository health: hub4j/github-api, week 2026-W47";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    @TempDir
    Path workDir;
    private Path bare;
    private final List<Path> mounted = new ArrayList<>();

    @BeforeEach
    void createTheRepositoryTheIssuesAndTheHistoryRemote() throws Exception {
        github.stubFor(GitHubFake.graphql("hub4j", "github-api").willReturn(GitHubFake.json("github/graphql/repo-state-quiet.json")));
        GitHubFake.quietRestOfRepository(github, "hub4j", "github-api");
        String repoPath = IssueSamples.REPO_PATH;
        github.stubFor(get(urlPathEqualTo(repoPath)).willReturn(body(200, GitHubFake.restSample("repos-get.json"))));
        github.stubFor(get(urlPathEqualTo("/user")).willReturn(body(403, "{\"message\":\"Resource not accessible by integration\"}")));
        github.stubFor(get(urlPathEqualTo(repoPath + "/issues")).withQueryParam("labels", equalTo("health-report"))
                .willReturn(body(200, RestSamples.array())));
        for (String name : List.of("repo-vitals", "health-report")) {
            github.stubFor(get(urlPathEqualTo(repoPath + "/labels/" + name)).willReturn(body(200, IssueSamples.label(name))));
        }
        github.stubFor(post(urlPathEqualTo(repoPath + "/issues")).willReturn(body(201, IssueSamples.issue(77, ISSUE_TITLE,
                "<!-- repo-vitals:report:hub4j/github-api:2026-W47 -->\nreport", IssueSamples.BOT, true,
                "repo-vitals", "health-report"))));
        bare = OrgHistories.bareRemote(workDir.resolve("history.git"));
    }

    @AfterEach
    void unmount() throws Exception {
        for (Path point : mounted) {
            command("umount", point.toString());
        }
    }

    private static ResponseDefinitionBuilder body(int status, Object body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body.toString());
    }

    /** The action's run, first run with a 3-day backfill (4 points: charts are drawn), publishing summary and issue. */
    private CliRun run(String historyRemote, Path outputDir) {
        return run(historyRemote, outputDir, Map.of());
    }

    private CliRun run(String historyRemote, Path outputDir, Map<String, String> extraEnv) {
        return run(historyRemote, outputDir, extraEnv, "2026-11-20T00:00:00Z");
    }

    private CliRun run(String historyRemote, Path outputDir, Map<String, String> extraEnv, String asOf) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("GITHUB_API_URL", github.baseUrl());
        env.put("GITHUB_TOKEN", GitHubFake.TOKEN);
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_STEP_SUMMARY", workDir.resolve("summary.md").toString());
        env.put("GITHUB_OUTPUT", workDir.resolve("outputs.txt").toString());
        List<String> args = new ArrayList<>(List.of("run", "--repositories", "hub4j/github-api", "--as-of",
                asOf, "--backfill-days", "3", "--history-remote", historyRemote, "--history-branch",
                "repo-vitals-data", "--publish", "summary,issue", "--output-dir", outputDir.toString()));
        if (env.containsKey("GITHUB_SERVER_URL")) {
            args.addAll(List.of("--git-fetch-max-mb", "0")); // the commits come from the API, as everywhere in this test
        }
        return CliRun.run(env, workDir, args.toArray(String[]::new));
    }

    /**
     * Through the local smart-HTTP server, which is also GITHUB_SERVER_URL: the history remote is then a
     * repository of the server, so reports would link charts and the full report into the branch.
     */
    private CliRun runThrough(GitHttpServer.Mode mode, Path outputDir) throws Exception {
        return runThrough(mode, outputDir, "2026-11-20T00:00:00Z");
    }

    private CliRun runThrough(GitHttpServer.Mode mode, Path outputDir, String asOf) throws Exception {
        try (Repository served = new FileRepositoryBuilder().setGitDir(bare.toFile()).build();
             GitHttpServer server = new GitHttpServer(served, GitHubFake.TOKEN, mode)) {
            String serverUrl = server.url().substring(0, server.url().indexOf("/octo/app.git"));
            return run(server.url(), outputDir, Map.of("GITHUB_SERVER_URL", serverUrl), asOf);
        }
    }

    /** The body of the one issue the run opened. */
    private static String openedIssueBody() throws Exception {
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> opened =
                github.findAll(postRequestedFor(urlPathEqualTo(IssueSamples.REPO_PATH + "/issues")));
        assertThat(opened).hasSize(1);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(opened.get(0).getBodyAsString()).path("body").asText();
    }

    @Test
    void should_keep_output_dir_the_summary_and_the_issue_when_a_pre_receive_hook_refuses_the_push() throws Exception {
        Path out = workDir.resolve("out");

        CliRun run = runThrough(GitHttpServer.Mode.PRE_RECEIVE_REJECTS, out);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.errorLines()).as(run.all()).singleElement().asString()
                .startsWith("::error::history: the server at http://127.0.0.1:")
                .endsWith("refused the push to branch 'repo-vitals-data': protected branch hook declined");
        assertRunFilesIn(out);
        assertThat(historyFiles()).isEmpty();
        String summary = Files.readString(workDir.resolve("summary.md"));
        assertThat(summary).startsWith("> [!CAUTION]\n> **The history was not stored:** branch `repo-vitals-data` was not updated")
                .contains("(they are in `" + out + "`)")
                .contains("> Why: history: the server at ")
                .contains("protected branch hook declined")
                .contains("> Fix: a branch protection rule, ruleset or hook refuses pushes to `repo-vitals-data`")
                .contains("set `history-branch` to a branch no rule covers")
                // and then the report itself, as on any run
                .contains("## repo-vitals: hub4j/github-api, week 2026-W47");
        // Published all the same, without links to charts and a full report the branch did not get.
        assertThat(openedIssueBody()).contains("## repo-vitals: hub4j/github-api, week 2026-W47")
                .doesNotContain("/blob/repo-vitals-data/");
        assertThat(summary).doesNotContain("/blob/repo-vitals-data/");
        assertThat(run.all()).contains("history: not stored, so the issue and summary go out without links into branch 'repo-vitals-data'");
        assertThat(Files.readAllLines(workDir.resolve("outputs.txt"))).contains("issue-url=https://github.com/hub4j/github-api/issues/77",
                "report-path=" + out.resolve("report.md"));
        // The token appears only in the mask command, never in a message or the summary.
        assertThat((run.all() + summary).split(GitHubFake.TOKEN, -1)).hasSize(2);
    }

    @Test
    void should_name_the_missing_contents_write_permission_when_git_receive_pack_answers_403() throws Exception {
        Path out = workDir.resolve("out");

        CliRun run = runThrough(GitHttpServer.Mode.READ_ONLY, out);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.errorLines()).as(run.all()).singleElement().asString()
                .startsWith("::error::history: cannot push to branch 'repo-vitals-data' at http://127.0.0.1:")
                .contains("the token was rejected");
        assertRunFilesIn(out);
        assertThat(historyFiles()).isEmpty();
        assertThat(Files.readString(workDir.resolve("summary.md")))
                .startsWith("> [!CAUTION]\n> **The history was not stored:**")
                .contains("> Fix: give the workflow's token write access to the repository's contents: add"
                        + " `permissions: contents: write` to the job");
        assertThat(github.findAll(postRequestedFor(urlPathEqualTo(IssueSamples.REPO_PATH + "/issues")))).hasSize(1);
    }

    @Test
    void should_fill_in_the_refused_day_on_the_next_run_that_stores_its_own() throws Exception {
        assertThat(runThrough(GitHttpServer.Mode.ACCEPT, workDir.resolve("out-18"), "2026-11-18T00:00:00Z").exitCode()).isZero();
        assertThat(runThrough(GitHttpServer.Mode.PRE_RECEIVE_REJECTS, workDir.resolve("out-19"), "2026-11-19T00:00:00Z")
                .exitCode()).isEqualTo(1);

        CliRun next = runThrough(GitHttpServer.Mode.ACCEPT, workDir.resolve("out-20"), "2026-11-20T00:00:00Z");

        assertThat(next.exitCode()).as(next.all()).isZero();
        assertThat(next.all()).contains("hub4j/github-api: 4 stored snapshots, the latest of 2026-11-18; filling 1 skipped day"
                + " from this run's fetch");
        String dir = "snapshots/hub4j/github-api/2026/";
        assertThat(historyFiles().stream().filter(path -> path.startsWith("snapshots/"))).containsExactly(dir + "2026-11-15.json", dir + "2026-11-16.json", dir + "2026-11-17.json",
                dir + "2026-11-18.json", dir + "2026-11-19.json", dir + "2026-11-20.json");
        assertThat(storedText(dir + "2026-11-19.json")).contains("\"reconstructed\" : true");
        assertThat(storedText(dir + "2026-11-20.json")).doesNotContain("reconstructed");
    }

    @Test
    void should_store_the_history_and_name_the_path_when_output_dir_is_full() throws Exception {
        Path out = workDir.resolve("full");
        Files.createDirectories(out);
        if (mountTmpfs(out)) {
            fill(out.resolve("filler"));
        } else {
            // Not allowed to mount: the first file the run writes is /dev/full, which answers ENOSPC as a full disk does.
            Path snapshot = out.resolve("snapshots/hub4j/github-api/2026-11-20.json");
            Files.createDirectories(snapshot.getParent());
            Files.createSymbolicLink(snapshot, Path.of("/dev/full"));
        }

        CliRun run = run(bare.toString(), out);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.errorLines()).as(run.all()).singleElement().asString()
                .isEqualTo("::error::cannot write the run's files to output-dir " + out + ": No space left on device");
        assertHistoryStoredAndSaid(run);
    }

    @Test
    void should_store_the_history_and_name_the_path_when_output_dir_is_read_only() throws Exception {
        Path out = workDir.resolve("read-only");
        Files.createDirectories(out);
        boolean tmpfs = mountTmpfs(out);
        if (tmpfs) {
            command("mount", "-o", "remount,ro", out.toString());
        } else {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        }

        CliRun run = run(bare.toString(), out);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.errorLines()).as(run.all()).singleElement().asString()
                .startsWith("::error::cannot write the run's files to output-dir " + out + ": ")
                .contains(tmpfs ? "Read-only file system" : "permission denied on " + out);
        assertHistoryStoredAndSaid(run);
        if (!tmpfs) {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private void assertHistoryStoredAndSaid(CliRun run) throws Exception {
        assertThat(run.all()).contains("history: pushed ");
        assertThat(historyFiles()).contains("snapshots/hub4j/github-api/2026/2026-11-17.json",
                "snapshots/hub4j/github-api/2026/2026-11-20.json");
        assertThat(Files.readString(workDir.resolve("summary.md")))
                .startsWith("> [!WARNING]\n> **output-dir was not written:** cannot write the run")
                .contains("The history branch `repo-vitals-data` holds this run's snapshots.")
                .doesNotContain("The history was not stored");
        assertThat(github.findAll(postRequestedFor(urlPathEqualTo(IssueSamples.REPO_PATH + "/issues")))).hasSize(1);
        assertThat(Files.readAllLines(workDir.resolve("outputs.txt")))
                .contains("issue-url=https://github.com/hub4j/github-api/issues/77")
                .noneMatch(line -> line.startsWith("report-path=") || line.startsWith("snapshot-path="));
    }

    private void assertRunFilesIn(Path out) throws IOException {
        assertThat(out.resolve("snapshots/hub4j/github-api/2026-11-20.json")).isRegularFile();
        assertThat(out.resolve("report.md")).content().contains("## repo-vitals: hub4j/github-api, week 2026-W47");
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(out.resolve("analysis.json")).isRegularFile();
        try (Stream<Path> charts = Files.list(out.resolve("charts/hub4j/github-api"))) {
            assertThat(charts.map(path -> path.getFileName().toString())).contains("stars.png", "forks.png");
        }
    }

    private List<String> historyFiles() throws Exception {
        List<String> paths = new ArrayList<>();
        try (Repository repository = new FileRepositoryBuilder().setGitDir(bare.toFile()).build()) {
            var tree = repository.resolve("refs/heads/repo-vitals-data^{tree}");
            if (tree == null) {
                return paths;
            }
            try (TreeWalk walk = new TreeWalk(repository)) {
                walk.addTree(tree);
                walk.setRecursive(true);
                while (walk.next()) {
                    paths.add(walk.getPathString());
                }
            }
        }
        return paths;
    }

    private String storedText(String path) throws Exception {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(bare.toFile()).build();
             TreeWalk walk = TreeWalk.forPath(repository, path, repository.resolve("refs/heads/repo-vitals-data^{tree}"))) {
            assertThat(walk).as(path).isNotNull();
            return new String(repository.open(walk.getObjectId(0)).getBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A 64 KiB tmpfs at {@code point}; false when this process may not mount (not root). */
    private boolean mountTmpfs(Path point) throws Exception {
        if (command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", point.toString()) != 0) {
            return false;
        }
        mounted.add(point);
        return true;
    }

    /** Writes until the file system is full. */
    private static void fill(Path file) {
        byte[] block = new byte[4096];
        try (OutputStream stream = Files.newOutputStream(file)) {
            for (int i = 0; i < 1024; i++) {
                stream.write(block);
                stream.flush();
            }
            throw new IllegalStateException("a 64 KiB tmpfs took 4 MiB");
        } catch (IOException full) {
            // full: what the test wants
        }
    }

    private static int command(String... args) throws Exception {
        Process process = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
