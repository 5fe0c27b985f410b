package io.repovitals.analyze;

import io.repovitals.model.Snapshot;

import java.util.List;

/** One part of the health score (metrics.md "Analysis outputs"). A new component is one class and one line in {@link HealthScore#COMPONENTS}. */
public interface HealthComponent {
    /** The name in metrics.md and analysis.json, e.g. {@code review_velocity}. */
    String name();

    /** The metric of metrics.md that drives it. */
    String metric();

    /** Scores the latest week of a history sorted by asOf; never throws for a short or empty history. */
    ComponentScore score(List<Snapshot> history, double weight);
}
