package io.repovitals.analyze;

import io.repovitals.metrics.MetricCatalog;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Forecasts {@code forecast-days} ahead from the last {@code fitDays} of a series. Neither model is
 * right for every metric (stars grow steadily, merge counts drift), so both are back-tested: each is
 * fitted on all but the last points and scored by its mean absolute error on those held-out points;
 * the better one (linear on a tie, being simpler) is refitted on everything and forecasts.
 */
public final class Forecaster {
    /** Fewer points than this leave too little to both fit and back-test. */
    static final int MIN_POINTS = 8;

    private final int forecastDays;
    private final int fitDays;

    public Forecaster(int forecastDays, int fitDays) {
        if (forecastDays < 1 || fitDays < 1) {
            throw new IllegalArgumentException("forecast-days and the fit window must be positive");
        }
        this.forecastDays = forecastDays;
        this.fitDays = fitDays;
    }

    public Optional<Forecast> forecast(TimeSeries series, Instant now) {
        TimeSeries window = series.lastDays(now, fitDays);
        int n = window.size();
        if (n < MIN_POINTS) {
            return Optional.empty();
        }
        double[] days = new double[n];
        for (int i = 0; i < n; i++) {
            days[i] = TimeSeries.daysBetween(now, window.points().get(i).at());
        }
        double[] values = window.values();
        double spacing = typicalSpacingDays(days);
        int steps = Math.max(1, (int) Math.round(forecastDays / spacing));

        // Hold out as many points as the forecast reaches, but never more than a third of them.
        int holdout = Math.max(1, Math.min(steps, n / 3));
        int train = n - holdout;
        double[] trainDays = Arrays.copyOf(days, train);
        double[] trainValues = Arrays.copyOf(values, train);
        LinearModel linear = new LinearModel(trainDays, trainValues);
        HoltModel holt = HoltModel.fit(trainValues);
        double linearError = 0;
        double holtError = 0;
        for (int i = train; i < n; i++) {
            linearError += Math.abs(values[i] - linear.value(days[i]));
            int ahead = Math.max(1, (int) Math.round((days[i] - days[train - 1]) / spacing));
            holtError += Math.abs(values[i] - holt.predict(ahead).value());
        }
        linearError /= holdout;
        holtError /= holdout;

        Forecast.Method method = holtError < linearError ? Forecast.Method.HOLT : Forecast.Method.LINEAR;
        Prediction prediction = method == Forecast.Method.LINEAR
                ? new LinearModel(days, values).predict(forecastDays)
                : HoltModel.fit(values).predict(steps);
        double error = method == Forecast.Method.LINEAR ? linearError : holtError;
        // Every catalog metric is a count, a duration or a share: a forecast below zero would only mislead.
        double value = Math.max(0, prediction.value());
        double lower = Math.max(0, prediction.value() - prediction.halfWidth());
        double upper = Math.max(value, prediction.value() + prediction.halfWidth());
        String sentence = String.format(Locale.ROOT, "%s in %d days: %s (95 %% interval %s to %s), %s, back-test error %s",
                MetricCatalog.label(series.metric()), forecastDays, MetricCatalog.prose(series.metric(), value),
                MetricCatalog.prose(series.metric(), lower), MetricCatalog.prose(series.metric(), upper),
                method == Forecast.Method.LINEAR ? "linear trend" : "Holt's linear trend",
                MetricCatalog.prose(series.metric(), error));
        return Optional.of(new Forecast(series.metric(), forecastDays, value, lower, upper, method, error,
                sentence));
    }

    /** Median gap between points in days: 1 for daily snapshots, 7 for weekly ones. */
    static double typicalSpacingDays(double[] days) {
        double[] gaps = new double[days.length - 1];
        for (int i = 1; i < days.length; i++) {
            gaps[i - 1] = days[i] - days[i - 1];
        }
        double median = new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(gaps, 50);
        return median > 0 ? median : 1;
    }
}
