package io.repovitals.analyze;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Student's t for p-values and interval quantiles. commons-math3's {@code new TDistribution(df)},
 * which SimpleRegression.getSignificance() uses, seeds a Well19937c random generator on every call,
 * and the quantile is found by a root solver: both are costly enough to dominate an analysis of
 * many metrics, so distributions are built without a generator and quantiles cached per df.
 */
final class StudentT {
    private static final ConcurrentMap<Integer, TDistribution> DISTRIBUTIONS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Integer, Double> Q975 = new ConcurrentHashMap<>();

    private StudentT() {}

    /** Two-sided p-value of a t statistic with df degrees of freedom. */
    static double twoSidedP(double t, int df) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        return 2 * distribution(df).cumulativeProbability(-Math.abs(t));
    }

    /** The 97.5 % quantile: the half-width factor of a 95 % interval. */
    static double quantile975(int df) {
        return Q975.computeIfAbsent(df, d -> distribution(d).inverseCumulativeProbability(0.975));
    }

    private static TDistribution distribution(int df) {
        return DISTRIBUTIONS.computeIfAbsent(df, d -> new TDistribution(null, d));
    }
}
