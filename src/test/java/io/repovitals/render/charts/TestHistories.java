package io.repovitals.render.charts;

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

/** Hand-built daily histories ending at {@link #NOW}: values oldest first, NaN leaves the metric missing that day. */
final class TestHistories {
    static final String REPO = "acme/widget";
    static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");

    private final Map<String, double[]> series = new LinkedHashMap<>();

    static TestHistories daily() {
        return new TestHistories();
    }

    TestHistories with(String metric, double... valuesOldestFirst) {
        series.put(metric, valuesOldestFirst);
        return this;
    }

    /** A series of {@code count} values from {@code first}, each {@code step} more than the one before. */
    TestHistories ramp(String metric, int count, double first, double step) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = first + i * step;
        }
        return with(metric, values);
    }

    List<Snapshot> build() {
        int length = series.values().stream().mapToInt(values -> values.length).max().orElse(0);
        List<Snapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int daysBeforeNow = length - 1 - i;
            Map<String, Number> metrics = new HashMap<>();
            for (Map.Entry<String, double[]> entry : series.entrySet()) {
                double[] values = entry.getValue();
                int index = values.length - 1 - daysBeforeNow; // every series ends at NOW
                if (index >= 0 && !Double.isNaN(values[index])) {
                    metrics.put(entry.getKey(), values[index]);
                }
            }
            snapshots.add(snapshot(NOW.minus(Duration.ofDays(daysBeforeNow)), metrics));
        }
        return snapshots;
    }

    static Snapshot snapshot(Instant asOf, Map<String, Number> metrics) {
        return new Snapshot(Snapshot.SCHEMA_VERSION, REPO, asOf, 7, new TreeMap<>(metrics), new TreeMap<>(),
                List.of(), List.of(), CollectionStats.NONE);
    }
}
