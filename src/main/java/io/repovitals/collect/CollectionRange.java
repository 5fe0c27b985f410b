package io.repovitals.collect;

import io.repovitals.model.Window;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one fetch of a repository must cover: every window a run computes, from the earliest one's
 * start to the run's asOf. A run has one window for its own day, and one more per past day it rebuilds
 * ({@link #daysToRebuild}): a first run's backfill, or the days skipped since the last stored snapshot.
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

    /**
     * How many past days a run at {@code asOf} rebuilds from its one fetch, as UTC days before asOf's:
     * {@code backfillDays} on a repository's first run (nothing stored), else the days between the last
     * stored day and asOf's day that have no snapshot (a skipped or failed run), at most
     * {@code backfillDays}. A stored day on or after asOf's day leaves nothing to fill.
     *
     * @param lastStoredDay the UTC day of the repository's latest stored snapshot; empty on a first run
     */
    public static int daysToRebuild(Optional<LocalDate> lastStoredDay, Instant asOf, int backfillDays) {
        if (backfillDays <= 0) {
            return 0;
        }
        if (lastStoredDay.isEmpty()) {
            return backfillDays;
        }
        long skipped = ChronoUnit.DAYS.between(lastStoredDay.get(), LocalDate.ofInstant(asOf, ZoneOffset.UTC)) - 1;
        return (int) Math.max(0, Math.min(backfillDays, skipped));
    }
}
