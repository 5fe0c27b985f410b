package io.repovitals.analyze;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest value of a metric, flagged because it lies far from its baseline. For a cumulative
 * metric (stars, forks) the figures are daily increases, as the sentence says.
 *
 * @param quantity       what the metric measures (MetricCatalog.quantity): one anomaly per quantity
 * @param at             the snapshot judged (the analysis's now)
 * @param median         the baseline's median
 * @param usualLow       the baseline's 25th percentile
 * @param usualHigh      the baseline's 75th percentile
 * @param robustZ        (value - median) / (1.4826 · MAD) on the rule's scale, for the robust rule; null for
 *                       the count rules and when the baseline never varied
 * @param severity       how unusual, as a normal deviate: |robustZ|, or for counts the z of the same tail
 *                       probability; infinite when the baseline never varied
 * @param rule           {@code poisson}, {@code negative_binomial}, {@code robust_z}, {@code robust_z_log} or {@code unchanged_before}
 * @param baselineDays   the baseline window: the days before {@code at}
 * @param baselinePoints how many points that window held
 * @param threshold      the severity above which a value is flagged
 */
public record Anomaly(String metric, String quantity, Instant at, double value, double median, double usualLow,
                      double usualHigh, Double robustZ, double severity, String rule, int baselineDays,
                      int baselinePoints, double threshold, String sentence) {
    public Anomaly {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(rule, "rule");
        if (sentence == null || sentence.isBlank()) {
            throw new IllegalArgumentException(metric + ": an anomaly needs its sentence");
        }
        if (!Double.isFinite(value) || !Double.isFinite(median) || !Double.isFinite(usualLow)
                || !Double.isFinite(usualHigh) || (robustZ != null && !Double.isFinite(robustZ))) {
            throw new IllegalArgumentException(metric + ": anomaly figures must be finite");
        }
        if (!(severity > threshold)) {
            throw new IllegalArgumentException(metric + ": an anomaly's severity exceeds the threshold");
        }
    }
}
