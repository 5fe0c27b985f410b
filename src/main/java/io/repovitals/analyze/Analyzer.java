package io.repovitals.analyze;

import io.repovitals.model.Snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The analysis entry point: a repository's history in, an {@link Analysis} out. Pure computation:
 * no I/O and no clock, "now" is the latest snapshot's asOf, so the same history always gives the
 * same analysis.
 */
public final class Analyzer {
    private final AnalysisSettings settings;
    private final TrendAnalyzer trends;
    private final Forecaster forecaster;
    private final AnomalyDetector anomalies;
    private final DoraClassifier dora;

    public Analyzer(AnalysisSettings settings) {
        this.settings = settings;
        this.trends = new TrendAnalyzer(settings.trendDays());
        // Forecast from the trend window, yet with at least twice the horizon to fit and back-test on.
        this.forecaster = new Forecaster(settings.forecastDays(), Math.max(settings.trendDays(), 2 * settings.forecastDays()),
                settings.cumulativeMetrics());
        this.anomalies = new AnomalyDetector(settings.trendDays(), settings.cumulativeMetrics());
        this.dora = new DoraClassifier(settings.dora());
    }

    public Analyzer() {
        this(AnalysisSettings.DEFAULTS);
    }

    /**
     * Analyses one repository. Snapshots may come in any order; two of the same instant keep the
     * later in the list (a re-run replaces the day). A snapshot of another repository is an error.
     */
    public Analysis analyze(String repository, List<Snapshot> snapshots) {
        List<Snapshot> history = ordered(repository, snapshots);
        if (history.isEmpty()) {
            return new Analysis(repository, null, 0, HealthScore.of(history, settings.weights()), new TreeMap<>(),
                    new TreeMap<>(), List.of(), dora.assess(history));
        }
        Instant now = history.get(history.size() - 1).asOf();
        List<Snapshot> recent = recent(history, now);
        HealthScore health = HealthScore.of(recent, settings.weights());

        SortedMap<String, Trend> trendMap = new TreeMap<>();
        List<Anomaly> anomalyList = new ArrayList<>();
        int windowDays = history.get(history.size() - 1).windowDays();
        for (String metric : metricNames(recent)) {
            TimeSeries series = TimeSeries.of(metric, recent);
            trends.trend(series, now).ifPresent(trend -> trendMap.put(metric, trend));
            anomalies.detect(series, now, windowDays).ifPresent(anomalyList::add);
        }
        SortedMap<String, Forecast> forecastMap = new TreeMap<>();
        SortedMap<String, String> withheld = new TreeMap<>();
        for (String metric : settings.forecastMetrics()) {
            TimeSeries series = forecastSeries(metric, recent, history);
            forecaster.forecast(series, now).ifPresentOrElse(f -> forecastMap.put(metric, f),
                    () -> forecaster.withheld(series, now).ifPresent(sentence -> withheld.put(metric, sentence)));
        }
        return new Analysis(repository, now, history.size(), health, trendMap, forecastMap, distinct(anomalyList),
                dora.assess(history), withheld);
    }

    /**
     * One anomaly per quantity (a metric and those derived from it), the most severe, its source metric
     * on a tie; then the most severe first.
     */
    static List<Anomaly> distinct(List<Anomaly> anomalies) {
        Map<String, Anomaly> byQuantity = new TreeMap<>();
        for (Anomaly anomaly : anomalies) {
            byQuantity.merge(anomaly.quantity(), anomaly, (a, b) -> rank(a, b) <= 0 ? a : b);
        }
        List<Anomaly> ranked = new ArrayList<>(byQuantity.values());
        ranked.sort(Analyzer::rank);
        return ranked;
    }

    private static int rank(Anomaly a, Anomaly b) {
        int bySeverity = Double.compare(b.severity(), a.severity());
        if (bySeverity != 0) {
            return bySeverity;
        }
        boolean aSource = a.metric().equals(a.quantity());
        boolean bSource = b.metric().equals(b.quantity());
        return aSource != bSource ? (aSource ? -1 : 1) : a.metric().compareTo(b.metric());
    }

    /**
     * The recent window's points, or, where they are fewer than the back-test needs (weekly snapshots: 29
     * in 203 days), the last twice as many of the whole history.
     */
    private TimeSeries forecastSeries(String metric, List<Snapshot> recent, List<Snapshot> history) {
        TimeSeries series = TimeSeries.of(metric, recent);
        int needed = forecaster.pointsNeeded(series);
        if (series.size() >= needed || recent.size() == history.size()) {
            return series;
        }
        List<TimeSeries.Point> all = TimeSeries.of(metric, history).points();
        return new TimeSeries(metric, all.subList(Math.max(0, all.size() - 2 * needed), all.size()));
    }

    /** Analyses each repository and ranks them (the organisation roll-up). */
    public OrgAnalysis analyzeAll(Map<String, List<Snapshot>> histories) {
        return OrgAnalysis.of(histories.entrySet().stream()
                .map(entry -> analyze(entry.getKey(), entry.getValue()))
                .toList());
    }

    private static List<Snapshot> ordered(String repository, List<Snapshot> snapshots) {
        TreeMap<Instant, Snapshot> byInstant = new TreeMap<>();
        for (Snapshot snapshot : snapshots) {
            if (!snapshot.repository().equalsIgnoreCase(repository)) {
                throw new IllegalArgumentException("a snapshot of " + snapshot.repository()
                        + " is in the history of " + repository);
            }
            byInstant.put(snapshot.asOf(), snapshot);
        }
        return List.copyOf(byInstant.values());
    }

    /** Only the tail that some analysis looks at: two trend windows, the health score's 27 weeks. */
    private List<Snapshot> recent(List<Snapshot> history, Instant now) {
        int days = Math.max(Math.max(2 * settings.trendDays(), 2 * settings.forecastDays()),
                7 * (WeeklyComponent.PAST_WEEKS + 2));
        Instant from = now.minus(Duration.ofDays(days));
        int first = 0;
        while (first < history.size() && history.get(first).asOf().isBefore(from)) {
            first++;
        }
        return history.subList(first, history.size());
    }

    /** Metrics measured in the trend window: a metric dropped long ago gets no trend. */
    private List<String> metricNames(List<Snapshot> recent) {
        Instant from = recent.get(recent.size() - 1).asOf().minus(Duration.ofDays(settings.trendDays()));
        TreeSet<String> names = new TreeSet<>();
        recent.stream().filter(s -> s.asOf().isAfter(from)).forEach(s -> names.addAll(s.metrics().keySet()));
        return new ArrayList<>(names);
    }
}
