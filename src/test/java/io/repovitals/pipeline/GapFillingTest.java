package io.repovitals.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.CliRun;
import io.repovitals.GitHubFake;
import io.repovitals.OrgHistories;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 point 1: a run after skipped days rebuilds them from its one fetch, marked reconstructed,
 * at no extra request when the longer range holds no extra page. The repository: the PRs of
 * pull-requests-gap.json (21 by alice, created 11-07 10:00, merged 11-08 12:00; 22 by bob, 11-09 09:00
 * to 11-12 09:00; 24 by dependabot, merged 11-11; 23 by alice, created 11-12 15:00, merged 11-14
 * 15:00; 25 by carol, opened 11-13 08:00 and still open), 3 stars, 1 watcher, traffic refused.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GapFillingTest {
    private static final String DIR = "snapshots/octo-org/widgets/2026/";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    @TempDir
    Path workDir;
    private Path remote;

    @BeforeEach
    void createTheRepositoryAndItsHistoryRemote() throws Exception {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/repo-state-quiet.json")));
        GitHubFake.quietRestOfRepository(github, "octo-org", "widgets");
        GitHubFake.stubOperation(github, "octo-org", "widgets", "PullRequests", "github/graphql/pull-requests-gap.json");
        remote = OrgHistories.bareRemote(workDir.resolve("history.git"));
    }

    private CliRun runAt(String asOf, String backfillDays) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_API_URL", github.baseUrl());
        env.put("GITHUB_TOKEN", GitHubFake.TOKEN);
        return CliRun.run(env, workDir, "run", "--repositories", "octo-org/widgets", "--as-of", asOf,
                "--backfill-days", backfillDays, "--history-remote", remote.toString(), "--publish", "summary",
                "--charts", "mermaid", "--output-dir", "out-" + asOf.substring(0, 10));
    }

    /** The requests the fake GitHub answered during {@code run}. */
    private int requestsDuring(Runnable run) {
        int before = github.getAllServeEvents().size();
        run.run();
        return github.getAllServeEvents().size() - before;
    }

    @Test
    void should_fill_the_five_skipped_days_marked_reconstructed_with_the_values_of_their_own_windows() throws Exception {
        CliRun[] runs = new CliRun[3];
        runs[0] = runAt("2026-11-10T00:00:00Z", "3"); // first run: 11-07 to 11-09 backfilled, 11-10 its own
        int gapRun = requestsDuring(() -> runs[1] = runAt("2026-11-16T00:00:00Z", "90")); // 11-11 to 11-15 skipped
        int dailyRun = requestsDuring(() -> runs[2] = runAt("2026-11-17T00:00:00Z", "90"));
        for (CliRun run : runs) {
            assertThat(run.exitCode()).as(run.all()).isZero();
        }

        List<String> files = historyFiles();
        assertThat(files).containsExactly(DIR + "2026-11-07.json", DIR + "2026-11-08.json", DIR + "2026-11-09.json",
                DIR + "2026-11-10.json", DIR + "2026-11-11.json", DIR + "2026-11-12.json", DIR + "2026-11-13.json",
                DIR + "2026-11-14.json", DIR + "2026-11-15.json", DIR + "2026-11-16.json", DIR + "2026-11-17.json");
        for (String day : List.of("11", "12", "13", "14", "15")) {
            JsonNode filled = stored(DIR + "2026-11-" + day + ".json");
            assertThat(filled.path("collection").path("reconstructed").asBoolean()).as(day).isTrue();
            assertThat(filled.path("collection").path("requests").asInt()).as(day).isZero();
            // GitHub keeps no history of the watcher and branch counts: missing, with the reason.
            assertThat(filled.path("missing").path("repo.watchers").asText()).as(day)
                    .startsWith("GitHub keeps no history of").endsWith("only the run's own day has it");
            assertThat(filled.path("metrics").has("repo.watchers")).isFalse();
            assertThat(filled.path("missing").has("repo.branches")).isTrue();
        }
        // The runs' own days were observed, not rebuilt: no marker, and the point-in-time counts are there.
        for (String day : List.of("10", "16", "17")) {
            JsonNode own = stored(DIR + "2026-11-" + day + ".json");
            assertThat(own.path("collection").has("reconstructed")).as(day).isFalse();
            assertThat(own.path("metrics").path("repo.watchers").asLong()).as(day).isEqualTo(1);
        }

        // 2026-11-13, window [11-06 00:00, 11-13 00:00), worked by hand from the fixture:
        // opened: 21 (11-07), 22 (11-09), 23 (11-12 15:00) = 3; 25 opened 11-13 08:00 is after asOf; 24 is a bot's.
        // merged: 21 (11-08) and 22 (11-12) = 2; 23 merged 11-14 is after asOf.
        // time to merge: 21 took 26 h (11-07 10:00 to 11-08 12:00), 22 took 72 h: type-7 median of {26, 72} = 49.
        // stars: 3 now, no star after 11-13 in the fixture, so 3.
        JsonNode day13 = stored(DIR + "2026-11-13.json");
        assertThat(day13.path("asOf").asText()).isEqualTo("2026-11-13T00:00:00Z");
        assertThat(day13.path("metrics").path("prs.opened").asLong()).isEqualTo(3);
        assertThat(day13.path("metrics").path("prs.merged").asLong()).isEqualTo(2);
        assertThat(day13.path("metrics").path("prs.time_to_merge_hours.p50").asDouble()).isEqualTo(49.0);
        assertThat(day13.path("metrics").path("repo.stars").asLong()).isEqualTo(3);
        // 11-15, window [11-08, 11-15): opened 22 and 23 (21 opened 11-07, before it), 25 = 3; merged 21, 22, 23 = 3.
        JsonNode day15 = stored(DIR + "2026-11-15.json");
        assertThat(day15.path("metrics").path("prs.opened").asLong()).isEqualTo(3);
        assertThat(day15.path("metrics").path("prs.merged").asLong()).isEqualTo(3);

        // One fetch covers the six windows of the gap run: as many requests as the next day's run (every
        // list fits one page either way), and the collector's count on the own day says the same.
        assertThat(gapRun).isEqualTo(dailyRun);
        assertThat(stored(DIR + "2026-11-16.json").path("collection").path("requests").asInt())
                .isEqualTo(stored(DIR + "2026-11-17.json").path("collection").path("requests").asInt())
                .isEqualTo(gapRun);

        // The log says how many days were filled, and so does the report.
        assertThat(runs[1].all()).contains("octo-org/widgets: 4 stored snapshots, the latest of 2026-11-10; "
                + "filling 5 skipped days from this run's fetch").contains("5 skipped days filled");
        assertThat(Files.readString(workDir.resolve("out-2026-11-16/report.md")))
                .contains("_5 skipped days (2026-11-11 to 2026-11-15) were filled in from this run's fetch;"
                        + " their snapshots are marked reconstructed._");
        assertThat(runs[2].all()).doesNotContain("skipped day");
        assertThat(Files.readString(workDir.resolve("out-2026-11-17/report.md"))).doesNotContain("skipped day");
    }

    @Test
    void should_fill_only_the_last_backfill_days_of_a_longer_gap_and_say_so() throws Exception {
        assertThat(runAt("2026-11-05T00:00:00Z", "0").exitCode()).isZero();

        CliRun run = runAt("2026-11-16T00:00:00Z", "4"); // 10 days skipped (11-06 to 11-15), 4 may be rebuilt

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.all()).contains("octo-org/widgets: 1 stored snapshots, the latest of 2026-11-05; filling 4 skipped"
                + " days (the last 4 of 10: backfill-days) from this run's fetch");
        assertThat(historyFiles()).containsExactly(DIR + "2026-11-05.json", DIR + "2026-11-12.json",
                DIR + "2026-11-13.json", DIR + "2026-11-14.json", DIR + "2026-11-15.json", DIR + "2026-11-16.json");
    }

    private List<String> historyFiles() throws Exception {
        List<String> paths = new ArrayList<>();
        try (Repository repository = new FileRepositoryBuilder().setGitDir(remote.toFile()).build();
             TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(repository.resolve("refs/heads/repo-vitals-data^{tree}"));
            walk.setRecursive(true);
            while (walk.next()) {
                paths.add(walk.getPathString());
            }
        }
        return paths;
    }

    private JsonNode stored(String path) throws Exception {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(remote.toFile()).build()) {
            ObjectId tree = repository.resolve("refs/heads/repo-vitals-data^{tree}");
            try (TreeWalk walk = TreeWalk.forPath(repository, path, tree)) {
                assertThat(walk).as(path).isNotNull();
                String json = new String(repository.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
                return new ObjectMapper().readTree(json);
            }
        }
    }
}
