package io.repovitals.publish;

import io.repovitals.model.Snapshot;
import io.repovitals.store.SnapshotCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The run's files in {@code output-dir} (contract.md "Files in output-dir"):
 * {@code snapshots/<owner>/<repo>/<yyyy-mm-dd>.json}, {@code report.md}, {@code report.html}, {@code analysis.json}, {@code charts/}.
 *
 * @param snapshotPath the one snapshot file, or the {@code snapshots} folder when there are several
 */
public record RunFiles(Path snapshotPath, Path report) {

    /** {@code analysis.json} (contract.md "Files in output-dir"), for other tools to read. */
    public static Path writeAnalysis(Path outputDir, String analysisJson) {
        try {
            Files.createDirectories(outputDir);
            Path file = outputDir.resolve("analysis.json");
            Files.writeString(file, analysisJson, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + outputDir + ": " + e.getMessage(), e);
        }
    }

    /** {@code report.html} and the chart files (paths relative to output-dir, e.g. {@code charts/o/r/stars-forks.png}). */
    public static void writeExtras(Path outputDir, String html, Map<String, byte[]> files) {
        try {
            Files.createDirectories(outputDir);
            Files.writeString(outputDir.resolve("report.html"), html, StandardCharsets.UTF_8);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = outputDir.resolve(file.getKey()).normalize();
                if (!target.startsWith(outputDir.normalize())) {
                    throw new IllegalArgumentException("file '" + file.getKey() + "' would be written outside " + outputDir);
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + outputDir + ": " + e.getMessage(), e);
        }
    }

    /** One text file directly in output-dir, e.g. {@code pr-comment.md}. */
    public static Path writeText(Path outputDir, String name, String text) {
        try {
            Files.createDirectories(outputDir);
            Path file = outputDir.resolve(name);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + outputDir + ": " + e.getMessage(), e);
        }
    }

    public static RunFiles write(Path outputDir, List<Snapshot> snapshots, String reportMarkdown) {
        try {
            Path snapshotsDir = outputDir.resolve("snapshots");
            Path last = snapshotsDir;
            for (Snapshot snapshot : snapshots) {
                last = snapshotsDir.resolve(snapshot.repository())
                        .resolve(snapshot.asOf().toString().substring(0, 10) + ".json");
                Files.createDirectories(last.getParent());
                Files.writeString(last, SnapshotCodec.write(snapshot), StandardCharsets.UTF_8);
            }
            Path report = outputDir.resolve("report.md");
            Files.createDirectories(outputDir);
            Files.writeString(report, reportMarkdown, StandardCharsets.UTF_8);
            return new RunFiles(snapshots.size() == 1 ? last : snapshotsDir, report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + outputDir + ": " + e.getMessage(), e);
        }
    }
}
