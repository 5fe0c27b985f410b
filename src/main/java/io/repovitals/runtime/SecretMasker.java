package io.repovitals.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The values {@link Log#mask(String)} registered, replaced by {@code ***} in every message. A
 * multi-line secret is registered line by line, as the runner matches masks within one log line.
 */
final class SecretMasker {
    static final String MASK = "***";

    // Longest first, so that a secret containing another one is replaced whole.
    private final List<String> secrets = new ArrayList<>();

    /** Registers each non-blank line of the secret; returns the lines that were not yet known. */
    List<String> register(String secret) {
        List<String> added = new ArrayList<>();
        if (secret == null) {
            return added;
        }
        for (String line : secret.split("\\R")) {
            if (!line.isBlank() && !secrets.contains(line)) {
                secrets.add(line);
                added.add(line);
            }
        }
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        return added;
    }

    String apply(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
