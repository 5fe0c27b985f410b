package io.repovitals.analyze;

import io.repovitals.metrics.MetricCatalog;

/**
 * Driven by {@code prs.time_to_first_review_hours.p50}, lower is better: the wait for a first
 * review is what contributors feel most, and the median ignores the odd forgotten PR (that is p90's job).
 * Reference bands: within 2 h 95, a day 70, three days 40, a week 10, two weeks or more 0.
 */
public final class ReviewVelocityComponent extends WeeklyComponent {
    public ReviewVelocityComponent() {
        super("review_velocity", "review velocity", "prs.time_to_first_review_hours.p50", true,
                ReferenceBands.of(0, 100, 2, 95, 24, 70, 72, 40, 168, 10, 336, 0));
    }

    @Override
    String describe(double value) {
        return MetricCatalog.label(metric()) + " " + MetricCatalog.prose(metric(), value);
    }

    @Override
    String better() {
        return "faster";
    }
}
