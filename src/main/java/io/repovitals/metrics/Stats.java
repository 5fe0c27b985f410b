package io.repovitals.metrics;

import io.repovitals.model.MetricDef;
import io.repovitals.model.Outcome;
import io.repovitals.model.Window;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The statistics of metrics.md "Conventions": percentiles by linear interpolation between closest
 * ranks (Hyndman-Fan type 7), means, ratios and durations. An empty population or a zero denominator
 * gives a Missing with the reason, never 0.
 */
final class Stats {
    private Stats() {}

    /**
     * The words for a statistic's name part in the catalog's definitions: {@code p50} is "median (p50)",
     * {@code p90} "90th percentile (p90)", {@code mean} "mean".
     */
    static String words(String statistic) {
        return switch (statistic) {
            case "mean" -> "mean";
            case "min" -> "minimum";
            case "max" -> "maximum";
            case "p50" -> "median (p50)";
            default -> {
                if (!statistic.matches("p[1-9][0-9]?")) {
                    throw new IllegalArgumentException("not a statistic: " + statistic);
                }
                yield statistic.substring(1) + "th percentile (" + statistic + ")";
            }
        };
    }

    /** A statistic of a metric in a few words: "median CI duration", "p90 CI duration", "maximum CI duration". */
    static String label(String statistic, String metric) {
        String words = words(statistic);
        return (statistic.startsWith("p") && !statistic.equals("p50") ? statistic : words.replace(" (p50)", "")) + " " + metric;
    }

    /** @param percent 0 < percent <= 100, e.g. 50 for p50 */
    static Outcome percentile(MetricDef def, Collection<Double> values, double percent, String emptyReason) {
        if (values.isEmpty()) {
            return Outcome.missing(def, emptyReason);
        }
        double[] data = values.stream().mapToDouble(Double::doubleValue).toArray();
        return Outcome.value(def, new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(data, percent));
    }

    static Outcome mean(MetricDef def, Collection<Double> values, String emptyReason) {
        if (values.isEmpty()) {
            return Outcome.missing(def, emptyReason);
        }
        return Outcome.value(def, values.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
    }

    static Outcome ratio(MetricDef def, double numerator, double denominator, String zeroReason) {
        return denominator == 0 ? Outcome.missing(def, zeroReason) : Outcome.value(def, numerator / denominator);
    }

    /** {@code to - from} in hours, clamped to 0 when negative (clock skew, odd data). */
    static double hours(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis()) / 3_600_000.0;
    }

    static double days(Instant from, Instant to) {
        return hours(from, to) / 24.0;
    }

    /**
     * Why data fetched for {@code [since, asOf]} cannot answer {@code window}, if it cannot: a family
     * must not compute a window reaching outside what was fetched (it would undercount silently).
     */
    static Optional<String> notCovered(String what, Instant since, Instant asOf, Instant windowStart, Window window) {
        if (windowStart.isBefore(since) || window.asOf().isAfter(asOf)) {
            return Optional.of(what + " were fetched for " + since + " to " + asOf + ", which does not cover "
                    + windowStart + " to " + window.asOf());
        }
        return Optional.empty();
    }
}
