package io.repovitals.analyze;

import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.HumanFormat;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Robust z-score of the latest value against the history of the last {@code baselineDays}:
 * z = (x - median) / (1.4826 · MAD). Median and MAD ignore the very outliers that a mean and a
 * standard deviation would absorb; 1.4826 makes the MAD estimate σ for normal data, and 3.5 is
 * Iglewicz and Hoaglin's cut-off. A verdict needs at least {@value #MIN_PAST_POINTS} past points.
 * Running totals always sit above their own median, so cumulative metrics are judged on their
 * daily increase instead.
 */
public final class AnomalyDetector {
    public static final double THRESHOLD = 3.5;
    public static final int MIN_PAST_POINTS = 8;
    static final double MAD_SCALE = 1.4826;
    // When more than half the history is one value, MAD is 0; the mean absolute deviation, scaled
    // to estimate σ likewise (sqrt(π/2) ≈ 1.2533), still sees the spread of the rest.
    static final double MEAN_AD_SCALE = 1.253314;

    private final int baselineDays;
    private final Set<String> cumulativeMetrics;

    public AnomalyDetector(int baselineDays, Set<String> cumulativeMetrics) {
        if (baselineDays < 1) {
            throw new IllegalArgumentException("the anomaly baseline must be positive");
        }
        this.baselineDays = baselineDays;
        this.cumulativeMetrics = Set.copyOf(cumulativeMetrics);
    }

    /** The anomaly of the series' value at {@code now}, or empty when there is none, no value now, or too little history. */
    public Optional<Anomaly> detect(TimeSeries series, Instant now) {
        boolean cumulative = cumulativeMetrics.contains(series.metric());
        TimeSeries judged = cumulative ? dailyIncrease(series) : series;
        if (judged.isEmpty() || !judged.last().at().equals(now)) {
            return Optional.empty(); // not measured today: nothing current to judge
        }
        double value = judged.last().value();
        TimeSeries baseline = judged.between(now.minus(Duration.ofDays(baselineDays)), now.minusNanos(1));
        if (baseline.size() < MIN_PAST_POINTS) {
            return Optional.empty();
        }
        double[] past = baseline.values();
        double median = median(past);
        Optional<Double> z = robustZ(value, past);
        boolean flagged = z.map(score -> Math.abs(score) > THRESHOLD).orElse(value != median);
        if (!flagged) {
            return Optional.empty();
        }
        String metric = series.metric();
        String sentence = cumulative
                ? String.format(Locale.ROOT, "%s %s in a day, usually %s", MetricCatalog.label(metric), signed(value), signed(median))
                : MetricCatalog.label(metric) + " " + MetricCatalog.prose(metric, value) + ", usually "
                        + MetricCatalog.prose(metric, median);
        return Optional.of(new Anomaly(metric, value, median, z.orElse(null), sentence));
    }

    /** The robust z-score; empty when the history has no spread at all (every past value equal). */
    public static Optional<Double> robustZ(double value, double[] past) {
        double median = median(past);
        double[] deviations = new double[past.length];
        double sum = 0;
        for (int i = 0; i < past.length; i++) {
            deviations[i] = Math.abs(past[i] - median);
            sum += deviations[i];
        }
        double scale = MAD_SCALE * median(deviations);
        if (scale == 0) {
            scale = MEAN_AD_SCALE * sum / past.length;
        }
        if (scale == 0) {
            return value == median ? Optional.of(0.0) : Optional.empty();
        }
        return Optional.of((value - median) / scale);
    }

    static double median(double[] values) {
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, 50);
    }

    private static TimeSeries dailyIncrease(TimeSeries series) {
        List<TimeSeries.Point> increases = new ArrayList<>();
        List<TimeSeries.Point> points = series.points();
        for (int i = 1; i < points.size(); i++) {
            double days = TimeSeries.daysBetween(points.get(i - 1).at(), points.get(i).at());
            // A gap of several days is spread over them, so a missed run does not look like a burst.
            increases.add(new TimeSeries.Point(points.get(i).at(),
                    (points.get(i).value() - points.get(i - 1).value()) / Math.max(1, days)));
        }
        return new TimeSeries(series.metric(), increases);
    }

    private static String signed(double value) {
        return (value >= 0 ? "+" : "") + HumanFormat.plain(value);
    }
}
