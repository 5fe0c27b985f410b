package io.repovitals.cli;

import io.repovitals.config.Input;
import io.repovitals.config.Inputs;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code --<name>} option per input of {@link Inputs#ALL} (contract.md "Inputs"), added
 * programmatically so that the option list cannot drift from the inputs registry. Options stay
 * plain strings: {@link io.repovitals.config.SettingsResolver} validates every source alike, and
 * must know which options were given, since an option only wins when present.
 */
public final class InputOptions {
    private InputOptions() {}

    public static void addTo(CommandSpec spec) {
        addTo(spec, Inputs.ALL);
    }

    /** Adds options for only the inputs a command uses, so that its --help lists nothing it ignores. */
    public static void addTo(CommandSpec spec, List<Input> inputs) {
        for (Input input : inputs) {
            OptionSpec.Builder option = OptionSpec.builder(input.optionName())
                    .type(String.class)
                    .paramLabel(input.paramLabel())
                    .description(input.description() + " (default: " + input.defaultText() + ")")
                    .userObject(input); // tells it from a command's own option of the same name (collect --out)
            if (Inputs.BOOLEANS.contains(input)) {
                // "--gzip" alone means true, as a flag would; "--gzip false" still works.
                option.arity("0..1").fallbackValue("true");
            }
            spec.addOption(option.build());
        }
    }

    /** Input name to raw value, for the input options matched by the last parse of {@code spec}. */
    public static Map<String, String> given(CommandSpec spec) {
        Map<String, String> given = new LinkedHashMap<>();
        for (Input input : Inputs.ALL) {
            OptionSpec option = spec.findOption(input.optionName());
            // originalStringValues is reset on every parse, so it tells "given now" from "left unset".
            if (option != null && input.equals(option.userObject()) && !option.originalStringValues().isEmpty()) {
                given.put(input.name(), option.getValue());
            }
        }
        return given;
    }
}
