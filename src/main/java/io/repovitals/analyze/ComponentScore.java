package io.repovitals.analyze;

import java.util.Objects;

/**
 * One health component's result: a score 0..100 with the one line that explains it, or no score
 * (inconclusive) with the reason. Build it with the factories, which keep score and basis consistent.
 *
 * @param weight the configured weight; {@link HealthScore#effectiveWeight} re-normalises it
 * @param value  this week's value of the driving metric, null when inconclusive
 */
public record ComponentScore(String name, String metric, double weight, Double score, Double value, Basis basis,
                             String explanation) {

    /** What the score was measured against. */
    public enum Basis { HISTORY, REFERENCE_BANDS, INCONCLUSIVE }

    public ComponentScore {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(basis, "basis");
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException(name + ": every component score carries an explanation");
        }
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException(name + ": weight must be in 0..1, was " + weight);
        }
        if ((score == null) != (basis == Basis.INCONCLUSIVE)) {
            throw new IllegalArgumentException(name + ": only an inconclusive component has no score");
        }
        if (score != null && !(score >= 0 && score <= 100)) {
            throw new IllegalArgumentException(name + ": score must be in 0..100, was " + score);
        }
    }

    public static ComponentScore fromHistory(String name, String metric, double weight, double score, double value,
                                             String explanation) {
        return new ComponentScore(name, metric, weight, score, value, Basis.HISTORY, explanation);
    }

    public static ComponentScore fromBands(String name, String metric, double weight, double score, double value,
                                           String explanation) {
        return new ComponentScore(name, metric, weight, score, value, Basis.REFERENCE_BANDS, explanation);
    }

    public static ComponentScore inconclusive(String name, String metric, double weight, String reason) {
        return new ComponentScore(name, metric, weight, null, null, Basis.INCONCLUSIVE, reason);
    }

    public boolean conclusive() {
        return basis != Basis.INCONCLUSIVE;
    }
}
