package io.repovitals.pipeline;

import io.repovitals.collect.Account;
import io.repovitals.collect.PullRequestOne;
import io.repovitals.collect.PullRequests.PullRequest;
import io.repovitals.collect.PullRequests.Review;
import io.repovitals.collect.PullRequests.Review.State;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.ContributorStats;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.render.PrVelocity;
import io.repovitals.render.PrVelocity.Usual;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The PR comment's figures, every expected value worked out by hand in the comments. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PrVelocitiesTest {
    private static final RepoRef REPO = RepoRef.parse("octo-org/widgets");
    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    private static final Account ALICE = new Account("alice", false);

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    private static Review review(String login, boolean bot, State state, String submittedAt) {
        return new Review(new Account(login, bot), state, submittedAt == null ? null : at(submittedAt));
    }

    /**
     * Opened as a draft 11-16 08:00, ready 11-17 10:00, 120+30 lines in 6 files. Reviews: a bot's (10:30) and the
     * author's (11:00) right after it was ready, carol's PENDING one, bob's approval 11-18 16:00, dave's 11-19 09:00.
     */
    private static PullRequestOne.Fetched madeReady() {
        PullRequest pr = new PullRequest(42, "Parse config lazily", ALICE, at("2026-11-16T08:00:00Z"),
                at("2026-11-19T09:00:00Z"), false, true, at("2026-11-17T10:00:00Z"), null, null, "main", 120, 30,
                List.of(review("copilot-pull-request-reviewer", true, State.COMMENTED, "2026-11-17T10:30:00Z"),
                        review("alice", false, State.COMMENTED, "2026-11-17T11:00:00Z"),
                        review("carol", false, State.PENDING, null),
                        review("bob", false, State.APPROVED, "2026-11-18T16:00:00Z"),
                        review("dave", false, State.CHANGES_REQUESTED, "2026-11-19T09:00:00Z")),
                List.of(), at("2026-11-16T07:00:00Z"));
        return new PullRequestOne.Fetched(pr, 6);
    }

    @Test
    void should_measure_a_reviewed_draft_from_when_it_became_ready() {
        PrVelocity velocity = PrVelocities.of(REPO, madeReady(), List.of(), AS_OF, Set.of());

        assertThat(velocity.repository()).isEqualTo("octo-org/widgets");
        assertThat(velocity.number()).isEqualTo(42);
        assertThat(velocity.author()).isEqualTo("alice");
        assertThat(velocity.draft()).isFalse();
        assertThat(velocity.merged()).isFalse();
        // bob and dave qualify; the bot's, the author's and the PENDING review do not.
        assertThat(velocity.reviews()).isEqualTo(2);
        assertThat(velocity.hoursWaitingForFirstReview()).isNull();
        // ready 11-17 10:00 -> bob 11-18 16:00 = 30 h (the bot's 10:30 and the author's 11:00 would have said 0.5 / 1)
        assertThat(velocity.hoursToFirstReview()).isEqualTo(30.0);
        // created 11-16 08:00 -> asOf 11-20 00:00 = 3 days 16 h = 88 h so far
        assertThat(velocity.hoursToMerge()).isEqualTo(88.0);
        assertThat(velocity.additions()).isEqualTo(120);
        assertThat(velocity.deletions()).isEqualTo(30);
        assertThat(velocity.changedFiles()).isEqualTo(6);
    }

    @Test
    void should_count_the_wait_from_ready_while_only_the_author_and_a_bot_have_reviewed() {
        Instant asOf = at("2026-11-18T12:00:00Z");

        PrVelocity velocity = PrVelocities.of(REPO, madeReady(), List.of(), asOf, Set.of());

        // ready 11-17 10:00 -> 11-18 12:00 = 26 h, not 52 h from creation
        assertThat(velocity.hoursWaitingForFirstReview()).isEqualTo(26.0);
        assertThat(velocity.hoursToFirstReview()).isNull();
        assertThat(velocity.reviews()).isZero();
        // created 11-16 08:00 -> 11-18 12:00 = 52 h
        assertThat(velocity.hoursToMerge()).isEqualTo(52.0);
    }

    @Test
    void should_not_wait_for_anyone_while_still_a_draft() {
        Instant asOf = at("2026-11-17T09:00:00Z");

        PrVelocity velocity = PrVelocities.of(REPO, madeReady(), List.of(), asOf, Set.of());

        assertThat(velocity.draft()).isTrue();
        assertThat(velocity.hoursWaitingForFirstReview()).isNull();
        assertThat(velocity.hoursToFirstReview()).isNull();
        assertThat(velocity.hoursToMerge()).isEqualTo(25.0); // 11-16 08:00 -> 11-17 09:00
    }

    @Test
    void should_leave_out_an_ignored_reviewer_and_stop_the_clock_at_the_merge() {
        PullRequest pr = new PullRequest(50, "Bump deps", ALICE, at("2026-11-10T00:00:00Z"), at("2026-11-12T06:00:00Z"),
                false, false, at("2026-11-10T00:00:00Z"), at("2026-11-12T06:00:00Z"), at("2026-11-12T06:00:00Z"),
                "main", 3, 3, List.of(review("Renovate-Helper", false, State.APPROVED, "2026-11-11T00:00:00Z")),
                List.of(), null);

        PrVelocity velocity = PrVelocities.of(REPO, new PullRequestOne.Fetched(pr, 1), List.of(), AS_OF,
                Set.of("renovate-helper"));

        assertThat(velocity.merged()).isTrue();
        assertThat(velocity.reviews()).isZero();
        assertThat(velocity.hoursToFirstReview()).isNull();
        assertThat(velocity.hoursWaitingForFirstReview()).as("merged: waiting for nobody any more").isNull();
        assertThat(velocity.hoursToMerge()).isEqualTo(54.0); // 11-10 00:00 -> 11-12 06:00
    }

    private static Snapshot snapshot(String asOf, Map<String, Number> metrics, Map<String, String> missing,
                                     List<ContributorStats> contributors) {
        return new Snapshot(Snapshot.SCHEMA_VERSION, "octo-org/widgets", at(asOf), 7, new TreeMap<>(metrics),
                new TreeMap<>(missing), contributors, List.of(), CollectionStats.NONE);
    }

    private static ContributorStats reviewer(String login, int reviews) {
        return new ContributorStats(login, 0, 0, 0, reviews, 0, 0, 0);
    }

    private static Map<String, Number> prs(double firstP50, Double firstP90, double mergeP50, double mergeP90,
                                           double size, double reviewsPerPr) {
        Map<String, Number> metrics = new TreeMap<>();
        metrics.put("prs.time_to_first_review_hours.p50", firstP50);
        if (firstP90 != null) {
            metrics.put("prs.time_to_first_review_hours.p90", firstP90);
        }
        metrics.put("prs.time_to_merge_hours.p50", mergeP50);
        metrics.put("prs.time_to_merge_hours.p90", mergeP90);
        metrics.put("prs.size_lines.p50", size);
        metrics.put("prs.reviews_per_pr", reviewsPerPr);
        metrics.put("prs.merged", 4L);
        return metrics;
    }

    /** Six snapshots; the first is 97 days before asOf and the last a week after it, both with values that would show. */
    private static List<Snapshot> history() {
        return List.of(
                snapshot("2026-08-15T00:00:00Z", prs(1000, 1000.0, 1000, 1000, 1000, 100), Map.of(),
                        List.of(reviewer("hank", 50))),
                snapshot("2026-10-30T00:00:00Z", prs(10, 40.0, 20, 100, 50, 1.0), Map.of(),
                        List.of(reviewer("bob", 3), reviewer("carol", 2), reviewer("alice", 5),
                                reviewer("dependabot[bot]", 9), reviewer("zed", 1))),
                snapshot("2026-11-06T00:00:00Z", prs(4, 30.0, 30, 80, 150, 2.0), Map.of(),
                        List.of(reviewer("carol", 2), reviewer("dave", 1), reviewer("erin", 4),
                                reviewer("renovate-helper", 6), reviewer("ALICE", 2), reviewer("olga", 0))),
                snapshot("2026-11-13T00:00:00Z", prs(6, null, 50, 60, 90, 1.5),
                        Map.of("prs.time_to_first_review_hours.p90", "no pull request had its first review in the window"),
                        List.of(reviewer("frank", 1), reviewer("bob", 1), reviewer("gina", 1))),
                snapshot("2026-11-20T00:00:00Z", withoutFirstReview(prs(0, null, 40, 70, 100, 3.0)),
                        Map.of("prs.time_to_first_review_hours.p50", "no pull request had its first review in the window"),
                        List.of()),
                snapshot("2026-11-27T00:00:00Z", prs(2000, 2000.0, 2000, 2000, 2000, 200), Map.of(),
                        List.of(reviewer("ivan", 50))));
    }

    private static Map<String, Number> withoutFirstReview(Map<String, Number> metrics) {
        metrics.remove("prs.time_to_first_review_hours.p50");
        return metrics;
    }

    @Test
    void should_take_the_usual_as_medians_of_the_last_90_days_of_snapshots() {
        PrVelocity velocity = PrVelocities.of(REPO, madeReady(), history(), AS_OF, Set.of());

        // Used: 10-30, 11-06, 11-13, 11-20 (08-15 is 97 days back, 11-27 after asOf).
        // first review p50 over [10, 4, 6] = 6; p90 over [40, 30] = 35 (the mean of the middle two); 3 snapshots
        assertThat(velocity.firstReview()).isEqualTo(new Usual(6.0, 35.0, 3));
        // merge p50 over [20, 30, 50, 40] = (30 + 40) / 2 = 35; p90 over [100, 80, 60, 70] = (70 + 80) / 2 = 75
        assertThat(velocity.merge()).isEqualTo(new Usual(35.0, 75.0, 4));
        // size over [50, 150, 90, 100] = (90 + 100) / 2 = 95; the catalog has no size p90
        assertThat(velocity.size()).isEqualTo(new Usual(95.0, null, 4));
        // reviews per PR over [1, 2, 1.5, 3] = (1.5 + 2) / 2 = 1.75
        assertThat(velocity.reviewsPerPr()).isEqualTo(new Usual(1.75, null, 4));
    }

    @Test
    void should_suggest_the_most_active_reviewers_but_not_the_author_bots_or_ignored_users() {
        PrVelocity velocity = PrVelocities.of(REPO, madeReady(), history(), AS_OF, Set.of("Renovate-Helper"));

        // Totals in the 90 days: bob 3+1 = 4, carol 2+2 = 4, erin 4, then dave, frank, gina, zed 1 each.
        // alice/ALICE is the author, dependabot[bot] a bot, renovate-helper ignored, olga never reviewed,
        // hank and ivan lie outside the 90 days. At most 5, ties by login.
        assertThat(velocity.possibleReviewers()).containsExactly("bob", "carol", "erin", "dave", "frank");
    }

    @Test
    void should_count_a_reviewer_once_whatever_the_case_and_show_the_newest_spelling() {
        // An older snapshot stored KarlH lower-cased (as read from a no-reply address); the newer one has GitHub's spelling.
        List<Snapshot> history = List.of(
                snapshot("2026-10-30T00:00:00Z", prs(10, 40.0, 20, 100, 50, 1.0), Map.of(),
                        List.of(reviewer("karlh", 2), reviewer("bob", 3))),
                snapshot("2026-11-13T00:00:00Z", prs(6, 30.0, 50, 60, 90, 1.5), Map.of(),
                        List.of(reviewer("KarlH", 2))));

        PrVelocity velocity = PrVelocities.of(REPO, madeReady(), history, AS_OF, Set.of());

        // KarlH 2 + 2 = 4 before bob 3; counted apart they would be bob 3, KarlH 2, karlh 2.
        assertThat(velocity.possibleReviewers()).containsExactly("KarlH", "bob");
    }

    @Test
    void should_have_no_usual_without_history() {
        PrVelocity velocity = PrVelocities.of(REPO, madeReady(), List.of(), AS_OF, Set.of());

        assertThat(velocity.firstReview()).isEqualTo(new Usual(null, null, 0));
        assertThat(velocity.merge()).isEqualTo(new Usual(null, null, 0));
        assertThat(velocity.size()).isEqualTo(new Usual(null, null, 0));
        assertThat(velocity.possibleReviewers()).isEmpty();
    }
}
