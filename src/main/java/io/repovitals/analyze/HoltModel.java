package io.repovitals.analyze;

/**
 * Holt's linear trend on equally spaced points: level ℓ and trend b, with
 * ℓ_t = α·y_t + (1-α)(ℓ_{t-1} + b_{t-1}) and b_t = β*(ℓ_t - ℓ_{t-1}) + (1-β*) b_{t-1},
 * started at ℓ_0 = y_0, b_0 = y_1 - y_0. α (0.1 to 0.9) and β* (0.1 to 0.3) are chosen on a 0.1 grid
 * by the smallest sum of squared one-step errors. β* stays small because a trend that follows every
 * step overreacts to a one-off jump (a release's burst of stars) and its interval explodes; fitted ETS
 * models usually have a small β (FPP). The h-step interval is that of the equivalent ETS(A,A,N) model
 * (Hyndman & Athanasopoulos, FPP, table "prediction intervals"): with β = α·β*,
 * σ_h² = σ²[1 + (h-1)(α² + αβh + β²h(2h-1)/6)], σ² the mean squared one-step error, ± 1.96 σ_h.
 */
final class HoltModel {
    private static final double Z_975 = 1.959963984540054;

    final double alpha;
    final double betaStar;
    private final double level;
    private final double trend;
    private final double sigma2;

    private HoltModel(double alpha, double betaStar, double level, double trend, double sigma2) {
        this.alpha = alpha;
        this.betaStar = betaStar;
        this.level = level;
        this.trend = trend;
        this.sigma2 = sigma2;
    }

    /** Fits α and β* on the grid; needs at least 3 values (two to start, one to be wrong about). */
    static HoltModel fit(double[] values) {
        if (values.length < 3) {
            throw new IllegalArgumentException("Holt's method needs at least 3 points");
        }
        HoltModel best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int a = 1; a <= 9; a++) {
            for (int b = 1; b <= 3; b++) {
                HoltModel model = withParameters(values, a / 10.0, b / 10.0);
                double sse = model.sigma2;
                if (sse < bestSse) {
                    bestSse = sse;
                    best = model;
                }
            }
        }
        return best;
    }

    static HoltModel withParameters(double[] values, double alpha, double betaStar) {
        double level = values[0];
        double trend = values[1] - values[0];
        double sse = 0;
        for (int t = 1; t < values.length; t++) {
            double error = values[t] - (level + trend);
            sse += error * error;
            double newLevel = alpha * values[t] + (1 - alpha) * (level + trend);
            trend = betaStar * (newLevel - level) + (1 - betaStar) * trend;
            level = newLevel;
        }
        // The first step is exact by construction (b_0 = y_1 - y_0), so n - 2 errors carry information.
        return new HoltModel(alpha, betaStar, level, trend, sse / (values.length - 2));
    }

    Prediction predict(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be positive");
        }
        double beta = alpha * betaStar;
        double h = steps;
        double variance = sigma2 * (1 + (h - 1) * (alpha * alpha + alpha * beta * h + beta * beta * h * (2 * h - 1) / 6));
        return new Prediction(level + h * trend, Z_975 * Math.sqrt(variance));
    }
}
