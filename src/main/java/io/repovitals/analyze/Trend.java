package io.repovitals.analyze;

import io.repovitals.metrics.MetricCatalog;

import java.util.Locale;
import java.util.Objects;

/**
 * A metric's least-squares trend over the trend window.
 *
 * @param points       points in the window
 * @param slopePerWeek least-squares slope, metric units per week
 * @param pValue       two-sided p-value of the slope (t-test, n - 2 degrees of freedom); null when it is
 *                     undefined (all values equal)
 * @param changePct    mean of this window against the mean of the window before, in %; null without a
 *                     previous window or when its mean is 0
 */
public record Trend(String metric, int points, double slopePerWeek, Double pValue, Direction direction,
                    Double changePct) {
    /** Below this p-value a slope is called rising or falling. */
    public static final double SIGNIFICANCE = 0.05;

    public enum Direction {
        RISING, FALLING, FLAT;

        /** As written in analysis.json. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Trend {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
        if (points < 3) {
            throw new IllegalArgumentException(metric + ": a trend needs at least 3 points");
        }
        if (!Double.isFinite(slopePerWeek)) {
            throw new IllegalArgumentException(metric + ": slope must be finite");
        }
        if (pValue != null && !(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException(metric + ": p-value must be in 0..1, was " + pValue);
        }
        boolean significant = pValue != null && pValue < SIGNIFICANCE && slopePerWeek != 0;
        Direction expected = !significant ? Direction.FLAT : slopePerWeek > 0 ? Direction.RISING : Direction.FALLING;
        if (direction != expected) {
            throw new IllegalArgumentException(metric + ": direction " + direction + " contradicts slope and p-value");
        }
    }

    /** One line for the report: "PRs merged rising: +1.5 a week (p = 0.001), +12 % on the previous window". */
    public String sentence() {
        String slope = (slopePerWeek >= 0 ? "+" : "") + MetricCatalog.prose(metric, slopePerWeek);
        String p = pValue == null ? "no spread" : pValue < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", pValue);
        String change = changePct == null ? "" : String.format(Locale.ROOT, ", %+.0f %% on the previous window", changePct);
        return MetricCatalog.label(metric) + " " + direction.id() + ": " + slope + " a week (" + p + ")" + change;
    }

    /** The direction that a slope and its p-value allow: rising or falling only when significant. */
    public static Direction direction(double slopePerWeek, Double pValue) {
        if (pValue == null || pValue >= SIGNIFICANCE || slopePerWeek == 0) {
            return Direction.FLAT;
        }
        return slopePerWeek > 0 ? Direction.RISING : Direction.FALLING;
    }
}
