package io.repovitals.analyze;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Ordinary least squares of value on time (days). The 95 % prediction interval of a new observation
 * at x0 is ŷ ± t(0.975, n-2) · s · sqrt(1 + 1/n + (x0 - x̄)² / Sxx), s² = SSE / (n - 2).
 */
final class LinearModel {
    private final SimpleRegression regression = new SimpleRegression();
    private final int n;
    private final double meanX;
    private final double sxx;

    LinearModel(double[] days, double[] values) {
        if (days.length != values.length || days.length < 3) {
            throw new IllegalArgumentException("a linear model needs at least 3 points");
        }
        double sum = 0;
        for (int i = 0; i < days.length; i++) {
            regression.addData(days[i], values[i]);
            sum += days[i];
        }
        n = days.length;
        meanX = sum / n;
        sxx = regression.getXSumSquares();
    }

    /** The point forecast alone (back-testing needs no interval). */
    double value(double day) {
        return regression.predict(day);
    }

    Prediction predict(double day) {
        double value = regression.predict(day);
        double s = Math.sqrt(Math.max(0, regression.getMeanSquareError()));
        double t = StudentT.quantile975(n - 2);
        double spread = sxx > 0 ? (day - meanX) * (day - meanX) / sxx : 0;
        return new Prediction(value, t * s * Math.sqrt(1 + 1.0 / n + spread));
    }
}
