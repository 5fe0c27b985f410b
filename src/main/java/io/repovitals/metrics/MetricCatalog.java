package io.repovitals.metrics;

import io.repovitals.model.MetricDef;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every metric family, in report order: the one registry that snapshots, reports, exports and
 * docs/metrics.md iterate, and the one place to look a metric's definition up by name (its label,
 * unit and format). A new family is one line in {@link #families(Set, int, List)}.
 */
public final class MetricCatalog {
    private static final List<MetricFamily> DEFAULTS = families(Set.of(), IssueMetrics.DEFAULT_STALE_DAYS,
            DoraMetrics.DEFAULT_INCIDENT_LABELS);
    private static final List<MetricDef> DEFS = DEFAULTS.stream().flatMap(family -> family.defs().stream()).toList();
    private static final List<MetricDef> MEASURED = DEFAULTS.stream().filter(family -> !family.dailyPoints())
            .flatMap(family -> family.defs().stream()).toList();

    private MetricCatalog() {}

    /** The families with the default settings (no ignored users, stale after 30 days, label "incident"). */
    public static List<MetricFamily> families() {
        return DEFAULTS;
    }

    /** The families with the run's settings, in report order; traffic, a family of daily points, last. */
    public static List<MetricFamily> families(Set<String> ignoreUsers, int staleDays, List<String> incidentLabels) {
        return List.of(new RepoMetrics(), new CommitMetrics(ignoreUsers), new PrMetrics(ignoreUsers),
                new IssueMetrics(ignoreUsers, staleDays), new CiMetrics(), new ContributorMetrics(ignoreUsers),
                new DoraMetrics(incidentLabels), new TrafficMetrics());
    }

    /**
     * The metrics every snapshot names, each in {@code metrics} or in {@code missing}: the defs of every
     * family but those of daily points (traffic), whose names appear only in {@code missing}.
     */
    public static List<MetricDef> all() {
        return MEASURED;
    }

    /** Every definition of every family, traffic's included: what docs/metrics.md documents. */
    public static List<MetricDef> defs() {
        return DEFS;
    }

    public static Optional<MetricDef> byName(String name) {
        return DEFS.stream().filter(def -> def.name().equals(name)).findFirst();
    }
}
