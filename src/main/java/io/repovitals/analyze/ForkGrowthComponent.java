package io.repovitals.analyze;

import io.repovitals.model.HumanFormat;
import io.repovitals.model.Snapshot;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Driven by the weekly growth of {@code repo.forks}: this week's fork count minus last week's.
 * Taken from the count rather than {@code repo.forks_gained} because the count is in every snapshot,
 * backfilled days included; deleted forks make growth smaller, which is right for "growth".
 * Reference bands: no new fork 30 (quiet, not ill), 1 → 50, 5 → 75, 20 or more → 100.
 */
public final class ForkGrowthComponent extends WeeklyComponent {
    public ForkGrowthComponent() {
        super("fork_growth", "fork growth", "repo.forks", false, ReferenceBands.of(0, 30, 1, 50, 5, 75, 20, 100));
    }

    @Override
    SortedMap<Integer, Double> weeklyValues(List<Snapshot> history, Instant now) {
        SortedMap<Integer, TimeSeries.Point> counts = TimeSeries.of(metric(), history).weekly(now, PAST_WEEKS + 1);
        SortedMap<Integer, Double> growth = new TreeMap<>();
        counts.forEach((weeksAgo, point) -> {
            TimeSeries.Point weekBefore = counts.get(weeksAgo + 1);
            if (weekBefore != null) {
                growth.put(weeksAgo, point.value() - weekBefore.value());
            }
        });
        return growth;
    }

    @Override
    ComponentScore.Measure measure() {
        return ComponentScore.Measure.WEEKLY_GROWTH;
    }

    @Override
    String describe(double value) {
        return HumanFormat.plain(value) + (Math.abs(value) == 1 ? " new fork" : " new forks") + " this week";
    }

    @Override
    String better() {
        return "more";
    }
}
