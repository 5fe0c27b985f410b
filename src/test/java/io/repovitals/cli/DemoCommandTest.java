package io.repovitals.cli;

import io.repovitals.CliRun;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DemoCommandTest {
    @TempDir
    Path workDir;

    @Test
    void should_render_the_sample_offline_without_a_token() throws Exception {
        // No token, no GitHub URL: an unreachable API would fail the run if demo tried to use it.
        CliRun run = CliRun.run(Map.of("GITHUB_API_URL", "http://127.0.0.1:9"), workDir, "demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path report = workDir.resolve("repo-vitals-demo/report.md");
        assertThat(run.out()).contains("Demo report: " + report);
        String markdown = Files.readString(report);
        // The sample's latest day: acme/rocket has 6,230 stars (SampleHistory, fixed seeds).
        assertThat(markdown).contains("## repo-vitals: acme/rocket, week 2026-W47")
                .contains("| stargazers `repo.stars` | 6,230 |")
                .contains("`dora.time_to_restore_hours.p50`");
        // Several repositories: the organisation report comes first, then each weekly report.
        assertThat(markdown.indexOf("acme/launchpad")).isLessThan(markdown.indexOf("## repo-vitals: acme/rocket"));
        assertThat(workDir.resolve("repo-vitals-demo/report.html")).exists();
        assertThat(workDir.resolve("repo-vitals-demo/charts/acme/rocket/stars.png")).exists();
        assertThat(markdown).contains("](charts/acme/rocket/stars.png)");
        assertThat(workDir.resolve("repo-vitals-demo/snapshots/acme/launchpad/2026-11-20.json")).exists();
    }
}
