package io.repovitals.render;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One pull request's review velocity against the repository's usual, for the sticky PR comment
 * (contract.md "Publishing", {@code pr-comment}). Hours are null where they do not apply yet.
 *
 * @param hoursWaitingForFirstReview asOf - readyAt while no qualifying review exists; null once reviewed or while draft
 * @param hoursToFirstReview         firstReview.submittedAt - readyAt once reviewed; else null
 * @param hoursToMerge               mergedAt - createdAt when merged, else asOf - createdAt ("so far")
 * @param reviews                    qualifying reviews (not the author's, not bots', not PENDING)
 * @param firstReview                the history's usual time to first review (hours)
 * @param merge                      the history's usual time to merge (hours)
 * @param size                       the history's usual size in lines (additions + deletions)
 * @param reviewsPerPr               the history's usual number of reviews per PR
 * @param possibleReviewers          logins who reviewed recently in this repository, author and bots left out, most active first
 */
public record PrVelocity(String repository, int number, String title, String author, boolean draft, boolean merged,
                         Instant asOf, Double hoursWaitingForFirstReview, Double hoursToFirstReview, double hoursToMerge,
                         int additions, int deletions, int changedFiles, int reviews,
                         Usual firstReview, Usual merge, Usual size, Usual reviewsPerPr,
                         List<String> possibleReviewers) {

    /**
     * What is usual in this repository, from the stored history.
     *
     * @param p50   median over the history's snapshots of the metric's weekly p50 (or mean); null without history
     * @param p90   median over the history's snapshots of the metric's weekly p90; null where the catalog has none
     * @param weeks how many snapshots it was computed from
     */
    public record Usual(Double p50, Double p90, int weeks) {}

    public PrVelocity {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(asOf, "asOf");
        possibleReviewers = List.copyOf(possibleReviewers);
    }
}
