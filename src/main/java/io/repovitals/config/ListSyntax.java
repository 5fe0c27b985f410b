package io.repovitals.config;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The list syntax of list inputs (contract.md "Inputs"): entries separated by commas and/or line
 * breaks, because action inputs are single strings and YAML block scalars give newlines.
 */
final class ListSyntax {
    private static final Pattern SEPARATOR = Pattern.compile("[,\\n]");

    private ListSyntax() {}

    /** Trimmed, non-blank entries in the order given (duplicates kept: callers decide). */
    static List<String> split(String text) {
        return Arrays.stream(SEPARATOR.split(text))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .toList();
    }
}
