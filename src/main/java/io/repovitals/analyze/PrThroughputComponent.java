package io.repovitals.analyze;

import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.HumanFormat;

/**
 * Driven by {@code prs.merged}: merged pull requests are delivered work, where opened ones are only
 * intentions. Reference bands: 1 merged a week 30, 5 → 60, 20 → 90, 50 or more → 100.
 */
public final class PrThroughputComponent extends WeeklyComponent {
    public PrThroughputComponent() {
        super("pr_throughput", "PR throughput", "prs.merged", false,
                ReferenceBands.of(0, 0, 1, 30, 5, 60, 20, 90, 50, 100));
    }

    @Override
    String describe(double value) {
        return HumanFormat.plain(value) + " " + MetricCatalog.label(metric()) + " this week";
    }

    @Override
    String better() {
        return "more";
    }
}
