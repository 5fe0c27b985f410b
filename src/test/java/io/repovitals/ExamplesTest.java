package io.repovitals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.repovitals.collect.RepositorySelection;
import io.repovitals.config.Settings;
import io.repovitals.config.SettingsResolver;
import io.repovitals.model.RepoRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The example workflows in examples/ and the project's own in .github/workflows/ are workflows,
 * pass the action only the inputs action.yml declares (read from action.yml itself, so a renamed
 * or removed input breaks this test, not a user's workflow), ask for the least permissions, and
 * every example is linked from the README.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("examples");
    private static final Path WORKFLOWS = Path.of(".github", "workflows");
    // GitHub rejects a workflow with a repeated key; Jackson would keep the last one silently.
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static Set<String> declaredInputs;
    private static Set<String> declaredOutputs;

    @TempDir
    Path dir;

    @BeforeAll
    static void readActionYml() throws IOException {
        JsonNode action = YAML.readTree(Path.of("action.yml").toFile());
        declaredInputs = new LinkedHashSet<>();
        action.path("inputs").fieldNames().forEachRemaining(declaredInputs::add);
        assertThat(declaredInputs).as("inputs of action.yml").contains("token", "shard", "output-dir");
        declaredOutputs = new LinkedHashSet<>();
        action.path("outputs").fieldNames().forEachRemaining(declaredOutputs::add);
        assertThat(declaredOutputs).as("outputs of action.yml").contains("health-grade", "issue-url");
    }

    static Stream<Path> examples() {
        return yamlFiles(EXAMPLES).stream();
    }

    static Stream<Path> allWorkflows() {
        return Stream.concat(yamlFiles(EXAMPLES).stream(), yamlFiles(WORKFLOWS).stream());
    }

    @Test
    void should_ship_the_six_examples_and_the_three_project_workflows() {
        assertThat(yamlFiles(EXAMPLES)).extracting(path -> path.getFileName().toString()).containsExactlyInAnyOrder(
                "weekly-report.yml", "pr-review-velocity.yml", "organization-matrix.yml",
                "github-enterprise-server.yml", "export-prometheus.yml", "export-spreadsheet.yml");
        assertThat(yamlFiles(WORKFLOWS)).extracting(path -> path.getFileName().toString())
                .contains("ci.yml", "release.yml", "self-report.yml");
    }

    @ParameterizedTest
    @MethodSource("allWorkflows")
    void should_be_a_workflow_with_triggers_jobs_and_steps(Path file) {
        assertThat(WorkflowChecks.shape(read(file))).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("allWorkflows")
    void should_pass_the_action_only_inputs_that_action_yml_declares(Path file) {
        assertThat(WorkflowChecks.undeclaredInputs(read(file), declaredInputs)).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("allWorkflows")
    void should_read_only_outputs_that_action_yml_declares(Path file) {
        assertThat(WorkflowChecks.undeclaredOutputs(read(file), declaredOutputs)).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void should_use_the_published_action_in_every_example(Path file) {
        List<String> uses = new ArrayList<>();
        read(file).path("jobs").forEach(job -> job.path("steps").forEach(step -> {
            if (WorkflowChecks.usesThisAction(step)) {
                uses.add(step.get("uses").asText());
            }
        }));
        assertThat(uses).as(file.toString()).isNotEmpty().allMatch(ref -> ref.equals("repo-vitals/repo-vitals@v1"));
    }

    @ParameterizedTest
    @MethodSource("allWorkflows")
    void should_declare_named_permissions_and_never_write_all(Path file) {
        assertThat(WorkflowChecks.permissions(read(file))).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("allWorkflows")
    void should_pin_every_other_action_to_a_version(Path file) {
        assertThat(WorkflowChecks.unpinnedActions(read(file))).as(file.toString()).isEmpty();
    }

    @Test
    void should_ask_each_job_for_only_the_permissions_it_needs() {
        Map<String, String> historyAndIssue = Map.of("contents", "write", "issues", "write");
        Map<String, String> readHistory = Map.of("contents", "read");

        assertThat(permissionsOf(EXAMPLES.resolve("weekly-report.yml"))).containsOnly(entry("report", historyAndIssue));
        // The sticky comment needs pull-requests: write only; the history is only read.
        assertThat(permissionsOf(EXAMPLES.resolve("pr-review-velocity.yml")))
                .containsOnly(entry("velocity", Map.of("contents", "read", "pull-requests", "write")));
        // Everything goes through the secret's token: the workflow token gets nothing.
        assertThat(permissionsOf(EXAMPLES.resolve("organization-matrix.yml")))
                .containsOnly(entry("collect", Map.of()), entry("merge", Map.of()));
        assertThat(permissionsOf(EXAMPLES.resolve("github-enterprise-server.yml")))
                .containsOnly(entry("vitals", historyAndIssue));
        assertThat(permissionsOf(EXAMPLES.resolve("export-prometheus.yml")))
                .containsOnly(entry("pushgateway", readHistory), entry("textfile-collector", readHistory));
        assertThat(permissionsOf(EXAMPLES.resolve("export-spreadsheet.yml"))).containsOnly(entry("csv", readHistory));

        assertThat(permissionsOf(WORKFLOWS.resolve("ci.yml")))
                .containsOnly(entry("test", readHistory), entry("newer-jdks", readHistory));
        assertThat(permissionsOf(WORKFLOWS.resolve("release.yml")))
                .containsOnly(entry("image", Map.of("contents", "write", "packages", "write")));
        assertThat(permissionsOf(WORKFLOWS.resolve("self-report.yml"))).containsOnly(entry("report", historyAndIssue));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void should_be_linked_from_the_readme(Path file) throws IOException {
        // The README's "Examples" section links each file, e.g. [weekly-report.yml](examples/weekly-report.yml).
        String readme = Files.readString(Path.of("README.md"));
        String link = "](examples/" + file.getFileName() + ")";
        assertThat(readme.contains(link)).as("README.md has a link ending in " + link).isTrue();
    }

    @Test
    void should_split_the_organisation_over_four_shards_that_together_cover_every_repository() throws IOException {
        JsonNode workflow = read(EXAMPLES.resolve("organization-matrix.yml"));
        JsonNode collect = workflow.at("/jobs/collect");
        JsonNode actionStep = stepUsingTheAction(collect);
        List<String> shards = new ArrayList<>();
        collect.at("/strategy/matrix/shard").forEach(value -> shards.add(
                actionStep.at("/with/shard").asText().replace("${{ matrix.shard }}", value.asText())));

        assertThat(shards).containsExactly("1/4", "2/4", "3/4", "4/4");
        // The shard strings go through the real setting parser and the real selection: 40
        // repositories land once each.
        List<RepoRef> repositories = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            repositories.add(new RepoRef("my-org", "service-" + i));
        }
        Map<RepoRef, String> shardOf = new HashMap<>();
        for (String shard : shards) {
            for (RepoRef repo : RepositorySelection.shard(repositories, settingsWithShard(shard).selection().shard())) {
                assertThat(shardOf.put(repo, shard)).as("%s in two shards", repo).isNull();
            }
        }
        assertThat(shardOf).hasSize(40);
    }

    @Test
    void should_merge_the_organisation_only_after_every_shard() {
        JsonNode workflow = read(EXAMPLES.resolve("organization-matrix.yml"));
        JsonNode needs = workflow.at("/jobs/merge/needs");
        List<String> needed = new ArrayList<>();
        if (needs.isArray()) {
            needs.forEach(job -> needed.add(job.asText()));
        } else {
            needed.add(needs.asText());
        }

        assertThat(needed).containsExactly("collect");
        assertThat(stepUsingTheAction(workflow.at("/jobs/merge")).at("/with/command").asText()).isEqualTo("merge");
        assertThat(stepUsingTheAction(workflow.at("/jobs/collect")).at("/with/token").asText())
                .isEqualTo("${{ secrets.REPO_VITALS_TOKEN }}");
    }

    @Test
    void should_build_on_pull_requests_and_main_and_release_on_version_tags() {
        JsonNode ci = read(WORKFLOWS.resolve("ci.yml"));
        assertThat(ci.path("on").has("pull_request")).isTrue();
        assertThat(ci.at("/on/push/branches").toString()).isEqualTo("[\"main\"]");
        assertThat(ci.at("/jobs/newer-jdks/strategy/matrix/java").toString()).isEqualTo("[\"21\",\"25\"]");

        JsonNode release = read(WORKFLOWS.resolve("release.yml"));
        assertThat(release.at("/on/push/tags").toString()).isEqualTo("[\"v*.*.*\"]");
        // The image is pushed only after the container check ran it as a runner does.
        List<String> runs = release.at("/jobs/image/steps").findValuesAsText("run");
        int check = indexOfContaining(runs, "scripts/container-check.sh");
        int push = indexOfContaining(runs, "docker push");
        assertThat(check).as("a step runs scripts/container-check.sh").isNotNegative();
        assertThat(push).as("a step pushes the image after the check").isGreaterThan(check);

        JsonNode self = read(WORKFLOWS.resolve("self-report.yml"));
        assertThat(stepUsingTheAction(self.at("/jobs/report")).get("uses").asText()).isEqualTo("./");
        assertThat(self.path("on").has("schedule")).isTrue();
    }

    private static int indexOfContaining(List<String> texts, String part) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    // The rules themselves catch what they are for: each bad workflow below breaks exactly one.

    @Test
    void should_report_an_input_that_action_yml_does_not_declare() {
        JsonNode workflow = parse("""
                on: push
                jobs:
                  one:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: repo-vitals/repo-vitals@v1
                        with: { window-days: 7, windows-days: 7 }
                      - uses: ./
                        with: { command: export }
                      - uses: someone/else@v1
                        with: { windows-days: 7 }
                """);

        assertThat(WorkflowChecks.undeclaredInputs(workflow, Set.of("window-days"))).containsExactly(
                "job 'one' step 1 passes 'windows-days', which action.yml does not declare",
                "job 'one' step 2 passes 'command', which action.yml does not declare");
    }

    @Test
    void should_report_an_output_that_action_yml_does_not_declare() {
        JsonNode workflow = parse("""
                on: push
                jobs:
                  one:
                    runs-on: ubuntu-latest
                    steps:
                      - { id: vitals, uses: repo-vitals/repo-vitals@v1 }
                      - { id: other, uses: someone/else@v1 }
                      - run: echo "${{ steps.vitals.outputs.health-grade }} ${{ steps.vitals.outputs.grade }}"
                      - run: echo "${{ steps.other.outputs.grade }}"
                """);

        assertThat(WorkflowChecks.undeclaredOutputs(workflow, Set.of("health-grade")))
                .containsExactly("job 'one' reads output 'grade', which action.yml does not declare");
    }

    @Test
    void should_report_write_all_unknown_scopes_and_jobs_without_permissions() {
        JsonNode writeAll = parse("""
                on: push
                permissions: write-all
                jobs: { one: { runs-on: ubuntu-latest, steps: [ { run: 'true' } ] } }
                """);
        JsonNode typo = parse("""
                on: push
                jobs:
                  one: { runs-on: x, permissions: { pull-request: write, issues: admin }, steps: [ { run: 'true' } ] }
                  two: { runs-on: x, steps: [ { run: 'true' } ] }
                """);

        assertThat(WorkflowChecks.permissions(writeAll))
                .containsExactly("top level permissions 'write-all': name the scopes instead");
        assertThat(WorkflowChecks.permissions(typo)).containsExactly(
                "job 'one' names an unknown permission scope 'pull-request'",
                "job 'one' gives 'issues' the level 'admin', not read, write or none",
                "job 'two' has no permissions and neither has the workflow");
    }

    @Test
    void should_report_a_file_that_is_no_workflow() {
        JsonNode noJobs = parse("name: x\non: push\n");
        JsonNode badStep = parse("""
                'on': { schedule: [ { cron: '0 0 * * 1' } ] }
                jobs:
                  one: { steps: [ { name: nothing } ] }
                  two: { runs-on: x, steps: [] }
                """);

        assertThat(WorkflowChecks.shape(noJobs)).containsExactly("has no jobs");
        assertThat(WorkflowChecks.shape(badStep)).containsExactly(
                "job 'one' has no runs-on", "job 'one' step 1 must have exactly one of uses and run",
                "job 'two' has no steps");
        assertThat(WorkflowChecks.shape(parse("jobs: { one: { runs-on: x, steps: [ { run: 'true' } ] } }")))
                .containsExactly("has no triggers ('on')");
    }

    @Test
    void should_report_an_action_without_a_version() {
        JsonNode workflow = parse("""
                on: push
                jobs:
                  one:
                    runs-on: x
                    steps: [ { uses: actions/checkout }, { uses: ./ }, { uses: 'docker://alpine:3' }, { uses: actions/checkout@v4 } ]
                """);

        assertThat(WorkflowChecks.unpinnedActions(workflow))
                .containsExactly("job 'one' step 1 uses 'actions/checkout' without @version");
    }

    private Settings settingsWithShard(String shard) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T05:17:00Z"), ZoneOffset.UTC);
        return new SettingsResolver(Map.of("GITHUB_REPOSITORY", "my-org/app"), clock, dir)
                .resolve(Map.of("shard", shard));
    }

    private static Map<String, Map<String, String>> permissionsOf(Path file) {
        return WorkflowChecks.effectivePermissions(read(file));
    }

    private static JsonNode stepUsingTheAction(JsonNode job) {
        for (JsonNode step : job.path("steps")) {
            if (WorkflowChecks.usesThisAction(step)) {
                return step;
            }
        }
        throw new AssertionError("no step uses repo-vitals in " + job);
    }

    private static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not valid YAML", e);
        }
    }

    private static JsonNode parse(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
