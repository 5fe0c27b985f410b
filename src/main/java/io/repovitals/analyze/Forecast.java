package io.repovitals.analyze;

import java.util.Locale;
import java.util.Objects;

/**
 * A metric's value {@code days} after now with its 95 % prediction interval, from the method that
 * did best when back-tested on the history.
 *
 * @param backtestError mean absolute error of the chosen method on the held-out end of the history,
 *                      in the metric's unit
 * @param sentence      one line for the report
 */
public record Forecast(String metric, int days, double value, double lower, double upper, Method method,
                       double backtestError, String sentence) {

    public enum Method {
        /** Ordinary least squares on time, interval from the t distribution. */
        LINEAR,
        /** Holt's linear trend (double exponential smoothing), interval of the ETS(A,A,N) model. */
        HOLT;

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
        if (!(backtestError >= 0) || !Double.isFinite(backtestError)) {
            throw new IllegalArgumentException(metric + ": back-test error must be finite and >= 0");
        }
    }
}
