package io.repovitals.collect;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * When a quiet repository's traffic is fetched (issue 16): the one place of the rule. Traffic costs 2 REST
 * requests that no batch can answer, and GitHub keeps 14 days of it, each fetch returning the last 14 daily
 * points, which the snapshot stores. So a quiet repository needs it about once a week, and no day is lost:
 * <ul>
 *   <li>its stored history fetched traffic {@link #INTERVAL_DAYS} or more days before asOf's day: fetch;</li>
 *   <li>it fetched traffic less than {@link #INTERVAL_DAYS} days ago: skip, next by that fetch's day + 7;</li>
 *   <li>it never fetched traffic (a first run, or a history from before this rule): fetch on the weekday its
 *       stable hash (CRC-32 of the lower-cased {@code owner/name}, mod 7) names, so that a first run over many
 *       quiet repositories asks for the traffic of a seventh of them; skip otherwise, next by that weekday.</li>
 * </ul>
 * An active repository's traffic is always fetched (it costs requests of its own anyway). Pure.
 */
public final class TrafficSchedule {
    /** Days between a quiet repository's traffic fetches: well inside GitHub's 14, so a missed run loses nothing. */
    public static final int INTERVAL_DAYS = 7;
    /** How every skipped quiet repository's traffic reason begins (its kind of gap, whatever the date). */
    public static final String SKIPPED = "quiet repository: traffic is fetched once a week";
    /** The reason quiet repositories' traffic carried before this schedule: a snapshot with it fetched none. */
    private static final String NEVER_FETCHED_BEFORE = "not collected for a quiet repository";

    private TrafficSchedule() {}

    /** Whether to fetch a quiet repository's traffic now, and else why not (the traffic metrics' reason). */
    public record Decision(boolean fetch, Optional<String> skippedReason) {
        public static Decision now() {
            return new Decision(true, Optional.empty());
        }

        public static Decision nextBy(LocalDate day) {
            return new Decision(false, Optional.of(SKIPPED + ", next by " + day
                    + "; GitHub keeps 14 days, so no day is lost"));
        }
    }

    /**
     * The decision for a quiet repository at {@code asOf}, given its stored snapshots (oldest first).
     */
    public static Decision forQuiet(RepoRef repo, List<Snapshot> stored, Instant asOf) {
        LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        Optional<LocalDate> fetched = latestFetch(stored);
        if (fetched.isPresent()) {
            LocalDate due = fetched.get().plusDays(INTERVAL_DAYS);
            return today.isBefore(due) ? Decision.nextBy(due) : Decision.now();
        }
        int offset = Math.floorMod(weekdayOf(repo) - weekdayIndex(today), 7);
        return offset == 0 ? Decision.now() : Decision.nextBy(today.plusDays(offset));
    }

    /**
     * The UTC day of the latest stored snapshot whose traffic was fetched: it has daily points, or its traffic is
     * missing for a reason GitHub gave (no push access, no point before asOf). A snapshot whose traffic was skipped
     * (this schedule's reason, or the one before it) or that is partial (traffic is the first dataset a budget cuts)
     * fetched none. Backfilled days share their run's fetch, whose own day is the latest of them.
     */
    public static Optional<LocalDate> latestFetch(List<Snapshot> stored) {
        for (int i = stored.size() - 1; i >= 0; i--) {
            Snapshot snapshot = stored.get(i);
            if (fetchedTraffic(snapshot)) {
                return Optional.of(LocalDate.ofInstant(snapshot.asOf(), ZoneOffset.UTC));
            }
        }
        return Optional.empty();
    }

    private static boolean fetchedTraffic(Snapshot snapshot) {
        if (!snapshot.traffic().isEmpty()) {
            return true;
        }
        String reason = snapshot.missing().get("traffic.views");
        return reason != null && !snapshot.collection().partial()
                && !reason.startsWith(SKIPPED) && !reason.startsWith(NEVER_FETCHED_BEFORE);
    }

    /** The weekday (0 = Monday … 6 = Sunday) on which a repository that never fetched traffic fetches it. */
    static int weekdayOf(RepoRef repo) {
        CRC32 crc = new CRC32();
        crc.update(repo.fullName().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 7);
    }

    private static int weekdayIndex(LocalDate day) {
        return day.getDayOfWeek().getValue() - 1;
    }
}
