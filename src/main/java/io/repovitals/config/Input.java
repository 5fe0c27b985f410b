package io.repovitals.config;

import java.util.Locale;

/**
 * One input of the runtime contract (contract.md "Inputs"): the same name is an action input, a
 * {@code --name} option, an {@code INPUT_NAME} variable and a key of the YAML config file.
 *
 * @param name          kebab-case name, exactly as in the contract
 * @param defaultText   the default as the contract words it (for help, action.yml and the schema)
 * @param actionDefault the literal default action.yml declares, or empty when the program computes it
 * @param paramLabel    placeholder shown in {@code --help}
 * @param description   one line for {@code --help}, action.yml and the JSON Schema
 */
public record Input(String name, String defaultText, String actionDefault, String paramLabel, String description) {

    /** The variable the Actions runner sets for this input: upper case, {@code -} kept. */
    public String envName() {
        return "INPUT_" + name.toUpperCase(Locale.ROOT);
    }

    public String optionName() {
        return "--" + name;
    }
}
