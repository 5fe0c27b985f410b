package io.repovitals.export;

import io.repovitals.model.ExportFormat;

import io.repovitals.model.CollectionStats;
import io.repovitals.model.ContributorStats;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.model.TrafficDay;
import io.repovitals.store.History;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark of export (issue 7): 3 years of daily snapshots of 20 repositories, shaped like
 * HistoryBench's (40 metrics, 1 missing, 5 contributors, 14 traffic days each), written to every
 * file format. Times the export step alone (loading the branch is HistoryBench's figure), best of
 * 3 after one warm-up. Run with bench/export.sh.
 */
public final class ExportBench {
    private static final int DAYS = 1095;
    private static final int REPOSITORIES = 20;
    private static final LocalDate FIRST = LocalDate.parse("2023-11-22");

    public static void main(String[] args) throws Exception {
        List<History> histories = new ArrayList<>();
        for (int r = 0; r < REPOSITORIES; r++) {
            RepoRef repo = new RepoRef("bench-org", "repo-" + r);
            List<Snapshot> snapshots = new ArrayList<>();
            for (int day = 0; day < DAYS; day++) {
                snapshots.add(snapshot(repo, FIRST.plusDays(day), day));
            }
            histories.add(new History(repo, snapshots, List.of()));
        }
        Path dir = Files.createTempDirectory("repo-vitals-export-bench");
        System.out.println("| format | records | seconds | file MB |");
        System.out.println("|---|---:|---:|---:|");
        run(histories, dir, ExportFormat.CSV, false, "history.csv");
        run(histories, dir, ExportFormat.CSV, true, "history.csv");
        run(histories, dir, ExportFormat.JSON, false, "history.json");
        run(histories, dir, ExportFormat.JSON, true, "history.json");
        run(histories, dir, ExportFormat.OPENMETRICS, false, "metrics.txt");
        run(histories, dir, ExportFormat.SQLITE, false, "history.sqlite");
        org.eclipse.jgit.util.FileUtils.delete(dir.toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);
    }

    private static void run(List<History> histories, Path dir, ExportFormat format, boolean gzip, String name) {
        String only = System.getProperty("format", "");
        if (!only.isEmpty() && !only.equals(format.value())) {
            return;
        }
        Exports.toFile(format, histories, dir.resolve(name), gzip); // warm-up
        double best = Double.MAX_VALUE;
        ExportResult result = null;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            result = Exports.toFile(format, histories, dir.resolve(name), gzip);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "| %s%s | %d | %.2f | %.1f |%n", format.value(), gzip ? " (gzip)" : "",
                result.records(), best, result.bytes() / 1e6);
    }

    private static Snapshot snapshot(RepoRef repo, LocalDate day, int seed) {
        Map<String, Number> metrics = new LinkedHashMap<>();
        for (int m = 0; m < 40; m++) {
            metrics.put("bench.metric_" + m, m % 2 == 0 ? (Number) (long) (seed + m) : (Number) ((seed * 0.37 + m) % 97));
        }
        List<ContributorStats> contributors = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            contributors.add(new ContributorStats("user" + c, c + seed % 7, c, c, c * 2, c * 3, 100L * c, 7L * c));
        }
        List<TrafficDay> traffic = new ArrayList<>();
        for (int t = 14; t > 0; t--) {
            traffic.add(new TrafficDay(day.minusDays(t), 40 + t, 12, 3, 2));
        }
        return new Snapshot(Snapshot.SCHEMA_VERSION, repo.fullName(), day.atStartOfDay(ZoneOffset.UTC).toInstant(), 7,
                new TreeMap<>(metrics), new TreeMap<>(Map.of("traffic.views", "needs push access (HTTP 403)")),
                contributors, traffic, new CollectionStats(23, 12, 1234, false));
    }
}
