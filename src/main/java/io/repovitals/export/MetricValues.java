package io.repovitals.export;

import java.math.BigDecimal;

/** Metric values as text: counts stay integers, decimals keep every digit Java reads back, never an exponent. */
final class MetricValues {
    private MetricValues() {}

    static String text(Number value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Long.toString(value.longValue());
        }
        double number = value.doubleValue();
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            // Never in a snapshot (missing metrics are absent); written as the formats spell it if it ever is.
            return Double.isNaN(number) ? "NaN" : number > 0 ? "+Inf" : "-Inf";
        }
        return BigDecimal.valueOf(number).toPlainString();
    }
}
