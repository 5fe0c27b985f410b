package io.repovitals.analyze;

import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.MetricDef;

/**
 * The one place the forecasts' and anomalies' sentences get a metric's words from: the plain-words
 * label where MetricFormat has one, else the catalog's summary, else the metric's name.
 */
final class Labels {
    private Labels() {}

    static String of(String metric) {
        String label = MetricFormat.label(metric);
        if (!label.equals(metric)) {
            return label;
        }
        return MetricCatalog.byName(metric).map(MetricDef::summary).orElse(metric);
    }

    /** The catalog's unit, or null for a metric the catalog does not define. */
    static MetricDef.Unit unit(String metric) {
        return MetricCatalog.byName(metric).map(MetricDef::unit).orElse(null);
    }
}
