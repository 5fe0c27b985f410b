package io.repovitals.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Step outputs (contract.md "Outputs"), appended to the file the runner names in
 * {@code $GITHUB_OUTPUT}: {@code name=value}, or for a value with a line break the heredoc form
 * {@code name<<DELIMITER}, the value, then the delimiter alone on a line.
 */
public final class ActionsOutputs {
    // The ids action.yml accepts for outputs: a letter or _, then letters, digits, - or _.
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private ActionsOutputs() {}

    /** Appends the outputs in the map's iteration order; the file is created if missing, never truncated. */
    public static void write(Path githubOutputFile, Map<String, String> outputs) {
        StringBuilder text = new StringBuilder();
        outputs.forEach((name, value) -> text.append(entry(name, value)));
        try {
            Files.writeString(githubOutputFile, text, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the step outputs to " + githubOutputFile, e);
        }
    }

    private static String entry(String name, String value) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid output name '" + name
                    + "': expected a letter or _, then letters, digits, - or _");
        }
        Objects.requireNonNull(value, () -> "output " + name + " has no value");
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return name + "=" + value + "\n";
        }
        // A random delimiter: the value cannot end the block early unless it already holds the delimiter.
        String delimiter = "ghadelimiter_" + UUID.randomUUID();
        if (value.contains(delimiter)) {
            throw new IllegalStateException("output " + name + " contains its own delimiter");
        }
        return name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n";
    }
}
