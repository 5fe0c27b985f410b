package io.repovitals;

import io.repovitals.github.Pause;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when the code under test pauses, and remembers every pause. */
public final class FakeTime extends Clock implements Pause {
    private Instant now;
    private final List<Duration> pauses = new ArrayList<>();

    public FakeTime(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        pauses.add(duration);
        now = now.plus(duration);
    }

    public synchronized List<Duration> pauses() {
        return List.copyOf(pauses);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
