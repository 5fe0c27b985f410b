package io.repovitals.collect;

import java.util.Objects;
import java.util.Optional;

/**
 * What one collector produced: its dataset, or the one-line reason it could not be had (a GraphQL
 * error with partial data, an HTTP failure, an empty repository), which its metrics then carry.
 */
public record Collected<D extends Dataset>(Class<D> type, Optional<D> dataset, Optional<String> absentReason) {
    public Collected {
        Objects.requireNonNull(type, "type");
        if (dataset.isPresent() == absentReason.isPresent()) {
            throw new IllegalArgumentException("either a dataset or the reason it is absent");
        }
        absentReason.ifPresent(reason -> {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("an absent dataset needs a reason");
            }
        });
    }

    public static <D extends Dataset> Collected<D> of(Class<D> type, D dataset) {
        return new Collected<>(type, Optional.of(dataset), Optional.empty());
    }

    public static <D extends Dataset> Collected<D> absent(Class<D> type, String reason) {
        return new Collected<>(type, Optional.empty(), Optional.of(reason));
    }

    /** Puts the dataset, or its absence with the reason, into {@code datasets}. */
    public Datasets addTo(Datasets datasets) {
        if (dataset.isPresent()) {
            return datasets.with(type, dataset.get());
        }
        return datasets.without(type, absentReason.orElseThrow());
    }
}
