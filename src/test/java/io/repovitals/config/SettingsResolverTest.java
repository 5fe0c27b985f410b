package io.repovitals.config;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SettingsResolverTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Settings resolve(Map<String, String> env, Map<String, String> options) {
        return new SettingsResolver(env, CLOCK, dir).resolve(options);
    }

    private Path configFile(String yaml) throws IOException {
        Path file = dir.resolve(SettingsResolver.DEFAULT_CONFIG);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, yaml);
    }

    // --- precedence ---------------------------------------------------------------------------

    /** Each row: the input, a value per layer, and what the settings show for it. */
    static Stream<Arguments> precedence() {
        record Case(Input input, String option, String variable, String file, String fallback,
                    Function<Settings, String> shown) {}
        List<Case> cases = List.of(
                new Case(Inputs.WINDOW_DAYS, "3", "14", "28", "7", s -> String.valueOf(s.collection().windowDays())),
                new Case(Inputs.BACKFILL_DAYS, "0", "30", "60", "90", s -> String.valueOf(s.collection().backfillDays())),
                new Case(Inputs.CHARTS, "svg", "mermaid", "none", "png", s -> s.output().charts().inputValue()),
                new Case(Inputs.SHARD, "1/2", "2/3", "3/4", "1/1", s -> s.selection().shard().toString()),
                new Case(Inputs.HISTORY_BRANCH, "opt", "var", "file", "repo-vitals-data", s -> s.history().historyBranch()),
                new Case(Inputs.DORA_SOURCE, "releases", "workflow:a.yml", "workflow:b.yml", "deployments",
                        s -> s.collection().doraSource().toString()),
                new Case(Inputs.AS_OF, "2026-01-01", "2026-02-01", "2026-03-01", "2026-11-22T10:15:30Z",
                        s -> s.collection().asOf().toString().replace("T00:00:00Z", "")),
                // extensions
                new Case(Inputs.STALE_DAYS, "14", "60", "7", "30", s -> String.valueOf(s.collection().staleDays())),
                new Case(Inputs.INCIDENT_LABELS, "sev1", "outage,p0", "bug", "incident",
                        s -> String.join(",", s.collection().incidentLabels())),
                new Case(Inputs.DORA_ENVIRONMENT, "staging", "prod-eu", "live", "production", s -> s.collection().doraEnvironment()),
                new Case(Inputs.RATE_LIMIT_BUDGET, "100", "200", "300", "", s -> text(s.collection().rateLimitBudget())),
                new Case(Inputs.MAX_RESET_WAIT, "0", "60", "15", "5", s -> String.valueOf(s.collection().maxResetWait().toMinutes())),
                new Case(Inputs.GIT_FETCH_MAX_MB, "0", "1", "100000", "200",
                        s -> String.valueOf(s.collection().gitFetchMaxBytes() / (1024 * 1024))),
                new Case(Inputs.HEALTH_WEIGHTS,
                        "contributors=0.2,pr_throughput=0.2,review_velocity=0.2,issue_freshness=0.2,fork_growth=0.2",
                        "contributors=0.4,pr_throughput=0.15,review_velocity=0.15,issue_freshness=0.15,fork_growth=0.15",
                        "contributors=0.1,pr_throughput=0.1,review_velocity=0.1,issue_freshness=0.1,fork_growth=0.6",
                        "contributors=0.3,pr_throughput=0.2,review_velocity=0.2,issue_freshness=0.15,fork_growth=0.15",
                        s -> weightsText(s.analysis().healthWeights().asMap())),
                new Case(Inputs.TREND_DAYS, "28", "180", "7", "90", s -> String.valueOf(s.analysis().trendDays())),
                new Case(Inputs.FORECAST_DAYS, "7", "14", "365", "30", s -> String.valueOf(s.analysis().forecastDays())),
                new Case(Inputs.HISTORY_RETENTION_DAYS, "365", "180", "30", "", s -> text(s.history().historyRetentionDays())),
                new Case(Inputs.CLOSE_PREVIOUS, "false", "true", "false", "true", s -> String.valueOf(s.output().closePrevious())));
        return cases.stream().flatMap(c -> Stream.of(
                Arguments.of(c.input().name(), c.option(), c.variable(), c.file(), c.shown(), c.option()),
                Arguments.of(c.input().name(), null, c.variable(), c.file(), c.shown(), c.variable()),
                Arguments.of(c.input().name(), null, null, c.file(), c.shown(), c.file()),
                Arguments.of(c.input().name(), null, null, null, c.shown(), c.fallback())));
    }

    @ParameterizedTest(name = "{0}: option={1} INPUT_={2} file={3} -> {5}")
    @MethodSource("precedence")
    void should_take_option_over_input_variable_over_file_over_default(
            String name, String option, String variable, String file, Function<Settings, String> shown,
            String expected) throws IOException {
        Input input = Inputs.byName(name).orElseThrow();
        Map<String, String> env = new HashMap<>();
        if (variable != null) {
            env.put(input.envName(), variable);
        }
        if (file != null) {
            configFile(name + ": \"" + file + "\"\n");
        }
        Map<String, String> options = option == null ? Map.of() : Map.of(name, option);

        assertThat(shown.apply(resolve(env, options))).isEqualTo(expected);
    }

    private static String text(OptionalInt value) {
        return value.isPresent() ? String.valueOf(value.getAsInt()) : "";
    }

    private static String weightsText(Map<String, Double> weights) {
        return weights.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    @Test
    void should_treat_blank_input_variables_as_unset() throws IOException {
        configFile("window-days: 28\n");
        Map<String, String> env = Map.of("INPUT_WINDOW-DAYS", "  ", "INPUT_CHARTS", "", "INPUT_CONFIG", "",
                "INPUT_TOKEN", "", "GITHUB_TOKEN", "ghs_fromenv");

        Settings settings = resolve(env, Map.of());

        assertThat(settings.collection().windowDays()).isEqualTo(28);
        assertThat(settings.output().charts()).isEqualTo(ChartFormat.PNG);
        assertThat(settings.configFile()).contains(dir.resolve(SettingsResolver.DEFAULT_CONFIG));
        assertThat(settings.token()).contains(Secret.of("ghs_fromenv"));
    }

    @Test
    void should_read_the_upper_case_input_variable_with_its_dash_kept() {
        Settings settings = resolve(Map.of("INPUT_HISTORY-BRANCH", "stats", "INPUT_HISTORY_BRANCH", "wrong"), Map.of());

        assertThat(settings.history().historyBranch()).isEqualTo("stats");
    }

    // --- defaults -----------------------------------------------------------------------------

    @Test
    void should_fill_every_default_outside_actions() {
        Settings settings = resolve(Map.of(), Map.of());

        assertThat(settings.token()).isEmpty();
        assertThat(settings.selection().repositories()).isEmpty();
        assertThat(settings.selection().organizations()).isEmpty();
        assertThat(settings.configFile()).isEmpty();
        assertThat(settings.collection().windowDays()).isEqualTo(7);
        assertThat(settings.collection().asOf()).isEqualTo(Instant.parse("2026-11-22T10:15:30Z"));
        assertThat(settings.collection().asOfExplicit()).isFalse();
        assertThat(settings.collection().backfillDays()).isEqualTo(90);
        assertThat(settings.history().historyBranch()).isEqualTo("repo-vitals-data");
        assertThat(settings.history().historyRemote()).isEmpty();
        assertThat(settings.output().publish()).containsExactlyInAnyOrder(PublishTarget.SUMMARY, PublishTarget.ISSUE);
        assertThat(settings.output().charts()).isEqualTo(ChartFormat.PNG);
        assertThat(settings.output().templates()).isEmpty();
        assertThat(settings.collection().doraSource()).isEqualTo(new DoraSource.Deployments());
        assertThat(settings.collection().ignoreUsers()).isEmpty();
        assertThat(settings.selection().shard()).isEqualTo(Shard.ALL);
        assertThat(settings.output().outputDir()).isEqualTo(dir.resolve("repo-vitals-out"));
        assertThat(settings.collection().staleDays()).isEqualTo(30);
        assertThat(settings.collection().incidentLabels()).containsExactly("incident");
        assertThat(settings.collection().doraEnvironment()).isEqualTo("production");
        assertThat(settings.collection().rateLimitBudget()).isEmpty();
        assertThat(settings.collection().maxResetWait()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.analysis().healthWeights().asMap()).containsExactly(entry("contributors", 0.30), entry("pr_throughput", 0.20),
                entry("review_velocity", 0.20), entry("issue_freshness", 0.15), entry("fork_growth", 0.15));
        assertThat(settings.analysis().trendDays()).isEqualTo(90);
        assertThat(settings.analysis().forecastDays()).isEqualTo(30);
        assertThat(settings.history().historyRetentionDays()).isEmpty();
        assertThat(settings.output().closePrevious()).isTrue();
        assertThat(settings.analysis().doraThresholds().boundaries()).containsExactly(
                entry("lead_time_hours", List.of(24.0, 168.0, 720.0)),
                entry("change_failure_rate", List.of(0.05, 0.10, 0.15)),
                entry("time_to_restore_hours", List.of(1.0, 24.0, 168.0)),
                entry("deploy_days_per_week", List.of(5.0, 1.0, 7.0 / 30)));
        GitHubEnvironment environment = settings.environment();
        assertThat(environment.apiUrl()).isEqualTo(URI.create("https://api.github.com"));
        assertThat(environment.graphqlUrl()).isEqualTo(URI.create("https://api.github.com/graphql"));
        assertThat(environment.serverUrl()).isEqualTo(URI.create("https://github.com"));
        assertThat(environment.repository()).isEmpty();
        assertThat(environment.insideActions()).isFalse();
    }

    @Test
    void should_derive_repository_history_remote_and_token_from_the_actions_variables() {
        Map<String, String> env = Map.of("GITHUB_REPOSITORY", "octo/hello", "GITHUB_TOKEN", "ghs_123",
                "GITHUB_ACTIONS", "true", "GITHUB_RUN_ID", "42", "GITHUB_EVENT_NAME", "pull_request",
                "GITHUB_STEP_SUMMARY", "/tmp/summary.md", "GITHUB_OUTPUT", "/tmp/output");

        Settings settings = resolve(env, Map.of());

        assertThat(settings.selection().repositories()).containsExactly(new RepoRef("octo", "hello"));
        assertThat(settings.history().historyRemote()).contains("https://github.com/octo/hello.git");
        assertThat(settings.token().map(Secret::reveal)).contains("ghs_123");
        GitHubEnvironment environment = settings.environment();
        assertThat(environment.insideActions()).isTrue();
        assertThat(environment.runId()).contains("42");
        assertThat(environment.eventName()).contains("pull_request");
        assertThat(environment.stepSummary()).contains(Path.of("/tmp/summary.md"));
        assertThat(environment.output()).contains(Path.of("/tmp/output"));
    }

    @Test
    void should_point_every_url_at_an_enterprise_server_and_drop_trailing_slashes() {
        Map<String, String> env = Map.of("GITHUB_API_URL", "https://ghe.example.com/api/v3/",
                "GITHUB_SERVER_URL", "https://ghe.example.com/", "GITHUB_REPOSITORY", "octo/hello");

        Settings settings = resolve(env, Map.of());

        assertThat(settings.environment().apiUrl()).isEqualTo(URI.create("https://ghe.example.com/api/v3"));
        assertThat(settings.environment().graphqlUrl()).isEqualTo(URI.create("https://ghe.example.com/api/v3/graphql"));
        assertThat(settings.history().historyRemote()).contains("https://ghe.example.com/octo/hello.git");
    }

    @Test
    void should_take_an_explicit_graphql_url_over_the_derived_one() {
        Map<String, String> env = Map.of("GITHUB_API_URL", "http://localhost:8089",
                "GITHUB_GRAPHQL_URL", "http://localhost:8089/api/graphql");

        assertThat(resolve(env, Map.of()).environment().graphqlUrl())
                .isEqualTo(URI.create("http://localhost:8089/api/graphql"));
    }

    @Test
    void should_not_default_repositories_when_organizations_are_given() {
        Settings settings = resolve(Map.of("GITHUB_REPOSITORY", "octo/hello"), Map.of("organizations", "octo-org"));

        assertThat(settings.selection().repositories()).isEmpty();
        assertThat(settings.selection().organizations()).containsExactly("octo-org");
    }

    @Test
    void should_only_count_the_actions_flag_when_it_is_exactly_true() {
        assertThat(resolve(Map.of("GITHUB_ACTIONS", "1"), Map.of()).environment().insideActions()).isFalse();
    }

    // --- values -------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "2026-11-20T00:00:00Z,      2026-11-20T00:00:00Z",
            "2026-11-20T02:00:00+02:00, 2026-11-20T00:00:00Z",
            "2026-11-19T22:30-01:30,    2026-11-20T00:00:00Z",
            "2026-11-20,                2026-11-20T00:00:00Z",
            "2026-11-20T00:00:00.250Z,  2026-11-20T00:00:00.250Z"})
    void should_accept_every_as_of_form(String given, String expected) {
        Settings settings = resolve(Map.of(), Map.of("as-of", given));

        assertThat(settings.collection().asOf()).isEqualTo(Instant.parse(expected));
        assertThat(settings.collection().asOfExplicit()).isTrue();
    }

    @Test
    void should_split_repositories_on_commas_and_newlines_and_drop_blanks_and_duplicates() {
        Settings settings = resolve(Map.of(), Map.of("repositories", " octo/a, Octo/A\n\n octo/b ,,\nother/c.js\n"));

        assertThat(settings.selection().repositories()).extracting(RepoRef::fullName).containsExactly("octo/a", "octo/b", "other/c.js");
    }

    @Test
    void should_read_lists_from_yaml_sequences() throws IOException {
        configFile("""
                repositories: [octo/a, octo/b]
                organizations:
                  - octo-org
                  - Octo-Org
                ignore-users: ['@Octocat', 'renovate[bot]']
                publish: [pr-comment]
                """);

        Settings settings = resolve(Map.of(), Map.of());

        assertThat(settings.selection().repositories()).extracting(RepoRef::fullName).containsExactly("octo/a", "octo/b");
        assertThat(settings.selection().organizations()).containsExactly("octo-org");
        assertThat(settings.collection().ignoreUsers()).containsExactlyInAnyOrder("octocat", "renovate[bot]");
        assertThat(settings.output().publish()).containsExactly(PublishTarget.PR_COMMENT);
    }

    @Test
    void should_make_publish_none_an_empty_set() {
        assertThat(resolve(Map.of(), Map.of("publish", "none")).output().publish()).isEmpty();
    }

    @Test
    void should_accept_every_publish_target_at_once() {
        assertThat(resolve(Map.of(), Map.of("publish", "summary,issue\npr-comment")).output().publish())
                .containsExactlyInAnyOrder(PublishTarget.values());
    }

    @ParameterizedTest
    @CsvSource({"1/1, 1, 1", "3/3, 3, 3", "1/3, 1, 3", "' 2/5 ', 2, 5"})
    void should_accept_shards_from_first_to_last(String given, int index, int count) {
        assertThat(resolve(Map.of(), Map.of("shard", given)).selection().shard()).isEqualTo(new Shard(index, count));
    }

    @Test
    void should_take_the_workflow_file_of_a_workflow_dora_source() {
        assertThat(resolve(Map.of(), Map.of("dora-source", "workflow: deploy.yml")).collection().doraSource())
                .isEqualTo(new DoraSource.Workflow("deploy.yml"));
    }

    @Test
    void should_resolve_config_and_templates_against_the_workspace_and_output_dir_against_the_working_dir()
            throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Files.createDirectories(workspace.resolve("tpl"));
        Files.writeString(workspace.resolve("vitals.yml"), "templates: tpl\noutput-dir: out\n");

        Settings settings = resolve(Map.of("GITHUB_WORKSPACE", workspace.toString()), Map.of("config", "vitals.yml"));

        assertThat(settings.configFile()).contains(workspace.resolve("vitals.yml"));
        assertThat(settings.output().templates()).contains(workspace.resolve("tpl"));
        assertThat(settings.output().outputDir()).isEqualTo(dir.resolve("out"));
    }

    @Test
    void should_read_the_default_config_file_only_when_it_exists() throws IOException {
        assertThat(resolve(Map.of(), Map.of()).configFile()).isEmpty();

        configFile("charts: svg\n");

        assertThat(resolve(Map.of(), Map.of()).output().charts()).isEqualTo(ChartFormat.SVG);
    }

    // --- errors -------------------------------------------------------------------------------

    @Test
    void should_word_an_invalid_value_as_one_line_with_key_value_and_accepted_values() {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("window-days", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid setting 'window-days' = '0': expected an integer from 1 to 3650");
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "window-days    | 3651                    | an integer from 1 to 3650",
            "window-days    | abc                     | an integer from 1 to 3650",
            "window-days    | -1                      | an integer from 1 to 3650",
            "window-days    | 1.5                     | an integer from 1 to 3650",
            "window-days    | 99999999999             | an integer from 1 to 3650",
            "backfill-days  | 3651                    | an integer from 0 to 3650",
            "backfill-days  | -1                      | an integer from 0 to 3650",
            "as-of          | yesterday               | 2026-11-20T00:00:00Z",
            "as-of          | 2026-13-01              | 2026-11-20T02:00:00+02:00",
            "as-of          | 20261120                | a date 2026-11-20",
            "as-of          | 2026-11-20T00:00:00     | an ISO-8601 instant",
            "history-branch | a..b                    | a valid git branch name",
            "history-branch | has space               | a valid git branch name",
            "history-branch | x.lock                  | a valid git branch name",
            "history-branch | a~1                     | a valid git branch name",
            "history-branch | ends/                   | a valid git branch name",
            "publish        | none,summary            | none alone",
            "publish        | email                   | summary, issue, pr-comment",
            "publish        | Summary                 | summary, issue, pr-comment",
            "charts         | gif                     | png, svg, mermaid, none",
            "dora-source    | workflow:               | workflow:<file>",
            "dora-source    | 'workflow:   '          | workflow:<file>",
            "dora-source    | deploys                 | deployments, releases or workflow:<file>",
            "shard          | 0/3                     | i/n with 1 <= i <= n",
            "shard          | 4/3                     | i/n with 1 <= i <= n",
            "shard          | a/b                     | i/n with 1 <= i <= n",
            "shard          | 1/0                     | i/n with 1 <= i <= n",
            "shard          | 2                       | i/n with 1 <= i <= n",
            "repositories   | octocat                 | owner/name",
            "repositories   | a/b/c                   | owner/name",
            "organizations  | bad org!                | organisation logins",
            "ignore-users   | two words               | logins",
            "templates      | no-such-dir             | an existing directory",
            "config         | missing.yml             | an existing YAML file",
            "stale-days     | 0                       | an integer from 1 to 3650",
            "stale-days     | 3651                    | an integer from 1 to 3650",
            "stale-days     | ten                     | an integer from 1 to 3650",
            "trend-days     | 6                       | an integer from 7 to 3650",
            "trend-days     | 3651                    | an integer from 7 to 3650",
            "forecast-days  | 0                       | an integer from 1 to 365",
            "forecast-days  | 366                     | an integer from 1 to 365",
            "max-reset-wait | 61                      | a number of minutes from 0 to 60",
            "max-reset-wait | -1                      | a number of minutes from 0 to 60",
            "max-reset-wait | 5m                      | a number of minutes from 0 to 60",
            "git-fetch-max-mb | -1                    | an integer from 0 to 100000",
            "git-fetch-max-mb | 100001                | an integer from 0 to 100000",
            "git-fetch-max-mb | 200MB                 | an integer from 0 to 100000",
            "rate-limit-budget | 0                    | an integer from 1 to 999999999, or empty for no cap",
            "rate-limit-budget | 1000000000           | an integer from 1 to 999999999, or empty for no cap",
            "rate-limit-budget | unlimited            | an integer from 1 to 999999999, or empty for no cap",
            "history-retention-days | 0               | an integer from 1 to 999999999, or empty to keep everything",
            "history-retention-days | forever         | an integer from 1 to 999999999, or empty to keep everything",
            "close-previous | yes                     | true or false",
            "close-previous | 1                       | true or false",
            "close-previous | tRUE                    | true or false",
            "incident-labels | ',,'                   | a comma- or newline-separated list of label names of at most 50 characters",
            "incident-labels | abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijX | label names of at most 50 characters",
            "health-weights | contributors=1         | a weight for each of contributors, pr_throughput, review_velocity, issue_freshness, fork_growth (missing: pr_throughput, review_velocity, issue_freshness, fork_growth)",
            "health-weights | contributors=0.30,pr_throughput=0.20,review_velocity=0.20,issue_freshness=0.15,fork_growth=0.10 | weights that sum to 1 (these sum to 0.95)"})
    void should_reject_an_invalid_value_naming_key_value_and_accepted_values(String key, String value, String accepted) {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of(key, value)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageStartingWith("invalid setting '" + key + "' = '" + value + "': expected ")
                .hasMessageContaining(accepted)
                .hasMessageNotContaining("\n");
    }

    @Test
    void should_word_an_extension_error_like_any_other() {
        assertThatThrownBy(() -> resolve(Map.of("INPUT_TREND-DAYS", "3"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid setting 'trend-days' = '3': expected an integer from 7 to 3650");
    }

    private static final String OTHER_WEIGHTS = ",review_velocity=0.2,issue_freshness=0.15,fork_growth=0.15";

    /** Errors that name one entry of the list: the entry is the value shown. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "contributors=0.3,pr_throughput                  | pr_throughput          | a comma- or newline-separated list of name=weight, e.g. contributors=0.30,pr_throughput=0.20,",
            "contributors=0.3,stars=0.2                      | stars=0.2              | component names contributors, pr_throughput, review_velocity, issue_freshness, fork_growth",
            "Contributors=0.3,pr_throughput=0.2              | Contributors=0.3       | component names contributors, pr_throughput,",
            "contributors=0.3,contributors=0.3               | contributors=0.3       | each component once",
            "contributors=1.5,pr_throughput=0.2              | contributors=1.5       | a weight from 0 to 1 as a decimal number, e.g. 0.25",
            "contributors=-0.1,pr_throughput=0.2             | contributors=-0.1      | a weight from 0 to 1 as a decimal number",
            "contributors=3e-1,pr_throughput=0.2             | contributors=3e-1      | a weight from 0 to 1 as a decimal number",
            "contributors=,pr_throughput=0.2                 | contributors=          | a weight from 0 to 1 as a decimal number",
            "contributors=30%,pr_throughput=0.2              | contributors=30%       | a weight from 0 to 1 as a decimal number"})
    void should_name_the_bad_entry_of_health_weights(String given, String shown, String accepted) {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("health-weights", given + OTHER_WEIGHTS)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("health-weights"))
                .hasMessageStartingWith("invalid setting 'health-weights' = '" + shown + "': expected ")
                .hasMessageContaining(accepted)
                .hasMessageNotContaining("\n");
    }

    // --- dora-thresholds -----------------------------------------------------------------------

    @Test
    void should_keep_the_2023_defaults_for_dora_keys_not_given_and_accept_any_spacing_and_order() {
        Settings settings = resolve(Map.of(), Map.of("dora-thresholds",
                " deploy_days_per_week = 10, 2 ,0.5 ;\n change_failure_rate=.02,0.04,0.08;"));

        assertThat(settings.analysis().doraThresholds().boundaries()).containsExactly(
                entry("lead_time_hours", List.of(24.0, 168.0, 720.0)),
                entry("change_failure_rate", List.of(0.02, 0.04, 0.08)),
                entry("time_to_restore_hours", List.of(1.0, 24.0, 168.0)),
                entry("deploy_days_per_week", List.of(10.0, 2.0, 0.5)));
    }

    /** The layer that sets dora-thresholds gives the whole value: keys are not merged across layers. */
    @Test
    void should_take_the_dora_thresholds_of_the_input_variable_over_the_file_without_merging_keys() throws IOException {
        configFile("dora-thresholds:\n  deploy_days_per_week: [7, 2, 0.5]\n");

        Settings fromFile = resolve(Map.of(), Map.of());
        Settings fromVariable = resolve(Map.of("INPUT_DORA-THRESHOLDS", "lead_time_hours=12,48,96"), Map.of());

        assertThat(fromFile.analysis().doraThresholds().boundaries()).containsEntry("deploy_days_per_week", List.of(7.0, 2.0, 0.5))
                .containsEntry("lead_time_hours", List.of(24.0, 168.0, 720.0));
        assertThat(fromVariable.analysis().doraThresholds().boundaries()).containsEntry("lead_time_hours", List.of(12.0, 48.0, 96.0))
                .containsEntry("deploy_days_per_week", List.of(5.0, 1.0, 7.0 / 30));
    }

    /** Every error names the bad entry (the value shown), its key and what it accepts, on one line. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "lead_time_hours                              | lead_time_hours                   | a ';'- or newline-separated list of key=elite,high,medium, e.g. lead_time_hours=24,168,720;",
            "lead_time=24,168,720                         | lead_time=24,168,720              | one of the keys lead_time_hours, change_failure_rate, time_to_restore_hours, deploy_days_per_week",
            "lead_time_hours=1,2,3;lead_time_hours=4,5,6  | lead_time_hours=4,5,6             | each key once",
            "lead_time_hours=24,168                       | lead_time_hours=24,168            | three boundaries elite,high,medium for lead_time_hours (got 2), e.g. lead_time_hours=24,168,720",
            "change_failure_rate=0.05,0.1,0.15,0.2        | change_failure_rate=0.05,0.1,0.15,0.2 | three boundaries elite,high,medium for change_failure_rate (got 4)",
            "time_to_restore_hours=0,24,168               | time_to_restore_hours=0,24,168    | positive decimal numbers as the time_to_restore_hours boundaries, e.g. time_to_restore_hours=1,24,168",
            "time_to_restore_hours=-1,24,168              | time_to_restore_hours=-1,24,168   | positive decimal numbers as the time_to_restore_hours boundaries",
            "lead_time_hours=24,1e3,2000                  | lead_time_hours=24,1e3,2000       | positive decimal numbers as the lead_time_hours boundaries",
            "lead_time_hours=24,,720                      | lead_time_hours=24,,720           | positive decimal numbers as the lead_time_hours boundaries",
            "deploy_days_per_week=5,one,0.23              | deploy_days_per_week=5,one,0.23   | positive decimal numbers as the deploy_days_per_week boundaries, e.g. deploy_days_per_week=5,1,0.23",
            "lead_time_hours=168,24,720                   | lead_time_hours=168,24,720        | strictly increasing lead_time_hours boundaries elite < high < medium (lower is better), e.g. lead_time_hours=24,168,720",
            "change_failure_rate=0.05,0.05,0.15           | change_failure_rate=0.05,0.05,0.15 | strictly increasing change_failure_rate boundaries elite < high < medium (lower is better)",
            "deploy_days_per_week=0.23,1,5                | deploy_days_per_week=0.23,1,5     | strictly decreasing deploy_days_per_week boundaries elite > high > medium (higher is better), e.g. deploy_days_per_week=5,1,0.23",
            "';;'                                         | ;;                                | at least one key=elite,high,medium, e.g. lead_time_hours=24,168,720;"})
    void should_name_the_bad_entry_of_dora_thresholds(String given, String shown, String accepted) {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("dora-thresholds", given)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("dora-thresholds"))
                .hasMessageStartingWith("invalid setting 'dora-thresholds' = '" + shown + "': expected ")
                .hasMessageContaining(accepted)
                .hasMessageNotContaining("\n");
    }

    @Test
    void should_accept_health_weights_in_any_order_and_spacing_and_keep_the_report_order() {
        Settings settings = resolve(Map.of(), Map.of("health-weights",
                "fork_growth = 0 \n issue_freshness=.25, review_velocity=0.25\npr_throughput=0.25 ,contributors=00.25"));

        assertThat(settings.analysis().healthWeights().asMap()).containsExactly(entry("contributors", 0.25), entry("pr_throughput", 0.25),
                entry("review_velocity", 0.25), entry("issue_freshness", 0.25), entry("fork_growth", 0.0));
    }

    @ParameterizedTest(name = "fork_growth={0} -> {1}")
    @CsvSource({
            "1,             false",
            "0.1500000001,  true",
            "0.149999999,   true",
            "0.150000002,   false",
            "0.149999998,   false"})
    void should_accept_a_sum_of_health_weights_only_within_one_billionth_of_one(String forkGrowth, boolean accepted) {
        String weights = "contributors=0.30,pr_throughput=0.20,review_velocity=0.20,issue_freshness=0.15,fork_growth="
                + forkGrowth;
        if (accepted) {
            assertThat(resolve(Map.of(), Map.of("health-weights", weights)).analysis().healthWeights().asMap())
                    .containsEntry("fork_growth", Double.parseDouble(forkGrowth));
        } else {
            assertThatThrownBy(() -> resolve(Map.of(), Map.of("health-weights", weights)))
                    .hasMessageContaining("expected weights that sum to 1 (these sum to ");
        }
    }

    @Test
    void should_accept_all_weight_on_one_component() {
        Settings settings = resolve(Map.of(), Map.of("health-weights",
                "contributors=1.0,pr_throughput=0,review_velocity=0,issue_freshness=0,fork_growth=0"));

        assertThat(settings.analysis().healthWeights().asMap()).containsEntry("contributors", 1.0).containsEntry("fork_growth", 0.0);
    }

    @Test
    void should_read_health_weights_close_previous_and_numbers_from_yaml_values() throws IOException {
        configFile("""
                health-weights:
                  fork_growth: 0.1
                  contributors: 0.4
                  pr_throughput: 0.2
                  review_velocity: 0.2
                  issue_freshness: 0.1
                close-previous: false
                incident-labels: [incident, Sev 1, INCIDENT]
                rate-limit-budget: 5000
                history-retention-days: 730
                max-reset-wait: 0
                """);

        Settings settings = resolve(Map.of(), Map.of());

        assertThat(settings.analysis().healthWeights().asMap()).containsExactly(entry("contributors", 0.4), entry("pr_throughput", 0.2),
                entry("review_velocity", 0.2), entry("issue_freshness", 0.1), entry("fork_growth", 0.1));
        assertThat(settings.output().closePrevious()).isFalse();
        assertThat(settings.collection().incidentLabels()).containsExactly("incident", "Sev 1");
        assertThat(settings.collection().rateLimitBudget()).hasValue(5000);
        assertThat(settings.history().historyRetentionDays()).hasValue(730);
        assertThat(settings.collection().maxResetWait()).isZero();
    }

    @Test
    void should_reject_a_health_weights_mapping_that_misses_a_component() throws IOException {
        configFile("health-weights: {contributors: 0.5, pr_throughput: 0.5}\n");

        assertThatThrownBy(() -> resolve(Map.of(), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("health-weights"))
                .hasMessageContaining("(missing: review_velocity, issue_freshness, fork_growth)");
    }

    @ParameterizedTest
    @CsvSource({"true, true", "True, true", "TRUE, true", "' false ', false", "False, false", "FALSE, false"})
    void should_accept_the_boolean_spellings_of_the_actions_toolkit(String given, boolean expected) {
        assertThat(resolve(Map.of("INPUT_CLOSE-PREVIOUS", given), Map.of()).output().closePrevious()).isEqualTo(expected);
    }

    @Test
    void should_treat_blank_optional_limits_as_no_limit() {
        Settings settings = resolve(Map.of("INPUT_RATE-LIMIT-BUDGET", "", "INPUT_HISTORY-RETENTION-DAYS", " "), Map.of());

        assertThat(settings.collection().rateLimitBudget()).isEmpty();
        assertThat(settings.history().historyRetentionDays()).isEmpty();
    }

    @Test
    void should_accept_the_bounds_of_the_extension_ranges() {
        Settings low = resolve(Map.of(), Map.of("stale-days", "1", "trend-days", "7", "forecast-days", "1",
                "max-reset-wait", "0", "rate-limit-budget", "1", "history-retention-days", "1"));
        Settings high = resolve(Map.of(), Map.of("stale-days", "3650", "trend-days", "3650", "forecast-days", "365",
                "max-reset-wait", "60", "rate-limit-budget", "999999999", "history-retention-days", "999999999"));

        assertThat(List.of(low.collection().staleDays(), low.analysis().trendDays(), low.analysis().forecastDays(), (int) low.collection().maxResetWait().toMinutes(),
                low.collection().rateLimitBudget().getAsInt(), low.history().historyRetentionDays().getAsInt())).containsExactly(1, 7, 1, 0, 1, 1);
        assertThat(List.of(high.collection().staleDays(), high.analysis().trendDays(), high.analysis().forecastDays(), (int) high.collection().maxResetWait().toMinutes(),
                high.collection().rateLimitBudget().getAsInt(), high.history().historyRetentionDays().getAsInt()))
                .containsExactly(3650, 3650, 365, 60, 999999999, 999999999);
    }

    @Test
    void should_split_incident_labels_trim_them_and_drop_duplicates_ignoring_case() {
        Settings settings = resolve(Map.of(), Map.of("incident-labels", " incident ,Sev 1\n\nINCIDENT, outage "));

        assertThat(settings.collection().incidentLabels()).containsExactly("incident", "Sev 1", "outage");
    }

    @Test
    void should_reject_a_label_with_a_control_character_naming_it() {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("incident-labels", "incident,sev\u00071")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("incident-labels"))
                .hasMessageStartingWith("invalid setting 'incident-labels' = 'sev\u00071': expected ")
                .hasMessageContaining("label names of at most 50 characters");
    }

    @Test
    void should_trim_the_dora_environment() {
        assertThat(resolve(Map.of(), Map.of("dora-environment", "  prod eu ")).collection().doraEnvironment()).isEqualTo("prod eu");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod\u0000", "prod\teu", "line\nbreak"})
    void should_reject_a_dora_environment_with_a_control_character(String given) {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("dora-environment", given)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("dora-environment"))
                .hasMessageContaining("expected a deployment environment name of 1 to 255 characters on one line, e.g. production")
                .hasMessageNotContaining("\n");
    }

    @Test
    void should_reject_a_dora_environment_longer_than_github_allows() {
        assertThat(resolve(Map.of(), Map.of("dora-environment", "e".repeat(255))).collection().doraEnvironment()).hasSize(255);
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("dora-environment", "e".repeat(256))))
                .hasMessageContaining("'dora-environment' = '" + "e".repeat(256) + "'")
                .hasMessageContaining("of 1 to 255 characters");
    }

    @Test
    void should_name_the_malformed_entry_of_a_list() {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("repositories", "octo/a, nope ,octo/b")))
                .hasMessageStartingWith("invalid setting 'repositories' = 'nope': expected ")
                .hasMessageContaining("owner/name");
    }

    @Test
    void should_reject_the_same_bad_value_from_an_input_variable_and_from_the_file() throws IOException {
        assertThatThrownBy(() -> resolve(Map.of("INPUT_SHARD", "4/3"), Map.of()))
                .hasMessageContaining("'shard' = '4/3'");

        configFile("charts: gif\n");

        assertThatThrownBy(() -> resolve(Map.of(), Map.of()))
                .hasMessageContaining("'charts' = 'gif'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghp_secret value", "ghp_secret\nvalue", "ghp_secret\tvalue", "ghp_secret\u0000"})
    void should_reject_a_malformed_token_without_echoing_it(String token) {
        assertThatThrownBy(() -> resolve(Map.of("INPUT_TOKEN", token), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("token"))
                .hasMessageContaining("'token'")
                .hasMessageNotContaining("ghp_secret")
                .hasMessageContaining("a token without spaces or line breaks");
    }

    @Test
    void should_not_echo_a_token_of_the_wrong_type_in_the_config_file() throws IOException {
        configFile("token: [ghp_secret]\n");

        assertThatThrownBy(() -> resolve(Map.of(), Map.of()))
                .hasMessageContaining("'token'")
                .hasMessageNotContaining("ghp_secret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GITHUB_API_URL     | not a url",
            "GITHUB_API_URL     | ftp://api.example.com",
            "GITHUB_API_URL     | api.github.com",
            "GITHUB_GRAPHQL_URL | https://",
            "GITHUB_SERVER_URL  | https://exa mple.com"})
    void should_reject_a_malformed_url_naming_its_variable(String variable, String value) {
        assertThatThrownBy(() -> resolve(Map.of(variable, value), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo(variable))
                .hasMessageContaining("'" + variable + "' = '" + value + "'")
                .hasMessageContaining("an absolute http(s) URL");
    }

    @Test
    void should_reject_a_malformed_github_repository_variable() {
        assertThatThrownBy(() -> resolve(Map.of("GITHUB_REPOSITORY", "just-a-name"), Map.of()))
                .hasMessageContaining("'GITHUB_REPOSITORY' = 'just-a-name'")
                .hasMessageContaining("owner/name");
    }

    @Test
    void should_name_the_config_file_when_it_sets_config() throws IOException {
        configFile("config: other.yml\n");

        assertThatThrownBy(() -> resolve(Map.of(), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("config"))
                .hasMessageContaining("config cannot be set in the config file");
    }

    @Test
    void should_refuse_an_option_that_is_not_an_input() {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("window", "7")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window");
    }

    @Test
    void should_keep_the_order_given_and_ignore_case_when_removing_duplicate_organizations() {
        Settings settings = resolve(Map.of(), Map.of("organizations", "b-org\nA-org, a-ORG"));

        assertThat(settings.selection().organizations()).containsExactly("b-org", "A-org");
    }

    @Test
    void should_take_the_config_option_over_the_config_input_variable() throws IOException {
        Files.writeString(dir.resolve("a.yml"), "charts: svg\n");
        Files.writeString(dir.resolve("b.yml"), "charts: mermaid\n");

        Settings settings = resolve(Map.of("INPUT_CONFIG", "a.yml"), Map.of("config", "b.yml"));

        assertThat(settings.configFile()).contains(dir.resolve("b.yml"));
        assertThat(settings.output().charts()).isEqualTo(ChartFormat.MERMAID);
    }

    @Test
    void should_reject_an_output_dir_that_is_no_path() {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("output-dir", "out\u0000")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("output-dir"))
                .hasMessageContaining("expected a file path");
    }
}
