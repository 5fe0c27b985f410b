package io.repovitals.metrics;

import io.repovitals.collect.Datasets;
import io.repovitals.model.MetricDef;
import io.repovitals.model.Outcome;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;

import java.util.List;

/**
 * One family of metrics.md (repo.*, prs.*, ...): its definitions and a pure computation over the
 * fetched datasets for one window. No I/O, no clock: the same datasets give one result per window,
 * which is how a backfill computes many days from one fetch.
 */
public interface MetricFamily {
    List<MetricDef> defs();

    /**
     * @param data    what was fetched; a family whose dataset is absent reports every metric missing with the reason
     * @param window  the window to compute
     * @param earlier the repository's stored snapshots before {@code window.asOf()}, oldest first (may be empty)
     */
    List<Outcome> compute(Datasets data, Window window, List<Snapshot> earlier);

    /** Every metric of the family missing for one reason (its dataset could not be fetched). */
    default List<Outcome> allMissing(String reason) {
        return defs().stream().map(def -> Outcome.missing(def, reason)).toList();
    }
}
