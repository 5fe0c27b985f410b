package io.repovitals.metrics;

import io.repovitals.collect.Datasets;
import io.repovitals.collect.Traffic;
import io.repovitals.model.MetricDef;
import io.repovitals.model.Outcome;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;

import java.util.List;

/**
 * metrics.md §traffic.*: traffic is kept as daily points (the snapshot's {@code traffic} array, see
 * {@link TrafficRows}), never as entries of {@code metrics}: a family of {@link #dailyPoints()}. These
 * four names appear only in {@code missing}, when GitHub refuses the points (no push access) or has
 * none for the snapshot's day.
 */
public final class TrafficMetrics implements MetricFamily {
    static final String TITLE = "traffic.* — daily points, needing a token with push access";
    static final String ABOUT = "Daily points go in the snapshot's `traffic` array (`day`, `views`, `unique_visitors`,"
            + " `clones`, `unique_cloners`), not in `metrics`: these four names appear only in `missing`, with the"
            + " reason, when there are no points. GitHub keeps only 14 days of traffic: every run stores all the daily"
            + " points it sees whose day began before asOf, so the history outlives GitHub's retention. Traffic needs a"
            + " token with push access (a fine-grained token with Administration: read, or a classic token with"
            + " `repo`); with the workflow's own token these are `missing` with that reason, never an error.";
    private static final String REFUSED = "GitHub refuses the traffic (no push access), or returns no point whose"
            + " day began before asOf (a backfilled day older than GitHub's 14 days)";

    public static final MetricDef VIEWS = MetricDef.count("traffic.views", "page views per day")
            .withDefinition("page views of the repository on that UTC day (`views[].count` of GitHub's traffic API)")
            .withMissingWhen(REFUSED)
            .withBetter(MetricDef.Better.HIGHER);
    public static final MetricDef UNIQUE_VISITORS = MetricDef.count("traffic.unique_visitors", "unique visitors per day")
            .withDefinition("distinct visitors on that UTC day (`views[].uniques`)")
            .withMissingWhen(REFUSED)
            .withBetter(MetricDef.Better.HIGHER);
    public static final MetricDef CLONES = MetricDef.count("traffic.clones", "clones per day")
            .withDefinition("clones of the repository on that UTC day (`clones[].count`); a day GitHub leaves out of"
                    + " one list (it omits days without clones) counts 0 there")
            .withMissingWhen(REFUSED)
            .withBetter(MetricDef.Better.HIGHER);
    public static final MetricDef UNIQUE_CLONERS = MetricDef.count("traffic.unique_cloners", "unique cloners per day")
            .withDefinition("distinct cloners on that UTC day (`clones[].uniques`)")
            .withMissingWhen(REFUSED)
            .withBetter(MetricDef.Better.HIGHER);

    public static final List<MetricDef> DEFS = List.of(VIEWS, UNIQUE_VISITORS, CLONES, UNIQUE_CLONERS);

    @Override
    public List<MetricDef> defs() {
        return DEFS;
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public String about() {
        return ABOUT;
    }

    @Override
    public boolean dailyPoints() {
        return true;
    }

    @Override
    public List<Outcome> compute(Datasets data, Window window, List<Snapshot> earlier) {
        return missing(data, window);
    }

    /**
     * The {@code missing} entries for traffic: all four with the reason when GitHub refused the points
     * (e.g. "needs a token with push access (HTTP 403)"), or when none of them lies before asOf (a
     * backfilled day older than GitHub's 14 days); none otherwise.
     */
    public static List<Outcome> missing(Datasets data, Window window) {
        TrafficMetrics family = new TrafficMetrics();
        return family.from(data, Traffic.class, window, traffic -> TrafficRows.of(traffic, window).isEmpty()
                ? family.allMissing("GitHub keeps traffic for 14 days only; none before " + window.asOf())
                : List.of());
    }
}
