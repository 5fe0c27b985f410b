package io.repovitals.analyze;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.regression.SimpleRegression;

import java.time.Instant;
import java.util.Optional;

/** Least-squares trends (commons-math3 {@link SimpleRegression}) over the {@code trend-days} window ending now. */
public final class TrendAnalyzer {
    private final int trendDays;

    public TrendAnalyzer(int trendDays) {
        if (trendDays < 1) {
            throw new IllegalArgumentException("trend-days must be positive");
        }
        this.trendDays = trendDays;
    }

    /** The trend of a series at {@code now}, or empty with fewer than 3 points in the window (no p-value then). */
    public Optional<Trend> trend(TimeSeries series, Instant now) {
        TimeSeries window = series.lastDays(now, trendDays);
        if (window.size() < 3) {
            return Optional.empty();
        }
        SimpleRegression regression = new SimpleRegression();
        for (TimeSeries.Point point : window.points()) {
            // x in weeks before now, so the slope comes out per week directly.
            regression.addData(TimeSeries.daysBetween(now, point.at()) / 7, point.value());
        }
        double slope = regression.getSlope();
        if (!Double.isFinite(slope)) {
            return Optional.empty(); // all points at one instant cannot happen in a sorted series; defensive
        }
        // The same t-test as SimpleRegression.getSignificance(), without its per-call random generator.
        double significance = StudentT.twoSidedP(slope / regression.getSlopeStdErr(), window.size() - 2);
        Double pValue = Double.isNaN(significance) ? null : Math.min(1, Math.max(0, significance));
        return Optional.of(new Trend(series.metric(), window.size(), slope, pValue, Trend.direction(slope, pValue),
                changePct(series, window, now)));
    }

    private Double changePct(TimeSeries series, TimeSeries window, Instant now) {
        Instant windowStart = now.minus(java.time.Duration.ofDays(trendDays));
        TimeSeries previous = series.between(windowStart.minus(java.time.Duration.ofDays(trendDays)), windowStart);
        if (previous.isEmpty()) {
            return null;
        }
        double before = StatUtils.mean(previous.values());
        if (before == 0) {
            return null;
        }
        return (StatUtils.mean(window.values()) - before) / Math.abs(before) * 100;
    }
}
