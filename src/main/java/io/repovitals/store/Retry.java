package io.repovitals.store;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a push is retried after another run pushed first: exponential
 * backoff with jitter, so that runs started by the same schedule (matrix shards) spread out instead
 * of colliding again in lockstep.
 *
 * @param attempts   pushes tried in all, at least 1
 * @param firstDelay the wait before the second attempt; it doubles up to {@code maxDelay}
 * @param sleeper    how to wait; tests pass one that does not really sleep
 */
public record Retry(int attempts, Duration firstDelay, Duration maxDelay, Sleeper sleeper) {

    /** Waits; a seam so that tests run fast. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public Retry {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** 10 attempts, 0.5 s doubling to 8 s: under a minute in the worst case, enough for a few dozen shards. */
    public static Retry defaults() {
        return new Retry(10, Duration.ofMillis(500), Duration.ofSeconds(8), duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based): half the backoff plus a random part of
     * the other half ("equal jitter"), so that waits grow but never fall to zero.
     */
    Duration delayAfter(int attempt) {
        long first = firstDelay.toMillis();
        long backoff = Math.min(maxDelay.toMillis(), first << Math.min(attempt - 1, 20));
        long half = backoff / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1)));
    }
}
