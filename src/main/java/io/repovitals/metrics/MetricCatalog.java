package io.repovitals.metrics;

import io.repovitals.model.MetricDef;

import java.util.List;
import java.util.Optional;

/** Every metric this program computes, by family; each name is defined in metrics.md. */
public final class MetricCatalog {
    private static final List<MetricDef> ALL = List.copyOf(RepoMetrics.DEFS);

    private MetricCatalog() {}

    public static List<MetricDef> all() {
        return ALL;
    }

    public static Optional<MetricDef> byName(String name) {
        return ALL.stream().filter(def -> def.name().equals(name)).findFirst();
    }
}
