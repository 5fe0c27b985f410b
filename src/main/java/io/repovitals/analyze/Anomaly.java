package io.repovitals.analyze;

import java.util.Objects;

/**
 * The latest value of a metric, flagged because it lies far from its history. For a cumulative
 * metric (stars, forks) {@code value} and {@code median} are daily increases, as the sentence says.
 *
 * @param robustZ (value - median) / (1.4826 · MAD); null when the history never varied, so any
 *                change is unusual but no finite z exists
 */
public record Anomaly(String metric, double value, double median, Double robustZ, String sentence) {
    public Anomaly {
        Objects.requireNonNull(metric, "metric");
        if (sentence == null || sentence.isBlank()) {
            throw new IllegalArgumentException(metric + ": an anomaly needs its sentence");
        }
        if (!Double.isFinite(value) || !Double.isFinite(median) || (robustZ != null && !Double.isFinite(robustZ))) {
            throw new IllegalArgumentException(metric + ": anomaly figures must be finite");
        }
    }
}
