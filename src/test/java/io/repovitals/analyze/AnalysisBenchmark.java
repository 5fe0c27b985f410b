package io.repovitals.analyze;

import io.repovitals.model.CollectionStats;
import io.repovitals.model.Snapshot;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Benchmark for {@code bench/analysis.sh}: generates repositories x days of daily snapshots with
 * every numeric metric of metrics.md (random walks, seeded), then times {@link Analyzer#analyzeAll}
 * and the analysis.json writer. The first run includes class loading and JIT warm-up, which is what
 * a GitHub Action pays once; the best of the following runs shows the steady cost.
 */
public final class AnalysisBenchmark {
    private static final String[] COUNTS = {"repo.stars", "repo.forks", "repo.watchers", "repo.open_issues",
            "repo.open_prs", "repo.branches", "repo.stars_gained", "repo.forks_gained", "commits.count",
            "commits.authors", "commits.hotfix", "commits.reverts", "code.lines_added", "code.lines_deleted",
            "code.files_changed", "prs.opened", "prs.merged", "prs.closed_unmerged", "prs.awaiting_first_review",
            "issues.opened", "issues.closed", "issues.awaiting_first_response", "issues.stale", "ci.runs",
            "ci.failures", "contributors.active", "contributors.new", "contributors.bus_factor", "dora.deployments"};
    private static final String[] DECIMALS = {"commits.per_author", "prs.merge_ratio", "prs.time_to_merge_hours.mean",
            "prs.time_to_merge_hours.p50", "prs.time_to_merge_hours.p90", "prs.time_to_first_review_hours.p50",
            "prs.time_to_first_review_hours.p90", "prs.reviews_per_pr", "prs.review_coverage", "prs.size_lines.p50",
            "issues.time_to_first_response_hours.p50", "issues.time_to_first_response_hours.p90",
            "issues.time_to_close_hours.p50", "issues.open_age_days.mean", "issues.open_age_days.p50",
            "ci.failure_rate", "ci.duration_minutes.p50", "ci.duration_minutes.p90", "ci.default_branch_passing",
            "dora.deployment_frequency_per_week", "dora.lead_time_hours.p50", "dora.change_failure_rate",
            "dora.time_to_restore_hours.p50"};

    private AnalysisBenchmark() {}

    public static void main(String[] args) {
        int repos = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 3 * 365;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;

        long generateStart = System.nanoTime();
        Map<String, List<Snapshot>> histories = generate(repos, days, new Random(42));
        double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
        System.gc();
        long dataBytes = usedHeap();

        Analyzer analyzer = new Analyzer();
        double first = 0;
        double firstAnalysis = 0;
        double firstJson = 0;
        double best = Double.MAX_VALUE;
        long peak = 0;
        int anomalies = 0;
        int jsonChars = 0;
        for (int run = 0; run <= runs; run++) {
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            OrgAnalysis org = analyzer.analyzeAll(histories);
            long analysed = System.nanoTime();
            String json = AnalysisJson.write(org);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (run == 0) {
                firstAnalysis = (analysed - start) / 1e9;
                firstJson = (System.nanoTime() - analysed) / 1e9;
            }
            peak = Math.max(peak, peakHeap());
            if (run == 0) {
                first = seconds;
                anomalies = org.repositories().stream().mapToInt(a -> a.anomalies().size()).sum();
                jsonChars = json.length();
            } else {
                best = Math.min(best, seconds);
            }
        }

        int metrics = COUNTS.length + DECIMALS.length;
        System.out.printf(Locale.ROOT, "generated %d x %d snapshots with %d metrics in %.2f s, %.0f MB on the heap%n",
                repos, days, metrics, generateSeconds, dataBytes / 1e6);
        System.out.printf(Locale.ROOT, "| repos | points | metrics | first run s | best of %d s | peak heap MB |%n", runs);
        System.out.printf(Locale.ROOT, "|------:|-------:|--------:|------------:|----------:|-------------:|%n");
        System.out.printf(Locale.ROOT, "| %5d | %6d | %7d | %11.3f | %9.3f | %12.0f |%n", repos, repos * days, metrics,
                first, runs > 0 ? best : first, peak / 1e6);
        System.out.printf(Locale.ROOT, "first run: analysis %.3f s + analysis.json %.3f s (%d kB); %d anomalies flagged;"
                + " target: under 1 s%n", firstAnalysis, firstJson, jsonChars / 1000, anomalies);
    }

    static Map<String, List<Snapshot>> generate(int repos, int days, Random random) {
        Instant now = Instant.parse("2026-11-20T00:00:00Z");
        Map<String, List<Snapshot>> histories = new LinkedHashMap<>();
        for (int r = 0; r < repos; r++) {
            String repository = "bench/repo-" + r;
            double[] level = new double[COUNTS.length + DECIMALS.length];
            for (int m = 0; m < level.length; m++) {
                level[m] = 1 + random.nextInt(200);
            }
            List<Snapshot> history = new ArrayList<>(days);
            for (int d = 0; d < days; d++) {
                TreeMap<String, Number> metrics = new TreeMap<>();
                for (int m = 0; m < COUNTS.length; m++) {
                    // Running totals only grow; the rest wander around their level.
                    boolean cumulative = m < 2;
                    level[m] = cumulative ? level[m] + random.nextInt(4)
                            : Math.max(0, level[m] + random.nextGaussian() * 2);
                    metrics.put(COUNTS[m], Math.round(level[m]));
                }
                for (int m = 0; m < DECIMALS.length; m++) {
                    int i = COUNTS.length + m;
                    level[i] = Math.max(0, level[i] + random.nextGaussian());
                    boolean share = DECIMALS[m].contains("rate") || DECIMALS[m].contains("ratio")
                            || DECIMALS[m].contains("coverage") || DECIMALS[m].contains("passing");
                    metrics.put(DECIMALS[m], share ? (level[i] % 100) / 100 : level[i]);
                }
                history.add(new Snapshot(Snapshot.SCHEMA_VERSION, repository,
                        now.minus(Duration.ofDays(days - 1L - d)), 7, metrics, new TreeMap<>(), List.of(), List.of(),
                        CollectionStats.NONE));
            }
            histories.put(repository, history);
        }
        return histories;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
