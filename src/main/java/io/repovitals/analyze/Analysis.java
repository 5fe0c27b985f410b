package io.repovitals.analyze;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the analysis says about one repository, for analysis.json and the report templates.
 *
 * @param asOf      the latest snapshot's asOf, the analysis's "now"; null for an empty history
 * @param snapshots how many snapshots the history held
 * @param trends    per metric; a metric with fewer than 3 points in the window has none
 * @param forecasts per forecast metric with enough history
 * @param anomalies flagged metrics only, one per quantity, most severe first
 * @param withheld  per forecast metric measured but with too little history for the back-test: the report's sentence
 */
public record Analysis(String repository, Instant asOf, int snapshots, HealthScore health,
                       SortedMap<String, Trend> trends, SortedMap<String, Forecast> forecasts,
                       List<Anomaly> anomalies, DoraAssessment dora, SortedMap<String, String> withheld) {
    public Analysis(String repository, Instant asOf, int snapshots, HealthScore health,
                    SortedMap<String, Trend> trends, SortedMap<String, Forecast> forecasts,
                    List<Anomaly> anomalies, DoraAssessment dora) {
        this(repository, asOf, snapshots, health, trends, forecasts, anomalies, dora, new TreeMap<>());
    }

    public Analysis {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(dora, "dora");
        trends = Collections.unmodifiableSortedMap(new TreeMap<>(trends));
        forecasts = Collections.unmodifiableSortedMap(new TreeMap<>(forecasts));
        anomalies = List.copyOf(anomalies);
        withheld = Collections.unmodifiableSortedMap(new TreeMap<>(withheld));
        if (snapshots < 0 || (asOf == null) != (snapshots == 0)) {
            throw new IllegalArgumentException(repository + ": asOf is the latest snapshot's, absent only without snapshots");
        }
    }
}
