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
 * @param source      the dora-source they came from, e.g. {@code deployments}
 * @param coveredFrom every deployment timed at or after this instant (up to the collection's asOf) is in
 *                    {@code items}. The collectors set it to the last successful deployment before the
 *                    collected range's start (which is then the first item), so the first deployment at or
 *                    after any later merge is known (dora.lead_time_hours.p50 near the window start); to the
 *                    range's start when none was found
 */
public record Deployments(String source, Instant coveredFrom, List<Deployment> items) implements Dataset {
    public Deployments {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(coveredFrom, "coveredFrom");
        items = items.stream().sorted(Comparator.comparing(Deployment::at)).toList();
        if (items.stream().anyMatch(item -> item.at().isBefore(coveredFrom))) {
            throw new IllegalArgumentException("a deployment is older than the coverage start " + coveredFrom);
        }
    }

    /** Every deployment there ever was (hand-built lists): covered from {@link Instant#MIN}. */
    public Deployments(String source, List<Deployment> items) {
        this(source, Instant.MIN, items);
    }

    /** The successful ones (not failed by their status), oldest first. */
    public List<Deployment> successes() {
        return items.stream().filter(deployment -> !deployment.failedByStatus()).toList();
    }

    /**
     * From when merged pull requests are needed for dora.lead_time_hours.p50 of every window inside
     * {@code [since, asOf]}: a PR merged at or before the last successful deployment before {@code since}
     * was first deployed by it, before any such window. That deployment's time when it is known and a
     * success lies in the range (else no lead time can be had, whatever was merged), otherwise {@code since}.
     */
    public Instant mergedPullRequestsNeededSince(Instant since, Instant asOf) {
        List<Deployment> successes = successes();
        boolean deployedInRange = successes.stream().anyMatch(d -> !d.at().isBefore(since) && !d.at().isAfter(asOf));
        return successes.stream().map(Deployment::at).filter(at -> at.isBefore(since)).reduce((a, b) -> b)
                .filter(anchor -> deployedInRange).orElse(since);
    }

    /** @param failedByStatus true when the deciding status was failure or error (never for other sources) */
    public record Deployment(Instant at, boolean failedByStatus) {
        public Deployment {
            Objects.requireNonNull(at, "at");
        }
    }
}
