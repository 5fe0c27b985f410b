package io.repovitals.analyze;

/** The health grade of metrics.md: A (>= 85), B (>= 70), C (>= 55), D (>= 40), else F. */
public enum Grade {
    A, B, C, D, F;

    public static Grade of(double score) {
        if (score >= 85) {
            return A;
        }
        if (score >= 70) {
            return B;
        }
        if (score >= 55) {
            return C;
        }
        if (score >= 40) {
            return D;
        }
        return F;
    }
}
