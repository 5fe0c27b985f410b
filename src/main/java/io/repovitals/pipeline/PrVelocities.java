package io.repovitals.pipeline;

import io.repovitals.collect.Account;
import io.repovitals.collect.PullRequestOne;
import io.repovitals.collect.PullRequests.PullRequest;
import io.repovitals.collect.PullRequests.Review;
import io.repovitals.github.Bots;
import io.repovitals.metrics.PrMetrics;
import io.repovitals.model.ContributorStats;
import io.repovitals.model.MetricDef;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.render.PrVelocity;
import io.repovitals.render.PrVelocity.Usual;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the pr-comment's {@link PrVelocity}: one pull request (as {@link PullRequestOne} fetched it) measured by
 * the prs.* rules of {@link PrMetrics} (qualifying reviews, readyAt), against the repository's usual from its
 * stored snapshots of the last {@value #HISTORY_DAYS} days before asOf. Pure: no I/O, no clock.
 */
public final class PrVelocities {
    static final int HISTORY_DAYS = 90;
    static final int MAX_REVIEWERS = 5;

    private PrVelocities() {}

    /**
     * @param history     the repository's stored snapshots (any order; those outside the 90 days before asOf are ignored)
     * @param ignoreUsers the {@code ignore-users} logins, treated as bots
     */
    public static PrVelocity of(RepoRef repo, PullRequestOne.Fetched fetched, List<Snapshot> history, Instant asOf,
                                Set<String> ignoreUsers) {
        PrMetrics rules = new PrMetrics(ignoreUsers);
        PullRequest pr = fetched.pullRequest();
        List<Review> reviews = rules.qualifyingReviews(pr, asOf);
        boolean draft = pr.draftAt(asOf);
        Instant readyAt = draft ? null : pr.readyAt();
        Double waiting = readyAt != null && reviews.isEmpty() && pr.openAt(asOf)
                ? PrMetrics.hoursBetween(readyAt, asOf) : null;
        Double toFirstReview = readyAt != null && !reviews.isEmpty()
                ? PrMetrics.hoursBetween(readyAt, reviews.get(0).submittedAt()) : null;
        boolean merged = pr.mergedAt() != null && !pr.mergedAt().isAfter(asOf);
        double toMerge = PrMetrics.hoursBetween(pr.createdAt(), merged ? pr.mergedAt() : asOf);

        List<Snapshot> recent = recent(history, asOf);
        return new PrVelocity(repo.fullName(), pr.number(), pr.title(), login(pr.author()), draft, merged, asOf,
                waiting, toFirstReview, toMerge, pr.additions(), pr.deletions(), fetched.changedFiles(), reviews.size(),
                usual(recent, PrMetrics.FIRST_REVIEW_P50, PrMetrics.FIRST_REVIEW_P90),
                usual(recent, PrMetrics.TIME_TO_MERGE_P50, PrMetrics.TIME_TO_MERGE_P90),
                usual(recent, PrMetrics.SIZE_LINES_P50, null),
                usual(recent, PrMetrics.REVIEWS_PER_PR, null),
                possibleReviewers(recent, pr.author(), Account.ignoreList(ignoreUsers)));
    }

    /** Snapshots with asOf in {@code (asOf - 90 days, asOf]}. */
    static List<Snapshot> recent(List<Snapshot> history, Instant asOf) {
        Instant from = asOf.minus(Duration.ofDays(HISTORY_DAYS));
        return history.stream().filter(s -> s.asOf().isAfter(from) && !s.asOf().isAfter(asOf)).toList();
    }

    /**
     * p50: the median of {@code central} over the snapshots that measured it; p90: the median of {@code high}
     * over those that measured it (null without one); weeks: the snapshots behind p50.
     */
    static Usual usual(List<Snapshot> snapshots, MetricDef central, MetricDef high) {
        double[] centrals = values(snapshots, central);
        Double p90 = high == null ? null : median(values(snapshots, high));
        return new Usual(median(centrals), p90, centrals.length);
    }

    private static double[] values(List<Snapshot> snapshots, MetricDef def) {
        return snapshots.stream().map(s -> s.metrics().get(def.name())).filter(v -> v != null)
                .mapToDouble(Number::doubleValue).toArray();
    }

    /** metrics.md "Conventions": percentiles are Hyndman-Fan type 7, so the median of an even count is the mean of the middle two. */
    private static Double median(double[] values) {
        return values.length == 0 ? null
                : new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, 50);
    }

    /**
     * Most reviews in the snapshots' contributor rows first, then login; the author, bots and ignore-users left out.
     * A login counts as one whatever its case, shown as the newest snapshot spells it (older rows may be lower-cased).
     */
    static List<String> possibleReviewers(List<Snapshot> snapshots, Account author, Set<String> ignoreLowerCase) {
        Map<String, Integer> reviews = new HashMap<>();
        Map<String, String> spelling = new HashMap<>();
        Map<String, Instant> spelledAsOf = new HashMap<>();
        for (Snapshot snapshot : snapshots) {
            for (ContributorStats row : snapshot.contributors()) {
                Account account = new Account(row.login(), Bots.isBot(null, row.login()));
                if (row.reviews() > 0 && !account.botOrIgnored(ignoreLowerCase) && !account.sameAs(author)) {
                    String key = row.login().toLowerCase(Locale.ROOT);
                    reviews.merge(key, row.reviews(), Integer::sum);
                    Instant seen = spelledAsOf.get(key);
                    if (seen == null || snapshot.asOf().isAfter(seen)) {
                        spelling.put(key, row.login());
                        spelledAsOf.put(key, snapshot.asOf());
                    }
                }
            }
        }
        return reviews.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_REVIEWERS).map(entry -> spelling.get(entry.getKey())).toList();
    }

    private static String login(Account account) {
        return account.ghost() ? "ghost" : account.login();
    }
}
