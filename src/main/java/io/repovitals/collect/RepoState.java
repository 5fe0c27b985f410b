package io.repovitals.collect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code repo.*} needs (metrics.md §repo.*): the counts at collection time and every change
 * after the cutoffs, so that the counts can be stated as at asOf.
 *
 * @param defaultBranch      empty for an empty repository
 * @param fetchedAt          when the counts were read
 * @param asOf               the instant the item histories are relative to
 * @param changesSince       stars and forks are complete from this instant on (the window start)
 * @param starTimes          star times at or after {@code changesSince}, or empty when GitHub withholds them
 * @param starTimesWithheld  the reason star times are missing, when they are
 * @param forkTimes          fork creation times at or after {@code changesSince}
 * @param changedIssues      issues updated after asOf (their state at asOf may differ from now)
 * @param changedPullRequests pull requests updated after asOf
 */
public record RepoState(
        String nameWithOwner,
        Optional<String> defaultBranch,
        Instant fetchedAt,
        Instant asOf,
        Instant changesSince,
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
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(changesSince, "changesSince");
        starTimes = starTimes.map(List::copyOf);
        if (starTimes.isEmpty() && starTimesWithheld.isEmpty()) {
            throw new IllegalArgumentException("star times need a reason when absent");
        }
        forkTimes = List.copyOf(forkTimes);
        changedIssues = List.copyOf(changedIssues);
        changedPullRequests = List.copyOf(changedPullRequests);
    }

    /** An issue or pull request, with the first open/close event after asOf if there was one. */
    public record TrackedItem(Instant createdAt, boolean openNow, Optional<StateEvent> firstEventAfterAsOf) {
        public TrackedItem {
            Objects.requireNonNull(createdAt, "createdAt");
        }

        /** Whether the item was open at {@code asOf}, the instant its events are relative to. */
        public boolean openAt(Instant asOf) {
            if (createdAt.isAfter(asOf)) {
                return false;
            }
            return firstEventAfterAsOf.map(event -> event.kind() != StateEvent.Kind.REOPENED).orElse(openNow);
        }
    }

    public record StateEvent(Kind kind, Instant at) {
        public enum Kind { CLOSED, REOPENED, MERGED }
    }
}
