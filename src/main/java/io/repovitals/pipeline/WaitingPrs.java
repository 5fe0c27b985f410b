package io.repovitals.pipeline;

import io.repovitals.collect.PullRequests;
import io.repovitals.collect.PullRequests.PullRequest;
import io.repovitals.metrics.PrMetrics;
import io.repovitals.model.RepoRef;
import io.repovitals.render.WaitingPr;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The weekly report's "waiting longest" table: the pull requests that prs.awaiting_first_review counts (open,
 * not draft, no qualifying review at asOf, author neither bot nor ignored), longest waiting first. Pure.
 */
public final class WaitingPrs {
    private WaitingPrs() {}

    /**
     * @param limit at most this many (the full count is prs.awaiting_first_review of the same run, so a table
     *              cut at the limit can say "N of M")
     */
    public static List<WaitingPr> longest(RepoRef repo, PullRequests pulls, Instant asOf, Set<String> ignoreUsers,
                                          int limit) {
        return longest(repo, pulls, asOf, ignoreUsers, limit, null);
    }

    /** @param serverUrl {@code $GITHUB_SERVER_URL}, for each pull request's link; null for none */
    public static List<WaitingPr> longest(RepoRef repo, PullRequests pulls, Instant asOf, Set<String> ignoreUsers,
                                          int limit, String serverUrl) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        PrMetrics rules = new PrMetrics(ignoreUsers);
        return pulls.items().stream()
                .filter(rules::counted)
                .filter(pr -> rules.awaitingFirstReview(pr, asOf) && pr.readyAt() != null)
                .sorted(Comparator.comparing(PullRequest::readyAt).thenComparingInt(PullRequest::number))
                .limit(limit)
                .map(pr -> new WaitingPr(repo.fullName(), pr.number(), pr.title(),
                        pr.author().ghost() ? "ghost" : pr.author().login(), pr.readyAt(),
                        PrMetrics.hoursBetween(pr.readyAt(), asOf),
                        serverUrl == null ? null : WaitingPr.pageUrl(serverUrl, repo.fullName(), pr.number())))
                .toList();
    }
}
