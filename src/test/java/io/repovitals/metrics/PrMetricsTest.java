package io.repovitals.metrics;

import io.repovitals.OutcomeValues;
import io.repovitals.collect.Account;
import io.repovitals.collect.Datasets;
import io.repovitals.collect.PullRequests;
import io.repovitals.collect.PullRequests.PullRequest;
import io.repovitals.collect.PullRequests.Review;
import io.repovitals.model.Window;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * prs.* for the days of a backfill: one fetch over [11-06, 11-20], windows ending on earlier days,
 * each stating the state at its own asOf. (PullRequestsCollectorTest covers a fetched week end to end.)
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PrMetricsTest {
    private static final Account ALICE = new Account("alice", false);
    private static final Account BOB = new Account("bob", false);
    private static final Account CAROL = new Account("carol", false);
    private static final Account RENOVATE = new Account("renovate[bot]", true);

    private static Instant at(String monthDayTime) {
        return Instant.parse("2026-" + monthDayTime + ":00Z");
    }

    /** #1: ready from the start, reviewed 11-17, merged 11-18. #2: opened as draft 11-10, ready 11-17, never reviewed. */
    private static Datasets fetched() {
        PullRequest reviewed = new PullRequest(1, "one", ALICE, at("11-10T00:00"), at("11-18T00:00"), false, false,
                at("11-10T00:00"), at("11-18T00:00"), at("11-18T00:00"), "main", 3, 4,
                List.of(new Review(BOB, Review.State.APPROVED, at("11-17T00:00"))), List.of(), at("11-09T00:00"));
        PullRequest readied = new PullRequest(2, "two", ALICE, at("11-10T00:00"), at("11-17T00:00"), false, true,
                at("11-17T00:00"), null, null, "main", 1, 1, List.of(), List.of(), at("11-09T00:00"));
        return new Datasets().with(PullRequests.class, new PullRequests(at("11-06T00:00"), at("11-20T00:00"), "main",
                List.of(reviewed, readied)));
    }

    @Test
    void should_state_each_backfilled_day_as_it_was_then() {
        // asOf 11-16: #1 open and not yet reviewed (its review is a day later); #2 still a draft then.
        Map<String, Object> day16 = OutcomeValues.of(new PrMetrics().compute(fetched(), new Window(at("11-16T00:00"), 7), List.of()));
        // asOf 11-20: #1 merged 11-18 after its review; #2 ready since 11-17 and awaiting a review.
        Map<String, Object> day20 = OutcomeValues.of(new PrMetrics().compute(fetched(), new Window(at("11-20T00:00"), 7), List.of()));

        assertThat(day16).containsEntry("prs.opened", 2.0)
                .containsEntry("prs.awaiting_first_review", 1.0)
                .containsEntry("prs.merged", 0.0)
                .containsEntry("prs.time_to_merge_hours.p50", "missing: no pull request was merged in the window")
                .containsEntry("prs.merge_ratio", "missing: no pull request was merged or closed in the window")
                .containsEntry("prs.time_to_first_review_hours.p50", "missing: no pull request had its first review in the window");
        assertThat(day20).containsEntry("prs.opened", 0.0)
                .containsEntry("prs.awaiting_first_review", 1.0)
                .containsEntry("prs.merged", 1.0)
                .containsEntry("prs.time_to_merge_hours.p50", 192.0)          // 11-10 to 11-18
                .containsEntry("prs.time_to_first_review_hours.p50", 168.0)   // ready 11-10, reviewed 11-17
                .containsEntry("prs.reviews_per_pr", 1.0)
                .containsEntry("prs.review_coverage", 1.0)
                .containsEntry("prs.size_lines.p50", 7.0);
    }

    private static PullRequest merged(int number, Account author, String mergedAt, Review... reviews) {
        return new PullRequest(number, "pr " + number, author, at("11-08T00:00"), at(mergedAt), false, false,
                at("11-08T00:00"), at(mergedAt), at(mergedAt), "main", 1, 1, List.of(reviews), List.of(), at("11-07T00:00"));
    }

    private static Review review(Account author, Review.State state, String submittedAt) {
        return new Review(author, state, at(submittedAt));
    }

    /** Merged PRs, one for each way a PR can count as approved or not (carol is in ignore-users). */
    private static Datasets mergedWithReviews() {
        Review.State approved = Review.State.APPROVED;
        List<PullRequest> prs = List.of(
                merged(11, ALICE, "11-15T00:00", review(BOB, approved, "11-14T00:00")),
                merged(12, ALICE, "11-15T00:00", review(ALICE, approved, "11-14T00:00")),
                merged(13, ALICE, "11-15T00:00", review(RENOVATE, approved, "11-14T00:00")),
                merged(14, ALICE, "11-15T00:00", review(CAROL, approved, "11-14T00:00")),
                merged(15, ALICE, "11-15T00:00", review(BOB, Review.State.CHANGES_REQUESTED, "11-14T00:00"),
                        review(BOB, approved, "11-16T00:00")),
                merged(16, ALICE, "11-15T00:00", review(BOB, Review.State.DISMISSED, "11-14T00:00")),
                merged(17, ALICE, "11-15T00:00", review(BOB, Review.State.COMMENTED, "11-13T00:00"),
                        review(BOB, approved, "11-15T00:00")),
                merged(18, RENOVATE, "11-15T00:00"),
                merged(19, ALICE, "11-10T00:00"),
                new PullRequest(20, "open", ALICE, at("11-14T00:00"), at("11-14T00:00"), false, false,
                        at("11-14T00:00"), null, null, "main", 1, 1, List.of(), List.of(), at("11-13T00:00")));
        return new Datasets().with(PullRequests.class, new PullRequests(at("11-01T00:00"), at("11-20T00:00"), "main", prs));
    }

    @Test
    void should_count_a_merged_pr_as_approved_only_by_someone_else_s_approval_before_the_merge() {
        // Window [11-13, 11-20). Merged in it and counted: #11..#17 (#18 is a bot's, #19 merged 11-10, #20 is open): 7.
        // Approved before the merge: #11 (bob, 11-14) and #17 (bob, at the merge instant 11-15). Not approved: #12 (its
        // author's own), #13 (a bot's), #14 (carol, ignored), #15 (bob approved 11-16, after the merge), #16 (dismissed).
        // prs.merged_without_approval = 5 / 7. prs.review_coverage counts any qualifying review: #11, #15, #16, #17 = 4 / 7.
        Map<String, Object> values = OutcomeValues.of(new PrMetrics(Set.of("Carol"))
                .compute(mergedWithReviews(), new Window(at("11-20T00:00"), 7), List.of()));

        assertThat(values).containsEntry("prs.merged", 7.0)
                .containsEntry("prs.merged_without_approval", 5.0 / 7)
                .containsEntry("prs.review_coverage", 4.0 / 7);
    }

    @Test
    void should_report_the_share_without_approval_missing_when_nothing_was_merged_in_the_window() {
        // Window [11-02, 11-09): the first merge is #19's on 11-10.
        Map<String, Object> values = OutcomeValues.of(new PrMetrics(Set.of("carol"))
                .compute(mergedWithReviews(), new Window(at("11-09T00:00"), 7), List.of()));

        assertThat(values).containsEntry("prs.merged", 0.0)
                .containsEntry("prs.merged_without_approval", "missing: no pull request was merged in the window");
    }
}
