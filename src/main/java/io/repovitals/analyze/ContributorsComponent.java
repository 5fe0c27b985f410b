package io.repovitals.analyze;

import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.HumanFormat;

/**
 * Driven by {@code contributors.active}: people keep a project alive, so more distinct active logins
 * in the week is better. Reference bands: 1 contributor 25, 3 → 50, 10 → 80, 25 or more → 100.
 */
public final class ContributorsComponent extends WeeklyComponent {
    public ContributorsComponent() {
        super("contributors", "contributors", "contributors.active", false,
                ReferenceBands.of(0, 0, 1, 25, 3, 50, 10, 80, 25, 100));
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
