package io.repovitals.model;

import java.time.Duration;

/**
 * Elapsed time, for durations only (never a date): Main gives the one real source, the JVM's
 * monotonic {@code System.nanoTime}, and everything that times something gets it injected, so tests
 * pass a fixed one. Dates come from the injected {@link java.time.Clock}.
 */
@FunctionalInterface
public interface Ticker {
    long nanos();

    default long millis() {
        return nanos() / 1_000_000;
    }

    /** The time elapsed since {@code startNanos}, an earlier reading of {@link #nanos()}. */
    default Duration since(long startNanos) {
        return Duration.ofNanos(nanos() - startNanos);
    }
}
