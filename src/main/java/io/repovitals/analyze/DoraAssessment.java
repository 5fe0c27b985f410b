package io.repovitals.analyze;

import java.util.List;
import java.util.Objects;

/**
 * The DORA bands of a repository at its latest snapshot, with the source of the boundaries for
 * the report's label. A key whose metric is missing has no rating (it is never guessed).
 */
public record DoraAssessment(List<Rating> ratings, String source) {

    /** @param explanation "lead time 30.0 h: high (elite below 24.0 h)" */
    public record Rating(DoraKey key, double value, DoraBand band, String explanation) {
        public Rating {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(band, "band");
            Objects.requireNonNull(explanation, "explanation");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(key + ": value must be finite");
            }
        }
    }

    public DoraAssessment {
        ratings = List.copyOf(ratings);
        Objects.requireNonNull(source, "source");
    }
}
