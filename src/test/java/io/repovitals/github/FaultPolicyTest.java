package io.repovitals.github;

import io.repovitals.FakeTime;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FaultPolicyTest {
    private final FakeTime time = new FakeTime(Instant.parse("2026-11-20T00:00:00Z"));

    private FaultPolicy policy(double jitter) {
        return new FaultPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), 2, Duration.ofMinutes(5), 5,
                time, time, () -> jitter);
    }

    @Test
    void should_double_the_backoff_up_to_its_cap_and_add_up_to_half_of_it_as_jitter() {
        assertThat(policy(0).backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy(0).backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy(0).backoff(10)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy(0.5).backoff(2)).isEqualTo(Duration.ofMillis(2500));
        assertThat(policy(0.999).backoff(64)).isLessThan(Duration.ofSeconds(45));
    }

    @Test
    void should_read_retry_after_in_seconds_or_as_an_http_date() {
        RateLimits limits = new RateLimits(policy(0));

        assertThat(limits.retryAfter("8", null)).contains(Duration.ofSeconds(8));
        // The form of AbuseLimitHandlerTest's ..._Too_Many_Requests_Date_Retry_After fixture (per the samples README).
        assertThat(limits.retryAfter("Fri, 20 Nov 2026 00:00:42 GMT", "Fri, 20 Nov 2026 00:00:00 GMT"))
                .contains(Duration.ofSeconds(42));
        assertThat(limits.retryAfter("soon", null)).isEmpty();
    }

    @Test
    void should_wait_a_minute_on_a_secondary_limit_without_retry_after() {
        RateLimits limits = new RateLimits(policy(0));

        limits.onSecondary(java.util.Optional.empty());

        assertThat(time.pauses()).containsExactly(Duration.ofMinutes(1));
    }
}
