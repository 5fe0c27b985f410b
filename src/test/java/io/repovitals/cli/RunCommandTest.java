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

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The action's default command inside a simulated Actions runner: inputs from INPUT_*, outputs, summary, annotations. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RunCommandTest {
    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

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
        return env;
    }

    @Test
    void should_collect_write_outputs_and_the_summary_in_the_runners_formats() throws Exception {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/repo-state-stars-withheld.json")));

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
        assertThat(summary).contains("### octo\\-org/widgets").contains("| `repo.stars` | 120 |")
                .contains("- `repo.stars_gained`: GitHub withholds star times");
        assertThat(Files.readString(workDir.resolve("repo-vitals-out/report.md"))).contains("| `repo.stars` | 120 |");
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
}
