package io.repovitals.analyze;

import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.HumanFormat;

/**
 * Driven by {@code issues.stale} (open issues without activity for stale-days), lower is better:
 * a backlog that nobody touches is what makes an issue tracker look abandoned.
 * Reference bands: none 100, 5 → 80, 20 → 50, 50 → 20, 100 or more 0.
 */
public final class IssueFreshnessComponent extends WeeklyComponent {
    public IssueFreshnessComponent() {
        super("issue_freshness", "issue freshness", "issues.stale", true,
                ReferenceBands.of(0, 100, 5, 80, 20, 50, 50, 20, 100, 0));
    }

    @Override
    String describe(double value) {
        return HumanFormat.plain(value) + " " + MetricCatalog.label(metric());
    }

    @Override
    String better() {
        return "fewer";
    }
}
