package io.repovitals.analyze;

import io.repovitals.model.CollectionStats;
import io.repovitals.model.Snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Hand-built histories for the analysis tests: points at fixed instants ending at {@link #NOW}. */
final class Histories {
    static final String REPO = "acme/widget";
    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");

    private final int spacingDays;
    private final String repository;
    private final Map<String, double[]> series = new LinkedHashMap<>();

    private Histories(int spacingDays, String repository) {
        this.spacingDays = spacingDays;
        this.repository = repository;
    }

    /** Points 7 days apart, the last at NOW. */
    static Histories weekly() {
        return new Histories(7, REPO);
    }

    /** Points 1 day apart, the last at NOW. */
    static Histories daily() {
        return new Histories(1, REPO);
    }

    static Histories daily(String repository) {
        return new Histories(1, repository);
    }

    /** Values oldest first; NaN leaves the metric missing at that point. All series end at NOW. */
    Histories with(String metric, double... valuesOldestFirst) {
        series.put(metric, valuesOldestFirst);
        return this;
    }

    List<Snapshot> build() {
        int length = series.values().stream().mapToInt(values -> values.length).max().orElse(0);
        List<Snapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int pointsBeforeNow = length - 1 - i;
            Map<String, Number> metrics = new HashMap<>();
            for (Map.Entry<String, double[]> entry : series.entrySet()) {
                double[] values = entry.getValue();
                int index = values.length - 1 - pointsBeforeNow; // align every series on NOW
                if (index >= 0 && !Double.isNaN(values[index])) {
                    metrics.put(entry.getKey(), values[index]);
                }
            }
            snapshots.add(snapshot(repository, NOW.minus(Duration.ofDays((long) pointsBeforeNow * spacingDays)), metrics));
        }
        return snapshots;
    }

    static Snapshot snapshot(String repository, Instant asOf, Map<String, Number> metrics) {
        return new Snapshot(Snapshot.SCHEMA_VERSION, repository, asOf, 7, new TreeMap<>(metrics), new TreeMap<>(),
                List.of(), List.of(), CollectionStats.NONE);
    }

    static TimeSeries series(String metric, int spacingDays, double... valuesOldestFirst) {
        return TimeSeries.of(metric, new Histories(spacingDays, REPO).with(metric, valuesOldestFirst).build());
    }
}
