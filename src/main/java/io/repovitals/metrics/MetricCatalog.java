package io.repovitals.metrics;

import io.repovitals.model.MetricDef;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every metric family, in report order: the one registry that snapshots, reports and exports
 * iterate. A new family is one line here, and a section of CatalogDocument, which writes
 * docs/metrics.md from the families' definitions (MetricCatalogTest fails when that file is stale).
 */
public final class MetricCatalog {
    private static final List<MetricFamily> FAMILIES = List.of(new RepoMetrics(), new CommitMetrics(),
            new PrMetrics(), new IssueMetrics(), new CiMetrics(), new ContributorMetrics(), new DoraMetrics());
    private static final List<MetricDef> ALL = FAMILIES.stream().flatMap(family -> family.defs().stream()).toList();

    /**
     * Metrics computed from another one measure the same quantity (a report names it once): each key is
     * derived from its value, e.g. {@code repo.stars_gained} from {@code repo.stars}.
     */
    private static final Map<String, String> DERIVED_FROM = Map.of(
            RepoMetrics.STARS_GAINED.name(), RepoMetrics.STARS.name(),
            RepoMetrics.FORKS_GAINED.name(), RepoMetrics.FORKS.name(),
            DoraMetrics.FREQUENCY.name(), DoraMetrics.DEPLOYMENTS.name());

    private MetricCatalog() {}

    /** The quantity a metric measures, named by its source metric: {@code repo.stars} for {@code repo.stars_gained}. */
    public static String quantity(String metric) {
        return DERIVED_FROM.getOrDefault(metric, metric);
    }

    /** The families with the default settings (no ignored users, stale after 30 days, label "incident"). */
    public static List<MetricFamily> families() {
        return FAMILIES;
    }

    /** The families with the run's settings; same order and names as {@link #families()}. */
    public static List<MetricFamily> families(Set<String> ignoreUsers, int staleDays, List<String> incidentLabels) {
        return List.of(new RepoMetrics(), new CommitMetrics(ignoreUsers), new PrMetrics(ignoreUsers),
                new IssueMetrics(ignoreUsers, staleDays), new CiMetrics(), new ContributorMetrics(ignoreUsers),
                new DoraMetrics(incidentLabels));
    }

    public static List<MetricDef> all() {
        return ALL;
    }

    public static Optional<MetricDef> byName(String name) {
        return ALL.stream().filter(def -> def.name().equals(name)).findFirst();
    }
}
