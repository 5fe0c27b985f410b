package io.repovitals.analyze;

import java.util.Objects;

/**
 * One health component's result: a score 0..100 with the one line that explains it, or no score
 * (inconclusive) with the reason. Besides the line it carries what the line was made from (the value,
 * how it compared with the past weeks, why it was left out), so that a report phrases the same facts
 * without recomputing them. Build it with the factories, which keep score, basis and facts consistent.
 *
 * @param label     the component in words, lower case: "issue freshness"
 * @param weight    the configured weight; {@link HealthScore#effectiveWeight} re-normalises it
 * @param value     this week's value of the driving metric (or its growth, see {@code measure}), null when inconclusive
 * @param pastWeeks this week against the past weeks it was ranked among, null when inconclusive
 * @param leftOut   why there is no score, null when conclusive
 */
public record ComponentScore(String name, String label, String metric, Measure measure, double weight, Double score,
                             Double value, Basis basis, PastWeeks pastWeeks, LeftOut leftOut, String explanation) {

    /** What the score was measured against. */
    public enum Basis { HISTORY, REFERENCE_BANDS, INCONCLUSIVE }

    /** What a week's value is: the metric's value that week, or its growth since the week before. */
    public enum Measure { WEEKLY_VALUE, WEEKLY_GROWTH }

    /** Why a component has no score. */
    public enum LeftOut {
        /** There is no snapshot at all. */
        NO_HISTORY,
        /** The metric has no value this week (for a growth: this week or the week before). */
        NO_VALUE_THIS_WEEK
    }

    /**
     * How this week's value compares with the past weeks that have one: how many had a smaller value,
     * the same, a larger one; out of a window of {@code window} weeks, of which {@code needed} must
     * have a value for the rank to count (otherwise the reference bands score it).
     */
    public record PastWeeks(int below, int same, int above, int window, int needed) {
        public PastWeeks {
            if (below < 0 || same < 0 || above < 0 || below + same + above > window || needed < 1) {
                throw new IllegalArgumentException("past weeks: " + below + " below, " + same + " same, " + above
                        + " above in a window of " + window + " (" + needed + " needed)");
            }
        }

        /** The past weeks that had a value. */
        public int count() {
            return below + same + above;
        }
    }

    public ComponentScore {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(measure, "measure");
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
        if ((score == null) != (leftOut != null) || (score == null) != (pastWeeks == null) || (score == null) != (value == null)) {
            throw new IllegalArgumentException(name + ": a score has a value and past weeks, no score a reason");
        }
        if (score != null && !(score >= 0 && score <= 100)) {
            throw new IllegalArgumentException(name + ": score must be in 0..100, was " + score);
        }
    }

    public static ComponentScore fromHistory(String name, String label, String metric, Measure measure, double weight,
                                             double score, double value, PastWeeks pastWeeks, String explanation) {
        return new ComponentScore(name, label, metric, measure, weight, score, value, Basis.HISTORY, pastWeeks, null, explanation);
    }

    public static ComponentScore fromBands(String name, String label, String metric, Measure measure, double weight,
                                           double score, double value, PastWeeks pastWeeks, String explanation) {
        return new ComponentScore(name, label, metric, measure, weight, score, value, Basis.REFERENCE_BANDS, pastWeeks, null,
                explanation);
    }

    public static ComponentScore inconclusive(String name, String label, String metric, Measure measure, double weight,
                                              LeftOut leftOut, String reason) {
        return new ComponentScore(name, label, metric, measure, weight, null, null, Basis.INCONCLUSIVE, null,
                Objects.requireNonNull(leftOut, "leftOut"), reason);
    }

    public boolean conclusive() {
        return basis != Basis.INCONCLUSIVE;
    }
}
