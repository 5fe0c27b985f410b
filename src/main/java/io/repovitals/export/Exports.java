package io.repovitals.export;

import io.repovitals.model.ExportFormat;

import io.repovitals.store.History;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes histories to a file in one of the file formats. The file is written beside the target
 * under a temporary name and moved over it only when complete, so a failed or interrupted export
 * never leaves a half-written file where the last good one was.
 */
public final class Exports {
    private Exports() {}

    /**
     * @param format    a format that {@link ExportFormat#writesFile() writes a file}
     * @param histories the repositories' histories, in the order they are to appear
     * @param out       the target; with {@code gzip}, {@code .gz} is appended unless it already ends so
     * @param gzip      only for {@link ExportFormat#gzippable()} formats
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static ExportResult toFile(ExportFormat format, List<History> histories, Path out, boolean gzip) {
        if (!format.writesFile()) {
            throw new IllegalArgumentException(format.value() + " does not write a file");
        }
        if (gzip && !format.gzippable()) {
            throw new IllegalArgumentException(format.value() + " cannot be gzipped");
        }
        Path target = (gzip && !out.getFileName().toString().endsWith(".gz"))
                ? out.resolveSibling(out.getFileName() + ".gz") : out;
        Path absolute = target.toAbsolutePath().normalize();
        Path temporary = null;
        try {
            Files.createDirectories(absolute.getParent());
            temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            long records;
            if (format == ExportFormat.SQLITE) {
                Files.delete(temporary); // SQLite creates the file itself
                records = SqliteExport.write(histories, temporary);
            } else {
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
                     OutputStream stream = gzip ? new GZIPOutputStream(file, 1 << 16) : file) {
                    records = text(format).write(histories, stream);
                }
            }
            move(temporary, absolute);
            return new ExportResult(absolute, records, Files.size(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException("export: cannot write " + absolute + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new UncheckedIOException("export: cannot write " + absolute + ": " + e.getMessage(), new IOException(e));
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static TextExport text(ExportFormat format) {
        return switch (format) {
            case CSV -> new CsvExport();
            case JSON -> new JsonExport();
            case OPENMETRICS -> new OpenMetricsExport();
            default -> throw new IllegalArgumentException(format.value() + " is not a text format");
        };
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // only a leftover temporary file; the export's own outcome is what matters
        }
    }
}
