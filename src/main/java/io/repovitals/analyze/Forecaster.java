package io.repovitals.analyze;

import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.HumanFormat;
import io.repovitals.model.MetricDef;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Forecasts {@code forecast-days} ahead. The candidates are the naive forecast (a random walk with drift
 * for a cumulative count, the last value for everything else), a straight line and Holt's linear trend,
 * each fitted on the {@code fitDays} before its origin. A rolling-origin back-test makes a forecast from
 * every past point that has {@code forecast-days} of history after it and at least {@value #MIN_TRAIN_DAYS}
 * days before it, and scores each candidate by its mean absolute error at the horizon. A model is used
 * only where it beat the naive forecast clearly ({@link ErrorStats#clearlyBetter}); the interval comes from the
 * chosen method's back-test errors at the horizon ({@link ErrorStats#errorBand}, each side from the errors on
 * that side), not from a model's formula. A cumulative count is forecast and back-tested on its usual pace,
 * its launch bursts taken out ({@link ErrorStats#withoutBursts}), from its last observed value: a launch two
 * months ago neither raises the drift nor makes the interval allow another. It is never forecast below its
 * last value less its observed rate of decreases; nothing is forecast below zero.
 */
public final class Forecaster {
    /** A training slice shorter than this says too little about a trend. */
    static final int MIN_TRAIN_DAYS = 28;
    /** Fewer back-test errors than this (about a month and a half of origins) say too little about the horizon's errors. */
    static final int MIN_ORIGINS = 39;
    /** How many standard errors a model's advantage over the naive must reach to be shown. */
    static final double MARGIN = 3;
    private static final List<Forecast.Method> MODELS = List.of(Forecast.Method.LINEAR, Forecast.Method.HOLT);

    private final int forecastDays;
    private final int fitDays;
    private final Set<String> cumulativeMetrics;

    public Forecaster(int forecastDays, int fitDays, Set<String> cumulativeMetrics) {
        if (forecastDays < 1 || fitDays < 1) {
            throw new IllegalArgumentException("forecast-days and the fit window must be positive");
        }
        this.forecastDays = forecastDays;
        this.fitDays = Math.max(fitDays, MIN_TRAIN_DAYS);
        this.cumulativeMetrics = Set.copyOf(cumulativeMetrics);
    }

    /** The forecast, or empty when the series is too short for the back-test ({@link #withheld} says so). */
    public Optional<Forecast> forecast(TimeSeries series, Instant now) {
        return Optional.ofNullable(backtest(series, now)).map(backtest -> backtest.forecast(series.metric(), false));
    }

    /** The naive forecast with its back-tested interval, whatever beat it: the baseline a forecast is judged against. */
    Optional<Forecast> naive(TimeSeries series, Instant now) {
        return Optional.ofNullable(backtest(series, now)).map(backtest -> backtest.forecast(series.metric(), true));
    }

    /** The report's sentence for a series that has points but too few for the back-test; empty otherwise. */
    public Optional<String> withheld(TimeSeries series, Instant now) {
        if (series.isEmpty() || backtest(series, now) != null) {
            return Optional.empty();
        }
        int need = pointsNeeded(series);
        if (series.size() < need) {
            return Optional.of(String.format(Locale.ROOT,
                    "%s: not enough history for a forecast yet (%d points; the back-test at %d days needs about %d)",
                    Labels.of(series.metric()), series.size(), forecastDays, need));
        }
        // Points enough, but gaps (a metric measured only some days) leave too few with one a horizon later.
        return Optional.of(String.format(Locale.ROOT,
                "%s: not enough regular history for a forecast yet (%d points, with gaps: the back-test at %d days needs"
                        + " %d points with %d days measured before them and a point %d days later, and has %d)",
                Labels.of(series.metric()), series.size(), forecastDays, MIN_ORIGINS, MIN_TRAIN_DAYS, forecastDays,
                usableOrigins(series, now)));
    }

    /** How many points can be a back-test's origin: {@value #MIN_TRAIN_DAYS} days before them, a point a horizon after. */
    private int usableOrigins(TimeSeries series, Instant now) {
        double[] days = days(series, now);
        double spacing = typicalSpacingDays(days);
        int steps = steps(spacing);
        int origins = 0;
        for (int origin = 0; origin + steps < days.length; origin++) {
            origins += usableOrigin(days, origin, steps, spacing) ? 1 : 0;
        }
        return origins;
    }

    private boolean usableOrigin(double[] days, int origin, int steps, double spacing) {
        // A gap in the snapshots makes the point "steps" later another horizon: that origin is skipped.
        return Math.abs(days[origin + steps] - days[origin] - forecastDays) <= spacing / 2
                && days[origin] - days[firstInWindow(days, origin)] >= MIN_TRAIN_DAYS - spacing / 2;
    }

    /** About how many points of this series' spacing the back-test needs. */
    int pointsNeeded(TimeSeries series) {
        double spacing = series.size() > 1 ? typicalSpacingDays(days(series, series.last().at())) : 1;
        return (int) Math.ceil(MIN_TRAIN_DAYS / spacing) + steps(spacing) + MIN_ORIGINS;
    }

    private int steps(double spacing) {
        return Math.max(1, (int) Math.round(forecastDays / spacing));
    }

    private static double[] days(TimeSeries series, Instant now) {
        double[] days = new double[series.size()];
        for (int i = 0; i < days.length; i++) {
            days[i] = TimeSeries.daysBetween(now, series.points().get(i).at());
        }
        return days;
    }

    /** The back-test's errors per candidate, or null when it has fewer than {@value #MIN_ORIGINS} origins. */
    private Backtest backtest(TimeSeries series, Instant now) {
        if (series.size() < MIN_ORIGINS + 2) {
            return null;
        }
        double[] days = days(series, now);
        boolean cumulative = cumulativeMetrics.contains(series.metric());
        double[] observed = series.values();
        // A running total is forecast, and back-tested, on its usual pace: its launch bursts taken out.
        double[] values = cumulative ? ErrorStats.withoutBursts(days, observed) : observed;
        int n = values.length;
        double spacing = typicalSpacingDays(days);
        int steps = steps(spacing);
        Forecast.Method naive = cumulative ? Forecast.Method.NAIVE_DRIFT : Forecast.Method.NAIVE_LEVEL;

        Map<Forecast.Method, double[]> errors = new EnumMap<>(Forecast.Method.class);
        int origins = 0;
        double[][] buffers = new double[3][n];
        for (int origin = 0; origin + steps < n; origin++) {
            if (!usableOrigin(days, origin, steps, spacing)) {
                continue;
            }
            int target = origin + steps;
            int from = firstInWindow(days, origin);
            buffers[0][origins] = values[target] - predict(naive, days, values, from, origin, days[target], steps);
            for (int m = 0; m < MODELS.size(); m++) {
                buffers[m + 1][origins] = values[target] - predict(MODELS.get(m), days, values, from, origin, days[target], steps);
            }
            origins++;
        }
        if (origins < MIN_ORIGINS) {
            return null;
        }
        errors.put(naive, Arrays.copyOf(buffers[0], origins));
        for (int m = 0; m < MODELS.size(); m++) {
            errors.put(MODELS.get(m), Arrays.copyOf(buffers[m + 1], origins));
        }
        return new Backtest(days, values, observed, steps, naive, errors, cumulative);
    }

    /** The first index inside the fit window that ends at {@code origin}: (days[origin] - fitDays, days[origin]]. */
    private int firstInWindow(double[] days, int origin) {
        int from = origin;
        while (from > 0 && days[from - 1] > days[origin] - fitDays) {
            from--;
        }
        return from;
    }

    /** The method's forecast for {@code targetDay} from the points {@code from..to} (inclusive). */
    static double predict(Forecast.Method method, double[] days, double[] values, int from, int to,
                          double targetDay, int steps) {
        return switch (method) {
            case NAIVE_LEVEL -> values[to];
            case NAIVE_DRIFT -> values[to] + ErrorStats.drift(days, values, from, to) * (targetDay - days[to]);
            case LINEAR -> to - from >= 2
                    ? new LinearModel(Arrays.copyOfRange(days, from, to + 1), Arrays.copyOfRange(values, from, to + 1)).value(targetDay)
                    : values[to];
            case HOLT -> to - from >= 2
                    ? HoltModel.fit(Arrays.copyOfRange(values, from, to + 1)).predict(steps).value()
                    : values[to];
        };
    }

    private final class Backtest {
        private final double[] days;
        private final double[] values;
        private final double[] observed;
        private final int steps;
        private final Forecast.Method naive;
        private final Map<Forecast.Method, double[]> errors;
        private final boolean cumulative;

        Backtest(double[] days, double[] values, double[] observed, int steps, Forecast.Method naive, Map<Forecast.Method, double[]> errors,
                 boolean cumulative) {
            this.days = days;
            this.values = values;
            this.observed = observed;
            this.steps = steps;
            this.naive = naive;
            this.errors = errors;
            this.cumulative = cumulative;
        }

        Forecast forecast(String metric, boolean naiveOnly) {
            double naiveError = ErrorStats.meanAbsolute(errors.get(naive));
            Forecast.Method method = naive;
            double error = naiveError;
            for (Forecast.Method model : naiveOnly ? List.<Forecast.Method>of() : MODELS) {
                double modelError = ErrorStats.meanAbsolute(errors.get(model));
                if (modelError < error && ErrorStats.clearlyBetter(errors.get(model), errors.get(naive), MARGIN)) {
                    method = model;
                    error = modelError;
                }
            }
            int last = values.length - 1;
            int from = firstInWindow(days, last);
            // From the usual pace's forecast, carried from the last value really observed.
            double point = predict(method, days, values, from, last, forecastDays, steps) + observed[last] - values[last];
            double[] e = errors.get(method);
            double[] band = ErrorStats.errorBand(e);
            double floor = cumulative ? observed[last] - decreasesPerDay() * forecastDays : 0;
            double value = Math.max(floor, point);
            double lower = Math.min(value, Math.max(floor, point + band[0]));
            double upper = Math.max(value, point + band[1]);
            return new Forecast(metric, forecastDays, value, lower, upper, method, error, naiveError, e.length,
                    sentence(metric, method, value, lower, upper, error, naiveError));
        }

        /** Observed decreases of a running total, per day over the whole series (0 when it never fell). */
        private double decreasesPerDay() {
            double fallen = 0;
            for (int i = 1; i < observed.length; i++) {
                fallen += Math.max(0, observed[i - 1] - observed[i]);
            }
            double span = days[days.length - 1] - days[0];
            return span > 0 ? fallen / span : 0;
        }

        private String sentence(String metric, Forecast.Method method, double value, double lower, double upper,
                                double error, double naiveError) {
            String head = String.format(Locale.ROOT, "%s in %d days: %s (95 %% interval %s to %s)",
                    Labels.of(metric), forecastDays, expected(metric, value), expected(metric, lower),
                    expected(metric, upper));
            int bursts = cumulative ? ErrorStats.burstSteps(days, observed) : 0;
            // The interval holds the usual pace only: a reader is told that a launch like the past one would lie above it.
            String left = bursts == 0 ? "" : String.format(Locale.ROOT, ", %d %s of launch burst left out", bursts,
                    bursts == 1 ? "day" : "days");
            if (method.naive()) {
                return head + ", " + (method == Forecast.Method.NAIVE_DRIFT
                        ? "the naive forecast (the recent average rise carried on" + left + ")"
                        : "the naive forecast (the level now held)") + ": no model beat it on the back-test";
            }
            head += left;
            return head + String.format(Locale.ROOT, ", %s, back-test error %s against the naive forecast's %s",
                    method == Forecast.Method.LINEAR ? "linear trend" : "Holt's linear trend",
                    MetricCatalog.prose(metric, error), MetricCatalog.prose(metric, naiveError));
        }
    }

    /** A forecast count is a number of things: whole, with thousands separators ("6,384 stars", not "6383.7"). */
    private static String expected(String metric, double value) {
        return MetricCatalog.unit(metric) == MetricDef.Unit.COUNT ? HumanFormat.count(value) : MetricCatalog.prose(metric, value);
    }

    /** Median gap between points in days: 1 for daily snapshots, 7 for weekly ones. */
    static double typicalSpacingDays(double[] days) {
        if (days.length < 2) {
            return 1;
        }
        double[] gaps = new double[days.length - 1];
        for (int i = 1; i < days.length; i++) {
            gaps[i - 1] = days[i] - days[i - 1];
        }
        double median = new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(gaps, 50);
        return median > 0 ? median : 1;
    }
}
