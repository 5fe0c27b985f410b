package io.repovitals.analyze;

import org.apache.commons.math3.stat.StatUtils;

import java.util.Arrays;

/**
 * What the forecasts' back-test makes of its errors: their interval, whether one method clearly beat another, a
 * robust drift, and a running total without its launch bursts.
 */
final class ErrorStats {
    private ErrorStats() {}

    /**
     * A running total's typical daily increase over {@code from..to}: the mean of the daily increases,
     * each capped at their median plus 5 robust standard deviations (1.4826 · MAD, or the square root of
     * their mean where that is larger, a count's own spread), so that a launch's burst in the window is
     * not carried on as if it were the usual pace.
     */
    static double drift(double[] days, double[] values, int from, int to) {
        if (to <= from) {
            return 0;
        }
        double[] increases = new double[to - from];
        double sum = 0;
        for (int i = from + 1; i <= to; i++) {
            increases[i - from - 1] = (values[i] - values[i - 1]) / Math.max(1e-9, days[i] - days[i - 1]);
            sum += increases[i - from - 1];
        }
        double median = AnomalyDetector.median(increases);
        double[] deviations = Arrays.stream(increases).map(v -> Math.abs(v - median)).toArray();
        double spread = Math.max(AnomalyDetector.MAD_SCALE * AnomalyDetector.median(deviations),
                Math.sqrt(Math.max(0, sum / increases.length)));
        double cap = median + 5 * spread;
        double capped = 0;
        for (double increase : increases) {
            capped += Math.min(cap, increase);
        }
        return capped / increases.length;
    }

    /**
     * Whether a model's back-test errors are smaller than the naive's by more than chance: the mean of
     * d = |naive error| - |model error| is above {@code margin} standard errors, the standard error taken
     * with the effective sample size of d (a Diebold-Mariano test at a one-sided 0.13 % level: the errors of overlapping horizons make even
     * the effective size optimistic, and a model shown where it is not better costs more than a naive forecast).
     */
    static boolean clearlyBetter(double[] model, double[] naive, double margin) {
        double[] d = new double[model.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(naive[i]) - Math.abs(model[i]);
        }
        double mean = StatUtils.mean(d);
        double size = effectiveSize(d);
        double sd = Math.sqrt(StatUtils.populationVariance(d, mean) / (1 - 1 / size));
        return mean > margin * sd / Math.sqrt(size);
    }

    /** Mean absolute error. */
    static double meanAbsolute(double[] errors) {
        double sum = 0;
        for (double error : errors) {
            sum += Math.abs(error);
        }
        return sum / errors.length;
    }

    /**
     * The error range of a 95 % interval from n signed back-test errors e at the horizon, one side at a time:
     * ē - k · s₋ and ē + k · s₊, with k = t(0.975, m - 1) · sqrt(1 + 1/m), a prediction interval for one more
     * error. Each side's spread is that of the errors on that side of their mean, as if mirrored,
     * s₋² = 2 Σ_{e<ē} (e - ē)² / n / (1 - 1/m) (s₊ likewise), so a running total's long upper tail or a
     * duration's skew widens only its own side; with symmetric errors both are the usual s. m is the errors'
     * effective sample size ({@link #effectiveSize}): errors of forecasts whose horizons overlap are nearly
     * the same error, so n of them say about as much as m independent ones, and their spread about their
     * own mean falls short by the factor 1 - 1/m. With independent symmetric errors m = n and this is the
     * usual t interval. The mean keeps a method's bias.
     */
    static double[] errorBand(double[] errors) {
        int n = errors.length;
        double mean = StatUtils.mean(errors);
        double size = effectiveSize(errors);
        double below = 0;
        double above = 0;
        for (double e : errors) {
            double squared = (e - mean) * (e - mean);
            if (e < mean) {
                below += squared;
            } else {
                above += squared;
            }
        }
        double k = spread(size);
        double shortfall = 1 - 1 / size;
        return new double[] {mean - k * Math.sqrt(2 * below / n / shortfall), mean + k * Math.sqrt(2 * above / n / shortfall)};
    }

    private static double spread(double size) {
        int df = Math.max(1, (int) Math.floor(size) - 1);
        return StudentT.quantile975(df) * Math.sqrt(1 + 1 / size);
    }

    /** n / (1 + 2 Σ ρ_k), the sum taken over the lags while ρ_k stays positive; between 2 and n. */
    static double effectiveSize(double[] errors) {
        int n = errors.length;
        double mean = StatUtils.mean(errors);
        double c0 = 0;
        for (double e : errors) {
            c0 += (e - mean) * (e - mean);
        }
        if (c0 == 0) {
            return n;
        }
        double sum = 0;
        for (int lag = 1; lag < n / 2; lag++) {
            double c = 0;
            for (int i = lag; i < n; i++) {
                c += (errors[i] - mean) * (errors[i - lag] - mean);
            }
            double rho = c / c0;
            if (rho <= 0) {
                break;
            }
            sum += rho;
        }
        return Math.max(2, Math.min(n, n / (1 + 2 * sum)));
    }

    /**
     * A running total with its launch bursts taken out: each step's increase per day above the series'
     * median daily increase plus 5 robust standard deviations (1.4826 · MAD, at least the square root of
     * the median plus 1, a count's own spread) is replaced by the median, decreases kept. The usual pace
     * is what a drift forecast carries on; a burst is not, and the back-test's errors scored against it would
     * make every interval allow another launch.
     */
    static double[] withoutBursts(double[] days, double[] values) {
        int n = values.length;
        if (n < 3) {
            return values.clone();
        }
        double[] increases = increases(days, values);
        double median = AnomalyDetector.median(increases);
        double cap = burstCap(increases, median);
        double[] cleaned = new double[n];
        cleaned[0] = values[0];
        for (int i = 1; i < n; i++) {
            double increase = increases[i - 1] > cap ? median : increases[i - 1];
            cleaned[i] = cleaned[i - 1] + increase * Math.max(1e-9, days[i] - days[i - 1]);
        }
        return cleaned;
    }

    /** How many steps {@link #withoutBursts} takes out: those whose increase is a burst's. */
    static int burstSteps(double[] days, double[] values) {
        if (values.length < 3) {
            return 0;
        }
        double[] increases = increases(days, values);
        double cap = burstCap(increases, AnomalyDetector.median(increases));
        return (int) Arrays.stream(increases).filter(v -> v > cap).count();
    }

    private static double[] increases(double[] days, double[] values) {
        double[] increases = new double[values.length - 1];
        for (int i = 1; i < values.length; i++) {
            increases[i - 1] = (values[i] - values[i - 1]) / Math.max(1e-9, days[i] - days[i - 1]);
        }
        return increases;
    }

    private static double burstCap(double[] increases, double median) {
        double[] deviations = Arrays.stream(increases).map(v -> Math.abs(v - median)).toArray();
        double spread = Math.max(AnomalyDetector.MAD_SCALE * AnomalyDetector.median(deviations),
                Math.sqrt(Math.max(0, median) + 1));
        return median + 5 * spread;
    }
}
