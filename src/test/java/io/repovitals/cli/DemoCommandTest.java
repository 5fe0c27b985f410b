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
        assertThat(Files.readString(report)).contains("### acme/rocket").contains("| `repo.stars` | 6230 |")
                .contains("- `dora.time_to_restore_hours.p50`: no incident was closed in the window");
        assertThat(workDir.resolve("repo-vitals-demo/snapshots/acme/launchpad/2026-11-20.json")).exists();
    }
}
