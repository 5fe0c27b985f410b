package io.repovitals.metrics;

import io.repovitals.collect.Account;
import io.repovitals.collect.Datasets;
import io.repovitals.collect.PullRequests;
import io.repovitals.collect.PullRequests.PullRequest;
import io.repovitals.collect.PullRequests.Review;
import io.repovitals.model.MetricDef;
import io.repovitals.model.MetricDef.Unit;
import io.repovitals.model.Outcome;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * metrics.md §prs.*: pull requests, bot-authored ones (and {@code ignore-users}) left out. A
 * qualifying review is submitted (never PENDING) by someone neither the PR's author nor a bot.
 * Pure: no I/O, no clock.
 */
public final class PrMetrics implements MetricFamily {
    static final String TITLE = "prs.* — pull requests (bot-authored ones left out)";
    static final String ABOUT = "A **qualifying review** is a submitted pull request review (state `APPROVED`,"
            + " `CHANGES_REQUESTED`, `COMMENTED` or `DISMISSED`; never `PENDING`) by an account that is neither the"
            + " PR's author nor a bot. **readyAt** of a PR is its `createdAt`, or, for a PR opened as a draft, the"
            + " time of its first `ReadyForReviewEvent` (a PR still in draft has no readyAt and is waiting for nobody).";
    private static final String UNFETCHED = "the pull requests could not be fetched, or were fetched for a span"
            + " that does not cover the window";
    private static final String BOTS = "PRs by bots and `ignore-users`";
    private static final String NONE_MERGED = UNFETCHED + "; or no PR was merged in the window";

    public static final MetricDef OPENED = MetricDef.count("prs.opened", "pull requests opened").withLabel("PRs opened")
            .withDefinition("PRs with `createdAt` in window").withExcluded(BOTS).withMissingWhen(UNFETCHED);
    public static final MetricDef MERGED = MetricDef.count("prs.merged", "pull requests merged").withLabel("PRs merged")
            .withDefinition("PRs with `mergedAt` in window").withExcluded(BOTS).withMissingWhen(UNFETCHED)
            .withBetter(MetricDef.Better.HIGHER);
    public static final MetricDef CLOSED_UNMERGED = MetricDef.count("prs.closed_unmerged", "pull requests closed unmerged")
            .withLabel("PRs closed unmerged")
            .withDefinition("PRs with `closedAt` in window and no `mergedAt`").withExcluded(BOTS).withMissingWhen(UNFETCHED);
    public static final MetricDef MERGE_RATIO = new MetricDef("prs.merge_ratio", Unit.RATIO, "merged / (merged + closed unmerged)")
            .withLabel("PR merge ratio")
            .withDefinition("`prs.merged / (prs.merged + prs.closed_unmerged)`").withExcluded(BOTS)
            .withMissingWhen(UNFETCHED + "; or no PR was merged or closed in the window")
            .withBetter(MetricDef.Better.HIGHER);
    public static final MetricDef TIME_TO_MERGE_MEAN = timeToMerge("mean", "mean time to merge");
    public static final MetricDef TIME_TO_MERGE_P50 = timeToMerge("p50", "median time to merge");
    public static final MetricDef TIME_TO_MERGE_P90 = timeToMerge("p90", "p90 time to merge");
    public static final MetricDef FIRST_REVIEW_P50 = timeToFirstReview("p50", "median time to first review");
    public static final MetricDef FIRST_REVIEW_P90 = timeToFirstReview("p90", "p90 time to first review");
    public static final MetricDef AWAITING_FIRST_REVIEW = MetricDef.count("prs.awaiting_first_review", "open PRs awaiting a first review")
            .withDefinition("PRs open at asOf, not draft, with no qualifying review submitted at or before asOf")
            .withExcluded(BOTS + "; drafts").withMissingWhen(UNFETCHED)
            .withBetter(MetricDef.Better.LOWER);
    public static final MetricDef REVIEWS_PER_PR = new MetricDef("prs.reviews_per_pr", Unit.NUMBER, "reviews per merged PR")
            .withDefinition("mean number of qualifying reviews submitted at or before `mergedAt`, over PRs merged in window")
            .withExcluded(BOTS).withMissingWhen(NONE_MERGED);
    public static final MetricDef REVIEW_COVERAGE = new MetricDef("prs.review_coverage", Unit.RATIO, "share of merged PRs reviewed")
            .withDefinition("share (0..1) of PRs merged in window with at least one qualifying review at or before `mergedAt`")
            .withExcluded(BOTS).withMissingWhen(NONE_MERGED)
            .withBetter(MetricDef.Better.HIGHER);
    public static final MetricDef MERGED_WITHOUT_APPROVAL = new MetricDef("prs.merged_without_approval", Unit.RATIO,
            "share of merged PRs without an approval").withLabel("PRs merged without approval")
            .withDefinition("share (0..1) of PRs merged in window with no qualifying review in state `APPROVED` submitted"
                    + " at or before `mergedAt` (an approval since dismissed has state `DISMISSED` and does not count)")
            .withExcluded(BOTS + "; approvals by the PR's author, by bots or by `ignore-users`").withMissingWhen(NONE_MERGED)
            .withBetter(MetricDef.Better.LOWER);
    public static final MetricDef SIZE_LINES_P50 = new MetricDef("prs.size_lines.p50", Unit.NUMBER, "median lines changed per merged PR")
            .withDefinition(Stats.words("p50") + " of `additions + deletions` over PRs merged in window")
            .withExcluded(BOTS).withMissingWhen(NONE_MERGED);

