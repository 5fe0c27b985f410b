package io.repovitals.model;

import java.util.Objects;

/**
 * A token. Its {@link #toString()} never reveals the value, so that it cannot leak through a log
 * line, an exception message or a record's generated toString.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /** Wraps a non-blank value; blank or null means "no token". */
    public static Secret of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a secret cannot be blank");
        }
        return new Secret(value.strip());
    }

    /** The raw value; call only where it is sent to GitHub or masked. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "***";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
