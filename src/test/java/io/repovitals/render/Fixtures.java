package io.repovitals.render;

import io.repovitals.analyze.Analysis;
import io.repovitals.analyze.Analyzer;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.ContributorStats;
import io.repovitals.model.Snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fixed, hand-made history: 13 weekly snapshots of acme/rocket ending {@link #NOW}, the CI failure
 * rate jumping in the last week (an anomaly), and the latest snapshot with contributors, a missing
 * metric and its collection cost.
 */
final class Fixtures {
    static final String REPO = "acme/rocket";
    static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");
    static final int WEEKS = 13;

    private Fixtures() {}

    /** Week i = 0 (oldest) .. 12 (NOW). */
    static TreeMap<String, Number> metrics(int i) {
        TreeMap<String, Number> m = new TreeMap<>();
        m.put("repo.stars", 1000L + 20L * i);
        m.put("repo.forks", 100L + i);
        m.put("repo.open_issues", 40L - i);
        m.put("repo.open_prs", 8L);
        m.put("commits.count", 30L + (i % 3));
        m.put("prs.opened", 12L + (i % 2));
        m.put("prs.merged", 10L + (i % 3));
        m.put("prs.time_to_first_review_hours.p50", 10.0 - 0.5 * i);
        m.put("prs.time_to_merge_hours.p50", 30.0 + i);
        m.put("issues.opened", 6L);
        m.put("issues.closed", 5L + (i % 2));
        m.put("issues.stale", 4L);
        m.put("ci.failure_rate", i == WEEKS - 1 ? 0.6 : 0.05 + 0.01 * (i % 2));
        m.put("contributors.active", 9L + (i % 2));
        m.put("dora.deployment_frequency_per_week", 3.0);
        m.put("dora.lead_time_hours.p50", 20.0);
        return m;
    }

    static List<Snapshot> history() {
        return history(REPO, contributors());
    }

    static List<Snapshot> history(String repository, List<ContributorStats> latestContributors) {
        List<Snapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            boolean latest = i == WEEKS - 1;
            snapshots.add(new Snapshot(Snapshot.SCHEMA_VERSION, repository,
                    NOW.minus(Duration.ofDays(7L * (WEEKS - 1 - i))), 7, metrics(i),
                    latest ? new TreeMap<>(Map.of("repo.stars_gained", "GitHub withholds star times from this token (HTTP 403)"))
                            : new TreeMap<>(),
                    latest ? latestContributors : List.of(), List.of(),
                    latest ? new CollectionStats(42, 7, 3100, false) : CollectionStats.NONE));
        }
        return snapshots;
    }

    static List<ContributorStats> contributors() {
        return List.of(new ContributorStats("carol", 2, 1, 0, 6, 9, 120, 40),
                new ContributorStats("alice", 12, 3, 2, 4, 5, 1500, 300),
                new ContributorStats("bob", 5, 2, 2, 1, 0, 80, 12));
    }

    static Analysis analysis(List<Snapshot> history) {
        return new Analyzer().analyze(history.get(0).repository(), history);
    }

    static RepositoryReport report(List<Snapshot> history, List<WaitingPr> waiting, List<ChartView> charts) {
        return new RepositoryReport(analysis(history), history, waiting, charts, "https://github.com/acme/rocket/blob/repo-vitals-data/reports/2026-W47.md");
    }

    static List<WaitingPr> waiting() {
        return List.of(new WaitingPr(REPO, 41, LONG_TITLE, "dave", NOW.minus(Duration.ofHours(30)), 30, pull(41)),
                new WaitingPr(REPO, 44, "Docs: fix typo", "erin", NOW.minus(Duration.ofMinutes(45)), 0.75, pull(44)),
                new WaitingPr(REPO, 38, "Bump deps", "frank", NOW.minus(Duration.ofHours(76)), 76, pull(38)));
    }

    /** 118 characters: the waiting table shows a shortened link text and keeps it whole in the link's title. */
    static final String LONG_TITLE = "Add retry with exponential backoff to uploads when the storage service answers 503"
            + " or times out, and log each attempt";

    static String pull(int number) {
        return WaitingPr.pageUrl("https://github.com", REPO, number);
    }
}
