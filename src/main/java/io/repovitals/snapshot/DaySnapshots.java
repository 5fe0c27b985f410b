package io.repovitals.snapshot;

import io.repovitals.collect.Datasets;
import io.repovitals.metrics.ContributorRows;
import io.repovitals.metrics.MetricFamily;
import io.repovitals.metrics.RepoMetrics;
import io.repovitals.metrics.TrafficRows;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.MetricDef;
import io.repovitals.model.Outcome;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The snapshots of one or more days from ONE fetch of a repository's datasets: the run's own day
 * and the rebuilt days before it (a first run's backfill, or the days skipped since the last stored
 * snapshot; contract.md "backfill-days"). Each day sees
 * the stored history and the days computed before it, so contributors.new works on a first run.
 */
public final class DaySnapshots {
    /** metrics.md "state at asOf": GitHub keeps no history of these, so only the run's own day has them. */
    private static final List<MetricDef> NOW_ONLY = List.of(RepoMetrics.WATCHERS, RepoMetrics.BRANCHES);

    private DaySnapshots() {}

    /** The windows of a run at {@code asOf} that backfills {@code backfillDays} days (0: none), oldest first. */
    public static List<Window> windows(Instant asOf, int backfillDays, int windowDays) {
        List<Window> windows = new ArrayList<>();
        for (int daysBack = backfillDays; daysBack >= 0; daysBack--) {
            windows.add(new Window(asOf.minus(Duration.ofDays(daysBack)), windowDays));
        }
        return windows;
    }

    /**
     * @param windows    the days to compute, oldest first; the last is the run's own day
     * @param history    the repository's stored snapshots, oldest first
     * @param ownDayCost what the fetch cost, recorded on the run's own day (backfilled days record 0
     *                   requests, their data came from the same fetch, and are marked reconstructed)
     */
    public static List<Snapshot> compute(RepoRef repo, Datasets data, List<Window> windows, List<MetricFamily> families,
                                         Set<String> ignoreUsers, List<Snapshot> history, CollectionStats ownDayCost) {
        List<Snapshot> earlier = new ArrayList<>(history);
        List<Snapshot> computed = new ArrayList<>();
        boolean partial = ownDayCost.partial() || data.partialReason().isPresent();
        for (int i = 0; i < windows.size(); i++) {
            Window window = windows.get(i);
            boolean ownDay = i == windows.size() - 1;
            List<Snapshot> before = earlier.stream().filter(snapshot -> snapshot.asOf().isBefore(window.asOf())).toList();
            List<Outcome> outcomes = new ArrayList<>();
            for (MetricFamily family : families) {
                for (Outcome outcome : family.compute(data, window, before)) {
                    if (family.dailyPoints() && outcome instanceof Outcome.Value) {
                        throw new IllegalStateException(outcome.def().name() + " is a daily point, never a value of metrics");
                    }
                    outcomes.add(!ownDay && NOW_ONLY.contains(outcome.def())
                            ? Outcome.missing(outcome.def(), "GitHub keeps no history of " + outcome.def().summary()
                                    + ": only the run's own day has it")
                            : outcome);
                }
            }
            CollectionStats stats = ownDay
                    ? new CollectionStats(ownDayCost.requests(), ownDayCost.graphqlCost(), ownDayCost.durationMs(), partial,
                            ownDayCost.gitBytes(), ownDayCost.gitMs())
                    : CollectionStats.reconstructed(partial);
            Snapshot snapshot = SnapshotBuilder.build(repo, window, outcomes, ContributorRows.compute(data, window, ignoreUsers),
                    TrafficRows.of(data, window), stats);
            computed.add(snapshot);
            earlier.add(snapshot);
        }
        return computed;
    }
}
