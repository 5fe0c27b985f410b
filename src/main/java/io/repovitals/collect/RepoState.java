package io.repovitals.collect;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code repo.*} needs (metrics.md §repo.*): the counts at collection time and every change
 * since {@code since}, so that the counts can be stated as at any instant of {@code [since, asOf]}
 * (one fetch serves every day of a backfill).
 *
 * @param defaultBranch       empty for an empty repository
 * @param fetchedAt           when the counts were read
 * @param since               every list below is complete from this instant on
 * @param asOf                the latest instant the data describes
 * @param starTimes           star times at or after {@code since}, or empty when GitHub withholds them
 * @param starTimesWithheld   the reason star times are missing, when they are
 * @param forkTimes           fork creation times at or after {@code since}
 * @param changedIssues       issues updated at or after {@code since}, with their open/close events since then
 * @param changedPullRequests pull requests updated at or after {@code since}, likewise
 */
public record RepoState(
        String nameWithOwner,
        Optional<String> defaultBranch,
        Instant fetchedAt,
        Instant since,
        Instant asOf,
        long stargazerCount,
        long forkCount,
        long watcherCount,
        long openIssueCount,
        long openPullRequestCount,
        long branchCount,
        Optional<List<Instant>> starTimes,
        Optional<String> starTimesWithheld,
        List<Instant> forkTimes,
        List<TrackedItem> changedIssues,
        List<TrackedItem> changedPullRequests) implements Dataset {

    public RepoState {
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(asOf, "asOf");
        if (since.isAfter(asOf)) {
            throw new IllegalArgumentException("since " + since + " is after asOf " + asOf);
        }
        starTimes = starTimes.map(List::copyOf);
        if (starTimes.isEmpty() && starTimesWithheld.isEmpty()) {
            throw new IllegalArgumentException("star times need a reason when absent");
        }
        forkTimes = List.copyOf(forkTimes);
        changedIssues = List.copyOf(changedIssues);
        changedPullRequests = List.copyOf(changedPullRequests);
    }

    /** True when this data can state the repository at every instant of {@code [from, to]}. */
    public boolean covers(Instant from, Instant to) {
        return !from.isBefore(since) && !to.isAfter(asOf);
    }

    /** An issue or pull request with all its open/close events since {@code since}, oldest first. */
    public record TrackedItem(Instant createdAt, boolean openNow, List<StateEvent> events) {
        public TrackedItem {
            Objects.requireNonNull(createdAt, "createdAt");
            events = events.stream().sorted(Comparator.comparing(StateEvent::at)).toList();
        }

        /**
         * Whether the item was open at {@code instant} (an event stamped at or before it has
         * happened): the last event by then decides; with none by then, the state before the
         * first later event; with no events at all, the state now.
         */
        public boolean openAt(Instant instant) {
            if (createdAt.isAfter(instant)) {
                return false;
            }
            StateEvent lastByThen = null;
            for (StateEvent event : events) {
                if (event.at().isAfter(instant)) {
                    return lastByThen != null ? lastByThen.opens() : !event.opens();
                }
                lastByThen = event;
            }
            return lastByThen != null ? lastByThen.opens() : openNow;
        }
    }

    public record StateEvent(Kind kind, Instant at) {
        public enum Kind { CLOSED, REOPENED, MERGED }

        boolean opens() {
            return kind == Kind.REOPENED;
        }
    }
}