    public static final List<MetricDef> DEFS = List.of(OPENED, MERGED, CLOSED_UNMERGED, MERGE_RATIO,
            TIME_TO_MERGE_MEAN, TIME_TO_MERGE_P50, TIME_TO_MERGE_P90, FIRST_REVIEW_P50, FIRST_REVIEW_P90,
            AWAITING_FIRST_REVIEW, REVIEWS_PER_PR, REVIEW_COVERAGE, MERGED_WITHOUT_APPROVAL, SIZE_LINES_P50);

    private final Set<String> ignoreUsers;

    public PrMetrics() {
        this(Set.of());
    }

    /** @param ignoreUsers logins of the {@code ignore-users} setting, treated as bots */
    public PrMetrics(Set<String> ignoreUsers) {
        this.ignoreUsers = Account.ignoreList(ignoreUsers);
    }

    private static MetricDef timeToMerge(String statistic, String summary) {
        return new MetricDef("prs.time_to_merge_hours." + statistic, Unit.HOURS, summary)
                .withLabel(Stats.label(statistic, "time to merge"))
                .withDefinition(Stats.words(statistic) + " of `mergedAt - createdAt` over PRs merged in window")
                .withExcluded(BOTS).withMissingWhen(NONE_MERGED)
                .withBetter(MetricDef.Better.LOWER);
    }

    private static MetricDef timeToFirstReview(String statistic, String summary) {
        return new MetricDef("prs.time_to_first_review_hours." + statistic, Unit.HOURS, summary)
                .withLabel(Stats.label(statistic, "first review"))
                .withDefinition(Stats.words(statistic) + " of `firstReview.submittedAt - readyAt` over PRs whose first"
                        + " qualifying review was submitted in window (even if after the merge)")
                .withExcluded(BOTS + "; PRs still in draft")
                .withMissingWhen(UNFETCHED + "; or no PR had its first qualifying review in the window")
                .withBetter(MetricDef.Better.LOWER);
    }

