package io.repovitals.model;

import java.util.Objects;

/** The result of computing one metric: a value, or the reason it could not be had (never 0 for "unknown"). */
public sealed interface Outcome {
    MetricDef def();

    static Outcome value(MetricDef def, double value) {
        return new Value(def, value);
    }

    static Outcome missing(MetricDef def, String reason) {
        return new Missing(def, reason);
    }

    record Value(MetricDef def, double value) implements Outcome {
        public Value {
            Objects.requireNonNull(def, "def");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(def.name() + " must be finite, was " + value);
            }
        }
    }

    record Missing(MetricDef def, String reason) implements Outcome {
        public Missing {
            Objects.requireNonNull(def, "def");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a missing metric needs a reason: " + def.name());
            }
        }
    }
}
