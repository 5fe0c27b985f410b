package io.repovitals.analyze;

import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.MetricDef;

/**
 * The one place the forecasts' and anomalies' sentences get a metric's words from: the catalog's label
 * (derived keys such as {@code .p90} included), else the metric's name.
 */
final class Labels {
    private Labels() {}

    static String of(String metric) {
        return MetricCatalog.label(metric);
    }

    /** The catalog's unit, or null for a metric the catalog does not define. */
    static MetricDef.Unit unit(String metric) {
        return MetricCatalog.byName(metric).map(MetricDef::unit).orElse(null);
    }
}
