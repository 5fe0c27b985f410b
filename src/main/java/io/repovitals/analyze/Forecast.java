package io.repovitals.analyze;

import java.util.Locale;
import java.util.Objects;

/**
 * A metric's value {@code days} after now with its {@value #INTERVAL_LEVEL} prediction interval. The
 * method is the one with the smallest error in a rolling-origin back-test at that horizon; a model is
 * chosen only where it beat the naive forecast there, otherwise the forecast is the naive one.
 *
 * @param days          the horizon in days
 * @param lower         from the chosen method's back-test errors at the horizon below their mean ({@code upper}
 *                      likewise above it), never below zero, nor, for a running total, below its last value less
 *                      its observed rate of decreases
 * @param backtestError mean absolute error of the chosen method at the horizon over the back-test's origins,
 *                      in the metric's unit
 * @param naiveError    the same for the naive forecast (equal to backtestError when the naive was chosen)
 * @param origins       how many forecast origins the back-test had
 * @param sentence      one line for the report
 */
public record Forecast(String metric, int days, double value, double lower, double upper, Method method,
                       double backtestError, double naiveError, int origins, String sentence) {
    /** The share of outcomes the interval is meant to hold. */
    public static final double INTERVAL_LEVEL = 0.95;

    public enum Method {
        /** Random walk with drift: the last value plus the window's average daily change (cumulative counts). */
        NAIVE_DRIFT(true),
        /** The last value held (rates over a window, durations). */
        NAIVE_LEVEL(true),
        /** Ordinary least squares on time. */
        LINEAR(false),
        /** Holt's linear trend (double exponential smoothing). */
        HOLT(false);

        private final boolean naive;

        Method(boolean naive) {
            this.naive = naive;
        }

        public boolean naive() {
            return naive;
        }

        /** As written in analysis.json. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Forecast {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(sentence, "sentence");
        if (days < 1) {
            throw new IllegalArgumentException(metric + ": forecast days must be positive");
        }
        if (!(lower <= value && value <= upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException(metric + ": need finite lower <= value <= upper, got "
                    + lower + ", " + value + ", " + upper);
        }
        if (!(backtestError >= 0) || !Double.isFinite(backtestError) || !(naiveError >= 0) || !Double.isFinite(naiveError)) {
            throw new IllegalArgumentException(metric + ": back-test errors must be finite and >= 0");
        }
        if (origins < 1) {
            throw new IllegalArgumentException(metric + ": a back-test has at least one origin");
        }
    }

    /** True when a model beat the naive forecast on the back-test, so the forecast is that model's. */
    public boolean beatsNaive() {
        return !method.naive();
    }
}
