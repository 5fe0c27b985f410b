package io.repovitals.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The metric window {@code [asOf - days, asOf)}, half-open, UTC (metrics.md "Conventions"). */
public record Window(Instant asOf, int days) {
    public Window {
        Objects.requireNonNull(asOf, "asOf");
        if (days < 1) {
            throw new IllegalArgumentException("window days must be at least 1");
        }
    }

    public Instant start() {
        return asOf.minus(Duration.ofDays(days));
    }

    /** True when {@code instant} lies in {@code [start, asOf)}. */
    public boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(start()) && instant.isBefore(asOf);
    }

    /** True when the event at {@code instant} has happened at asOf (stamped at or before it). */
    public boolean happenedBy(Instant instant) {
        return instant != null && !instant.isAfter(asOf);
    }
}