    @Override
    public List<MetricDef> defs() {
        return DEFS;
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public String about() {
        return ABOUT;
    }

    @Override
    public List<Outcome> compute(Datasets data, Window window, List<Snapshot> earlier) {
        return from(data, PullRequests.class, window,
                pulls -> compute(pulls.items().stream().filter(this::counted).toList(), window));
    }

    private List<Outcome> compute(List<PullRequest> prs, Window window) {
        Instant asOf = window.asOf();
        List<PullRequest> merged = prs.stream().filter(pr -> window.contains(pr.mergedAt())).toList();
        long closedUnmerged = prs.stream().filter(pr -> pr.mergedAt() == null && window.contains(pr.closedAt())).count();
        long opened = prs.stream().filter(pr -> window.contains(pr.createdAt())).count();

        List<Double> timeToMerge = merged.stream().map(pr -> Stats.hours(pr.createdAt(), pr.mergedAt())).toList();
        List<Double> firstReview = new ArrayList<>();
        for (PullRequest pr : prs) {
            // A PR still in draft at asOf has no readyAt and waits for nobody.
            if (pr.readyAt() == null || pr.readyAt().isAfter(asOf)) {
                continue;
            }
            firstQualifyingReview(pr).filter(window::contains)
                    .ifPresent(at -> firstReview.add(Stats.hours(pr.readyAt(), at)));
        }
        long awaiting = prs.stream().filter(pr -> awaitingFirstReview(pr, asOf)).count();
        List<Double> reviewsBeforeMerge = merged.stream()
                .map(pr -> (double) qualifying(pr).filter(review -> !review.submittedAt().isAfter(pr.mergedAt())).count())
                .toList();
        List<Double> unapproved = merged.stream().map(pr -> approvedBeforeMerge(pr) ? 0.0 : 1.0).toList();
        List<Double> sizes = merged.stream().map(pr -> (double) (pr.additions() + pr.deletions())).toList();

        String noMerged = "no pull request was merged in the window";
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(Outcome.value(OPENED, opened));
        outcomes.add(Outcome.value(MERGED, merged.size()));
        outcomes.add(Outcome.value(CLOSED_UNMERGED, closedUnmerged));
        outcomes.add(Stats.ratio(MERGE_RATIO, merged.size(), merged.size() + closedUnmerged,
                "no pull request was merged or closed in the window"));
        outcomes.add(Stats.mean(TIME_TO_MERGE_MEAN, timeToMerge, noMerged));
        outcomes.add(Stats.percentile(TIME_TO_MERGE_P50, timeToMerge, 50, noMerged));
        outcomes.add(Stats.percentile(TIME_TO_MERGE_P90, timeToMerge, 90, noMerged));
        String noReview = "no pull request had its first review in the window";
        outcomes.add(Stats.percentile(FIRST_REVIEW_P50, firstReview, 50, noReview));
        outcomes.add(Stats.percentile(FIRST_REVIEW_P90, firstReview, 90, noReview));
        outcomes.add(Outcome.value(AWAITING_FIRST_REVIEW, awaiting));
        outcomes.add(Stats.mean(REVIEWS_PER_PR, reviewsBeforeMerge, noMerged));
        outcomes.add(Stats.mean(REVIEW_COVERAGE, reviewsBeforeMerge.stream().map(count -> count > 0 ? 1.0 : 0.0).toList(), noMerged));
        outcomes.add(Stats.mean(MERGED_WITHOUT_APPROVAL, unapproved, noMerged));
        outcomes.add(Stats.percentile(SIZE_LINES_P50, sizes, 50, noMerged));
        return outcomes;
    }

    /** Whether the PR counts in prs.*: its author is neither a bot nor in {@code ignore-users}. */
    public boolean counted(PullRequest pr) {
        return !pr.author().botOrIgnored(ignoreUsers);
    }

    /**
     * prs.awaiting_first_review for one PR: open and not a draft at asOf, with no qualifying review submitted
     * at or before asOf. (Whether its author counts is {@link #counted}'s question.)
     */
    public boolean awaitingFirstReview(PullRequest pr, Instant asOf) {
        return pr.openAt(asOf) && !pr.draftAt(asOf)
                && qualifying(pr).noneMatch(review -> !review.submittedAt().isAfter(asOf));
    }

    /** The PR's qualifying reviews submitted at or before {@code until}, oldest first. */
    public List<Review> qualifyingReviews(PullRequest pr, Instant until) {
        return qualifying(pr).filter(review -> !review.submittedAt().isAfter(until))
                .sorted(Comparator.comparing(Review::submittedAt)).toList();
    }

    /** {@code to - from} in hours as every prs.* duration is measured (negative clamped to 0). */
    public static double hoursBetween(Instant from, Instant to) {
        return Stats.hours(from, to);
    }

    /** Submitted reviews (never PENDING) by an account that is neither the PR's author nor a bot. */
    private Stream<Review> qualifying(PullRequest pr) {
        return pr.reviews().stream().filter(review -> qualifies(review, pr.author()));
    }

    private boolean qualifies(Review review, Account prAuthor) {
        return review.submitted() && !review.author().botOrIgnored(ignoreUsers) && !review.author().sameAs(prAuthor);
    }

    /** prs.merged_without_approval for one merged PR: whether a qualifying APPROVED review came at or before the merge. */
    private boolean approvedBeforeMerge(PullRequest pr) {
        return qualifying(pr).anyMatch(review -> review.state() == Review.State.APPROVED
                && !review.submittedAt().isAfter(pr.mergedAt()));
    }

    private Optional<Instant> firstQualifyingReview(PullRequest pr) {
        return qualifying(pr).map(Review::submittedAt).min(Instant::compareTo);
    }
}
