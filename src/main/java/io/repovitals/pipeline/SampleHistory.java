package io.repovitals.pipeline;

import io.repovitals.collect.Datasets;
import io.repovitals.metrics.MetricCatalog;
import io.repovitals.metrics.MetricFamily;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;
import io.repovitals.sample.SimulatedGitHub;
import io.repovitals.snapshot.DaySnapshots;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's sample history, made when the demo runs: {@value #DAYS} daily snapshots, ending
 * {@link #LAST}, of the two invented repositories of {@link SimulatedGitHub} (fixed seeds, so every
 * demo shows the same numbers). They are collected as the action collects: a first run
 * {@value #BACKFILLED_DAYS} days after the first day, backfilling those days from its one fetch,
 * then a scheduled run every day; each run's datasets go through the catalog's metric families and
 * {@link DaySnapshots}, as {@code run} does. Nothing computes a metric but the families.
 *
 * <p>The story the events tell: activity with quiet weekends and a slow growth; a release on
 * 2026-09-15 whose announcement brings a burst of stars and views; first reviews slowly getting
 * slower; a newcomer from 2026-09-28; and in the last week, from Tuesday 2026-11-17, a broken build
 * on rocket's default branch, the anomaly the report shows. The token sees no star times (GitHub
 * shows them to collaborators only), so backfilled days have no {@code repo.stars}.
 */
public final class SampleHistory {
    public static final LocalDate LAST = LocalDate.parse("2026-11-20");
    public static final int DAYS = 200;
    public static final int BACKFILLED_DAYS = 30;
    static final int WINDOW_DAYS = 7;
    /** A scheduled run reads GitHub a few minutes after its asOf, midnight UTC. */
    static final Duration RUN_DELAY = Duration.ofMinutes(6);

    private SampleHistory() {}

    /** Each repository's snapshots ({@code owner/name}, rocket first), oldest first; computed anew on every call. */
    public static Map<String, List<Snapshot>> histories() {
        List<SimulatedGitHub> repositories = SimulatedGitHub.sample(LAST.minusDays(DAYS - 1), DAYS);
        List<List<Snapshot>> histories = repositories.parallelStream().map(SampleHistory::history).toList();
        Map<String, List<Snapshot>> byName = new LinkedHashMap<>();
        for (int i = 0; i < repositories.size(); i++) {
            byName.put(repositories.get(i).repository().fullName(), histories.get(i));
        }
        return Collections.unmodifiableMap(byName);
    }

    private static List<Snapshot> history(SimulatedGitHub github) {
        List<MetricFamily> families = MetricCatalog.families();
        LocalDate first = LAST.minusDays(DAYS - 1);
        List<Snapshot> history = new ArrayList<>();
        history.addAll(run(github, first.plusDays(BACKFILLED_DAYS), BACKFILLED_DAYS, families, history));
        for (LocalDate day = first.plusDays(BACKFILLED_DAYS + 1); !day.isAfter(LAST); day = day.plusDays(1)) {
            history.addAll(run(github, day, 0, families, history));
        }
        return List.copyOf(history);
    }

    /** One run of the action on {@code day}: one fetch, then the snapshots of its own day and of the backfilled days. */
    private static List<Snapshot> run(SimulatedGitHub github, LocalDate day, int backfillDays, List<MetricFamily> families,
                                      List<Snapshot> history) {
        List<Window> windows = DaySnapshots.windows(day.atStartOfDay(ZoneOffset.UTC).toInstant(), backfillDays, WINDOW_DAYS);
        Window own = windows.get(windows.size() - 1);
        Datasets data = github.fetch(windows.get(0).start(), windows.get(0).asOf(), own.asOf(), own.asOf().plus(RUN_DELAY));
        return DaySnapshots.compute(github.repository(), data, windows, families, Set.of(), history, SimulatedGitHub.cost(data));
    }
}
