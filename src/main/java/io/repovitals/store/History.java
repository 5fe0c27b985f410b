package io.repovitals.store;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.model.TrafficDay;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stored snapshots of one repository, oldest first, one per UTC day, and the files of that
 * repository that could not be read (contract.md "The history branch": reported, never rewritten).
 */
public record History(RepoRef repo, List<Snapshot> snapshots, List<UnreadableFile> unreadable) {

    /** One day's value of one metric. */
    public record Point(LocalDate day, double value) {
        public Point {
            Objects.requireNonNull(day, "day");
        }
    }

    public History {
        Objects.requireNonNull(repo, "repo");
        snapshots = List.copyOf(snapshots);
        unreadable = List.copyOf(unreadable);
        for (int i = 1; i < snapshots.size(); i++) {
            if (snapshots.get(i).asOf().isBefore(snapshots.get(i - 1).asOf())) {
                throw new IllegalArgumentException("snapshots must be in date order");
            }
        }
    }

    public static History empty(RepoRef repo) {
        return new History(repo, List.of(), List.of());
    }

    public boolean isEmpty() {
        return snapshots.isEmpty();
    }

    public Optional<Snapshot> latest() {
        return snapshots.isEmpty() ? Optional.empty() : Optional.of(snapshots.get(snapshots.size() - 1));
    }

    /** The days on which {@code metric} was measured, oldest first; days where it was missing are left out (never 0). */
    public List<Point> series(String metric) {
        List<Point> points = new ArrayList<>();
        for (Snapshot snapshot : snapshots) {
            Number value = snapshot.metrics().get(metric);
            if (value != null) {
                points.add(new Point(day(snapshot), value.doubleValue()));
            }
        }
        return points;
    }

    /**
     * The repository's daily traffic across its snapshots, oldest day first: each day's point from the latest
     * snapshot that holds it. A snapshot holds the last 14 days GitHub returned, so a later snapshot's points fill
     * the days of snapshots that fetched none (a quiet repository's, fetched once a week) and replace a day that
     * was still under way when an earlier snapshot saw it. Days no snapshot holds are left out (never 0).
     */
    public List<TrafficDay> traffic() {
        SortedMap<LocalDate, TrafficDay> byDay = new TreeMap<>();
        for (Snapshot snapshot : snapshots) {
            for (TrafficDay point : snapshot.traffic()) {
                byDay.put(point.day(), point);
            }
        }
        return List.copyOf(byDay.values());
    }

    /** The UTC day a snapshot belongs to, which names its file. */
    public static LocalDate day(Snapshot snapshot) {
        return LocalDate.ofInstant(snapshot.asOf(), ZoneOffset.UTC);
    }
}
