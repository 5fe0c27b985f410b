package io.repovitals.collect;

import io.repovitals.model.Window;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one fetch of a repository must cover: every window a run computes, from the earliest one's
 * start to the run's asOf. A weekly run has one window; a first run's backfill adds a window a day.
 *
 * @param since           the start of the earliest window
 * @param firstWindowAsOf the asOf of the earliest window ({@code asOf} itself without a backfill): its
 *                        bus factor needs the 90 days before it
 * @param asOf            the run's asOf, the end of the latest window
 */
public record CollectionRange(Instant since, Instant firstWindowAsOf, Instant asOf) {
    public CollectionRange {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(firstWindowAsOf, "firstWindowAsOf");
        Objects.requireNonNull(asOf, "asOf");
        if (since.isAfter(firstWindowAsOf) || firstWindowAsOf.isAfter(asOf)) {
            throw new IllegalArgumentException("a range runs since <= firstWindowAsOf <= asOf, got " + since + ", "
                    + firstWindowAsOf + ", " + asOf);
        }
    }

    /** The range of a run's windows, oldest first (see DaySnapshots.windows). */
    public static CollectionRange of(List<Window> windows) {
        return new CollectionRange(windows.get(0).start(), windows.get(0).asOf(), windows.get(windows.size() - 1).asOf());
    }

    /** One window: a run without backfill. */
    public static CollectionRange of(Window window) {
        return new CollectionRange(window.start(), window.asOf(), window.asOf());
    }
}
