package io.repovitals.collect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * metrics.md §prs.* and §dora.*: every pull request that was open at some instant of
 * {@code [since, asOf]} or changed in it (all open ones, and the closed or merged ones updated at or
 * after {@code since}), plus those merged at or after {@code mergedSince}, with their reviews, conversation
 * comments and oldest commit. Bots included: the metric families decide (prs.* leave them out, dora.* counts them).
 *
 * @param since         the items are complete for every window inside {@code [since, asOf]}
 * @param mergedSince   at or before {@code since}: every PR merged at or after it is here too (dora.lead_time_hours.p50
 *                      needs those merged since the last deployment before the window)
 * @param defaultBranch the repository's default branch (DORA counts PRs merged into it)
 */
public record PullRequests(Instant since, Instant mergedSince, Instant asOf, String defaultBranch, List<PullRequest> items)
        implements Dataset {
    public PullRequests {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(mergedSince, "mergedSince");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(defaultBranch, "defaultBranch");
        if (mergedSince.isAfter(since)) {
            throw new IllegalArgumentException("mergedSince " + mergedSince + " is after since " + since);
        }
        items = List.copyOf(items);
    }

    /** Merged PRs from {@code since} on only. */
    public PullRequests(Instant since, Instant asOf, String defaultBranch, List<PullRequest> items) {
        this(since, since, asOf, defaultBranch, items);
    }

    /**
     * @param draftNow       whether the PR is a draft now
     * @param openedAsDraft  whether it was opened as a draft (its first draft/ready event is a ReadyForReviewEvent,
     *                       or it has none and is still a draft)
     * @param readyAt        metrics.md readyAt: {@code createdAt}, or the first ReadyForReviewEvent of a PR opened
     *                       as a draft; null while it is still in draft
     * @param mergedAt       null when not merged
     * @param closedAt       null when open (merged PRs are closed at their merge)
     * @param oldestCommitAt the smallest committed date among the PR's own commits; null when it has none
     */
    public record PullRequest(
            int number,
            String title,
            Account author,
            Instant createdAt,
            Instant updatedAt,
            boolean draftNow,
            boolean openedAsDraft,
            Instant readyAt,
            Instant mergedAt,
            Instant closedAt,
            String baseRefName,
            int additions,
            int deletions,
            List<Review> reviews,
            List<Comment> comments,
            Instant oldestCommitAt) {

        public PullRequest {
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
            Objects.requireNonNull(baseRefName, "baseRefName");
            if (mergedAt != null && closedAt == null) {
                throw new IllegalArgumentException("PR #" + number + " is merged, so it is closed");
            }
            if (!openedAsDraft && readyAt != null && !readyAt.equals(createdAt)) {
                throw new IllegalArgumentException("PR #" + number + " was not opened as a draft: ready at creation");
            }
            reviews = List.copyOf(reviews);
            comments = List.copyOf(comments);
        }

        public Optional<Instant> merged() {
            return Optional.ofNullable(mergedAt);
        }

        /** Open at asOf: created at or before it and not yet closed then (state at asOf, metrics.md "Conventions"). */
        public boolean openAt(Instant asOf) {
            return !createdAt.isAfter(asOf) && (closedAt == null || closedAt.isAfter(asOf));
        }

        /** A draft at asOf: opened as one and not yet ready then, or a draft now that was opened ready (converted later). */
        public boolean draftAt(Instant asOf) {
            if (openedAsDraft) {
                return readyAt == null || readyAt.isAfter(asOf);
            }
            return draftNow;
        }
    }

    /** A pull request review; {@code submittedAt} is null for a PENDING review. */
    public record Review(Account author, State state, Instant submittedAt) {
        public enum State { APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING }

        public Review {
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(state, "state");
            if (state != State.PENDING && submittedAt == null) {
                throw new IllegalArgumentException("a submitted review has a time");
            }
        }

        public boolean submitted() {
            return state != State.PENDING && submittedAt != null;
        }
    }
}
