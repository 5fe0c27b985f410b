package io.repovitals.config;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConfigFileTest {
    private static final Path SOURCE = Path.of(".github/repo-vitals.yml");

    private static ConfigFile parse(String yaml) {
        return ConfigFile.parse(yaml, SOURCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "# only a comment\n", "---\n"})
    void should_accept_an_empty_file_as_setting_nothing(String yaml) {
        assertThat(parse(yaml).values()).isEmpty();
    }

    @Test
    void should_keep_values_as_option_text_with_list_entries_on_lines() {
        ConfigFile file = parse("""
                window-days: 14
                backfill-days: "30"
                repositories: [octo/a, octo/b]
                publish: summary,issue
                as-of: 2026-11-20
                """);

        assertThat(file.values()).isEqualTo(Map.of("window-days", "14", "backfill-days", "30",
                "repositories", "octo/a\nocto/b", "publish", "summary,issue", "as-of", "2026-11-20"));
        assertThat(file.path()).isEqualTo(SOURCE);
    }

    @Test
    void should_turn_a_health_weights_mapping_and_a_yaml_boolean_into_option_text() {
        ConfigFile file = parse("""
                health-weights:
                  contributors: 0.30
                  pr_throughput: 1E-4
                  review_velocity: 0
                  issue_freshness: 1
                  fork_growth: -0.5
                close-previous: false
                incident-labels: [incident, sev1]
                """);

        assertThat(file.values()).isEqualTo(Map.of(
                "health-weights", "contributors=0.3\npr_throughput=0.0001\nreview_velocity=0\nissue_freshness=1\nfork_growth=-0.5",
                "close-previous", "false",
                "incident-labels", "incident\nsev1"));
    }

    @Test
    void should_keep_a_health_weights_string_as_it_is() {
        assertThat(parse("health-weights: contributors=1,pr_throughput=0\n").value("health-weights"))
                .contains("contributors=1,pr_throughput=0");
    }

    @Test
    void should_turn_a_dora_thresholds_mapping_into_option_text_and_keep_a_string_as_it_is() {
        ConfigFile mapping = parse("""
                dora-thresholds:
                  lead_time_hours: [12, 48.0, 1E3]
                  deploy_days_per_week: [5, 1, -0.25]
                """);
        ConfigFile string = parse("dora-thresholds: lead_time_hours=12,48,96;deploy_days_per_week=5,1,0.23\n");

        assertThat(mapping.value("dora-thresholds")).contains("lead_time_hours=12,48,1000\ndeploy_days_per_week=5,1,-0.25");
        assertThat(string.value("dora-thresholds")).contains("lead_time_hours=12,48,96;deploy_days_per_week=5,1,0.23");
    }

    @Test
    void should_accept_an_integral_float_for_an_integer_key_as_json_schema_does() {
        assertThat(parse("window-days: 7.0\n").value("window-days")).contains("7");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "window-days: [1]         | window-days    | [1]           | an integer",
            "window-days: 1.5         | window-days    | 1.5           | an integer",
            "window-days: true        | window-days    | true          | not a boolean",
            "window-days: {a: 1}      | window-days    | {\"a\":1}     | not a mapping",
            "charts: [png]            | charts         | [\"png\"]     | a string, not a list",
            "history-branch: 2026     | history-branch | 2026          | a string, not a number",
            "repositories: {a: b}     | repositories   | {\"a\":\"b\"} | a string or a list of strings",
            "publish: [summary, [x]]  | publish        | [\"x\"]       | a string or a list of strings",
            "ignore-users: [1234]     | ignore-users   | 1234          | a string or a list of strings",
            "shard:                   | shard          | null          | not an empty value",
            "stale-days: true         | stale-days     | true          | an integer (a YAML number or a numeric string), not a boolean",
            "rate-limit-budget: [1]   | rate-limit-budget | [1]        | an integer",
            "close-previous: 1        | close-previous | 1             | a boolean (true or false), not a number",
            "close-previous: [true]   | close-previous | [true]        | a boolean (true or false), not a list",
            "incident-labels: {a: b}  | incident-labels | {\"a\":\"b\"} | a string or a list of strings",
            "health-weights: [contributors=1] | health-weights | [\"contributors=1\"] | a string name=weight,... or a mapping of component names to numbers, not a list",
            "health-weights: 1        | health-weights | 1             | not a number",
            "health-weights: {contributors: high} | health-weights | contributors: \"high\" | or a mapping of component names to numbers, not a string",
            "health-weights: {contributors: [1]}  | health-weights | contributors: [1]     | not a list",
            "health-weights: {'a=1,b': 1}         | health-weights | a=1,b                 | not a key like that",
            "dora-thresholds: [lead_time_hours=1] | dora-thresholds | [\"lead_time_hours=1\"] | a string key=elite,high,medium;... or a mapping of keys to lists of three numbers, not a list",
            "dora-thresholds: {lead_time_hours: '1,2,3'}  | dora-thresholds | lead_time_hours: \"1,2,3\" | lists of three numbers, not a string",
            "dora-thresholds: {lead_time_hours: [1, x, 3]} | dora-thresholds | lead_time_hours: [1,\"x\",3] | not a list holding a string",
            "dora-thresholds: {'a=1;b': [1, 2, 3]}        | dora-thresholds | a=1;b                  | not a key like that"})
    void should_reject_a_value_of_the_wrong_type_naming_key_and_value(String yaml, String key, String shown, String accepted) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageStartingWith("invalid setting '" + key + "' = '" + shown + "': expected ")
                .hasMessageContaining(accepted);
    }

    @Test
    void should_name_an_unknown_key_suggest_the_closest_and_list_the_accepted_ones() {
        assertThatThrownBy(() -> parse("window_days: 7\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("window_days"))
                .hasMessageStartingWith("invalid setting 'window_days': expected a known key in " + SOURCE)
                .hasMessageContaining("did you mean 'window-days'?")
                .hasMessageContaining("accepted keys are token, repositories, organizations, window-days,");
    }

    @Test
    void should_not_suggest_a_name_for_a_key_that_resembles_none() {
        assertThatThrownBy(() -> parse("colour-scheme: dark\n"))
                .hasMessageContaining("'colour-scheme'")
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void should_reject_config_inside_the_config_file() {
        assertThatThrownBy(() -> parse("config: other.yml\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("config"))
                .hasMessageContaining("config cannot be set in the config file");
    }

    @Test
    void should_report_unparseable_yaml_on_one_line_with_file_and_line() {
        assertThatThrownBy(() -> parse("charts: png\nwindow-days: [1, 2\nshard: 1/1\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("config"))
                .hasMessage("invalid setting 'config' = '" + SOURCE + "': expected valid YAML, but line 3, column 6:"
                        + " while parsing a flow sequence; expected ',' or ']', but got :");
    }

    @Test
    void should_keep_a_one_line_problem_as_it_is() {
        assertThatThrownBy(() -> parse("a: b: c\n"))
                .hasMessageEndingWith("expected valid YAML, but line 1, column 5: mapping values are not allowed here");
    }

    @Test
    void should_reject_a_duplicate_key_rather_than_keep_the_last() {
        assertThatThrownBy(() -> parse("charts: png\ncharts: svg\n"))
                .hasMessageContaining("expected valid YAML, but line 2")
                .hasMessageContaining("charts");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"- charts: png | not a list", "just text | not a scalar", "42 | not a number"})
    void should_reject_a_top_level_that_is_not_a_mapping(String yaml, String kind) {
        assertThatThrownBy(() -> parse(yaml))
                .hasMessageContaining("'config'")
                .hasMessageContaining("a YAML mapping of input names to values at the top level, " + kind);
    }

    @Test
    void should_read_a_file_from_disk(@TempDir Path dir) throws IOException {
        Path path = Files.writeString(dir.resolve("vitals.yml"), "charts: svg\n");

        ConfigFile file = ConfigFile.read(path);

        assertThat(file.path()).isEqualTo(path);
        assertThat(file.value("charts")).contains("svg");
    }

    @Test
    void should_list_every_input_but_config_as_a_key() {
        assertThat(ConfigFile.KEYS).hasSize(Inputs.ALL.size() - 1).doesNotContain("config").contains("output-dir");
    }
}
