package io.repovitals.export;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What an export wrote, for the log and the tests.
 *
 * @param file    the file written (with {@code .gz} when gzipped)
 * @param records rows (csv), snapshots (json, sqlite) or samples (openmetrics)
 * @param bytes   the file's size
 */
public record ExportResult(Path file, long records, long bytes) {
    public ExportResult {
        Objects.requireNonNull(file, "file");
    }
}
