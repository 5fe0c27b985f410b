package io.repovitals.analyze;

import io.repovitals.model.Snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** One metric over time, oldest first: the points of a history where the metric was measured. */
public record TimeSeries(String metric, List<Point> points) {
    private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

    public record Point(Instant at, double value) {
        public Point {
            Objects.requireNonNull(at, "at");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a point needs a finite value, got " + value);
            }
        }
    }

    public TimeSeries {
        Objects.requireNonNull(metric, "metric");
        points = List.copyOf(points);
        for (int i = 1; i < points.size(); i++) {
            if (!points.get(i).at().isAfter(points.get(i - 1).at())) {
                throw new IllegalArgumentException(metric + ": points must be in strictly increasing time order");
            }
        }
    }

    /** The metric's points in a history sorted by asOf; snapshots without it (it is missing there) are skipped. */
    public static TimeSeries of(String metric, List<Snapshot> history) {
        List<Point> points = new ArrayList<>();
        for (Snapshot snapshot : history) {
            Number value = snapshot.metrics().get(metric);
            if (value != null && Double.isFinite(value.doubleValue())) {
                points.add(new Point(snapshot.asOf(), value.doubleValue()));
            }
        }
        return new TimeSeries(metric, points);
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    public int size() {
        return points.size();
    }

    public Point last() {
        if (points.isEmpty()) {
            throw new IllegalStateException(metric + " has no points");
        }
        return points.get(points.size() - 1);
    }

    /** The points in {@code (from, to]}: a window ending at "now" includes now. */
    public TimeSeries between(Instant fromExclusive, Instant toInclusive) {
        return new TimeSeries(metric, points.stream()
                .filter(point -> point.at().isAfter(fromExclusive) && !point.at().isAfter(toInclusive))
                .toList());
    }

    /** The points of the {@code days} days that end at {@code now}, now included. */
    public TimeSeries lastDays(Instant now, int days) {
        return between(now.minus(Duration.ofDays(days)), now);
    }

    public double[] values() {
        double[] values = new double[points.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = points.get(i).value();
        }
        return values;
    }

    /**
     * One value a week, keyed by weeks before {@code now} (0 = this week, the 7 days ending at now):
     * the latest point of each week. Snapshots measure 7-day windows, so weekly samples do not overlap.
     * Weeks without a point are absent; weeks older than {@code maxWeeksAgo} are left out.
     */
    public SortedMap<Integer, Point> weekly(Instant now, int maxWeeksAgo) {
        SortedMap<Integer, Point> weeks = new TreeMap<>();
        for (Point point : points) {
            long seconds = Duration.between(point.at(), now).toSeconds();
            if (seconds < 0) {
                continue;
            }
            int weeksAgo = (int) (seconds / (7 * DAY_SECONDS));
            if (weeksAgo <= maxWeeksAgo) {
                weeks.put(weeksAgo, point); // points are oldest first, so the latest of each week wins
            }
        }
        return weeks;
    }

    /** Days from {@code origin} to {@code at}, fractional (negative before origin). */
    static double daysBetween(Instant origin, Instant at) {
        return Duration.between(origin, at).toMillis() / (double) Duration.ofDays(1).toMillis();
    }
}
