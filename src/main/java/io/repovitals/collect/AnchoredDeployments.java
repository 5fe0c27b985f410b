package io.repovitals.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The deployments a collector reads, newest created first, for {@code [since, asOf]} plus the anchor: the
 * last successful deployment timed before {@code since}. dora.lead_time_hours.p50 needs it, as a PR merged
 * after it and before the window is first deployed inside the window. Tells the collector how far back to
 * page: {@code lookback} before {@code since} while no success lies in range (no lead time to compute: the
 * collectors' one assumption is that a deployment is decided within {@code lookback} of its creation, so an
 * older one cannot be decided in range); once one does, {@code lookback} before the anchor when it is known
 * (an older deployment was decided before it), else {@code horizon} before {@code since}.
 */
final class AnchoredDeployments {
    private final Instant since;
    private final Instant asOf;
    private final Duration lookback;
    private final Duration horizon;
    private final List<Deployments.Deployment> decided = new ArrayList<>();
    private Instant anchor;
    private boolean deployedInRange;

    AnchoredDeployments(Instant since, Instant asOf, Duration lookback, Duration horizon) {
        this.since = since;
        this.asOf = asOf;
        this.lookback = lookback;
        this.horizon = horizon;
    }

    Instant since() {
        return since;
    }

    /** A deployment decided at {@code at} (ignored when after asOf). */
    void add(Instant at, boolean failedByStatus) {
        if (at == null || at.isAfter(asOf)) {
            return;
        }
        decided.add(new Deployments.Deployment(at, failedByStatus));
        if (failedByStatus) {
            return;
        }
        if (!at.isBefore(since)) {
            deployedInRange = true;
        } else if (anchor == null || at.isAfter(anchor)) {
            anchor = at;
        }
    }

    /** Items created before this instant cannot change the result. */
    Instant oldestCreated() {
        if (!deployedInRange) {
            return since.minus(lookback);
        }
        return anchor != null ? anchor.minus(lookback) : since.minus(horizon);
    }

    /** True when a success lies in {@code [since, asOf]} and no success before {@code since} has been seen. */
    boolean anchorWanted() {
        return anchor == null && deployedInRange;
    }

    Deployments result(String source) {
        // Without a success in range the paging stopped at since - lookback: what lies before since is not complete.
        Instant coveredFrom = anchor != null && deployedInRange ? anchor : since;
        return new Deployments(source, coveredFrom, decided.stream().filter(d -> !d.at().isBefore(coveredFrom)).toList());
    }
}
