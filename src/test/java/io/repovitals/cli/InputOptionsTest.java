package io.repovitals.cli;

import io.repovitals.config.Input;
import io.repovitals.config.Inputs;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InputOptionsTest {

    @Command(name = "tiny")
    static class Tiny {
        // A command's own option beside the inputs (out is an input now: export's file).
        @Option(names = "--file")
        String file;
    }

    private static CommandLine tiny() {
        CommandLine commandLine = new CommandLine(new Tiny());
        InputOptions.addTo(commandLine.getCommandSpec());
        return commandLine;
    }

    @Test
    void should_add_one_string_option_per_input_with_label_and_default_in_the_description() {
        CommandSpec spec = tiny().getCommandSpec();

        for (Input input : Inputs.ALL) {
            OptionSpec option = spec.findOption(input.optionName());
            assertThat(option).as(input.optionName()).isNotNull();
            assertThat(option.type()).isEqualTo(String.class);
            assertThat(option.paramLabel()).isEqualTo(input.paramLabel());
            assertThat(option.description())
                    .containsExactly(input.description() + " (default: " + input.defaultText() + ")");
        }
        assertThat(spec.options()).hasSize(Inputs.ALL.size() + 1);
    }

    @Test
    void should_return_only_the_options_given_with_their_raw_values() {
        CommandLine commandLine = tiny();

        commandLine.parseArgs("--window-days", "14", "--file", "x.json", "--repositories=octo/a,octo/b", "--publish", "");

        assertThat(InputOptions.given(commandLine.getCommandSpec())).isEqualTo(
                Map.of("window-days", "14", "repositories", "octo/a,octo/b", "publish", ""));
    }

    @Test
    void should_forget_options_of_an_earlier_parse() {
        CommandLine commandLine = tiny();
        commandLine.parseArgs("--charts", "svg");

        commandLine.parseArgs("--shard", "2/3");

        assertThat(InputOptions.given(commandLine.getCommandSpec())).isEqualTo(Map.of("shard", "2/3"));
    }

    @Command(name = "own-out")
    static class OwnOut {
        @Option(names = "--out")
        java.nio.file.Path out;
    }

    @Test
    void should_leave_out_a_commands_own_option_that_has_an_input_name() {
        // collect's own --out FILE is not the export input out: given() must not read it as one.
        CommandLine commandLine = new CommandLine(new OwnOut());
        InputOptions.addTo(commandLine.getCommandSpec(), List.of(Inputs.WINDOW_DAYS));

        commandLine.parseArgs("--out", "x.json", "--window-days", "3");

        assertThat(InputOptions.given(commandLine.getCommandSpec())).isEqualTo(Map.of("window-days", "3"));
    }

    @Test
    void should_return_nothing_when_no_input_option_was_given() {
        CommandLine commandLine = tiny();

        commandLine.parseArgs("--file", "x.json");

        assertThat(InputOptions.given(commandLine.getCommandSpec())).isEmpty();
    }

    @Test
    void should_show_every_input_option_in_the_usage_help() {
        String usage = tiny().getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(usage).contains("--window-days=DAYS", "(default: 7)", "--dora-source=SOURCE",
                "--history-remote=URL", "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY.git");
    }

    @Test
    void should_leave_validation_to_the_settings_resolver_but_reject_a_missing_value() {
        assertThatThrownBy(() -> tiny().parseArgs("--window-days"))
                .isInstanceOf(CommandLine.MissingParameterException.class);
    }
}
