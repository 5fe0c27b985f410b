package io.repovitals.cli;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.CliRun;
import io.repovitals.GitHubFake;
import io.repovitals.config.Input;
import io.repovitals.config.Inputs;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The action's default command inside a simulated Actions runner: inputs from INPUT_*, outputs, summary, annotations. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RunCommandTest {
    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    @TempDir
    Path workDir;

    /** The environment a Docker action sees: every declared input set (blank when it has no default). */
    private Map<String, String> runnerEnv() {
        Map<String, String> env = new HashMap<>();
        for (Input input : Inputs.ALL) {
            env.put(input.envName(), input.actionDefault());
        }
        env.put("INPUT_TOKEN", GitHubFake.TOKEN);
        env.put("GITHUB_TOKEN", GitHubFake.TOKEN);
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_API_URL", github.baseUrl());
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_REPOSITORY", "octo-org/widgets");
        env.put("GITHUB_WORKSPACE", workDir.toString());
        env.put("GITHUB_OUTPUT", workDir.resolve("output.txt").toString());
        env.put("GITHUB_STEP_SUMMARY", workDir.resolve("summary.md").toString());
        env.put("INPUT_AS-OF", "2026-11-20T00:00:00Z");
        env.put("INPUT_HISTORY-REMOTE", historyRemote.toString());
        env.put("INPUT_BACKFILL-DAYS", "3");
        // The weekly issue has its own tests (publish/IssuePublisherTest, and the run's issue test below).
        env.put("INPUT_PUBLISH", "summary");
        return env;
    }

    @TempDir
    Path historyRemote;

    @org.junit.jupiter.api.BeforeEach
    void createTheHistoryRemote() throws Exception {
        org.eclipse.jgit.api.Git.init().setBare(true).setDirectory(historyRemote.toFile()).call().close();
    }

    /** The paths of the files on the history branch of the bare remote. */
    private java.util.List<String> historyFiles() throws Exception {
        java.util.List<String> paths = new java.util.ArrayList<>();
        try (org.eclipse.jgit.lib.Repository repository = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                .setGitDir(historyRemote.toFile()).build();
             org.eclipse.jgit.treewalk.TreeWalk walk = new org.eclipse.jgit.treewalk.TreeWalk(repository)) {
            org.eclipse.jgit.lib.ObjectId tip = repository.resolve("refs/heads/repo-vitals-data^{tree}");
            walk.addTree(tip);
            walk.setRecursive(true);
            while (walk.next()) {
                paths.add(walk.getPathString());
            }
        }
        return paths;
    }

    @Test
    void should_collect_write_outputs_and_the_summary_in_the_runners_formats() throws Exception {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/repo-state-stars-withheld.json")));
        GitHubFake.quietRestOfRepository(github, "octo-org", "widgets");

        CliRun run = CliRun.run(runnerEnv(), workDir); // no arguments: the action's entry point

        assertThat(run.exitCode()).as(run.all()).isZero();
        // The mask comes before anything else, and the token appears nowhere but in that command.
        assertThat(run.outLines().get(0)).isEqualTo("::add-mask::" + GitHubFake.TOKEN);
        assertThat(run.all().split(GitHubFake.TOKEN, -1)).hasSize(2);
        assertThat(run.out()).contains("::group::Collected octo-org/widgets").contains("::endgroup::");
        // A metric that cannot be had becomes a warning annotation, not a failure.
        assertThat(run.outLines()).anySatisfy(line ->
                assertThat(line).startsWith("::warning::octo-org/widgets: repo.stars_gained missing: GitHub withholds star times"));

        Path snapshot = workDir.resolve("repo-vitals-out/snapshots/octo-org/widgets/2026-11-20.json");
        assertThat(snapshot).exists();
        assertThat(Files.readAllLines(workDir.resolve("output.txt")))
                .contains("snapshot-path=" + snapshot, "report-path=" + workDir.resolve("repo-vitals-out/report.md"));
        String summary = Files.readString(workDir.resolve("summary.md"));
        assertThat(summary).contains("## repo-vitals: octo-org/widgets, week 2026-W47")
                .contains("| stargazers `repo.stars` | 120 | – |")
                .contains("- `repo.stars_gained`: GitHub withholds star times");
        assertThat(Files.readString(workDir.resolve("repo-vitals-out/report.md"))).contains("| stargazers `repo.stars` | 120 | – |");
        assertThat(workDir.resolve("repo-vitals-out/analysis.json")).exists();

        // First run: the run's own day and 3 backfilled days, in one commit on the history branch.
        assertThat(historyFiles()).containsExactly(
                "snapshots/octo-org/widgets/2026/2026-11-17.json", "snapshots/octo-org/widgets/2026/2026-11-18.json",
                "snapshots/octo-org/widgets/2026/2026-11-19.json", "snapshots/octo-org/widgets/2026/2026-11-20.json");
    }

    @Test
    void should_backfill_only_on_the_first_run_and_store_the_next_day_on_top() throws Exception {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/repo-state-quiet.json")));
        GitHubFake.quietRestOfRepository(github, "octo-org", "widgets");
        Map<String, String> env = runnerEnv();
        assertThat(CliRun.run(env, workDir).exitCode()).isZero();

        env.put("INPUT_AS-OF", "2026-11-21T00:00:00Z");
        CliRun second = CliRun.run(env, workDir);

        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).contains("octo-org/widgets: 4 stored snapshots").doesNotContain("backfill");
        assertThat(historyFiles()).hasSize(5).contains("snapshots/octo-org/widgets/2026/2026-11-21.json");
    }

    @Test
    void should_turn_an_invalid_input_into_an_error_annotation_and_exit_2() {
        Map<String, String> env = runnerEnv();
        env.put("INPUT_WINDOW-DAYS", "0");

        CliRun run = CliRun.run(env, workDir);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).singleElement().asString()
                .startsWith("::error::invalid setting 'window-days' = '0'");
        github.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Test
    void should_report_from_the_stored_history_without_any_api_request() throws Exception {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/repo-state-quiet.json")));
        GitHubFake.quietRestOfRepository(github, "octo-org", "widgets");
        assertThat(CliRun.run(runnerEnv(), workDir).exitCode()).isZero();
        int requestsOfTheRun = github.getAllServeEvents().size();

        CliRun report = CliRun.run(Map.of("GITHUB_API_URL", github.baseUrl()), workDir, "report",
                "--repositories", "octo-org/widgets", "--history-remote", historyRemote.toString(),
                "--output-dir", "report-out", "--dora-thresholds", "lead_time_hours=2,8,48");

        assertThat(report.exitCode()).as(report.all()).isZero();
        assertThat(github.getAllServeEvents()).hasSize(requestsOfTheRun);
        com.fasterxml.jackson.databind.JsonNode analysis = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(workDir.resolve("report-out/analysis.json").toFile());
        // The four stored days (3 backfilled + the run's own) are what the analysis saw.
        assertThat(analysis.path("repositories").path("octo-org/widgets").path("snapshots").asInt()).isEqualTo(4);
        assertThat(analysis.path("repositories").path("octo-org/widgets").path("health").has("score")).isTrue();
        // The user's DORA boundaries reached the analysis.
        assertThat(analysis.path("repositories").path("octo-org/widgets").path("doraBandsSource").asText())
                .isEqualTo("custom thresholds");
        assertThat(workDir.resolve("report-out/report.md")).content().contains("## repo-vitals: octo-org/widgets, week 2026-W47")
                .contains("](charts/octo-org/widgets/stars.png)");
        // Four days of stars draw a chart; report.html carries it inside, so the page stands alone.
        assertThat(javax.imageio.ImageIO.read(workDir.resolve("report-out/charts/octo-org/widgets/stars.png").toFile())
                .getWidth()).isEqualTo(800);
        assertThat(workDir.resolve("report-out/report.html")).content().contains("data:image/png;base64,")
                .doesNotContain("src=\"charts/");
    }

    @Test
    void should_fold_days_past_the_retention_into_a_weekly_file_and_still_read_them() throws Exception {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/repo-state-quiet.json")));
        GitHubFake.quietRestOfRepository(github, "octo-org", "widgets");
        Map<String, String> env = runnerEnv();
        env.put("INPUT_HISTORY-RETENTION-DAYS", "1");

        CliRun run = CliRun.run(env, workDir);

        assertThat(run.exitCode()).as(run.all()).isZero();
        // asOf 2026-11-20, keep 1 day: 11-17 and 11-18 go into ISO week 2026-W47 (Mon 11-16 to Sun 11-22).
        assertThat(historyFiles()).containsExactly("snapshots/octo-org/widgets/2026/2026-11-19.json",
                "snapshots/octo-org/widgets/2026/2026-11-20.json", "snapshots/octo-org/widgets/2026/2026-W47.json");
        CliRun report = CliRun.run(Map.of(), workDir, "report", "--repositories", "octo-org/widgets",
                "--history-remote", historyRemote.toString(), "--output-dir", "report-out");
        assertThat(report.exitCode()).as(report.all()).isZero();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(workDir.resolve("report-out/analysis.json").toFile())
                .path("repositories").path("octo-org/widgets").path("snapshots").asInt()).isEqualTo(4);
    }
}
