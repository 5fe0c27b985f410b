package io.repovitals.github;

import com.fasterxml.jackson.databind.JsonNode;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnectorResponse;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GitHub's rate limits as this run last saw them, and what to do about them (issue "Rate limits and
 * faults"). Every response's {@code X-RateLimit-Remaining/Reset} and every GraphQL {@code rateLimit}
 * is noted per resource ({@code core}, {@code graphql}); before a request to a resource known to be
 * used up, the client waits for the reset when it is within {@link FaultPolicy#maxResetWait()},
 * else fails with {@link GitHubException.Kind#RATE_LIMITED} so the rest of the run is partial.
 * Secondary limits (403/429 with {@code Retry-After} or the secondary-limit message) are waited out
 * a bounded number of times with backoff and jitter. For github-api this is plugged in as its own
 * {@link GitHubRateLimitHandler} and {@link GitHubAbuseLimitHandler}.
 */
final class RateLimits {
    static final String CORE = "core";
    static final String GRAPHQL = "graphql";

    private final FaultPolicy policy;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    private final AtomicInteger consecutiveLimits = new AtomicInteger();

    RateLimits(FaultPolicy policy) {
        this.policy = policy;
    }

    private record Reading(long remaining, Instant reset) {}

    /** Notes the rate-limit headers of any response. */
    void observe(String resource, HttpHeaders headers) {
        Optional<Long> remaining = headers.firstValue("X-RateLimit-Remaining").flatMap(RateLimits::parseLong);
        Optional<Long> reset = headers.firstValue("X-RateLimit-Reset").flatMap(RateLimits::parseLong);
        String bucket = headers.firstValue("X-RateLimit-Resource").orElse(resource);
        if (remaining.isPresent() && reset.isPresent()) {
            readings.put(bucket, new Reading(remaining.get(), Instant.ofEpochSecond(reset.get())));
        }
    }

    /** Notes a GraphQL {@code rateLimit { remaining resetAt }} selection, when the query asked for it. */
    void observeGraphQl(JsonNode rateLimit) {
        if (rateLimit.hasNonNull("remaining") && rateLimit.hasNonNull("resetAt")) {
            try {
                readings.put(GRAPHQL, new Reading(rateLimit.path("remaining").asLong(),
                        Instant.parse(rateLimit.path("resetAt").asText())));
            } catch (DateTimeParseException e) {
                // an odd resetAt only loses the early warning; the response headers still count
            }
        }
    }

    /** Before a request: waits for a near reset of a used-up resource, or fails. */
    void beforeRequest(String resource) {
        Reading reading = readings.get(resource);
        if (reading != null && reading.remaining() <= 0 && reading.reset().isAfter(policy.clock().instant())) {
            awaitReset(resource, reading.reset());
        }
    }

    /** A response that is not a rate-limit refusal ends a run of consecutive limits. */
    void succeeded() {
        consecutiveLimits.set(0);
    }

    /**
     * A 403/429 or a GraphQL RATE_LIMITED answer: waits as GitHub asks and returns true (retry the
     * request), returns false when the answer is no rate limit at all, or throws when waiting is not allowed.
     */
    boolean onRefusal(String resource, int status, HttpHeaders headers, String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        boolean primary = headers.firstValue("X-RateLimit-Remaining").filter("0"::equals).isPresent()
                || lower.contains("api rate limit exceeded");
        Optional<Duration> retryAfter = retryAfter(headers.firstValue("Retry-After").orElse(null),
                headers.firstValue("Date").orElse(null));
        boolean secondary = status == 429 || retryAfter.isPresent() || lower.contains("secondary rate limit")
                || headers.firstValue("gh-limited-by").isPresent();
        if (primary) {
            onPrimary(resource, headers.firstValue("X-RateLimit-Reset").flatMap(RateLimits::parseLong));
            return true;
        }
        if (secondary) {
            onSecondary(retryAfter);
            return true;
        }
        return false;
    }

    void onPrimary(String resource, Optional<Long> resetEpochSeconds) {
        countLimit("primary rate limit");
        Instant reset = resetEpochSeconds.map(Instant::ofEpochSecond)
                .orElseGet(() -> Optional.ofNullable(readings.get(resource)).map(Reading::reset)
                        .orElse(policy.clock().instant().plus(Duration.ofHours(1))));
        awaitReset(resource, reset);
    }

    void onSecondary(Optional<Duration> retryAfter) {
        int count = countLimit("secondary rate limit");
        // GitHub: honour Retry-After; without one, wait at least a minute; grow with each repeat.
        Duration asked = retryAfter.orElse(Duration.ofMinutes(1));
        Duration backoff = policy.backoff(count);
        Duration wait = asked.compareTo(backoff) >= 0 ? asked.plus(jitter()) : backoff;
        if (wait.compareTo(policy.maxResetWait()) > 0) {
            throw new GitHubException(GitHubException.Kind.RATE_LIMITED, 403,
                    "GitHub's secondary rate limit asks for a wait of " + seconds(wait)
                            + ", longer than the allowed " + seconds(policy.maxResetWait()));
        }
        policy.sleep(wait);
    }

    private int countLimit(String what) {
        int count = consecutiveLimits.incrementAndGet();
        if (count > policy.maxLimitRetries()) {
            consecutiveLimits.set(0);
            throw new GitHubException(GitHubException.Kind.RATE_LIMITED, 403,
                    "GitHub's " + what + " persisted after " + policy.maxLimitRetries() + " waits");
        }
        return count;
    }

    private void awaitReset(String resource, Instant reset) {
        Instant now = policy.clock().instant();
        Duration wait = Duration.between(now, reset).plusSeconds(1);
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        if (wait.compareTo(policy.maxResetWait()) > 0) {
            throw new GitHubException(GitHubException.Kind.RATE_LIMITED, 403,
                    "GitHub's " + resource + " rate limit is used up until " + reset + ", later than the allowed wait of "
                            + seconds(policy.maxResetWait()));
        }
        policy.sleep(wait);
        readings.remove(resource);
    }

    private Duration jitter() {
        return Duration.ofMillis((long) (policy.baseBackoff().toMillis() * policy.jitter().getAsDouble()));
    }

    /** Retry-After in seconds or as an HTTP date. */
    Optional<Duration> retryAfter(String value, String date) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<Long> seconds = parseLong(value.trim());
        if (seconds.isPresent()) {
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds.get())));
        }
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Instant now = date == null ? policy.clock().instant()
                    : ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** github-api's hook for a 403 with {@code X-RateLimit-Remaining: 0}: wait for a near reset or fail. */
    GitHubRateLimitHandler restRateLimitHandler() {
        return new GitHubRateLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) {
                onPrimary(CORE, Optional.ofNullable(response.header("X-RateLimit-Reset")).flatMap(RateLimits::parseLong));
            }
        };
    }

    /** github-api's hook for 429, or 403 with Retry-After / gh-limited-by: a secondary limit (or a primary one on 429). */
    GitHubAbuseLimitHandler restAbuseLimitHandler() {
        return new GitHubAbuseLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) {
                if ("0".equals(response.header("X-RateLimit-Remaining"))) {
                    onPrimary(CORE, Optional.ofNullable(response.header("X-RateLimit-Reset")).flatMap(RateLimits::parseLong));
                } else {
                    onSecondary(retryAfter(response.header("Retry-After"), response.header("Date")));
                }
            }
        };
    }
}
