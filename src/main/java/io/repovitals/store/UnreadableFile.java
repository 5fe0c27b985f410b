package io.repovitals.store;

import java.util.Objects;

/** A file of the history branch that could not be read as a snapshot, and why; it is skipped, never changed. */
public record UnreadableFile(String path, String reason) {
    public UnreadableFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }
}
