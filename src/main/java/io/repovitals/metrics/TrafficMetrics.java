package io.repovitals.metrics;

import io.repovitals.collect.Datasets;
import io.repovitals.collect.Traffic;
import io.repovitals.model.MetricDef;
import io.repovitals.model.Outcome;
import io.repovitals.model.Window;

import java.util.List;

/**
 * metrics.md §traffic.*: traffic is kept as daily points (the snapshot's {@code traffic} array, see
 * {@link TrafficRows}), never as entries of {@code metrics}. These four names appear only in
 * {@code missing}, when GitHub refuses the points (no push access) or has none for the snapshot's
 * day; they are not metric rows of the catalog, so they stay out of {@link MetricCatalog}.
 */
public final class TrafficMetrics {
    public static final MetricDef VIEWS = MetricDef.count("traffic.views", "page views per day");
    public static final MetricDef UNIQUE_VISITORS = MetricDef.count("traffic.unique_visitors", "unique visitors per day");
    public static final MetricDef CLONES = MetricDef.count("traffic.clones", "clones per day");
    public static final MetricDef UNIQUE_CLONERS = MetricDef.count("traffic.unique_cloners", "unique cloners per day");

    public static final List<MetricDef> DEFS = List.of(VIEWS, UNIQUE_VISITORS, CLONES, UNIQUE_CLONERS);

    private TrafficMetrics() {}

    /**
     * The {@code missing} entries for traffic: all four with the reason when GitHub refused the points
     * (e.g. "needs a token with push access (HTTP 403)"), or when none of them lies before asOf (a
     * backfilled day older than GitHub's 14 days); none otherwise.
     */
    public static List<Outcome> missing(Datasets data, Window window) {
        if (data.get(Traffic.class).isEmpty()) {
            String reason = data.absentReason(Traffic.class);
            return DEFS.stream().map(def -> Outcome.missing(def, reason)).toList();
        }
        if (TrafficRows.of(data, window).isEmpty()) {
            return DEFS.stream().map(def -> Outcome.missing(def,
                    "GitHub keeps traffic for 14 days only; none before " + window.asOf())).toList();
        }
        return List.of();
    }
}
