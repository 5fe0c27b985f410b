package io.repovitals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.repovitals.config.Input;
import io.repovitals.config.Inputs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * action.yml declares exactly the contract's inputs, in its order, then only the extensions of
 * Inputs.EXTENSIONS, and exactly the contract's outputs, as Inputs.java does. The contract's tables
 * ("Inputs", "Outputs" of the runtime contract the project was given) are copied below by hand.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ActionYmlTest {
    /** The contract's "Inputs" table in its order: input and its default cell, word for word. */
    private static final Map<String, String> CONTRACT_INPUTS = contractInputs(
            "token", "`$GITHUB_TOKEN`",
            "repositories", "`$GITHUB_REPOSITORY`",
            "organizations", "empty",
            "config", "`.github/repo-vitals.yml` if present",
            "window-days", "7",
            "as-of", "now",
            "backfill-days", "90",
            "history-branch", "`repo-vitals-data`",
            "history-remote", "`$GITHUB_SERVER_URL/$GITHUB_REPOSITORY.git`",
            "publish", "`summary,issue`",
            "charts", "`png`",
            "templates", "built-in",
            "dora-source", "`deployments`",
            "ignore-users", "empty",
            "shard", "`1/1`",
            "output-dir", "`repo-vitals-out`");
    /** The contract's "Outputs" ({@code $GITHUB_OUTPUT}). */
    private static final Set<String> CONTRACT_OUTPUTS = Set.of("health-score", "health-grade", "report-path",
            "snapshot-path", "issue-url", "anomalies");
    // A default the contract states as a value: a bare number or one backticked word that is no variable.
    private static final Pattern LITERAL_DEFAULT = Pattern.compile("^(\\d+)$|^`([^`$]+)`$");
    /**
     * The one input that is no setting: it becomes the program's argument through runs.args (contract.md
     * "One program, three ways to start it"), is never read as INPUT_COMMAND, and so is not in the registry.
     */
    private static final String COMMAND = "command";
    // "The command to run: run, report, merge or export." in its description.
    private static final Pattern COMMAND_VALUES = Pattern.compile("^The command to run: ([a-z, ]+?)\\.");

    private static JsonNode action;

    @BeforeAll
    static void read() throws IOException {
        action = new ObjectMapper(new YAMLFactory()).readTree(Path.of("action.yml").toFile());
    }

    @Test
    void should_declare_the_contract_inputs_one_to_one_in_order_first() {
        List<String> contractNames = List.copyOf(CONTRACT_INPUTS.keySet());
        List<String> declared = settingInputs();

        assertThat(declared).hasSizeGreaterThanOrEqualTo(contractNames.size());
        assertThat(declared.subList(0, contractNames.size())).containsExactlyElementsOf(contractNames);
    }

    @Test
    void should_declare_after_the_contract_inputs_only_the_registered_extensions_in_order() {
        int contractSize = CONTRACT_INPUTS.size();
        List<String> declared = settingInputs();
        List<String> extensions = Inputs.EXTENSIONS.stream().map(Input::name).toList();

        assertThat(declared.subList(Math.min(contractSize, declared.size()), declared.size()))
                .containsExactlyElementsOf(extensions);
        assertThat(extensions).doesNotContainAnyElementsOf(CONTRACT_INPUTS.keySet());
    }

    @Test
    void should_keep_the_registry_as_the_contract_inputs_then_the_extensions() {
        assertThat(Inputs.CONTRACT.stream().map(Input::name).toList())
                .containsExactlyElementsOf(CONTRACT_INPUTS.keySet());
        List<Input> expected = new ArrayList<>(Inputs.CONTRACT);
        expected.addAll(Inputs.EXTENSIONS);
        assertThat(Inputs.ALL).containsExactlyElementsOf(expected);
    }

    @Test
    void should_word_each_contract_default_in_the_registry_as_the_contract_does() {
        for (Input input : Inputs.CONTRACT) {
            assertThat(input.defaultText()).as(input.name()).isEqualTo(CONTRACT_INPUTS.get(input.name()).replace("`", ""));
        }
    }

    @Test
    void should_use_the_contract_default_wherever_the_contract_gives_a_literal() {
        Map<String, String> literals = new LinkedHashMap<>();
        CONTRACT_INPUTS.forEach((name, cell) -> {
            Matcher literal = LITERAL_DEFAULT.matcher(cell);
            if (literal.matches()) {
                literals.put(name, literal.group(1) != null ? literal.group(1) : literal.group(2));
            }
        });

        assertThat(literals).containsKeys("window-days", "backfill-days", "history-branch", "publish", "charts",
                "dora-source", "shard", "output-dir");
        literals.forEach((name, value) ->
                assertThat(action.at("/inputs/" + name + "/default").asText()).as(name).isEqualTo(value));
    }

    @Test
    void should_match_the_inputs_registry_name_default_and_description() {
        assertThat(settingInputs()).containsExactlyElementsOf(Inputs.ALL.stream().map(Input::name).toList());
        for (Input input : Inputs.ALL) {
            JsonNode declared = action.get("inputs").get(input.name());
            String actionDefault = declared.has("default") ? declared.get("default").asText() : "";
            assertThat(actionDefault).as(input.name()).isEqualTo(input.actionDefault());
            assertThat(declared.get("description").asText()).as(input.name()).startsWith(input.description());
            assertThat(declared.get("required").asBoolean(true)).as(input.name()).isFalse();
        }
    }

    @Test
    void should_state_the_computed_default_of_inputs_without_a_default_key() {
        Inputs.ALL.stream().filter(input -> input.actionDefault().isEmpty()).forEach(input ->
                assertThat(action.at("/inputs/" + input.name() + "/description").asText())
                        .as(input.name()).contains("Default: "));
    }

    @Test
    void should_declare_command_as_the_only_input_beyond_the_registry() {
        List<String> beyond = new ArrayList<>(names(action.get("inputs")));
        beyond.removeAll(Inputs.ALL.stream().map(Input::name).toList());

        assertThat(beyond).containsExactly(COMMAND);
        assertThat(Inputs.byName(COMMAND)).as("command is an argument, not a setting").isEmpty();
    }

    @Test
    void should_pass_the_command_input_and_nothing_else_as_the_program_arguments() {
        JsonNode args = action.at("/runs/args");

        assertThat(args.isArray()).as("runs.args").isTrue();
        assertThat(args).hasSize(1);
        assertThat(args.get(0).asText()).isEqualTo("${{ inputs.command }}");
        assertThat(action.at("/inputs/command/default").asText()).isEqualTo("run");
        assertThat(action.at("/inputs/command/required").asBoolean(true)).isFalse();
    }

    @Test
    void should_document_only_commands_that_the_program_has() {
        Matcher documented = COMMAND_VALUES.matcher(action.at("/inputs/command/description").asText());
        assertThat(documented.find()).as("'The command to run: a, b or c.' in the description").isTrue();
        List<String> values = List.of(documented.group(1).split(",\\s*|\\s+or\\s+"));

        List<String> subcommands = Arrays.stream(Main.class.getAnnotation(Command.class).subcommands())
                .map(type -> type.getAnnotation(Command.class).name()).toList();
        assertThat(values).containsExactlyInAnyOrder("run", "report", "merge", "export");
        assertThat(subcommands).containsAll(values);
    }

    @Test
    void should_declare_the_contract_outputs_one_to_one() {
        assertThat(names(action.get("outputs"))).containsExactlyInAnyOrderElementsOf(CONTRACT_OUTPUTS);
    }

    @Test
    void should_describe_every_input_and_output() {
        for (String section : List.of("inputs", "outputs")) {
            action.get(section).properties().forEach(field ->
                    assertThat(field.getValue().path("description").asText()).as(field.getKey()).isNotBlank());
        }
    }

    @Test
    void should_have_branding_and_run_as_a_container() {
        assertThat(action.at("/branding/icon").asText()).isEqualTo("activity");
        assertThat(action.at("/branding/color").asText()).isEqualTo("green");
        assertThat(action.at("/runs/using").asText()).isEqualTo("docker");
        assertThat(action.at("/runs/image").asText()).isEqualTo("Dockerfile");
        assertThat(action.get("name").asText()).isEqualTo("repo-vitals");
        assertThat(action.get("description").asText()).isNotBlank().doesNotContain("\n");
    }

    private static Map<String, String> contractInputs(String... namesAndDefaults) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (int i = 0; i < namesAndDefaults.length; i += 2) {
            inputs.put(namesAndDefaults[i], namesAndDefaults[i + 1]);
        }
        return inputs;
    }

    /** The declared inputs that are settings: all but {@link #COMMAND}. */
    private static List<String> settingInputs() {
        List<String> names = names(action.get("inputs"));
        names.remove(COMMAND);
        return names;
    }

    private static List<String> names(JsonNode map) {
        List<String> names = new ArrayList<>();
        map.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
