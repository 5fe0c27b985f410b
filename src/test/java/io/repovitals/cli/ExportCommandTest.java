package io.repovitals.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.repovitals.CliRun;
import io.repovitals.config.Input;
import io.repovitals.config.Inputs;
import io.repovitals.config.Settings;
import io.repovitals.model.ExportFormat;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.Snapshot;
import io.repovitals.runtime.Log;
import io.repovitals.store.GitBranchStore;
import io.repovitals.store.HistoryRemote;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExportCommandTest {
    @TempDir
    Path workDir;
    Path remote;

    private static Snapshot snapshot(String repository, String asOf, long merged) {
        return new Snapshot(Snapshot.SCHEMA_VERSION, repository, Instant.parse(asOf), 7,
                new TreeMap<>(Map.of("prs.merged", merged)), new TreeMap<>(), List.of(), List.of(), CollectionStats.NONE);
    }

    @BeforeEach
    void storeAHistory() throws Exception {
        remote = workDir.resolve("remote.git");
        Git.init().setBare(true).setDirectory(remote.toFile()).call().close();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);
        new GitBranchStore(HistoryRemote.local(remote), "repo-vitals-data", Log.create(false, false, quiet, quiet, System::nanoTime), java.time.Clock.systemUTC(), io.repovitals.store.Retry.defaults()).save(List.of(
                snapshot("octo-org/widgets", "2026-11-19T00:00:00Z", 2),
                snapshot("octo-org/widgets", "2026-11-20T00:00:00Z", 5),
                snapshot("acme/rocket", "2026-11-20T00:00:00Z", 1)), List.of(), "test");
    }

    private CliRun export(String... args) {
        List<String> all = new ArrayList<>(List.of("export", "--history-remote", remote.toString()));
        all.addAll(List.of(args));
        return CliRun.run(Map.of(), workDir, all.toArray(String[]::new));
    }

    @Test
    void should_reject_an_unknown_format_with_one_line_listing_the_accepted_ones_and_exit_2() {
        CliRun run = export("--format", "xml", "--out", "history.xml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).singleElement().asString()
                .isEqualTo("error: invalid setting 'format' = 'xml': expected csv, json, openmetrics, sqlite or datadog");
        assertThat(workDir.resolve("history.xml")).doesNotExist();
    }

    @Test
    void should_export_every_repository_of_the_history_when_none_is_named() throws Exception {
        CliRun run = export("--format", "csv", "--out", "out/history.csv");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(Files.readAllLines(workDir.resolve("out/history.csv"))).containsExactly(
                "repository,day,metric,value,unit,missing",
                "acme/rocket,2026-11-20,prs.merged,1,count,",
                "octo-org/widgets,2026-11-19,prs.merged,2,count,",
                "octo-org/widgets,2026-11-20,prs.merged,5,count,");
        assertThat(run.all()).contains("wrote 3 rows of 2 repositories as csv");
    }

    @Test
    void should_export_only_the_named_repositories_as_json_in_the_snapshot_format() throws Exception {
        CliRun run = export("--format", "json", "--out", "history.json", "--repositories", "octo-org/widgets");

        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode snapshots = new ObjectMapper().readTree(workDir.resolve("history.json").toFile());
        assertThat(snapshots).hasSize(2);
        assertThat(snapshots.get(0).path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(snapshots.get(0).path("repository").asText()).isEqualTo("octo-org/widgets");
        assertThat(snapshots.get(0).path("asOf").asText()).isEqualTo("2026-11-19T00:00:00Z");
        assertThat(snapshots.get(1).path("metrics").path("prs.merged").isIntegralNumber()).isTrue();
        assertThat(snapshots.get(1).path("metrics").path("prs.merged").asLong()).isEqualTo(5);
    }

    @Test
    void should_say_that_export_takes_repositories_not_organizations() {
        CliRun run = export("--format", "csv", "--out", "history.csv", "--organizations", "octo-org");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).singleElement().asString().contains("'organizations'")
                .contains("name repositories (owner/name,...)");
    }

    @Test
    void should_require_a_datadog_key_for_the_datadog_format() {
        CliRun run = export("--format", "datadog");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).singleElement().asString().contains("'datadog-api-key'")
                .contains("--datadog-api-key");
    }

    @Test
    void should_never_print_the_datadog_key_even_when_the_run_fails() {
        String key = "dd0123456789abcdef0123456789abcdef";
        CliRun run = export("--format", "datadog", "--datadog-api-key", key, "--datadog-site", "not a site");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).singleElement().asString().contains("'datadog-site' = 'not a site'");
        assertThat(run.all()).doesNotContain(key);
    }

    @Test
    void should_refuse_gzip_for_sqlite_and_a_missing_out() {
        CliRun gzip = export("--format", "sqlite", "--out", "history.sqlite", "--gzip");
        CliRun noOut = export("--format", "openmetrics");

        assertThat(gzip.exitCode()).isEqualTo(2);
        assertThat(gzip.errorLines()).singleElement().asString().contains("--gzip only with csv, json or openmetrics");
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.errorLines()).singleElement().asString().contains("--out FILE");
    }

    @Test
    void should_offer_only_the_inputs_it_uses_and_its_own_options() {
        CliRun run = CliRun.run(Map.of(), workDir, "export", "--help");

        assertThat(run.exitCode()).isZero();
        List<String> expected = new ArrayList<>(ExportCommand.INPUTS.stream().map(Input::optionName).toList());
        expected.addAll(List.of("--help", "--version"));
        assertThat(ExportCommand.INPUTS).contains(Inputs.FORMAT, Inputs.OUT, Inputs.GZIP);
        assertThat(Pattern.compile("--[a-z][a-z-]+").matcher(run.out()).results().map(m -> m.group()).distinct())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void should_take_format_out_and_gzip_from_the_runner_variables_as_the_action_passes_them() throws Exception {
        CliRun run = CliRun.run(Map.of("INPUT_FORMAT", "csv", "INPUT_OUT", "out/history.csv", "INPUT_GZIP", "true",
                        "INPUT_HISTORY-REMOTE", remote.toString(), "INPUT_REPOSITORIES", "acme/rocket"),
                workDir, "export");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(workDir.resolve("out/history.csv")).doesNotExist();
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(workDir.resolve("out/history.csv.gz")))) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()).containsExactly(
                    "repository,day,metric,value,unit,missing",
                    "acme/rocket,2026-11-20,prs.merged,1,count,");
        }
    }

    @Test
    void should_let_the_options_win_over_the_runner_variables() {
        CliRun run = CliRun.run(Map.of("INPUT_FORMAT", "sqlite", "INPUT_OUT", "ignored.sqlite",
                "INPUT_HISTORY-REMOTE", remote.toString()), workDir, "export", "--format", "json", "--out", "chosen.json");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(workDir.resolve("chosen.json")).exists();
        assertThat(workDir.resolve("ignored.sqlite")).doesNotExist();
    }

    @Test
    void should_take_gzip_alone_as_true_and_gzip_false_as_false() {
        CliRun alone = export("--format", "openmetrics", "--gzip", "--out", "a.prom");
        CliRun off = export("--format", "openmetrics", "--gzip", "false", "--out", "b.prom");

        assertThat(alone.exitCode()).as(alone.all()).isZero();
        assertThat(workDir.resolve("a.prom.gz")).exists();
        assertThat(off.exitCode()).as(off.all()).isZero();
        assertThat(workDir.resolve("b.prom")).exists();
        assertThat(workDir.resolve("b.prom.gz")).doesNotExist();
    }

    @Test
    void should_reject_a_bad_gzip_variable_and_a_missing_format_with_one_line_each() {
        CliRun badGzip = CliRun.run(Map.of("INPUT_GZIP", "yes", "INPUT_FORMAT", "csv", "INPUT_OUT", "x.csv",
                "INPUT_HISTORY-REMOTE", remote.toString()), workDir, "export");
        CliRun noFormat = export("--out", "x.csv");

        assertThat(badGzip.exitCode()).isEqualTo(2);
        assertThat(badGzip.errorLines()).singleElement().asString()
                .isEqualTo("error: invalid setting 'gzip' = 'yes': expected true or false");
        assertThat(noFormat.exitCode()).isEqualTo(2);
        assertThat(noFormat.errorLines()).singleElement().asString()
                .isEqualTo("error: invalid setting 'format': expected csv, json, openmetrics, sqlite or datadog"
                        + " (the format input or --format FORMAT)");
        assertThat(workDir.resolve("x.csv")).doesNotExist();
    }
}
