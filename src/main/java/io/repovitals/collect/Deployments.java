package io.repovitals.collect;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * metrics.md §dora.*: deployments from the configured {@code dora-source}, normalised. For source
 * {@code deployments} the items are production deployments whose latest status is success,
 * failure or error, timed at that status; for {@code releases} and {@code workflow:<file>} the
 * successful deployments. Sorted by time, oldest first.
 *
 * @param source the dora-source they came from, e.g. {@code deployments}
 */
public record Deployments(String source, List<Deployment> items) implements Dataset {
    public Deployments {
        Objects.requireNonNull(source, "source");
        items = items.stream().sorted(Comparator.comparing(Deployment::at)).toList();
    }

    /** @param failedByStatus true when the deciding status was failure or error (never for other sources) */
    public record Deployment(Instant at, boolean failedByStatus) {
        public Deployment {
            Objects.requireNonNull(at, "at");
        }
    }
}
