package io.repovitals.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.repovitals.CliRun;
import io.repovitals.OrgHistories;
import io.repovitals.collect.RepositorySelection;
import io.repovitals.config.Input;
import io.repovitals.config.Shard;
import io.repovitals.model.RepoRef;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code merge} (issue 7): one organisation report from the history branch that the shards of a matrix
 * workflow stored. The acceptance: 40 repositories over 4 shards land once each, a 41st moves none of
 * them, and merging what the 4 shard runs stored gives the report of one unsharded run.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MergeCommandTest {
    // | rank | repository | health | grade | since last week | anomalies |
    private static final Pattern RANK_ROW = Pattern.compile("^\\| (\\d+|–) \\| (.+?) \\| .* \\| .* \\| .* \\| .* \\|$");

    @TempDir
    Path workDir;

    private CliRun merge(Path remote, String... args) {
        List<String> all = new ArrayList<>(List.of("merge", "--history-remote", remote.toString(), "--publish", "none"));
        all.addAll(List.of(args));
        return CliRun.run(Map.of(), workDir, all.toArray(String[]::new));
    }

    /** The repositories of the report's ranking table, as written (escaping removed), in table order. */
    private static List<String> ranked(String report) {
        List<String> ranked = new ArrayList<>();
        boolean inRanking = false;
        for (String line : report.lines().toList()) {
            if (line.startsWith("### ")) {
                inRanking = line.equals("### Ranking by health score");
            } else if (inRanking && RANK_ROW.matcher(line).matches()) {
                var row = RANK_ROW.matcher(line);
                row.matches();
                ranked.add(row.group(2).replace("\\", ""));
            }
        }
        return ranked;
    }

    @Test
    void should_put_each_of_40_repositories_in_exactly_one_of_4_shards_and_move_none_when_a_41st_comes() {
        List<RepoRef> forty = OrgHistories.repositories();
        List<RepoRef> fortyOne = new ArrayList<>(forty);
        fortyOne.add(new RepoRef("my-org", "service-41"));

        Map<RepoRef, Integer> before = new HashMap<>();
        Map<RepoRef, Integer> after = new HashMap<>();
        for (int index = 1; index <= 4; index++) {
            for (RepoRef repo : RepositorySelection.shard(forty, new Shard(index, 4))) {
                assertThat(before.put(repo, index)).as("%s in two shards", repo).isNull();
            }
            for (RepoRef repo : RepositorySelection.shard(fortyOne, new Shard(index, 4))) {
                assertThat(after.put(repo, index)).as("%s in two shards", repo).isNull();
            }
        }

        assertThat(before).hasSize(40);
        assertThat(after).hasSize(41);
        before.forEach((repo, shard) -> assertThat(after.get(repo)).as(repo.toString()).isEqualTo(shard));
    }

    @Test
    void should_render_from_four_concurrent_shard_runs_exactly_the_report_of_one_unsharded_run() throws Exception {
        Path sharded = OrgHistories.bareRemote(workDir.resolve("sharded.git"));
        Path unsharded = OrgHistories.bareRemote(workDir.resolve("unsharded.git"));
        OrgHistories.storeSharded(sharded, OrgHistories.repositories(), 4);
        OrgHistories.storeUnsharded(unsharded, OrgHistories.repositories());

        CliRun fromShards = merge(sharded, "--output-dir", "from-shards");
        CliRun fromOne = merge(unsharded, "--output-dir", "from-one");

        assertThat(fromShards.exitCode()).as(fromShards.all()).isZero();
        assertThat(fromOne.exitCode()).as(fromOne.all()).isZero();
        String report = Files.readString(workDir.resolve("from-shards/report.md"));
        assertThat(report).isEqualTo(Files.readString(workDir.resolve("from-one/report.md")));
        assertThat(Files.readString(workDir.resolve("from-shards/analysis.json")))
                .isEqualTo(Files.readString(workDir.resolve("from-one/analysis.json")));
        assertThat(Files.readString(workDir.resolve("from-shards/report.html")))
                .isEqualTo(Files.readString(workDir.resolve("from-one/report.html")));
        assertThat(report).startsWith("## repo-vitals: organisation report, 40 repositories, as of 2026-11-20");
        List<String> expected = OrgHistories.repositories().stream().map(RepoRef::fullName).toList();
        assertThat(ranked(report)).hasSize(40).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(fromShards.all()).contains("the organisation report of 40 repositories (400 snapshots)");
    }

    @Test
    void should_report_on_only_the_named_organisations_repositories_with_their_totals_and_medians() throws Exception {
        Path remote = OrgHistories.bareRemote(workDir.resolve("history.git"));
        OrgHistories.storeSharded(remote, OrgHistories.repositories(), 4);

        CliRun run = merge(remote, "--organizations", "My-Org", "--output-dir", "out");

        assertThat(run.exitCode()).as(run.all()).isZero();
        String report = Files.readString(workDir.resolve("out/report.md"));
        assertThat(ranked(report)).hasSize(30).allMatch(name -> name.startsWith("my-org/service-"));
        // repo.forks on the last day is 10 * i + 9 for i = 1..30: total 10 * 465 + 30 * 9 = 4,920;
        // median of 19, 29, ..., 309: the mean of the 15th and 16th, (159 + 169) / 2 = 164.
        assertThat(report.lines().filter(line -> line.contains("repo.forks")))
                .singleElement().asString().endsWith("| 30 | 4,920 | 164 |");
        JsonNode analysis = new ObjectMapper().readTree(workDir.resolve("out/analysis.json").toFile());
        assertThat(analysis.toString()).contains("my-org/service-30").doesNotContain("acme/");
    }

    @Test
    void should_add_named_repositories_to_the_organisations_and_warn_about_one_without_snapshots() throws Exception {
        Path remote = OrgHistories.bareRemote(workDir.resolve("history.git"));
        OrgHistories.storeUnsharded(remote, OrgHistories.repositories());

        CliRun run = merge(remote, "--repositories", "acme/tool-03,acme/gone", "--output-dir", "out");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(ranked(Files.readString(workDir.resolve("out/report.md")))).containsExactly("acme/tool-03");
        assertThat(run.all()).contains("acme/gone: no snapshots in the history branch 'repo-vitals-data', left out");
    }

    @Test
    void should_fail_with_one_line_and_exit_2_when_the_history_holds_no_snapshot() throws Exception {
        Path empty = OrgHistories.bareRemote(workDir.resolve("empty.git"));

        CliRun run = merge(empty, "--output-dir", "out");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).singleElement().asString()
                .startsWith("error: invalid setting 'repositories': expected repositories with snapshots in the"
                        + " history branch 'repo-vitals-data' of " + empty).endsWith("(it holds none)");
        assertThat(workDir.resolve("out/report.md")).doesNotExist();
    }

    @Test
    void should_name_the_organisation_when_it_has_no_snapshot() throws Exception {
        Path remote = OrgHistories.bareRemote(workDir.resolve("history.git"));
        OrgHistories.storeUnsharded(remote, OrgHistories.repositories().subList(30, 40));

        CliRun run = merge(remote, "--organizations", "my-org");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).singleElement().asString()
                .startsWith("error: invalid setting 'organizations' = 'my-org': expected repositories with snapshots");
    }

    @Test
    void should_need_no_token_when_it_publishes_no_issue() throws Exception {
        Path remote = OrgHistories.bareRemote(workDir.resolve("history.git"));
        OrgHistories.storeUnsharded(remote, OrgHistories.repositories().subList(0, 2));
        Path summary = workDir.resolve("summary.md");

        CliRun run = CliRun.run(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), workDir, "merge",
                "--history-remote", remote.toString(), "--publish", "summary");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(Files.readString(summary)).startsWith("## repo-vitals: organisation report, 2 repositories")
                .isEqualTo(Files.readString(workDir.resolve("repo-vitals-out/report.md")));
    }

    @Test
    void should_offer_only_the_inputs_it_uses() {
        CliRun run = CliRun.run(Map.of(), workDir, "merge", "--help");

        assertThat(run.exitCode()).isZero();
        List<String> expected = new ArrayList<>(MergeCommand.INPUTS.stream().map(Input::optionName).toList());
        expected.addAll(List.of("--help", "--version"));
        assertThat(Pattern.compile("--[a-z][a-z-]+").matcher(run.out()).results().map(m -> m.group()).distinct())
                .containsExactlyInAnyOrderElementsOf(expected);
    }
}
