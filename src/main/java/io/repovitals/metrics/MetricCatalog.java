package io.repovitals.metrics;

import io.repovitals.model.MetricDef;

import java.util.List;
import java.util.Optional;

/**
 * Every metric family, in report order: the one registry that snapshots, reports and exports
 * iterate. A new family is one line here; each name is defined in metrics.md (MetricCatalogTest).
 */
public final class MetricCatalog {
    private static final List<MetricFamily> FAMILIES = List.of(new RepoMetrics(), new CommitMetrics(),
            new PrMetrics(), new IssueMetrics(), new CiMetrics(), new ContributorMetrics(), new DoraMetrics());
    private static final List<MetricDef> ALL = FAMILIES.stream().flatMap(family -> family.defs().stream()).toList();

    private MetricCatalog() {}

    public static List<MetricFamily> families() {
        return FAMILIES;
    }

    public static List<MetricDef> all() {
        return ALL;
    }

    public static Optional<MetricDef> byName(String name) {
        return ALL.stream().filter(def -> def.name().equals(name)).findFirst();
    }
}
