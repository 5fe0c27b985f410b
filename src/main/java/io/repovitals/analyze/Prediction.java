package io.repovitals.analyze;

/** A point forecast with the half-width of its 95 % prediction interval. */
record Prediction(double value, double halfWidth) {
    Prediction {
        if (!Double.isFinite(value) || !(halfWidth >= 0) || !Double.isFinite(halfWidth)) {
            throw new IllegalArgumentException("prediction needs a finite value and half-width, got "
                    + value + " ± " + halfWidth);
        }
    }
}
