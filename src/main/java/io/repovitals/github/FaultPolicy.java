package io.repovitals.github;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How hard the client tries before a fault becomes a {@link GitHubException}: bounded retries with
 * exponential backoff and jitter for 5xx answers, dropped connections, secondary rate limits and
 * {@code 202 Accepted} from statistics endpoints; and how long it may wait for a primary rate limit
 * to reset ({@code maxResetWait}) before it gives up and the snapshot becomes partial.
 *
 * @param maxAttempts   attempts per request for 5xx and dropped connections (first try included)
 * @param baseBackoff   the first backoff; attempt n waits {@code baseBackoff * 2^(n-1)}, capped, plus up to 50 % jitter
 * @param maxBackoff    cap of one backoff
 * @param maxLimitRetries retries of one request after secondary (or primary, when waited for) rate limits
 * @param maxResetWait  longest wait for a rate limit (primary reset or Retry-After); longer ones fail at once
 * @param acceptedPolls attempts of a statistics request that GitHub answers {@code 202 Accepted}
 * @param pause         how to wait
 * @param clock         to compare rate-limit resets with
 * @param jitter        a source of numbers in [0, 1)
 */
public record FaultPolicy(int maxAttempts, Duration baseBackoff, Duration maxBackoff, int maxLimitRetries,
                          Duration maxResetWait, int acceptedPolls, Pause pause, Clock clock, DoubleSupplier jitter) {
    public static final Duration DEFAULT_MAX_RESET_WAIT = Duration.ofMinutes(5);

    public FaultPolicy {
        if (maxAttempts < 1 || acceptedPolls < 1 || maxLimitRetries < 0) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        Objects.requireNonNull(baseBackoff, "baseBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxResetWait, "maxResetWait");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(jitter, "jitter");
    }

    /**
     * 4 attempts from 1 s, waits for a rate limit up to {@code maxResetWait}, 5 polls of a statistics endpoint.
     * @param clock the program's clock, to compare rate-limit resets with
     */
    public static FaultPolicy defaults(Duration maxResetWait, Clock clock) {
        return new FaultPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), 2, maxResetWait, 5,
                Pause.SLEEP, clock, Math::random);
    }

    public FaultPolicy withPause(Pause pause, Clock clock) {
        return new FaultPolicy(maxAttempts, baseBackoff, maxBackoff, maxLimitRetries, maxResetWait, acceptedPolls,
                pause, clock, jitter);
    }

    /** The wait before retry number {@code retry} (1 = first retry): exponential, capped, plus jitter. */
    public Duration backoff(int retry) {
        long base = baseBackoff.toMillis() << Math.min(Math.max(retry - 1, 0), 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        return Duration.ofMillis(capped + (long) (capped * 0.5 * jitter.getAsDouble()));
    }

    void sleep(Duration duration) {
        try {
            pause.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubException(GitHubException.Kind.UNREACHABLE, 0, "interrupted while waiting to retry", e);
        }
    }
}
