package io.repovitals.github;

import java.time.Duration;

/** How the client waits between attempts; injectable so that tests of retries and rate limits run instantly. */
@FunctionalInterface
public interface Pause {
    Pause SLEEP = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

    void sleep(Duration duration) throws InterruptedException;
}
