package io.repovitals;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of ../shared (the contract, the metric catalog, GitHub's schema and REST samples) for tests. */
public final class SharedSpec {
    private SharedSpec() {}

    public static Path path(String relative) {
        Path root = Path.of(System.getProperty("repovitals.shared", "../shared"));
        Path file = root.resolve(relative);
        if (!Files.exists(file)) {
            throw new IllegalStateException(file.toAbsolutePath() + " is missing: tests need ../shared beside the project");
        }
        return file;
    }
}
