package io.repovitals.cli;

import io.repovitals.CliRun;
import io.repovitals.config.Input;
import io.repovitals.config.Inputs;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HelpAndVersionTest {
    private static final Pattern LONG_OPTION = Pattern.compile("--[a-z][a-z-]+");

    @TempDir
    Path workDir;

    private static List<String> options(String help) {
        Matcher matcher = LONG_OPTION.matcher(help);
        return matcher.results().map(java.util.regex.MatchResult::group).distinct().sorted().toList();
    }

    @Test
    void should_print_the_version() {
        CliRun run = CliRun.run(Map.of(), workDir, "--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).matches("repo-vitals \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void should_read_an_empty_command_argument_as_no_command_as_the_action_passes_it() {
        // action.yml: runs.args ["${{ inputs.command }}"], which a workflow may set to ''.
        CliRun run = CliRun.run(Map.of(), workDir, "", "--version");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out().strip()).startsWith("repo-vitals ");
    }

    @Test
    void should_list_the_commands_it_has() {
        CliRun run = CliRun.run(Map.of(), workDir, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("  run ").contains("  collect ").contains("With no command, runs 'run'");
    }

    @Test
    void should_offer_every_input_as_an_option_of_run() {
        CliRun run = CliRun.run(Map.of(), workDir, "run", "--help");
        assertThat(run.exitCode()).isZero();
        List<String> expected = new java.util.ArrayList<>(Inputs.ALL.stream().map(Input::optionName).toList());
        expected.addAll(List.of("--help", "--version"));
        assertThat(options(run.out())).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void should_offer_collect_only_the_inputs_it_uses() {
        CliRun run = CliRun.run(Map.of(), workDir, "collect", "--help");
        assertThat(run.exitCode()).isZero();
        List<String> expected = new java.util.ArrayList<>(CollectCommand.INPUTS.stream().map(Input::optionName).toList());
        expected.addAll(List.of("--help", "--version", "--out"));
        assertThat(options(run.out())).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void should_offer_collect_the_collection_extensions() {
        assertThat(CollectCommand.INPUTS).contains(Inputs.STALE_DAYS, Inputs.INCIDENT_LABELS, Inputs.DORA_ENVIRONMENT,
                Inputs.RATE_LIMIT_BUDGET, Inputs.MAX_RESET_WAIT);
    }

    @Test
    void should_offer_report_only_the_inputs_it_uses() {
        CliRun run = CliRun.run(Map.of(), workDir, "report", "--help");
        assertThat(run.exitCode()).isZero();
        List<String> expected = new java.util.ArrayList<>(ReportCommand.INPUTS.stream().map(Input::optionName).toList());
        expected.addAll(List.of("--help", "--version"));
        assertThat(options(run.out())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ReportCommand.INPUTS).contains(Inputs.HEALTH_WEIGHTS, Inputs.TREND_DAYS, Inputs.FORECAST_DAYS,
                Inputs.DORA_THRESHOLDS);
    }

    @Test
    void should_reject_an_invalid_extension_option_with_one_line_and_exit_2() {
        CliRun run = CliRun.run(Map.of(), workDir, "report", "--forecast-days", "400");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("error: ")
                .contains("invalid setting 'forecast-days' = '400': expected an integer from 1 to 365");
    }

    @Test
    void should_reject_an_unknown_option_with_one_line_and_exit_2() {
        CliRun run = CliRun.run(Map.of(), workDir, "collect", "--windw-days", "3");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("error: Unknown options: '--windw-days'").contains("did you mean --window-days?")
                .contains("repo-vitals collect --help");
    }
}
